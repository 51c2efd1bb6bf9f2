package org.enms.ingest.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Flow;
import org.enms.core.reading.Reading;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.port.CounterResolver;
import org.enms.ingest.port.IngestReject;
import org.enms.ingest.port.LiveStateListener;
import org.enms.ingest.port.ReadingStore;

/**
 * Batches messages by rows and time, resolves counter-only energy readings, commits each batch,
 * then acknowledges its messages and tells the live state. The order matters: a message is
 * acknowledged only after its readings are committed, so a crash at any point loses nothing (the
 * broker redelivers, the store deduplicates, the resolver answers a repeated question the same).
 *
 * <p>Counters are resolved in batch order: {@code mapAsync} starts each batch's commit in upstream
 * order, and the resolver's requests for one machine are sent then, so a meter's register values
 * reach its owner in the order they arrived even while several batches are being written.
 */
public final class StoreFlow {
  private StoreFlow() {}

  /** A store flow for meters that all report interval energy. */
  public static Flow<IngestMessage, Committed, NotUsed> create(
      IngestSettings settings,
      ReadingStore store,
      LiveStateListener listener,
      IngestMetrics metrics) {
    return create(settings, CounterResolver.NONE, store, listener, metrics);
  }

  public static Flow<IngestMessage, Committed, NotUsed> create(
      IngestSettings settings,
      CounterResolver counters,
      ReadingStore store,
      LiveStateListener listener,
      IngestMetrics metrics) {
    return batches(settings)
        .mapAsync(settings.writeParallelism(), batch -> commit(batch, counters, store, metrics))
        .map(
            committed -> {
              committed.messages().forEach(m -> m.ack().run());
              metrics.acknowledged(committed.messages().size());
              if (!committed.readings().isEmpty()) {
                listener.readingsStored(committed.readings());
              }
              return committed;
            });
  }

  /**
   * With no wait configured, a batch is whatever arrived while the writers were busy: a lone
   * message is committed at once when the system is idle, and batches grow to {@code
   * batch-max-rows} under load. A wait holds every batch open for up to that long to fill it, which
   * adds that wait to each reading's path to its acknowledgement and live event.
   */
  private static Flow<IngestMessage, List<IngestMessage>, NotUsed> batches(
      IngestSettings settings) {
    if (settings.batchMaxWait().isZero()) {
      return Flow.of(IngestMessage.class)
          .batchWeighted(
              settings.batchMaxRows(),
              IngestMessage::weight,
              StoreFlow::firstOfBatch,
              (batch, message) -> {
                batch.add(message);
                return batch;
              });
    }
    return Flow.of(IngestMessage.class)
        .groupedWeightedWithin(
            settings.batchMaxRows(), IngestMessage::weight, settings.batchMaxWait());
  }

  private static List<IngestMessage> firstOfBatch(IngestMessage message) {
    List<IngestMessage> batch = new ArrayList<>();
    batch.add(message);
    return batch;
  }

  private static CompletionStage<Committed> commit(
      List<IngestMessage> batch,
      CounterResolver counters,
      ReadingStore store,
      IngestMetrics metrics) {
    List<Reading> readings = new ArrayList<>();
    List<IngestReject> rejects = new ArrayList<>();
    for (IngestMessage m : batch) {
      readings.addAll(m.readings());
      rejects.addAll(m.rejects());
    }
    return resolve(readings, counters)
        .thenCompose(resolved -> store(batch, resolved, rejects, store, metrics));
  }

  /** Most batches have no counter-only reading; they skip the resolver entirely. */
  private static CompletionStage<List<Reading>> resolve(
      List<Reading> readings, CounterResolver counters) {
    if (readings.stream().noneMatch(CounterResolver::isCounterOnly)) {
      return CompletableFuture.completedFuture(readings);
    }
    return counters.resolve(readings);
  }

  private static CompletionStage<Committed> store(
      List<IngestMessage> batch,
      List<Reading> readings,
      List<IngestReject> rejects,
      ReadingStore store,
      IngestMetrics metrics) {
    long started = System.nanoTime();
    return store
        .store(readings, rejects)
        .thenApply(
            stored -> {
              metrics.batchStored(
                  stored.readings(),
                  stored.inserted(),
                  stored.rejects(),
                  stored.rejectsRefused(),
                  Duration.ofNanos(System.nanoTime() - started));
              // Refused readings are rejects, not stored: the live state must not count them.
              List<Reading> kept = readings;
              if (!stored.refused().isEmpty()) {
                Set<Reading> refused = Collections.newSetFromMap(new IdentityHashMap<>());
                refused.addAll(stored.refused());
                kept = readings.stream().filter(r -> !refused.contains(r)).toList();
              }
              return new Committed(batch, kept, stored);
            });
  }

  /**
   * A committed batch: its messages (to acknowledge) and the readings stored, counter-only ones
   * with their resolved energy.
   */
  public record Committed(
      List<IngestMessage> messages, List<Reading> readings, ReadingStore.StoredBatch stored) {}
}
