package org.enms.http.events;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@link SystemStats} from what the node already counts: ingest's running total (its rate is the
 * difference since the last sample), the live-entity gauge, the hub's counters, and one cheap count
 * of unresolved anomalies per interval.
 */
public final class NodeStatsSampler implements StatsSampler {
  private final EventHub hub;
  private final IntSupplier machinesAccepted;
  private final LongSupplier machinesLive;
  private final LongSupplier readingsTotal;
  private final Supplier<CompletionStage<Long>> activeAnomalies;
  private long lastReadings = -1;
  private long lastNanos;

  public NodeStatsSampler(
      EventHub hub,
      IntSupplier machinesAccepted,
      LongSupplier machinesLive,
      LongSupplier readingsTotal,
      Supplier<CompletionStage<Long>> activeAnomalies) {
    this.hub = hub;
    this.machinesAccepted = machinesAccepted;
    this.machinesLive = machinesLive;
    this.readingsTotal = readingsTotal;
    this.activeAnomalies = activeAnomalies;
  }

  @Override
  public synchronized CompletionStage<SystemStats> sample() {
    long readings = readingsTotal.getAsLong();
    long now = System.nanoTime();
    double perSecond =
        lastReadings < 0 || now == lastNanos
            ? 0
            : (readings - lastReadings) / ((now - lastNanos) / 1e9);
    lastReadings = readings;
    lastNanos = now;
    double rate = Math.round(perSecond * 10) / 10.0;
    CompletionStage<Long> anomalies;
    try {
      anomalies = activeAnomalies.get().exceptionally(e -> -1L);
    } catch (RuntimeException e) {
      anomalies = CompletableFuture.completedFuture(-1L);
    }
    return anomalies.thenApply(
        active ->
            new SystemStats(
                machinesAccepted.getAsInt(),
                machinesLive.getAsLong(),
                readings,
                rate,
                Math.round(perSecond * 60 * 10) / 10.0,
                active,
                hub.clientCount(),
                hub.published(),
                hub.dropped()));
  }
}
