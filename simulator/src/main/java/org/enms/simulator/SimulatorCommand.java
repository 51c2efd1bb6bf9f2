package org.enms.simulator;

import com.typesafe.config.ConfigFactory;
import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.enms.simulator.load.LoadGenerator;
import org.enms.simulator.load.LoadReport;
import org.enms.simulator.load.LoadSettings;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.mqtt.Publisher;
import org.enms.simulator.replay.ReplayPublisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Command line: {@code run} the demo plant with its API, {@code load} test, {@code replay} CSV. */
@Command(
    name = "enms-simulator",
    mixinStandardHelpOptions = true,
    subcommands = {
      SimulatorCommand.Run.class,
      SimulatorCommand.Load.class,
      SimulatorCommand.Replay.class
    },
    description = "EnMS factory simulator: publishes machine readings over MQTT.")
public final class SimulatorCommand implements Runnable {

  public static void main(String[] args) {
    System.exit(new CommandLine(new SimulatorCommand()).execute(args));
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Options every subcommand shares. */
  static class BrokerOptions {
    @Option(
        names = "--broker",
        description = "MQTT broker URL (default: enms.simulator.broker-url)")
    String broker;

    String brokerOr(String fallback) {
      return broker != null ? broker : fallback;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Simulate the eight demo-plant machines and serve the control API.")
  static final class Run implements Callable<Integer> {
    @CommandLine.Mixin BrokerOptions broker = new BrokerOptions();

    @Option(names = "--http-port", description = "API port (default: enms.simulator.http.port)")
    Integer httpPort;

    @Option(names = "--speed-up", description = "divide every machine's interval by this")
    Double speedUp;

    @Option(names = "--no-auto-start", description = "wait for POST /simulator/start")
    boolean noAutoStart;

    @Override
    public Integer call() throws Exception {
      var config = ConfigFactory.load();
      SimulatorSettings settings = SimulatorSettings.fromConfig(config);
      var mqtt = settings.mqtt();
      settings =
          settings.withMqtt(
              new MqttSettings(
                  broker.brokerOr(mqtt.brokerUrl()),
                  mqtt.clientId(),
                  mqtt.username(),
                  mqtt.password(),
                  mqtt.maxInflight()));
      if (httpPort != null) {
        settings = settings.withHttp(settings.httpHost(), httpPort);
      }
      if (speedUp != null) {
        settings = settings.withSpeedUp(speedUp);
      }
      if (noAutoStart) {
        settings = settings.withAutoStart(false);
      }
      ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "enms-simulator", config);
      Simulator.start(system, settings);
      system.getWhenTerminated().toCompletableFuture().get();
      return 0;
    }
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description = "Publish synthetic energy readings at a fixed total rate.")
  static final class Load implements Callable<Integer> {
    @CommandLine.Mixin BrokerOptions broker = new BrokerOptions();

    @Option(names = "--machines", defaultValue = "1000", description = "synthetic machines")
    int machines;

    @Option(
        names = "--rate",
        defaultValue = "1000",
        description = "total readings per second (0 = as fast as possible)")
    double rate;

    @Option(names = "--connections", defaultValue = "4", description = "MQTT connections")
    int connections;

    @Option(names = "--qos", defaultValue = "1", description = "0, 1 or 2")
    int qos;

    @Option(
        names = "--batch",
        defaultValue = "1",
        description = "readings per gateway message (1 = one energy message per reading)")
    int batch;

    @Option(
        names = "--max-inflight",
        defaultValue = "10000",
        description = "unacknowledged messages per connection")
    int maxInflight;

    @Option(names = "--duration", description = "stop after this many seconds")
    Long durationSeconds;

    @Option(names = "--count", description = "stop after this many readings")
    Long count;

    @Override
    public Integer call() throws Exception {
      String url =
          broker.brokerOr(SimulatorSettings.fromConfig(ConfigFactory.load()).mqtt().brokerUrl());
      var settings =
          new LoadSettings(
              url,
              "enms-load-" + ProcessHandle.current().pid(),
              machines,
              rate,
              connections,
              qos,
              batch,
              maxInflight,
              Optional.ofNullable(durationSeconds).map(Duration::ofSeconds),
              count == null ? OptionalLong.empty() : OptionalLong.of(count));
      LoadReport report = new LoadGenerator(settings, System.out).run();
      System.out.println(report);
      return report.failed() == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "replay",
      mixinStandardHelpOptions = true,
      description =
          "Publish historical readings from a CSV "
              + "(time,machine_id,power_kw,energy_kwh[,production_count]), keeping their timestamps.")
  static final class Replay implements Callable<Integer> {
    @CommandLine.Mixin BrokerOptions broker = new BrokerOptions();

    @CommandLine.Parameters(index = "0", description = "CSV file")
    Path file;

    @Option(
        names = "--speed-up",
        defaultValue = "0",
        description = "history seconds per real second (0 = as fast as possible)")
    double speedUp;

    @Option(names = "--qos", defaultValue = "1", description = "0, 1 or 2")
    int qos;

    @Override
    public Integer call() throws Exception {
      var base = SimulatorSettings.fromConfig(ConfigFactory.load()).mqtt();
      var mqtt =
          new MqttSettings(
              broker.brokerOr(base.brokerUrl()),
              "enms-replay-" + ProcessHandle.current().pid(),
              base.username(),
              base.password(),
              1000);
      try (Publisher publisher = Publisher.connect(mqtt);
          BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        publisher.connected().toCompletableFuture().get(15, TimeUnit.SECONDS);
        long published = new ReplayPublisher(publisher, speedUp, qos).replay(reader);
        System.out.printf("replayed %,d readings (%,d failed)%n", published, publisher.failed());
        return publisher.failed() == 0 ? 0 : 1;
      }
    }
  }
}
