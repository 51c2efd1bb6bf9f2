package org.enms.ingest.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/** Ingest meters for {@code /metrics}, plus running totals for the progress log. */
public final class IngestMetrics {
  private final Counter messages;
  private final Counter readings;
  private final Counter inserted;
  private final Counter rejects;
  private final Counter rejectsRefused;
  private final DistributionSummary batchRows;
  private final Timer writeLatency;
  private final LongAdder readingsTotal = new LongAdder();
  private final LongAdder rejectsTotal = new LongAdder();
  private final IngestProgress progress;

  public IngestMetrics(MeterRegistry registry) {
    this(registry, Clock.systemUTC());
  }

  public IngestMetrics(MeterRegistry registry, Clock clock) {
    progress = new IngestProgress(clock);
    messages =
        Counter.builder("enms.ingest.messages")
            .description("MQTT messages taken")
            .register(registry);
    readings =
        Counter.builder("enms.ingest.readings")
            .description("readings durably stored (redeliveries included)")
            .register(registry);
    inserted =
        Counter.builder("enms.ingest.rows.inserted")
            .description("new rows written (redelivered duplicates excluded)")
            .register(registry);
    rejects =
        Counter.builder("enms.ingest.rejects")
            .description("messages or batch items rejected and recorded")
            .register(registry);
    rejectsRefused =
        Counter.builder("enms.ingest.rejects.refused")
            .description(
                "rejects the database refused: stored without their payload (or, refused again,"
                    + " only logged)")
            .register(registry);
    batchRows =
        DistributionSummary.builder("enms.ingest.batch.rows")
            .description("rows per database transaction")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
    writeLatency =
        Timer.builder("enms.ingest.write")
            .description("time to commit one batch")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  void messageTaken() {
    messages.increment();
    progress.messageTaken();
  }

  void acknowledged(int messageCount) {
    progress.acknowledged(messageCount);
  }

  /** Whether ingest makes progress, for health. */
  public IngestProgress progress() {
    return progress;
  }

  void batchStored(
      int readingCount,
      int insertedCount,
      int rejectCount,
      int rejectsRefusedCount,
      Duration took) {
    readings.increment(readingCount);
    inserted.increment(insertedCount);
    rejects.increment(rejectCount);
    rejectsRefused.increment(rejectsRefusedCount);
    readingsTotal.add(readingCount);
    rejectsTotal.add(rejectCount);
    batchRows.record(readingCount + rejectCount);
    writeLatency.record(took);
    progress.committed();
  }

  public long readingsTotal() {
    return readingsTotal.sum();
  }

  public long rejectsTotal() {
    return rejectsTotal.sum();
  }

  public double meanWriteMillis() {
    return writeLatency.mean(java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  public double meanBatchRows() {
    return batchRows.mean();
  }
}
