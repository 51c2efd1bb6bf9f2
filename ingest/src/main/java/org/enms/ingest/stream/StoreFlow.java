package org.enms.ingest.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.enms.core.reading.Reading;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.port.IngestReject;
import org.enms.ingest.port.LiveStateListener;
import org.enms.ingest.port.ReadingStore;

/**
 * Batches messages by rows and time, commits each batch, then acknowledges its messages and tells
 * the live state. The order matters: a message is acknowledged only after its readings are
 * committed, so a crash at any point loses nothing (the broker redelivers, the store deduplicates).
 */
public final class StoreFlow {
  private StoreFlow() {}

  public static Flow<IngestMessage, Committed, NotUsed> create(
      IngestSettings settings,
      ReadingStore store,
      LiveStateListener listener,
      IngestMetrics metrics) {
    return Flow.of(IngestMessage.class)
        .groupedWeightedWithin(
            settings.batchMaxRows(),
            IngestMessage::weight,
            settings.batchMaxWait())
        .mapAsync(settings.writeParallelism(), batch -> commit(batch, store, metrics))
        .map(
            committed -> {
              committed.messages().forEach(m -> m.ack().run());
              if (!committed.readings().isEmpty()) {
                listener.readingsStored(committed.readings());
              }
              return committed;
            });
  }

  private static java.util.concurrent.CompletionStage<Committed> commit(
      List<IngestMessage> batch, ReadingStore store, IngestMetrics metrics) {
    List<Reading> readings = new ArrayList<>();
    List<IngestReject> rejects = new ArrayList<>();
    for (IngestMessage m : batch) {
      readings.addAll(m.readings());
      rejects.addAll(m.rejects());
    }
    long started = System.nanoTime();
    return store
        .store(readings, rejects)
        .thenApply(
            stored -> {
              metrics.batchStored(
                  stored.readings(),
                  stored.inserted(),
                  stored.rejects(),
                  Duration.ofNanos(System.nanoTime() - started));
              return new Committed(batch, readings, stored);
            });
  }

  /** A committed batch: its messages (to acknowledge) and the readings stored. */
  public record Committed(
      List<IngestMessage> messages, List<Reading> readings, ReadingStore.StoredBatch stored) {}
}
