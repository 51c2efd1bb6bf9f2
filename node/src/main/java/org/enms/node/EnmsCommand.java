package org.enms.node;

import com.typesafe.config.ConfigFactory;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./enms}: the command line of an EnMS node. */
@Command(
    name = "enms",
    mixinStandardHelpOptions = true,
    description = "EnMS: energy management for industrial plants.",
    version = "EnMS 0.1.0-SNAPSHOT",
    // The benchmarks live in the bench module (not in this jar); the script dispatches to them.
    footer = {"", "Benchmarks: ./enms bench --help lists them."},
    subcommands = {
      EnmsCommand.Run.class,
      org.enms.node.cli.ImportCommand.class,
      org.enms.node.cli.MachinesCommand.class,
      org.enms.node.cli.TokenCommand.class,
      CommandLine.HelpCommand.class
    })
public final class EnmsCommand implements Callable<Integer> {

  public static void main(String[] args) {
    int code =
        new CommandLine(new EnmsCommand())
            // The simulator's own command line (run, load, replay) as `./enms simulator ...`.
            .addSubcommand(
                "simulator",
                new CommandLine(new org.enms.simulator.SimulatorCommand())
                    .setCommandName("simulator"))
            .execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }

  /** Runs a node until it is stopped (Ctrl-C or SIGTERM trigger coordinated shutdown). */
  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description =
          "Run a node. With no configuration: embedded PostgreSQL and MQTT broker, the demo-plant"
              + " simulator and the API on port 8001, data under ./data (ENMS_DATA_DIR).")
  static final class Run implements Callable<Integer> {
    @CommandLine.Option(
        names = "--no-simulator",
        description = "Do not run the demo-plant simulator.")
    boolean noSimulator;

    @Override
    public Integer call() throws Exception {
      if (noSimulator) {
        System.setProperty("enms.simulator.enabled", "false");
      }
      ConfigFactory.invalidateCaches();
      var system = Node.start(ConfigFactory.load());
      system.getWhenTerminated().toCompletableFuture().join();
      return 0;
    }
  }
}
