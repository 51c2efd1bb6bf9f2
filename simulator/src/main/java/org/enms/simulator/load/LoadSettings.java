package org.enms.simulator.load;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A load run.
 *
 * @param machines synthetic machines N; ids are name UUIDs of {@code load-machine-0..N-1}
 * @param ratePerSecond total readings per second over all machines; 0 means as fast as possible
 * @param connections MQTT connections K; machine i publishes over connection {@code i % K}
 * @param batchSize readings per message; 1 publishes one energy message per reading, more packs
 *     them into gateway batch messages
 * @param duration stop after this long, if set
 * @param count stop after this many readings, if set
 */
public record LoadSettings(
    String brokerUrl,
    String clientIdPrefix,
    int machines,
    double ratePerSecond,
    int connections,
    int qos,
    int batchSize,
    int maxInflight,
    Optional<Duration> duration,
    OptionalLong count) {

  public LoadSettings {
    if (machines < 1 || connections < 1 || batchSize < 1 || maxInflight < 1) {
      throw new IllegalArgumentException("machines, connections, batch and in-flight must be >= 1");
    }
    if (connections > machines) {
      throw new IllegalArgumentException("need at least one machine per connection");
    }
    if (qos < 0 || qos > 2) {
      throw new IllegalArgumentException("qos must be 0, 1 or 2");
    }
    if (ratePerSecond < 0) {
      throw new IllegalArgumentException("rate must be >= 0");
    }
    if (duration.isEmpty() && count.isEmpty()) {
      throw new IllegalArgumentException("a load run needs a duration or a count");
    }
  }
}
