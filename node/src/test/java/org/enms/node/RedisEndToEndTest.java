package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.enms.core.json.Json;
import org.enms.http.cache.RedisServerProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A node with a real Redis server: KPI answers are cached there and dropped when new data of their
 * period arrives, the hub's events reach a Redis subscriber, and the API answers on when Redis goes
 * away and uses it again once it is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisEndToEndTest {
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static final Instant DAY =
      Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(20));
  private static final String KPIS =
      "/api/v1/kpi/all?machine_id="
          + COMPRESSOR
          + "&start="
          + DAY
          + "&end="
          + DAY.plus(Duration.ofDays(2));

  private static final double BOTH_DAYS_KWH = 48.0 + 95 * 0.25;

  private static RedisServerProcess redis;
  private static NodeFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    assumeTrue(RedisServerProcess.available(), "redis-server is not installed");
    redis = RedisServerProcess.start();
    fixture = new NodeFixture();
    fixture.startNode(Map.of("enms.redis.uri", redis.uri()));
  }

  @AfterAll
  static void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  /** A day of 15-minute energy of {@code kwh} each, in UTC, from {@code day}. */
  private static void importDay(Instant day, String kwh) {
    var f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneOffset.UTC);
    StringBuilder csv = new StringBuilder("Zeitstempel;Energie kWh\n");
    for (int i = 1; i <= 96; i++) {
      csv.append(f.format(day.plusSeconds(900L * i))).append(';').append(kwh).append('\n');
    }
    JsonNode job =
        fixture.importToEnd(
            Map.of(
                "machine", "Compressor-1",
                "value_kind", "energy_kwh",
                "timezone", "UTC",
                "day_first", "true"),
            "meter.csv",
            csv.toString(),
            Duration.ofSeconds(60));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }

  private static JsonNode redisHealth() {
    return fixture.getJson("/api/v1/health").get("redis");
  }

  @Test
  @Order(1)
  void aCachedKpiAnswerIsDroppedWhenNewDataOfItsPeriodArrives() {
    importDay(DAY, "0,5");
    double first = fixture.getJson(KPIS).at("/totals/total_energy_kwh").asDouble();
    assertThat(first).isCloseTo(48.0, within(1e-6));

    long hits = redisHealth().get("cache_hits").asLong();
    assertThat(fixture.getJson(KPIS).at("/totals/total_energy_kwh").asDouble()).isEqualTo(first);
    assertThat(redisHealth().get("cache_hits").asLong()).isGreaterThan(hits);

    // The second day of the same period: the cached answer must not survive it. Its last
    // interval ends at the period's end and starts after it: 95 of its 96 are inside.
    importDay(DAY.plus(Duration.ofDays(1)), "0,25");
    assertThat(fixture.getJson(KPIS).at("/totals/total_energy_kwh").asDouble())
        .isCloseTo(BOTH_DAYS_KWH, within(1e-6));
  }

  @Test
  @Order(2)
  void theHubsEventsReachARedisSubscriber() throws Exception {
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisPubSubConnection<String, String> sub = client.connectPubSub()) {
      var messages = new LinkedBlockingQueue<String>();
      sub.addListener(
          new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
              messages.add(message);
            }
          });
      sub.sync().subscribe("enms:events");

      var created =
          fixture.send(
              "POST",
              "/api/v1/anomaly/create",
              """
              {"machine_id": "%s", "detected_at": "%s", "anomaly_type": "spike",
               "severity": "warning", "metric_name": "power_kw", "metric_value": 80,
               "expected_value": 40, "deviation_percent": 100}
              """
                  .formatted(COMPRESSOR, DAY.plus(Duration.ofHours(5))));
      assertThat(created.statusCode()).as(created.body()).isBetween(200, 201);

      String message = messages.poll(15, TimeUnit.SECONDS);
      assertThat(message).isNotNull();
      JsonNode event = Json.mapper().readTree(message);
      assertThat(event.get("type").asText()).isEqualTo("anomaly_detected");
      assertThat(message).contains(COMPRESSOR);
    } finally {
      client.shutdown();
    }
  }

  @Test
  @Order(3)
  void withRedisGoneTheApiAnswersAndHealthSaysSoAndRedisIsUsedAgainOnceBack() throws Exception {
    redis.kill();
    try {
      NodeFixture.await(
          "health to show redis disconnected",
          Duration.ofSeconds(20),
          () -> !redisHealth().get("connected").asBoolean());
      var answer = fixture.get(KPIS);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(NodeFixture.json(answer).at("/totals/total_energy_kwh").asDouble())
          .isCloseTo(BOTH_DAYS_KWH, within(1e-6));
      // Redis is optional: its absence never takes the node out of a load balancer.
      assertThat(fixture.get("/health/ready").statusCode()).isEqualTo(200);
    } finally {
      redis.startAgain();
    }
    NodeFixture.await(
        "the node to reconnect to redis",
        Duration.ofSeconds(60),
        () -> redisHealth().get("connected").asBoolean());
    fixture.getJson(KPIS);
    long hits = redisHealth().get("cache_hits").asLong();
    assertThat(fixture.getJson(KPIS).at("/totals/total_energy_kwh").asDouble())
        .isCloseTo(BOTH_DAYS_KWH, within(1e-6));
    assertThat(redisHealth().get("cache_hits").asLong()).isGreaterThan(hits);
  }
}
