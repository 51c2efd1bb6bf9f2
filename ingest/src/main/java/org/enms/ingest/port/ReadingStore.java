package org.enms.ingest.port;

import java.util.List;
import java.util.concurrent.CompletionStage;
import org.enms.core.reading.Reading;

/**
 * Durable storage for one batch. Completes only when readings and rejects are committed; it must be
 * idempotent, because after a crash the broker redelivers what was stored but not yet acknowledged.
 */
public interface ReadingStore {
  CompletionStage<StoredBatch> store(List<Reading> readings, List<IngestReject> rejects);

  /**
   * What a commit wrote: {@code inserted} excludes redelivered duplicates; {@code refused} are the
   * readings the database refused, recorded as rejects instead of stored; {@code rejectsRefused}
   * counts the rejects (of {@code rejects}) the database refused, stored without their payload.
   */
  record StoredBatch(
      int readings, int inserted, int rejects, List<Reading> refused, int rejectsRefused) {
    public StoredBatch {
      refused = List.copyOf(refused);
    }

    /** A batch the database took whole. */
    public StoredBatch(int readings, int inserted, int rejects) {
      this(readings, inserted, rejects, List.of(), 0);
    }
  }
}
