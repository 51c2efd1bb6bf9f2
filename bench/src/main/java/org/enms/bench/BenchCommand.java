package org.enms.bench;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ./enms bench}: throughput and footprint measurements of this node's own code, bounded in
 * time and against loopback services only. Figures and the machine they came from are kept in
 * docs/benchmarks.md. The {@code ./enms} script runs this class from the bench module's jar, so the
 * node's jar carries no benchmark.
 */
@Command(
    name = "enms bench",
    mixinStandardHelpOptions = true,
    description =
        "Measure ingest throughput, the database write path, machine-entity heap, scoring cost, WebSocket event latency, forecasts, KPI and report latency.",
    subcommands = {
      PipelineBench.class,
      WriterBench.class,
      EntitiesBench.class,
      ScoringBench.class,
      ForecastBench.class,
      KpiBench.class,
      ReportBench.class,
      VoiceBench.class,
      FactorySummaryBench.class,
      ReadEndpointsBench.class,
      WebSocketBench.class,
      AccuracyBench.class,
      CapacityBench.class
    })
public final class BenchCommand implements Callable<Integer> {

  public static void main(String[] args) {
    int code = new CommandLine(new BenchCommand()).execute(args);
    // A bench's node or clients may leave non-daemon threads behind once measured.
    System.exit(code);
  }

  @Override
  public Integer call() {
    new CommandLine(this).usage(System.out);
    return 0;
  }
}
