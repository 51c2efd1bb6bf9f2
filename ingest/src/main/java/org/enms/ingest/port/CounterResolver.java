package org.enms.ingest.port;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.Reading;

/**
 * Gives counter-only energy readings (a cumulative register value, no interval energy) their
 * interval energy before they are stored, so that storage, roll-ups and the API count them. Whoever
 * implements it owns each meter's register state; the ingest only asks.
 *
 * <p>Contract: the result has the batch's readings in the same order, counter-only ones with {@code
 * energyKwh} set and all others unchanged. Asking again for readings that were resolved but not yet
 * stored (after a failed commit or a redelivery) must give the same energy, and transient failures
 * should be retried inside, like {@link ReadingStore} does, because a failed stage stops the
 * ingest.
 */
@FunctionalInterface
public interface CounterResolver {

  /** For pipelines whose meters all report interval energy. */
  CounterResolver NONE = CompletableFuture::completedFuture;

  CompletionStage<List<Reading>> resolve(List<Reading> batch);

  /** A reading this port must resolve: an energy reading with a register value only. */
  static boolean isCounterOnly(Reading reading) {
    return reading instanceof EnergyReading e && e.energyKwh() == null && e.counterKwh() != null;
  }
}
