package org.enms.http.cache;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The cache in Redis, shared by every node: answers under {@code enms:cache:<key>} with the TTL,
 * and the stamps of changed data as fields of one hash, so a node sees the changes the others made.
 */
final class RedisCacheStore implements CacheStore {
  private static final String PREFIX = "enms:cache:";
  private static final String STAMPS = "enms:cache-changes";
  // A stamp only moves forward, whichever node's write arrives last.
  private static final String STAMP_SCRIPT =
      """
      for i = 2, #ARGV do
        local current = tonumber(redis.call('HGET', KEYS[1], ARGV[i]) or '0')
        if current < tonumber(ARGV[1]) then
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[1])
        end
      end
      return 0
      """;

  private final RedisLink redis;

  RedisCacheStore(RedisLink redis) {
    this.redis = redis;
  }

  @Override
  public CompletionStage<Optional<String>> get(String key) {
    return redis.call(c -> c.get(PREFIX + key)).thenApply(Optional::ofNullable);
  }

  @Override
  public CompletionStage<Void> put(String key, String value, Duration ttl) {
    return redis
        .call(c -> c.set(PREFIX + key, value, SetArgs.Builder.px(ttl.toMillis())))
        .thenApply(ok -> null);
  }

  @Override
  public CompletionStage<Long> latest(List<String> stamps) {
    return redis
        .call(c -> c.hmget(STAMPS, stamps.toArray(String[]::new)))
        .thenApply(
            values -> {
              long latest = 0;
              for (KeyValue<String, String> value : values) {
                if (value.hasValue()) {
                  latest = Math.max(latest, Long.parseLong(value.getValue()));
                }
              }
              return latest;
            });
  }

  @Override
  public CompletionStage<Void> stamp(List<String> stamps, long at) {
    String[] args = new String[stamps.size() + 1];
    args[0] = Long.toString(at);
    for (int i = 0; i < stamps.size(); i++) {
      args[i + 1] = stamps.get(i);
    }
    return redis
        .call(
            c -> c.<Long>eval(STAMP_SCRIPT, ScriptOutputType.INTEGER, new String[] {STAMPS}, args))
        .thenApply(ok -> null);
  }
}
