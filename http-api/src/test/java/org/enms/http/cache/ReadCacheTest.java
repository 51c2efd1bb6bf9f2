package org.enms.http.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.enms.core.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read cache over a real Redis server and in-process: what is kept, what a change drops. */
class ReadCacheTest {
  private static final JavaType ANSWER = Json.mapper().constructType(Answer.class);
  private static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");
  private static final Instant APRIL = Instant.parse("2025-04-01T00:00:00Z");
  private static final Duration TTL = Duration.ofMinutes(5);

  private static RedisServerProcess server;
  private static RedisLink link;

  /** A computed answer, with a field of each kind the KPI answers have. */
  record Answer(double totalEnergyKwh, Double peakDemandKw, Instant peakAt, int computation) {}

  @BeforeAll
  static void startRedis() throws Exception {
    assumeTrue(RedisServerProcess.available(), "redis-server is not installed");
    server = RedisServerProcess.start();
    link = RedisLink.connect(server.uri(), Duration.ofMillis(500));
    await(link::connected);
  }

  @AfterAll
  static void stopRedis() throws Exception {
    if (link != null) {
      link.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static ReadCache redisCache() {
    return new ReadCache(new RedisCacheStore(link), TTL, Clock.systemUTC());
  }

  private static ReadCache localCache() {
    return new ReadCache(new LocalCacheStore(TTL, 100), TTL, Clock.systemUTC());
  }

  /** Computes a new answer each time it is asked, numbered. */
  private static final class Source {
    final AtomicInteger computed = new AtomicInteger();

    CompletionStage<Answer> compute() {
      int n = computed.incrementAndGet();
      return CompletableFuture.completedFuture(new Answer(12.5 * n, null, MARCH, n));
    }
  }

  private static Answer read(ReadCache cache, String key, Source source, Instant from, Instant to)
      throws Exception {
    return cache.read(key, from, to, ANSWER, source::compute).toCompletableFuture().get();
  }

  private static String key(String what) {
    return what + ":" + System.nanoTime();
  }

  @Test
  void aSecondReadIsTheCachedAnswerUntilDataOfItsWindowChanges() throws Exception {
    for (ReadCache cache : List.of(redisCache(), localCache())) {
      Source source = new Source();
      String key = key("window");
      Instant from = MARCH.plus(Duration.ofDays(9));
      Instant to = from.plus(Duration.ofDays(2));

      Answer first = read(cache, key, source, from, to);
      assertThat(read(cache, key, source, from, to)).isEqualTo(first);
      assertThat(source.computed).hasValue(1);

      cache.changed(to.plus(Duration.ofDays(3)), to.plus(Duration.ofDays(4)));
      assertThat(read(cache, key, source, from, to)).isEqualTo(first);

      Thread.sleep(2);
      cache.changed(from.plus(Duration.ofHours(30)), from.plus(Duration.ofHours(31)));
      awaitRecomputed(cache, key, source, from, to);
      assertThat(cache.hits()).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void aLongWindowIsDroppedByAChangeInOneOfItsMonths() throws Exception {
    for (ReadCache cache : List.of(redisCache(), localCache())) {
      Source source = new Source();
      String key = key("year");
      Instant from = Instant.parse("2025-01-01T00:00:00Z");
      Instant to = Instant.parse("2026-01-01T00:00:00Z");
      read(cache, key, source, from, to);
      read(cache, key, source, from, to);
      assertThat(source.computed).hasValue(1);

      Thread.sleep(2);
      cache.changed(APRIL.plus(Duration.ofDays(20)), APRIL.plus(Duration.ofDays(20)));
      awaitRecomputed(cache, key, source, from, to);
    }
  }

  @Test
  void theWholeHistoryIsDroppedByAChangeInOneOfItsYears() throws Exception {
    for (ReadCache cache : List.of(redisCache(), localCache())) {
      Source source = new Source();
      String key = key("history");
      read(cache, key, source, Instant.EPOCH, APRIL);
      read(cache, key, source, Instant.EPOCH, APRIL);
      assertThat(source.computed).hasValue(1);

      Thread.sleep(2);
      cache.changed(Instant.parse("2019-05-02T10:00:00Z"), Instant.parse("2019-05-02T11:00:00Z"));
      awaitRecomputed(cache, key, source, Instant.EPOCH, APRIL);
    }
  }

  @Test
  void missesWhileAComputationRunsShareItUntilTheWindowChanges() throws Exception {
    for (ReadCache cache : List.of(redisCache(), localCache())) {
      String key = key("shared");
      AtomicInteger computed = new AtomicInteger();
      List<CompletableFuture<Answer>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
      java.util.function.Supplier<CompletionStage<Answer>> slow =
          () -> {
            int n = computed.incrementAndGet();
            CompletableFuture<Answer> f = new CompletableFuture<>();
            pending.add(f);
            return f.thenApply(done -> new Answer(n, null, MARCH, n));
          };
      var first = cache.read(key, MARCH, APRIL, ANSWER, slow).toCompletableFuture();
      var second = cache.read(key, MARCH, APRIL, ANSWER, slow).toCompletableFuture();
      await(() -> computed.get() == 1 && !second.isDone());
      Thread.sleep(2);
      cache.changed(MARCH.plus(Duration.ofDays(1)), MARCH.plus(Duration.ofDays(1)));
      // Begun after the change: not the running computation, which has not seen it.
      var third = cache.read(key, MARCH, APRIL, ANSWER, slow).toCompletableFuture();
      await(() -> computed.get() == 2);

      pending.forEach(f -> f.complete(null));
      assertThat(first.get().computation()).isEqualTo(1);
      assertThat(second.get().computation()).isEqualTo(1);
      assertThat(third.get().computation()).isEqualTo(2);
    }
  }

  @Test
  void aTariffChangeDropsEveryAnswer() throws Exception {
    for (ReadCache cache : List.of(redisCache(), localCache())) {
      Source source = new Source();
      String key = key("all");
      read(cache, key, source, MARCH, APRIL);
      Thread.sleep(2);
      cache.changedEverything();
      awaitRecomputed(cache, key, source, MARCH, APRIL);
    }
  }

  @Test
  void oneNodesChangeDropsTheAnswerAnotherNodeCached() throws Exception {
    ReadCache nodeA = redisCache();
    ReadCache nodeB = redisCache();
    Source source = new Source();
    String key = key("shared");
    read(nodeA, key, source, MARCH, APRIL);
    assertThat(read(nodeB, key, source, MARCH, APRIL).computation()).isEqualTo(1);

    Thread.sleep(2);
    nodeB.changed(MARCH.plus(Duration.ofDays(3)), MARCH.plus(Duration.ofDays(3)));
    awaitRecomputed(nodeA, key, source, MARCH, APRIL);
  }

  @Test
  void withRedisAwayEveryReadIsComputedAndAnsweredAndItIsUsedAgainOnceBack() throws Exception {
    ReadCache cache = redisCache();
    Source source = new Source();
    String key = key("away");
    server.kill();
    try {
      await(() -> !link.connected());
      assertThat(read(cache, key, source, MARCH, APRIL).computation()).isEqualTo(1);
      assertThat(read(cache, key, source, MARCH, APRIL).computation()).isEqualTo(2);
      cache.changed(MARCH, MARCH);
      assertThat(cache.failures()).isPositive();
    } finally {
      server.startAgain();
    }
    await(link::connected);
    read(cache, key, source, MARCH, APRIL);
    int computed = source.computed.get();
    assertThat(read(cache, key, source, MARCH, APRIL).computation()).isEqualTo(computed);
  }

  @Test
  void aLostInvalidationServesNothingCachedUntilItIsRedone() throws Exception {
    var failing = new AtomicBoolean();
    CacheStore local = new LocalCacheStore(TTL, 100);
    // The store loses stamps while `failing` is set; answers and reads still work.
    CacheStore flaky =
        new CacheStore() {
          public CompletionStage<java.util.Optional<String>> get(String key) {
            return local.get(key);
          }

          public CompletionStage<Void> put(String key, String value, Duration ttl) {
            return local.put(key, value, ttl);
          }

          public CompletionStage<Long> latest(List<String> stamps) {
            return local.latest(stamps);
          }

          public CompletionStage<Void> stamp(List<String> stamps, long at) {
            return failing.get()
                ? CompletableFuture.failedFuture(new IllegalStateException("lost"))
                : local.stamp(stamps, at);
          }
        };
    ReadCache cache = new ReadCache(flaky, TTL, Clock.systemUTC());
    Source source = new Source();
    read(cache, "k", source, MARCH, APRIL);

    failing.set(true);
    cache.changed(MARCH.plus(Duration.ofDays(1)), MARCH.plus(Duration.ofDays(1)));
    assertThat(read(cache, "k", source, MARCH, APRIL).computation()).isEqualTo(2);
    assertThat(read(cache, "k", source, MARCH, APRIL).computation()).isEqualTo(3);

    failing.set(false);
    Thread.sleep(2);
    assertThat(read(cache, "k", source, MARCH, APRIL).computation()).isGreaterThanOrEqualTo(4);
    awaitRecomputed(cache, "k", source, MARCH, APRIL);
  }

  @Test
  void aWindowDependsOnItsWholeYearsItsWholeMonthsAndItsOtherDays() {
    assertThat(ReadCache.stampsOf(MARCH, MARCH.plus(Duration.ofDays(2))))
        .containsExactly("all", "d2025-03-01", "d2025-03-02");
    assertThat(ReadCache.stampsOf(MARCH, Instant.parse("2025-12-31T10:00:00Z")))
        .hasSize(11)
        .contains("m2025-03", "m2025-12")
        .doesNotContain("d2025-03-01");
    // The whole history before a day: whole years, whole months, then days.
    assertThat(ReadCache.stampsOf(Instant.EPOCH, Instant.parse("2025-03-04T00:00:00Z")))
        .hasSize(1 + 55 + 2 + 3)
        .contains("all", "y1970", "y2024", "m2025-01", "m2025-02", "d2025-03-03")
        .doesNotContain("y2025", "m2025-03", "d2025-03-04");
  }

  /**
   * Waits until the change reached the store and the answer was computed anew, then holds that the
   * new answer is cached (two reads in a row agree). A read racing the change may compute twice.
   */
  private static void awaitRecomputed(
      ReadCache cache, String key, Source source, Instant from, Instant to) throws Exception {
    await(() -> read(cache, key, source, from, to).computation() > 1);
    await(
        () ->
            read(cache, key, source, from, to).computation()
                == read(cache, key, source, from, to).computation());
  }

  @FunctionalInterface
  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(Check check) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
    while (!check.holds()) {
      assertThat(Instant.now()).as("condition within 15 s").isBefore(deadline);
      Thread.sleep(20);
    }
  }
}
