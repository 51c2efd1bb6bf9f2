package org.enms.bench;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench scoring}: the cost of scoring one reading in a machine entity, measured by
 * JMH ({@link ScoringBenchmark}) in a forked JVM. Prints JMH's table (ns per reading) and the load
 * average before and after, as the figures mean little on a busy machine.
 */
@Command(
    name = "scoring",
    mixinStandardHelpOptions = true,
    description = "Cost of scoring one reading (live anomaly detection), by JMH.")
final class ScoringBench implements Callable<Integer> {
  @Option(
      names = "--reference",
      split = ",",
      description =
          "What readings are scored against: profile, tow, towt, production (default: all).")
  String[] references;

  @Option(
      names = "--from-scratch",
      description = "Also time the baseline's expectation evaluated from scratch (no cache).")
  boolean fromScratch;

  @Option(names = "--cpu-only", description = "Only the CPU-time loop, no JMH run.")
  boolean cpuOnly;

  @Option(names = "--forks", description = "JVMs forked (default ${DEFAULT-VALUE}).")
  int forks = 1;

  @Option(names = "--iterations", description = "Measured iterations (default ${DEFAULT-VALUE}).")
  int iterations = 5;

  @Option(names = "--warmup-iterations", description = "Default ${DEFAULT-VALUE}.")
  int warmups = 3;

  @Option(names = "--seconds", description = "Seconds per iteration (default ${DEFAULT-VALUE}).")
  int seconds = 2;

  private static final String[] REFERENCES = {"profile", "tow", "towt", "production"};
  private static final int WARM_READINGS = 500_000;
  private static final int CPU_READINGS = 2_000_000;

  private record CpuRun(double cpuNanosPerReading, long findings) {}

  /** Scores as the benchmark does, in this thread, timed by the thread's CPU clock. */
  private static CpuRun cpuTimed(String reference) {
    var bench = new ScoringBenchmark();
    bench.reference = reference;
    bench.setUp();
    long found = 0;
    for (int i = 0; i < WARM_READINGS; i++) {
      found += bench.scoreOneReading();
    }
    var threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < CPU_READINGS; i++) {
      found += bench.scoreOneReading();
    }
    long cpu = threads.getCurrentThreadCpuTime() - start;
    return new CpuRun(cpu / (double) CPU_READINGS, found);
  }

  @Override
  public Integer call() throws Exception {
    var options =
        new OptionsBuilder()
            .include(ScoringBenchmark.class.getName() + ".scoreOneReading")
            .forks(forks)
            .measurementIterations(iterations)
            .warmupIterations(warmups)
            .measurementTime(TimeValue.seconds(seconds))
            .warmupTime(TimeValue.seconds(seconds))
            .jvmArgsAppend("-XX:+UseParallelGC");
    if (fromScratch) {
      options.include(ScoringBenchmark.class.getName() + ".expectationFromScratch");
    }
    if (references != null) {
      options.param("reference", references);
    }
    // JMH's figures are wall-clock; on shared cores the thread's CPU time per reading says more.
    for (String reference : references != null ? references : REFERENCES) {
      var run = cpuTimed(reference);
      System.out.printf(
          "%-10s %,7.0f ns CPU per reading (%,d readings after %,d untimed); %d findings (the"
              + " benchmark times normal readings)%n",
          reference, run.cpuNanosPerReading(), CPU_READINGS, WARM_READINGS, run.findings());
    }
    if (cpuOnly) {
      System.out.println("load average: " + LoadAverage.read());
      return 0;
    }
    System.out.println("load average before: " + LoadAverage.read());
    new Runner(options.build()).run();
    System.out.println("load average after: " + LoadAverage.read());
    return 0;
  }
}
