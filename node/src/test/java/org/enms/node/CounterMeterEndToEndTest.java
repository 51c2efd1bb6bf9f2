package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A meter that reports only its cumulative register ({@code energy_total_kwh}), on one node with
 * real PostgreSQL, MQTT and HTTP: the energy it used must be the same in the stored rows, in the
 * roll-ups behind the time-series API and in the machine's live status.
 */
class CounterMeterEndToEndTest {
  private static final String CONVEYOR = "c0000000-0000-0000-0000-000000000003";
  private static final String TOPIC = "factory/demo/conveyor-a/energy";

  private static NodeFixture fixture;
  private static MqttClient publisher;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    publisher = fixture.publisher();
  }

  @AfterAll
  static void stop() throws Exception {
    if (publisher != null) {
      publisher.disconnect();
    }
    fixture.close();
  }

  /** One register value and the energy it should be given, worked out by hand, kWh. */
  private record Step(int second, double registerKwh, double expectedKwh) {}

  @Test
  void countersWithResetsDuplicatesAndGapsGiveTheRightKwhEverywhere() {
    Instant base = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
    List<Step> steps =
        List.of(
            new Step(0, 5000.0, 0), // the meter's first value only sets the baseline
            new Step(60, 5000.5, 0.5),
            new Step(60, 5000.5, 0), // the same message again: stored once
            new Step(120, 5001.2, 0.7),
            new Step(180, 0.4, 0.4), // the meter restarted from 0
            new Step(240, 0.9, 0.5),
            new Step(840, 3.4, 2.5), // after 10 minutes without readings: all of it, here
            new Step(900, 3.6, 0.2));
    for (Step s : steps) {
      NodeFixture.publish(publisher, TOPIC, payload(base.plusSeconds(s.second()), s.registerKwh()));
    }
    String rows = "SELECT count(*) FROM energy_readings WHERE machine_id = '" + CONVEYOR + "'";
    NodeFixture.await(
        "the counter readings stored", Duration.ofSeconds(30), () -> fixture.count(rows) == 7);
    // arrives after the register has passed it: nothing more was used
    NodeFixture.publish(publisher, TOPIC, payload(base.plusSeconds(30), 5000.2));
    NodeFixture.await(
        "the late reading stored", Duration.ofSeconds(30), () -> fixture.count(rows) == 8);
    double expected = steps.stream().mapToDouble(Step::expectedKwh).sum();

    assertThat(expected).isCloseTo(4.8, within(1e-9));
    assertThat(
            fixture.count(
                "SELECT count(*) FROM energy_readings WHERE machine_id = '"
                    + CONVEYOR
                    + "' AND energy_kwh IS NULL"))
        .isZero();
    assertThat(storedKwh()).isCloseTo(expected, within(1e-6));
    assertThat(storedKwhAt(base.plusSeconds(840))).isCloseTo(2.5, within(1e-6));

    Instant from = base.truncatedTo(ChronoUnit.HOURS);
    String series =
        "/api/v1/timeseries/energy?machine_id="
            + CONVEYOR
            + "&start_time="
            + from
            + "&end_time="
            + from.plus(Duration.ofHours(3))
            + "&interval=1min";
    NodeFixture.await(
        "the roll-ups to hold the counter energy",
        Duration.ofSeconds(20),
        () -> Math.abs(sum(fixture.getJson(series)) - expected) < 1e-6);

    double expectedToday = expectedToday(steps, base);
    NodeFixture.await(
        "today's energy in the live status",
        Duration.ofSeconds(20),
        () -> Math.abs(todayKwh() - expectedToday) < 0.001);
  }

  private static String payload(Instant time, double registerKwh) {
    return "{\"time\":\""
        + time
        + "\",\"machine_id\":\""
        + CONVEYOR
        + "\",\"power_kw\":30.0,\"energy_total_kwh\":"
        + registerKwh
        + "}";
  }

  private static double sum(JsonNode series) {
    double total = 0;
    for (JsonNode point : series.get("data_points")) {
      total += point.get("value").asDouble();
    }
    return total;
  }

  private static double todayKwh() {
    return fixture
        .getJson("/api/v1/machines/status/Conveyor-A")
        .get("today_stats")
        .get("energy_kwh")
        .asDouble();
  }

  /** Live totals are per UTC day; a run just after midnight leaves the earlier steps out. */
  private static double expectedToday(List<Step> steps, Instant base) {
    Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
    var today = new ArrayList<Step>();
    for (Step s : steps) {
      if (!base.plusSeconds(s.second()).isBefore(midnight)) {
        today.add(s);
      }
    }
    return today.stream().mapToDouble(Step::expectedKwh).sum();
  }

  private static double storedKwh() {
    return query(
        "SELECT sum(energy_kwh) FROM energy_readings WHERE machine_id = '" + CONVEYOR + "'");
  }

  private static double storedKwhAt(Instant time) {
    return query(
        "SELECT energy_kwh FROM energy_readings WHERE machine_id = '"
            + CONVEYOR
            + "' AND time = '"
            + time
            + "'");
  }

  private static double query(String sql) {
    try (Connection c =
            DriverManager.getConnection(fixture.jdbcUrl, fixture.dbUser, fixture.dbPassword);
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getDouble(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
