package org.enms.node.adapters;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;
import org.enms.core.reading.Reading;
import org.enms.db.IngestReject;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RejectDao;
import org.enms.db.RollupRefresher;
import org.enms.db.WriteResult;
import org.enms.ingest.port.ReadingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest's storage port over the batch writer. A failed commit is retried with backoff for a
 * long time (the broker keeps the unacknowledged messages meanwhile), so a database restart stalls
 * ingest instead of failing it. Committed ranges are marked dirty for the roll-ups.
 */
public final class JdbcReadingStore implements ReadingStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcReadingStore.class);
  private static final int ATTEMPTS = 1_000;

  private final ActorSystem<?> system;
  private final BlockingIo io;
  private final ReadingBatchWriter writer;
  private final RejectDao rejects;
  private final RollupRefresher rollups;
  private final AutoRegistration autoRegistration;

  public JdbcReadingStore(
      ActorSystem<?> system,
      BlockingIo io,
      ReadingBatchWriter writer,
      RejectDao rejects,
      RollupRefresher rollups) {
    this(system, io, writer, rejects, rollups, null);
  }

  /**
   * With {@code autoRegistration} (the {@code register} policy for unknown machines; null under
   * {@code reject}), the machines a batch introduces are registered before its readings are written.
   */
  public JdbcReadingStore(
      ActorSystem<?> system,
      BlockingIo io,
      ReadingBatchWriter writer,
      RejectDao rejects,
      RollupRefresher rollups,
      AutoRegistration autoRegistration) {
    this.system = system;
    this.io = io;
    this.writer = writer;
    this.rejects = rejects;
    this.rollups = rollups;
    this.autoRegistration = autoRegistration;
  }

  @Override
  public CompletionStage<StoredBatch> store(
      List<Reading> readings, List<org.enms.ingest.port.IngestReject> rejected) {
    return Patterns.retry(
        () -> io.call(() -> write(readings, rejected)),
        ATTEMPTS,
        Duration.ofMillis(200),
        Duration.ofSeconds(10),
        0.2,
        system.classicSystem());
  }

  private StoredBatch write(List<Reading> readings, List<org.enms.ingest.port.IngestReject> rejected) {
    try {
      if (autoRegistration != null && !readings.isEmpty()) {
        autoRegistration.registerUnknown(readings);
      }
      WriteResult result = readings.isEmpty() ? WriteResult.EMPTY : writer.write(readings);
      if (!rejected.isEmpty()) {
        rejects.insert(
            rejected.stream()
                .map(r -> new IngestReject(r.receivedAt(), r.topic(), r.reason(), r.payload()))
                .toList());
      }
      rollups.markDirty(result);
      return new StoredBatch(readings.size(), result.inserted(), rejected.size());
    } catch (RuntimeException e) {
      log.warn("batch write failed, retrying: rows={} error={}", readings.size(), e.getMessage());
      throw e;
    }
  }
}
