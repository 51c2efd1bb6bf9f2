package org.enms.http.security;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * A bucket4j token bucket per client, kept in a bounded Caffeine map so that many distinct clients
 * (or forged addresses) cannot grow it without end; an idle client's bucket is dropped and it
 * starts full again.
 */
public final class RateLimiter {
  private final LoadingCache<String, Bucket> buckets;

  public RateLimiter(long perSecond, long burst, long clients, Duration idle) {
    Bandwidth limit =
        Bandwidth.builder()
            .capacity(burst)
            .refillGreedy(perSecond, Duration.ofSeconds(1))
            .initialTokens(burst)
            .build();
    buckets =
        Caffeine.newBuilder()
            .maximumSize(clients)
            .expireAfterAccess(idle)
            .build(client -> Bucket.builder().addLimit(limit).build());
  }

  /** Empty when the request may go; else the whole seconds until a token is back (at least 1). */
  public OptionalLong take(String client) {
    ConsumptionProbe probe = buckets.get(client).tryConsumeAndReturnRemaining(1);
    if (probe.isConsumed()) {
      return OptionalLong.empty();
    }
    long nanos = probe.getNanosToWaitForRefill();
    return OptionalLong.of(Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
  }
}
