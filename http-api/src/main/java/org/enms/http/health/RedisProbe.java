package org.enms.http.health;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.http.cache.ReadCache;
import org.enms.http.cache.RedisLink;
import org.enms.http.events.RedisEventRelay;

/**
 * Redis and the read cache in health. Always healthy: Redis is optional (reads are computed and
 * events stay on the WebSocket while it is away), so it never takes a node out of a load balancer;
 * {@code connected: false} and the dropped-event count say when it is not doing its job.
 */
public final class RedisProbe implements HealthProbe {
  private final Optional<RedisLink> redis;
  private final Optional<RedisEventRelay> relay;
  private final ReadCache cache;

  public RedisProbe(Optional<RedisLink> redis, Optional<RedisEventRelay> relay, ReadCache cache) {
    this.redis = redis;
    this.relay = relay;
    this.cache = cache;
  }

  /**
   * @param cache {@code redis} or {@code in-process}
   */
  public record Details(
      boolean configured,
      Boolean connected,
      String cache,
      long cacheHits,
      long cacheMisses,
      long cacheFailures,
      Long eventsRelayed,
      Long eventsDropped) {}

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public CompletionStage<Result> check() {
    return CompletableFuture.completedFuture(
        new Result(
            true,
            new Details(
                redis.isPresent(),
                redis.map(RedisLink::connected).orElse(null),
                redis.isPresent() ? "redis" : "in-process",
                cache.hits(),
                cache.misses(),
                cache.failures(),
                relay.map(RedisEventRelay::relayed).orElse(null),
                relay.map(RedisEventRelay::dropped).orElse(null))));
  }
}
