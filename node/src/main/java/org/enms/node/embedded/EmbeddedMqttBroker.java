package org.enms.node.embedded;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT broker inside this JVM (HiveMQ CE), for running and testing without a broker service.
 * Sessions and queued messages persist in its data folder, so a node restarted against the same
 * folder gets what it had not acknowledged. It listens on loopback only.
 *
 * <p>It refuses packets larger than the ingest accepts (plus room for the topic), by disconnecting
 * their sender: HiveMQ's default is MQTT's maximum of 256 MB, and a few such messages in the
 * ingest's buffers would exhaust the node's heap.
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

  /** Messages the broker keeps per offline or slow session before it drops; generous on purpose. */
  private static final int MAX_QUEUED_MESSAGES = 1_000_000;

  /**
   * Unacknowledged QoS 1 messages HiveMQ sends one subscriber connection; the ingest's connector
   * allows as many. HiveMQ's own default is 50, and the ingest acknowledges only after its batch
   * commits, so one connection carried at most 50 messages per commit round trip (~1,000/s); the
   * project's Mosquitto configuration raises the same window for the same reason.
   */
  private static final int MAX_INFLIGHT_MESSAGES = 1_000;

  /** A PUBLISH's fixed header (5), topic length (2), topic (up to 65,535) and packet id (2). */
  private static final int PUBLISH_OVERHEAD_BYTES = 5 + 2 + 65_535 + 2;

  private final EmbeddedHiveMQ hiveMq;
  private final int port;
  private final int maxPacketBytes;

  private EmbeddedMqttBroker(EmbeddedHiveMQ hiveMq, int port, int maxPacketBytes) {
    this.hiveMq = hiveMq;
    this.port = port;
    this.maxPacketBytes = maxPacketBytes;
  }

  /**
   * Starts a broker that takes messages of up to {@code maxPayloadBytes} on any topic (larger ones
   * on short topics too, up to {@link #maxPacketBytes()} for the whole packet).
   */
  public static EmbeddedMqttBroker start(Path folder, int port, int maxPayloadBytes) {
    int maxPacketBytes = maxPayloadBytes + PUBLISH_OVERHEAD_BYTES;
    try {
      Path conf = Files.createDirectories(folder.resolve("conf"));
      Path data = Files.createDirectories(folder.resolve("data"));
      Path extensions = Files.createDirectories(folder.resolve("extensions"));
      Files.writeString(conf.resolve("config.xml"), config(port, maxPacketBytes));
      // Not in HiveMQ CE's config.xml: a static its publish polling reads, set before it starts.
      InternalConfigurations.MAX_INFLIGHT_WINDOW_SIZE_MESSAGES = MAX_INFLIGHT_MESSAGES;
      EmbeddedHiveMQ hiveMq =
          EmbeddedHiveMQ.builder()
              .withConfigurationFolder(conf)
              .withDataFolder(data)
              .withExtensionsFolder(extensions)
              .withoutLoggingBootstrap()
              .build();
      long started = System.nanoTime();
      hiveMq.start().get(60, TimeUnit.SECONDS);
      log.info(
          "embedded mqtt broker url=tcp://127.0.0.1:{} folder={} max_packet_bytes={} started_ms={}",
          port,
          folder,
          maxPacketBytes,
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedMqttBroker(hiveMq, port, maxPacketBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new IllegalStateException("embedded MQTT broker did not start on port " + port, e);
    }
  }

  public String url() {
    return "tcp://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The largest MQTT packet it accepts, bytes; a larger one disconnects its sender. */
  public int maxPacketBytes() {
    return maxPacketBytes;
  }

  @Override
  public void close() {
    try {
      hiveMq.stop().get(30, TimeUnit.SECONDS);
      hiveMq.close();
    } catch (Exception e) {
      log.warn("embedded mqtt broker did not stop cleanly", e);
    }
  }

  private static String config(int port, int maxPacketBytes) {
    return """
        <?xml version="1.0"?>
        <hivemq>
          <listeners>
            <tcp-listener>
              <port>%d</port>
              <bind-address>127.0.0.1</bind-address>
            </tcp-listener>
          </listeners>
          <mqtt>
            <packets>
              <max-packet-size>%d</max-packet-size>
            </packets>
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
            </queued-messages>
          </mqtt>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """
        .formatted(port, maxPacketBytes, MAX_QUEUED_MESSAGES);
  }
}
