package org.enms.node.embedded;

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
 */
public final class EmbeddedMqttBroker implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedMqttBroker.class);

  /** Messages the broker keeps per offline or slow session before it drops; generous on purpose. */
  private static final int MAX_QUEUED_MESSAGES = 1_000_000;

  private final EmbeddedHiveMQ hiveMq;
  private final int port;

  private EmbeddedMqttBroker(EmbeddedHiveMQ hiveMq, int port) {
    this.hiveMq = hiveMq;
    this.port = port;
  }

  public static EmbeddedMqttBroker start(Path folder, int port) {
    try {
      Path conf = Files.createDirectories(folder.resolve("conf"));
      Path data = Files.createDirectories(folder.resolve("data"));
      Path extensions = Files.createDirectories(folder.resolve("extensions"));
      Files.writeString(conf.resolve("config.xml"), config(port));
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
          "embedded mqtt broker url=tcp://127.0.0.1:{} folder={} started_ms={}",
          port,
          folder,
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedMqttBroker(hiveMq, port);
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

  @Override
  public void close() {
    try {
      hiveMq.stop().get(30, TimeUnit.SECONDS);
      hiveMq.close();
    } catch (Exception e) {
      log.warn("embedded mqtt broker did not stop cleanly", e);
    }
  }

  private static String config(int port) {
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
            <queued-messages>
              <max-queue-size>%d</max-queue-size>
            </queued-messages>
          </mqtt>
          <anonymous-usage-statistics>
            <enabled>false</enabled>
          </anonymous-usage-statistics>
        </hivemq>
        """
        .formatted(port, MAX_QUEUED_MESSAGES);
  }
}
