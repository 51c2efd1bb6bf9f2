package org.enms.node;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.enms.simulator.load.LoadGenerator;
import org.enms.simulator.load.LoadReport;
import org.enms.simulator.load.LoadSettings;

/**
 * The simulator's load generator publishing distinct QoS 1 readings of the load machines at a
 * steady rate until stopped, in back-to-back runs of a few seconds (a run cannot be stopped
 * midway). Each run stamps its readings from its own start, after the previous run has drained, so
 * no two readings share a machine and time; each counts only what the broker acknowledged.
 */
final class SimulatorFeed implements AutoCloseable {
  private static final Duration RUN = Duration.ofSeconds(5);
  private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

  private final String brokerUrl;
  private final int machines;
  private final double ratePerSecond;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong acknowledged = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final Thread thread;
  private volatile Exception error;

  SimulatorFeed(String brokerUrl, int machines, double ratePerSecond) {
    this.brokerUrl = brokerUrl;
    this.machines = machines;
    this.ratePerSecond = ratePerSecond;
    this.thread = new Thread(this::feed, "simulator-feed");
    thread.setDaemon(true);
    thread.start();
  }

  private void feed() {
    for (int run = 0; running.get(); run++) {
      var settings =
          new LoadSettings(
              brokerUrl,
              "simulator-feed-" + run,
              machines,
              ratePerSecond,
              2,
              1,
              1,
              1000,
              Optional.of(RUN),
              OptionalLong.empty());
      try {
        LoadReport report = new LoadGenerator(settings, QUIET).run();
        acknowledged.addAndGet(report.readings());
        failed.addAndGet(report.failed());
      } catch (Exception e) {
        error = e;
        return;
      }
    }
  }

  /** Readings the broker has acknowledged in the runs finished so far. */
  long acknowledged() {
    return acknowledged.get();
  }

  /** Readings whose publication failed (none expected while the broker runs). */
  long failed() {
    return failed.get();
  }

  /** Finishes the run in progress and stops; afterwards {@link #acknowledged} is final. */
  @Override
  public void close() throws Exception {
    running.set(false);
    thread.join(Duration.ofSeconds(90).toMillis());
    if (thread.isAlive()) {
      throw new IllegalStateException("the load generator's last run did not drain");
    }
    if (error != null) {
      throw error;
    }
  }
}
