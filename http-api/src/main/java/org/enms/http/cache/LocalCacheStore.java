package org.enms.http.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cache without Redis: this process's memory, bounded by entries and expiring after the TTL
 * (every entry gets the same one). It hears only this node's data changes. Thread-safe.
 */
final class LocalCacheStore implements CacheStore {
  private final Cache<String, String> answers;
  private final Map<String, Long> stamps = new ConcurrentHashMap<>();

  LocalCacheStore(Duration ttl, long maxEntries) {
    this.answers = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
  }

  @Override
  public CompletionStage<Optional<String>> get(String key) {
    return CompletableFuture.completedFuture(Optional.ofNullable(answers.getIfPresent(key)));
  }

  @Override
  public CompletionStage<Void> put(String key, String value, Duration ttl) {
    answers.put(key, value);
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Long> latest(List<String> names) {
    long latest = 0;
    for (String name : names) {
      latest = Math.max(latest, stamps.getOrDefault(name, 0L));
    }
    return CompletableFuture.completedFuture(latest);
  }

  @Override
  public CompletionStage<Void> stamp(List<String> names, long at) {
    for (String name : names) {
      stamps.merge(name, at, Math::max);
    }
    return CompletableFuture.completedFuture(null);
  }
}
