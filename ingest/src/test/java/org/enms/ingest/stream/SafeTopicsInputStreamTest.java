package org.enms.ingest.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.junit.jupiter.api.Test;

class SafeTopicsInputStreamTest {
  private static final byte[] PINGRESP = {(byte) 0xd0, 0};
  private static final byte[] SUBACK = {(byte) 0x90, 3, 0, 1, 1};

  /** A QoS 1 PUBLISH with packet id 7. */
  private static byte[] publish(byte[] topic, byte[] payload) {
    var body = new ByteArrayOutputStream();
    body.write(topic.length >> 8);
    body.write(topic.length & 0xff);
    body.writeBytes(topic);
    body.write(0);
    body.write(7);
    body.writeBytes(payload);
    var packet = new ByteArrayOutputStream();
    packet.write(0x32);
    int remaining = body.size();
    do {
      int digit = remaining % 128;
      remaining /= 128;
      packet.write(remaining > 0 ? digit | 0x80 : digit);
    } while (remaining > 0);
    packet.writeBytes(body.toByteArray());
    return packet.toByteArray();
  }

  private static byte[] publish(String topic, String payload) {
    return publish(topic.getBytes(UTF_8), payload.getBytes(UTF_8));
  }

  /** Everything the stream gives, read in chunks of random sizes as a socket would give them. */
  private static byte[] readAll(InputStream in, Random random) throws IOException {
    var out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64];
    while (true) {
      int n =
          random.nextInt(4) == 0
              ? singleByte(in, buffer)
              : in.read(buffer, 0, 1 + random.nextInt(64));
      if (n < 0) {
        return out.toByteArray();
      }
      out.write(buffer, 0, n);
    }
  }

  private static int singleByte(InputStream in, byte[] buffer) throws IOException {
    int b = in.read();
    if (b < 0) {
      return -1;
    }
    buffer[0] = (byte) b;
    return 1;
  }

  private static String topicAsPahoReadsIt(byte[] packet) throws Exception {
    return ((MqttPublish) MqttWireMessage.createWireMessage(packet)).getTopicName();
  }

  @Test
  void pahoItselfDropsTheConnectionOnAnEmojiInATopic() {
    assertThatThrownBy(() -> topicAsPahoReadsIt(publish("factory/😀/m/energy", "{}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid UTF-8 char");
  }

  @Test
  void replacesWhatPahoCannotReadAndLeavesEverythingElseAsItWas() throws Exception {
    List<String> topics =
        List.of(
            "factory/😀🏭/m/energy",
            "factory/ＡＢＣ/ｶﾀｶﾅ/energy",
            "factory/\uFFFD\uFDD0\uFEFF/m/energy",
            "factory/a\u0001b\u0085c\u009f\u007f/m/energy",
            "factory/Werk Süd/机器-1/energy",
            "factory/\u202Eevil/m/energy");
    List<String> expected =
        List.of(
            "factory/????????/m/energy",
            "factory/?????????/????????????/energy",
            "factory/?????????/m/energy",
            "factory/a?b??c???/m/energy",
            "factory/Werk Süd/机器-1/energy",
            "factory/\u202Eevil/m/energy");
    var stream = new ByteArrayOutputStream();
    List<byte[]> packets = new ArrayList<>();
    for (String topic : topics) {
      packets.add(publish(topic, "{\"n\":\"😀\"}"));
      packets.add(PINGRESP);
      packets.add(SUBACK);
    }
    packets.forEach(stream::writeBytes);
    byte[] in = stream.toByteArray();

    byte[] out = readAll(new SafeTopicsInputStream(new ByteArrayInputStream(in)), new Random(3));

    assertThat(out).hasSameSizeAs(in);
    int at = 0;
    for (int i = 0; i < packets.size(); i++) {
      byte[] packet = java.util.Arrays.copyOfRange(out, at, at + packets.get(i).length);
      at += packet.length;
      if (i % 3 == 0) {
        assertThat(topicAsPahoReadsIt(packet)).isEqualTo(expected.get(i / 3));
        assertThat(
                ((MqttPublish) MqttWireMessage.createWireMessage(packet)).getMessage().getPayload())
            .asString(UTF_8)
            .isEqualTo("{\"n\":\"😀\"}");
      } else {
        assertThat(packet).isEqualTo(packets.get(i));
      }
    }
  }

  @Test
  void replacesMalformedUtf8ByteByByte() {
    byte[] topic = {
      'a',
      (byte) 0xc0,
      (byte) 0x80,
      (byte) 0xed,
      (byte) 0xa0,
      (byte) 0x80,
      (byte) 0xe2,
      (byte) 0x82,
      'b',
      (byte) 0xff
    };
    assertThat(SafeTopicsInputStream.replaceUnreadable(topic))
        .asString(UTF_8)
        .isEqualTo("a???????b?");
  }

  @Test
  void passesLargePayloadsAndEmptyTopicsThrough() throws Exception {
    byte[] payload = new byte[300_000];
    new Random(5).nextBytes(payload);
    byte[] large = publish("factory/x/😀/energy".getBytes(UTF_8), payload);
    byte[] emptyTopic = publish(new byte[0], new byte[] {1, 2, 3});
    var stream = new ByteArrayOutputStream();
    stream.writeBytes(large);
    stream.writeBytes(emptyTopic);

    byte[] out =
        readAll(
            new SafeTopicsInputStream(new ByteArrayInputStream(stream.toByteArray())),
            new Random(9));

    MqttPublish first =
        (MqttPublish) MqttWireMessage.createWireMessage(java.util.Arrays.copyOf(out, large.length));
    assertThat(first.getTopicName()).isEqualTo("factory/x/????/energy");
    assertThat(first.getMessage().getPayload()).isEqualTo(payload);
    assertThat(java.util.Arrays.copyOfRange(out, large.length, out.length)).isEqualTo(emptyTopic);
  }
}
