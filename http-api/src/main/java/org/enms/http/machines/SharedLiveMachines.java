package org.enms.http.machines;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live states shared by the requests of a moment: each machine's entity is asked at most once per
 * {@code maxAge}, and every request meanwhile gets that answer (or waits for the same ask). Views
 * over a whole plant (the factory summary, a factory's KPIs) would otherwise ask every entity of
 * the plant on every request: a hundred clients asking for the summary of 108 machines made ten
 * thousand asks a second. A failed ask is not shared: the next request asks again. Thread-safe.
 */
public final class SharedLiveMachines implements LiveMachines {
  private final LiveMachines live;
  private final long maxAgeNanos;
  private final Map<UUID, Asked> recent = new ConcurrentHashMap<>();

  /** An ask and when it was sent ({@link System#nanoTime}). */
  private record Asked(long at, CompletableFuture<LiveStatus> status) {
    boolean usableAt(long now, long maxAgeNanos) {
      return now - at < maxAgeNanos && !status.isCompletedExceptionally();
    }
  }

  public SharedLiveMachines(LiveMachines live, Duration maxAge) {
    this.live = live;
    this.maxAgeNanos = maxAge.toNanos();
  }

  @Override
  public CompletionStage<LiveStatus> status(UUID machineId) {
    long now = System.nanoTime();
    Asked asked =
        recent.compute(
            machineId,
            (id, last) ->
                last != null && last.usableAt(now, maxAgeNanos)
                    ? last
                    : new Asked(now, live.status(id).toCompletableFuture()));
    return asked.status().minimalCompletionStage();
  }

  @Override
  public CompletionStage<LiveExpectation> expected(UUID machineId, Instant at) {
    return live.expected(machineId, at);
  }
}
