package org.enms.simulator;

import com.typesafe.config.Config;
import java.util.Optional;
import org.enms.simulator.mqtt.MqttSettings;

/**
 * The {@code enms.simulator} configuration section (defaults in this module's reference.conf).
 *
 * @param speedUp divides every machine's interval; 1.0 is real time
 * @param randomSeed seed of the machines' random generators; 0 seeds from the clock
 */
public record SimulatorSettings(
    MqttSettings mqtt,
    boolean httpEnabled,
    String httpHost,
    int httpPort,
    boolean autoStart,
    double speedUp,
    long randomSeed) {

  public static SimulatorSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.simulator");
    var mqtt =
        new MqttSettings(
            c.getString("broker-url"),
            c.getString("client-id"),
            nonEmpty(c.getString("username")),
            nonEmpty(c.getString("password")),
            c.getInt("max-inflight"));
    return new SimulatorSettings(
        mqtt,
        c.getBoolean("http.enabled"),
        c.getString("http.host"),
        c.getInt("http.port"),
        c.getBoolean("auto-start"),
        c.getDouble("speed-up"),
        c.getLong("random-seed"));
  }

  public SimulatorSettings withMqtt(MqttSettings settings) {
    return new SimulatorSettings(
        settings, httpEnabled, httpHost, httpPort, autoStart, speedUp, randomSeed);
  }

  public SimulatorSettings withHttp(String host, int port) {
    return new SimulatorSettings(mqtt, true, host, port, autoStart, speedUp, randomSeed);
  }

  public SimulatorSettings withAutoStart(boolean start) {
    return new SimulatorSettings(mqtt, httpEnabled, httpHost, httpPort, start, speedUp, randomSeed);
  }

  public SimulatorSettings withSpeedUp(double factor) {
    return new SimulatorSettings(
        mqtt, httpEnabled, httpHost, httpPort, autoStart, factor, randomSeed);
  }

  /** The seed to use: the configured one, or one from the clock when 0. */
  public long effectiveSeed() {
    return randomSeed != 0 ? randomSeed : System.nanoTime();
  }

  private static Optional<String> nonEmpty(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
