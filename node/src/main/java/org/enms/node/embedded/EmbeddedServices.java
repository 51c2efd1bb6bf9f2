package org.enms.node.embedded;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts what the configuration leaves to the node itself: a PostgreSQL when {@code enms.db.url} is
 * {@code embedded}, an MQTT broker when {@code enms.ingest.broker-url} is. Returns the
 * configuration with the real URLs filled in, so the rest of the node never knows the difference.
 */
public final class EmbeddedServices implements AutoCloseable {
  public static final String EMBEDDED = EmbeddedSettings.EMBEDDED;

  private final Config config;
  private final List<AutoCloseable> started;

  private EmbeddedServices(Config config, List<AutoCloseable> started) {
    this.config = config;
    this.started = started;
  }

  public static EmbeddedServices start(Config config) {
    EmbeddedSettings settings = EmbeddedSettings.fromConfig(config);
    List<AutoCloseable> started = new ArrayList<>();
    Config resolved = config;
    if (settings.embeddedDatabase()) {
      EmbeddedPostgresServer pg =
          EmbeddedPostgresServer.start(
              settings.dataDir().resolve("postgres"), settings.postgresPort(), "enms");
      started.add(pg);
      resolved =
          resolved
              .withValue("enms.db.url", ConfigValueFactory.fromAnyRef(pg.jdbcUrl()))
              .withValue("enms.db.user", ConfigValueFactory.fromAnyRef("postgres"))
              .withValue("enms.db.password", ConfigValueFactory.fromAnyRef(""));
    }
    if (settings.embeddedBroker()) {
      EmbeddedMqttBroker broker =
          EmbeddedMqttBroker.start(
              settings.dataDir().resolve("mqtt"),
              settings.mqttPort(),
              settings.mqttMaxPayloadBytes());
      started.add(broker);
      resolved =
          resolved
              .withValue("enms.ingest.broker-url", ConfigValueFactory.fromAnyRef(broker.url()))
              // A node with its own broker is alone, so it needs no shared subscription; and
              // HiveMQ CE can stall QoS 1 shared subscriptions (hivemq-community-edition#558).
              .withValue("enms.ingest.shared-group", ConfigValueFactory.fromAnyRef(""));
    }
    // The in-process simulator publishes to whatever broker the ingest reads.
    resolved =
        resolved.withValue(
            "enms.simulator.broker-url",
            ConfigValueFactory.fromAnyRef(resolved.getString("enms.ingest.broker-url")));
    return new EmbeddedServices(resolved.resolve(), started);
  }

  public Config config() {
    return config;
  }

  @Override
  public void close() {
    for (int i = started.size() - 1; i >= 0; i--) {
      try {
        started.get(i).close();
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(EmbeddedServices.class).warn("stop failed", e);
      }
    }
  }
}
