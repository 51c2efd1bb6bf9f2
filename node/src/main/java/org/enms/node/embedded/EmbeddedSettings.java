package org.enms.node.embedded;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * What decides the embedded services: a database or broker URL of {@code "embedded"} starts one in
 * this JVM, keeping its data under {@code dataDir}, on the given port.
 *
 * @param mqttMaxPayloadBytes the ingest's limit ({@code enms.ingest.max-payload-bytes}), which the
 *     embedded broker enforces too
 */
public record EmbeddedSettings(
    Path dataDir,
    String dbUrl,
    int postgresPort,
    String brokerUrl,
    int mqttPort,
    int mqttMaxPayloadBytes) {
  public static final String EMBEDDED = "embedded";

  public static EmbeddedSettings fromConfig(Config root) {
    Config enms = root.getConfig("enms");
    return new EmbeddedSettings(
        Path.of(enms.getString("data-dir")).toAbsolutePath(),
        enms.getString("db.url"),
        enms.getInt("embedded.postgres-port"),
        enms.getString("ingest.broker-url"),
        enms.getInt("embedded.mqtt-port"),
        Math.toIntExact(enms.getBytes("ingest.max-payload-bytes")));
  }

  public boolean embeddedDatabase() {
    return EMBEDDED.equals(dbUrl);
  }

  public boolean embeddedBroker() {
    return EMBEDDED.equals(brokerUrl);
  }

  /** The URL of the embedded database once it runs (e.g. started by another process). */
  public String embeddedDbUrl() {
    return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/enms";
  }
}
