package org.enms.http.cache;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.enms.core.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches answers computed over a time window, and drops them when data in their window changes.
 *
 * <p>Every change of stored data stamps the UTC days and months it touched with the time it was
 * made; an answer is kept with the time its computation began, and served only while no stamp of
 * its window (nor the stamp of "everything") is as late. A window ending now is thus recomputed
 * after each roll-up refresh, a finished month's is kept until the TTL. Should a stamp not reach
 * the store (Redis away), nothing cached is served until "everything" has been stamped again, so a
 * lost invalidation never serves a stale answer. Any store failure computes the answer instead.
 * Thread-safe.
 */
public final class ReadCache {
  private static final Logger log = LoggerFactory.getLogger(ReadCache.class);
  private static final String EVERYTHING = "all";

  private final CacheStore store;
  private final Duration ttl;
  private final Clock clock;
  private final AtomicBoolean stampLost = new AtomicBoolean();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder failures = new LongAdder();
  private final Map<String, Computing> computing = new ConcurrentHashMap<>();

  ReadCache(CacheStore store, Duration ttl, Clock clock) {
    this.store = store;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** The cache in Redis when the settings name one, else in this process. */
  public static ReadCache of(CacheSettings settings, java.util.Optional<RedisLink> redis) {
    CacheStore store =
        redis
            .<CacheStore>map(RedisCacheStore::new)
            .orElseGet(() -> new LocalCacheStore(settings.ttl(), settings.localMaxEntries()));
    return new ReadCache(store, settings.ttl(), Clock.systemUTC());
  }

  /** A cache that keeps nothing: every read is computed. */
  public static ReadCache disabled() {
    return new ReadCache(new LocalCacheStore(Duration.ZERO, 0), Duration.ZERO, Clock.systemUTC());
  }

  /**
   * The answer for {@code key} over {@code [from, to)}: cached while no data of the window changed,
   * else computed and kept. Requests that miss while this node computes the same key since the
   * window's last change get that computation's answer: a refresh that drops a plant-wide answer
   * costs one computation, not one per waiting client.
   */
  public <T> CompletionStage<T> read(
      String key, Instant from, Instant to, JavaType type, Supplier<CompletionStage<T>> compute) {
    if (ttl.isZero()) {
      return compute.get();
    }
    List<String> stamps = stampsOf(from, to);
    return recoverLostStamp()
        .thenCompose(ok -> ok ? this.<T>cached(key, stamps, type) : ReadCache.<T>none())
        .exceptionally(
            failure -> {
              failures.increment();
              log.debug("cache read failed key={}", key, failure);
              return null;
            })
        .thenCompose(
            (T cached) -> {
              if (cached != null) {
                hits.increment();
                return CompletableFuture.<T>completedFuture(cached);
              }
              misses.increment();
              return computed(key, stamps, compute);
            });
  }

  /** A computation of a key under way on this node, and when it began (epoch milliseconds). */
  private record Computing(long startedAt, CompletableFuture<?> answer) {}

  @SuppressWarnings("unchecked")
  private <T> CompletionStage<T> computed(
      String key, List<String> stamps, Supplier<CompletionStage<T>> compute) {
    Computing running = computing.get(key);
    if (running == null) {
      return compute(key, compute);
    }
    // Only a computation begun after the window's last change has seen that change.
    return store
        .latest(stamps)
        .exceptionally(failure -> Long.MAX_VALUE)
        .thenCompose(
            changed ->
                changed < running.startedAt()
                    ? (CompletionStage<T>) running.answer()
                    : compute(key, compute));
  }

  private <T> CompletionStage<T> compute(String key, Supplier<CompletionStage<T>> compute) {
    // Data changes are stamped after they are stored: a computation that starts after a stamp
    // sees its data, one that starts before is kept as older than it.
    long startedAt = clock.millis();
    CompletableFuture<T> answer =
        compute.get().thenApply(a -> keep(key, startedAt, a)).toCompletableFuture();
    Computing mine = new Computing(startedAt, answer);
    computing.put(key, mine);
    answer.whenComplete((a, failure) -> computing.remove(key, mine));
    return answer.minimalCompletionStage();
  }

  private <T> CompletionStage<T> cached(String key, List<String> stamps, JavaType type) {
    return store
        .get(key)
        .thenCompose(
            entry -> {
              if (entry.isEmpty()) {
                return none();
              }
              String text = entry.get();
              int split = text.indexOf('\n');
              long keptAt = Long.parseLong(text.substring(0, split));
              return store
                  .latest(stamps)
                  .thenApply(
                      changed ->
                          changed >= keptAt ? null : decode(text.substring(split + 1), type));
            });
  }

  private static <T> T decode(String json, JavaType type) {
    try {
      return Json.mapper().readValue(json, type);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private <T> T keep(String key, long startedAt, T answer) {
    try {
      String text = startedAt + "\n" + Json.mapper().writeValueAsString(answer);
      store
          .put(key, text, ttl)
          .exceptionally(
              failure -> {
                failures.increment();
                return null;
              });
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      log.warn("answer cannot be cached key={}", key, e);
    }
    return answer;
  }

  /** Data with times in {@code [from, to]} changed: answers over those days are dropped. */
  public void changed(Instant from, Instant to) {
    // Readers look at days, months or years, depending on their window: all are stamped.
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to, ZoneOffset.UTC);
    List<String> stamps = new ArrayList<>();
    for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
      stamps.add("d" + d);
    }
    for (YearMonth m = YearMonth.from(first);
        !m.isAfter(YearMonth.from(last));
        m = m.plusMonths(1)) {
      stamps.add("m" + m);
    }
    for (int y = first.getYear(); y <= last.getYear(); y++) {
      stamps.add("y" + y);
    }
    stamp(stamps);
  }

  /** Something every answer may depend on changed (a tariff, a machine's registration). */
  public void changedEverything() {
    stamp(List.of(EVERYTHING));
  }

  private void stamp(List<String> stamps) {
    store
        .stamp(stamps, clock.millis())
        .whenComplete(
            (ok, failure) -> {
              if (failure != null) {
                failures.increment();
                if (!stampLost.getAndSet(true)) {
                  log.warn(
                      "cache invalidation lost; cached answers unused until it is redone: {}",
                      failure.getMessage());
                }
              }
            });
  }

  /** True once no stamp is outstanding; else tries to stamp "everything" and says if it could. */
  private CompletionStage<Boolean> recoverLostStamp() {
    if (!stampLost.get()) {
      return CompletableFuture.completedFuture(true);
    }
    return store
        .stamp(List.of(EVERYTHING), clock.millis())
        .handle(
            (ok, failure) -> {
              if (failure != null) {
                return false;
              }
              stampLost.set(false);
              log.info("cache invalidation redone: every earlier answer dropped");
              return true;
            });
  }

  private static <T> CompletionStage<T> none() {
    return CompletableFuture.completedFuture(null);
  }

  /**
   * The stamps a window {@code [from, to)} depends on, and "everything": its whole years, then its
   * whole months, then its other days, each day of the window under exactly one of them. A change
   * stamps its days, their months and their years, so it reaches every window holding one of its
   * days and no other: the whole history before today is some hundred stamps, and a change of today
   * leaves it alone.
   */
  static List<String> stampsOf(Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate end = LocalDate.ofInstant(to.minusNanos(1), ZoneOffset.UTC);
    LocalDate last = end.isBefore(first) ? first : end;
    List<String> stamps = new ArrayList<>();
    stamps.add(EVERYTHING);
    LocalDate d = first;
    while (!d.isAfter(last)) {
      if (d.getDayOfYear() == 1 && !d.plusYears(1).isAfter(last.plusDays(1))) {
        stamps.add("y" + d.getYear());
        d = d.plusYears(1);
      } else if (d.getDayOfMonth() == 1 && !d.plusMonths(1).isAfter(last.plusDays(1))) {
        stamps.add("m" + YearMonth.from(d));
        d = d.plusMonths(1);
      } else {
        stamps.add("d" + d);
        d = d.plusDays(1);
      }
    }
    return stamps;
  }

  public long hits() {
    return hits.sum();
  }

  public long misses() {
    return misses.sum();
  }

  public long failures() {
    return failures.sum();
  }
}
