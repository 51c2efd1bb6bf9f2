package org.enms.http.cache;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * The {@code enms.redis} and {@code enms.cache} sections.
 *
 * @param redisUri where Redis is; empty: no Redis, an in-process cache serves
 * @param redisTimeout a Redis command slower than this fails (the read is then computed)
 * @param eventsChannel the Redis pub/sub channel the hub's events go to
 * @param eventsBuffer events waiting for Redis before further ones are dropped
 * @param enabled whether reads are cached at all
 * @param ttl the longest an answer is kept, changed data or not
 * @param localMaxEntries the in-process cache's bound
 */
public record CacheSettings(
    Optional<String> redisUri,
    Duration redisTimeout,
    String eventsChannel,
    int eventsBuffer,
    boolean enabled,
    Duration ttl,
    long localMaxEntries) {
  public static CacheSettings fromConfig(Config root) {
    Config redis = root.getConfig("enms.redis");
    Config cache = root.getConfig("enms.cache");
    String uri = redis.getString("uri").trim();
    return new CacheSettings(
        uri.isEmpty() ? Optional.empty() : Optional.of(uri),
        redis.getDuration("timeout"),
        redis.getString("events-channel"),
        redis.getInt("events-buffer"),
        cache.getBoolean("enabled"),
        cache.getDuration("ttl"),
        cache.getLong("local-max-entries"));
  }
}
