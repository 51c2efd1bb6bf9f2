package org.enms.ingest.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.pattern.Patterns;
import org.enms.core.reading.Reading;
import org.enms.db.BlockingIo;
import org.enms.db.IngestReject;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RejectDao;
import org.enms.db.RollupRefresher;
import org.enms.db.WriteResult;
import org.enms.ingest.catalog.AutoRegistration;
import org.enms.ingest.port.ReadingStore;
import org.enms.ingest.stream.IngestProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest's storage port over the batch writer. A transient failure (connection lost, server
 * restarting) is retried with backoff for a long time, while the broker keeps the unacknowledged
 * messages, so a database restart stalls ingest instead of failing it. A permanent one (the
 * database refuses a value: SQLSTATE classes 22, 23 and 54) is never retried: it is narrowed down
 * by halving the batch until the refused readings are found; those become rejects and the rest is
 * stored, so one bad reading can never hold the plant's ingest. Rejects are written the same way:
 * one the database refuses is isolated by halving and stored without its payload, the reason saying
 * so (or, refused even then, only logged and counted). Written spans are marked dirty for the
 * roll-ups.
 */
public final class JdbcReadingStore implements ReadingStore {
  private static final Logger log = LoggerFactory.getLogger(JdbcReadingStore.class);

  /** With the 5 s connection timeout and 1 s backoff, hours of an unreachable database. */
  private static final int ATTEMPTS = 2_000;

  private final ActorSystem<?> system;
  private final BlockingIo io;
  private final ReadingBatchWriter writer;
  private final RejectDao rejects;
  private final RollupRefresher rollups;
  private final AutoRegistration autoRegistration;
  private final IngestProgress progress;

  public JdbcReadingStore(
      ActorSystem<?> system,
      BlockingIo io,
      ReadingBatchWriter writer,
      RejectDao rejects,
      RollupRefresher rollups) {
    this(system, io, writer, rejects, rollups, null, null);
  }

  /**
   * With {@code autoRegistration} (the {@code register} policy for unknown machines; null under
   * {@code reject}), the machines a batch introduces are registered before its readings are
   * written.
   */
  public JdbcReadingStore(
      ActorSystem<?> system,
      BlockingIo io,
      ReadingBatchWriter writer,
      RejectDao rejects,
      RollupRefresher rollups,
      AutoRegistration autoRegistration,
      IngestProgress progress) {
    this.system = system;
    this.io = io;
    this.writer = writer;
    this.rejects = rejects;
    this.rollups = rollups;
    this.autoRegistration = autoRegistration;
    this.progress = progress;
  }

  @Override
  public CompletionStage<StoredBatch> store(
      List<Reading> readings, List<org.enms.ingest.port.IngestReject> rejected) {
    return Patterns.retry(
        () -> io.call(() -> write(readings, rejected)),
        ATTEMPTS,
        Duration.ofMillis(200),
        // Short: ingest resumes as soon as the pool has reconnected after the database's return.
        Duration.ofSeconds(1),
        0.2,
        system.classicSystem());
  }

  private StoredBatch write(
      List<Reading> readings, List<org.enms.ingest.port.IngestReject> rejected) {
    try {
      if (autoRegistration != null && !readings.isEmpty()) {
        autoRegistration.registerUnknown(readings);
      }
      List<IngestReject> given = new ArrayList<>(rejected.size());
      rejected.forEach(
          r ->
              given.add(
                  new IngestReject(
                      r.receivedAt(), r.topic(), r.reason(), r.payload(), r.payloadLength())));
      if (readings.isEmpty() && given.isEmpty()) {
        return new StoredBatch(0, 0, 0);
      }
      try {
        // The usual case: readings and rejects in one transaction, one commit.
        WriteResult result = writer.write(readings, h -> rejects.insert(h, given));
        if (!readings.isEmpty()) {
          rollups.markDirty(result);
        }
        return new StoredBatch(readings.size(), result.inserted(), given.size());
      } catch (RuntimeException e) {
        if (DatabaseRefusal.of(e).isEmpty()) {
          throw e;
        }
        // Something in the batch is refused: readings and rejects apart, each narrowed down.
        return writeApart(readings, given);
      }
    } catch (RuntimeException e) {
      log.warn("batch write failed, retrying: rows={} error={}", readings.size(), e.getMessage());
      if (progress != null) {
        progress.commitFailed(e);
      }
      throw e;
    }
  }

