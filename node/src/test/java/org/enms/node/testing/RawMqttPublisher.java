package org.enms.node.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MQTT 3.1.1 publisher over a plain socket (CONNECT, QoS 1 PUBLISH, DISCONNECT), for what
 * Paho will not send: Paho 1.2.5 refuses to publish a topic with an emoji in it (the same defect
 * that makes it drop received ones, eclipse-paho/paho.mqtt.java#818), but brokers and other clients
 * carry such topics. Test support, shared through node's test-jar.
 */
public final class RawMqttPublisher implements AutoCloseable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private int packetId;

  private RawMqttPublisher(Socket socket) throws IOException {
    this.socket = socket;
    this.socket.setSoTimeout(10_000);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** Connects with a clean session to {@code tcp://host:port}. */
  public static RawMqttPublisher connect(String brokerUrl, String clientId) throws IOException {
    URI uri = URI.create(brokerUrl);
    var publisher = new RawMqttPublisher(new Socket(uri.getHost(), uri.getPort()));
    var body = new ByteArrayOutputStream();
    writeString(body, "MQTT".getBytes(StandardCharsets.UTF_8));
    body.write(4); // protocol level 3.1.1
    body.write(0x02); // clean session
    body.write(0);
    body.write(60); // keep-alive, s
    writeString(body, clientId.getBytes(StandardCharsets.UTF_8));
    publisher.send(0x10, body.toByteArray());
    publisher.expect(0x20, "CONNACK");
    if (publisher.in.readUnsignedByte() != 0 | publisher.in.readUnsignedByte() != 0) {
      throw new IOException("connection refused by the broker");
    }
    return publisher;
  }

  /** Publishes with QoS 1 and waits for the broker's PUBACK. */
  public void publish(byte[] topic, byte[] payload) throws IOException {
    packetId = packetId % 65_535 + 1;
    var body = new ByteArrayOutputStream();
    writeString(body, topic);
    body.write(packetId >> 8);
    body.write(packetId & 0xff);
    body.writeBytes(payload);
    send(0x32, body.toByteArray());
    expect(0x40, "PUBACK");
    int acked = in.readUnsignedShort();
    if (acked != packetId) {
      throw new IOException("PUBACK for " + acked + ", expected " + packetId);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      send(0xe0, new byte[0]);
    } finally {
      socket.close();
    }
  }

  private void send(int header, byte[] body) throws IOException {
    var packet = new ByteArrayOutputStream();
    packet.write(header);
    int remaining = body.length;
    do {
      int digit = remaining % 128;
      remaining /= 128;
      packet.write(remaining > 0 ? digit | 0x80 : digit);
    } while (remaining > 0);
    packet.writeBytes(body);
    out.write(packet.toByteArray());
    out.flush();
  }

  private void expect(int header, String what) throws IOException {
    int got = in.readUnsignedByte();
    int length = in.readUnsignedByte();
    if (got != header || length != 2) {
      throw new IOException("expected " + what + ", got packet 0x" + Integer.toHexString(got));
    }
  }

  private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
    out.write(bytes.length >> 8);
    out.write(bytes.length & 0xff);
    out.writeBytes(bytes);
  }
}
