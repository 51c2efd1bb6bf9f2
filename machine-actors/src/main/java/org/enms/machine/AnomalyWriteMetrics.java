package org.enms.machine;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;

/**
 * How live detection's anomaly writes fare on this node: {@code
 * enms_machine_anomaly_write_failures_total} counts failed or late attempts (each is retried), and
 * {@code enms_machine_anomaly_writes_given_up_total} the writes given up after their last attempt
 * or because too many were waiting.
 */
public final class AnomalyWriteMetrics {
  private final Counter failures;
  private final Counter givenUp;

  private AnomalyWriteMetrics(MeterRegistry registry) {
    this.failures =
        Counter.builder("enms.machine.anomaly.write.failures")
            .description("anomaly write attempts of live detection that failed or timed out")
            .register(registry);
    this.givenUp =
        Counter.builder("enms.machine.anomaly.writes.given.up")
            .description("anomaly writes of live detection given up (not stored)")
            .register(registry);
  }

  public static AnomalyWriteMetrics register(MeterRegistry registry) {
    return new AnomalyWriteMetrics(registry);
  }

  /** Counts nothing (a registry without backends hands out no-op meters). */
  public static AnomalyWriteMetrics none() {
    return new AnomalyWriteMetrics(new CompositeMeterRegistry());
  }

  void failedAttempt() {
    failures.increment();
  }

  void gaveUp() {
    givenUp.increment();
  }
}