  private StoredBatch writeApart(List<Reading> readings, List<IngestReject> given) {
    List<Reading> refusedReadings = new ArrayList<>();
    List<IngestReject> refused = new ArrayList<>();
    int inserted =
        readings.isEmpty() ? 0 : writeIsolatingRefused(readings, refusedReadings, refused);
    List<IngestReject> allRejects = new ArrayList<>(refused);
    allRejects.addAll(given);
    int rejectsRefused = allRejects.isEmpty() ? 0 : insertIsolatingRefused(allRejects);
    return new StoredBatch(
        readings.size() - refused.size(),
        inserted,
        allRejects.size(),
        refusedReadings,
        rejectsRefused);
  }

  /** Writes the readings; on a permanent refusal, halves until the refused ones are isolated. */
  private int writeIsolatingRefused(
      List<Reading> readings, List<Reading> refusedReadings, List<IngestReject> refused) {
    try {
      WriteResult result = writer.write(readings);
      rollups.markDirty(result);
      return result.inserted();
    } catch (RuntimeException e) {
      Optional<String> refusal = DatabaseRefusal.of(e);
      if (refusal.isEmpty()) {
        throw e;
      }
      if (readings.size() == 1) {
        Reading r = readings.get(0);
        log.warn(
            "reading refused by the database machine={} time={} reason={}",
            r.machineId(),
            r.time(),
            refusal.get());
        refusedReadings.add(r);
        refused.add(
            IngestReject.of(
                Instant.now(),
                "(database)",
                "database refused the reading: " + refusal.get(),
                r.toString().getBytes(StandardCharsets.UTF_8)));
        return 0;
      }
      int half = readings.size() / 2;
      return writeIsolatingRefused(readings.subList(0, half), refusedReadings, refused)
          + writeIsolatingRefused(
              readings.subList(half, readings.size()), refusedReadings, refused);
    }
  }

  /**
   * Stores the rejects; on a permanent refusal, halves until the refused ones are isolated. Returns
   * how many the database refused.
   */
  private int insertIsolatingRefused(List<IngestReject> batch) {
    try {
      rejects.insert(batch);
      return 0;
    } catch (RuntimeException e) {
      Optional<String> refusal = DatabaseRefusal.of(e);
      if (refusal.isEmpty()) {
        throw e;
      }
      if (batch.size() == 1) {
        insertWithoutPayload(batch.get(0), refusal.get());
        return 1;
      }
      int half = batch.size() / 2;
      return insertIsolatingRefused(batch.subList(0, half))
          + insertIsolatingRefused(batch.subList(half, batch.size()));
    }
  }

  /** The last resort for a refused reject: keep that it happened and why, without the payload. */
  private void insertWithoutPayload(IngestReject reject, String refusal) {
    IngestReject stripped =
        reject.withoutPayload(
            "payload of "
                + reject.payloadLength()
                + " bytes not kept: the database refused it: "
                + refusal);
    try {
      rejects.insert(List.of(stripped));
      log.warn("reject stored without its payload topic={} refusal={}", stripped.topic(), refusal);
    } catch (RuntimeException e) {
      Optional<String> again = DatabaseRefusal.of(e);
      if (again.isEmpty()) {
        throw e;
      }
      // Only a corrupt topic or time could do this; the batch must not be held for it.
      log.error(
          "reject dropped, refused even without its payload topic={} reason={} refusal={}",
          stripped.topic(),
          stripped.reason(),
          again.get());
    }
  }
}
