package org.enms.bench;

import java.nio.file.Path;
import org.enms.node.testing.MosquittoProcess;
import picocli.CommandLine.Option;

/**
 * The options every bench that starts a Mosquitto of its own takes ({@code @Mixin}): which binary
 * and which configuration (the project's recommended one by default).
 */
final class BenchMosquittoOptions {
  @Option(
      names = "--mosquitto-conf",
      description = "Broker configuration (default ${DEFAULT-VALUE}).")
  Path conf = Path.of("docker/mosquitto.conf");

  @Option(names = "--mosquitto-binary", description = "Default ${DEFAULT-VALUE}.")
  String binary = "mosquitto";

  /** Starts a broker on a free loopback port, its output appended to {@code log}. */
  MosquittoProcess start(Path log) {
    return MosquittoProcess.start(binary, conf, log);
  }
}
