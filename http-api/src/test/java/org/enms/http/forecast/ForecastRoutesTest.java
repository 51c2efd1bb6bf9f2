package org.enms.http.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import org.enms.analytics.forecast.TimeOfUse;
import org.enms.core.json.Json;
import org.enms.db.BlockingIo;
import org.enms.db.MachineDao;
import org.enms.db.TimeseriesDao;
import org.enms.db.testing.PostgresExtension;
import org.enms.http.RouteHarness;
import org.enms.http.kpi.TariffPricing;
import org.enms.http.machines.DbMachineDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The forecast endpoints over a real socket and a real PostgreSQL whose roll-ups hold ten weeks of
 * a known plant: Compressor-1 at 40 kW on weekday shifts (06–22 UTC), 10 kW at night and 5 kW at
 * weekends; HVAC-Main at 20 kW around the clock; both with ±2 % noise. The clock stands on a
 * Wednesday at 10:20 UTC, so tomorrow is a Thursday: 16 h · 40 + 8 h · 10 = 720 kWh for the
 * compressor.
 */
class ForecastRoutesTest {
  @RegisterExtension static final PostgresExtension pg = new PostgresExtension();

  static final Instant NOW = Instant.parse("2026-03-04T10:20:00Z");
  static final UUID COMPRESSOR = UUID.fromString("c0000000-0000-0000-0000-000000000001");
  static final UUID HVAC = UUID.fromString("c0000000-0000-0000-0000-000000000002");
  static final UUID BOILER = UUID.fromString("c0000000-0000-0000-0000-000000000008");
  static final UUID UNKNOWN = UUID.fromString("c0000000-0000-0000-0000-000000000099");
  static final UUID EUROPE = UUID.fromString("22222222-2222-2222-2222-222222222222");

  private static RouteHarness api;

  static double compressorKw(Instant t) {
    var utc = t.atZone(ZoneOffset.UTC);
    if (utc.getDayOfWeek().getValue() >= 6) {
      return 5;
    }
    return utc.getHour() >= 6 && utc.getHour() < 22 ? 40 : 10;
  }

  @BeforeAll
  static void start() throws Exception {
    Random noise = new Random(42);
    Instant first = NOW.minus(Duration.ofDays(70)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
    for (String table : List.of("energy_readings_15min", "energy_readings_1hour")) {
      Duration step = table.endsWith("1hour") ? Duration.ofHours(1) : Duration.ofMinutes(15);
      List<Object[]> rows = new ArrayList<>();
      // Up to and with the period in progress, as the roll-ups read through TimeseriesDao.
      for (Instant t = first; !t.isAfter(NOW); t = t.plus(step)) {
        double hours = step.getSeconds() / 3600.0;
        double c = compressorKw(t) * (1 + 0.02 * noise.nextGaussian());
        double h = 20 * (1 + 0.02 * noise.nextGaussian());
        rows.add(new Object[] {t, COMPRESSOR, c, c * hours});
        rows.add(new Object[] {t, HVAC, h, h * hours});
      }
      pg.database()
          .jdbi()
          .useHandle(
              handle -> {
                var batch =
                    handle.prepareBatch(
                        "INSERT INTO "
                            + table
                            + " (bucket, machine_id, energy_type, avg_power_kw, total_energy_kwh,"
                            + " reading_count) VALUES (:t, :m, 'electricity', :kw, :kwh, 60)");
                for (Object[] r : rows) {
                  batch
                      .bind("t", ((Instant) r[0]).atOffset(ZoneOffset.UTC))
                      .bind("m", (UUID) r[1])
                      .bind("kw", (double) r[2])
                      .bind("kwh", (double) r[3])
                      .add();
                }
                batch.execute();
              });
    }
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    BlockingIo io = new BlockingIo(Executors.newFixedThreadPool(2));
    var forecasts =
        new DbForecasts(
            new DbMachineDirectory(new MachineDao(pg.database()), io),
            new TimeseriesDao(pg.database(), clock, Duration.ZERO),
            io,
            clock,
            new ForecastSettings(91, 0.95, TimeOfUse.ORIGINAL),
            new TariffPricing(pg.database()));
    api = new RouteHarness(new ForecastRoutes(forecasts)::routes);
  }

  @AfterAll
  static void stop() throws Exception {
    api.close();
  }

  private static JsonNode ok(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** What a day-ahead load costs at the demo plant's time-of-use tariffs (its factory's). */
  private static double tomorrowAtDemoTariffs(java.util.function.ToDoubleFunction<Instant> kw) {
    Instant start = Instant.parse("2026-03-05T00:00:00Z");
    double cost = 0;
    for (int h = 0; h < 24; h++) {
      Instant t = start.plus(Duration.ofHours(h));
      var local = t.atZone(java.time.ZoneId.of("America/Los_Angeles"));
      boolean peak =
          local.getDayOfWeek().getValue() <= 5 && local.getHour() >= 9 && local.getHour() < 21;
      cost += kw.applyAsDouble(t) * (peak ? 0.25 : 0.10);
    }
    return cost;
  }

  @Test
  void tomorrowOfOneMachineIsItsWeekdayInTheOriginalsFields() throws Exception {
    JsonNode t = ok(api.get("/api/v1/forecast/short-term?machine_id=" + COMPRESSOR));

    assertThat(fields(t))
        .containsExactly(
            "forecast_type",
            "forecast_date",
            "machine_id",
            "machine_name",
            "machine_type",
            "predicted_energy_kwh",
            "predicted_cost_usd",
            "predicted_avg_power_kw",
            "predicted_peak_power_kw",
            "predicted_peak_time",
            "confidence",
            "historical_days_used",
            "method",
            "timestamp",
            "predicted_energy_lower_kwh",
            "predicted_energy_upper_kwh",
            "interval_level",
            "currency");
    assertThat(t.get("forecast_type").asText()).isEqualTo("single_machine");
    assertThat(t.get("forecast_date").asText()).isEqualTo("2026-03-05");
    assertThat(t.get("machine_name").asText()).isEqualTo("Compressor-1");
    double kwh = t.get("predicted_energy_kwh").asDouble();
    assertThat(kwh).isCloseTo(720, within(15.0));
    // Each hour at the demo plant's tariff then: 0.25 USD 9-21 on weekdays in Los Angeles, else
    // 0.10.
    double cost = tomorrowAtDemoTariffs(ForecastRoutesTest::compressorKw);
    assertThat(t.get("predicted_cost_usd").asDouble()).isCloseTo(cost, within(0.03 * cost));
    assertThat(t.get("currency").asText()).isEqualTo("USD");
    assertThat(t.get("predicted_avg_power_kw").asDouble()).isCloseTo(30, within(0.7));
    assertThat(t.get("predicted_peak_power_kw").asDouble()).isCloseTo(40, within(2.0));
    assertThat(t.get("predicted_peak_time").asText()).matches("(0[6-9]|1\\d|2[01]):00:00");
    assertThat(t.get("predicted_energy_lower_kwh").asDouble()).isLessThan(720);
    assertThat(t.get("predicted_energy_upper_kwh").asDouble()).isGreaterThan(720);
    assertThat(t.get("confidence").asDouble()).isBetween(0.95, 1.0);
    assertThat(t.get("historical_days_used").asInt()).isEqualTo(71);
    assertThat(t.get("method").asText()).contains("seasonal profile");
    assertThat(t.get("timestamp").asText()).isEqualTo("2026-03-04T10:20:00Z");
  }

  @Test
  void tomorrowOfThePlantSumsItsMachinesAndNamesThePeakMachine() throws Exception {
    JsonNode p = ok(api.get("/api/v1/forecast/short-term"));

    assertThat(fields(p))
        .startsWith(
            "forecast_type",
            "forecast_date",
            "factory_id",
            "total_predicted_energy_kwh",
            "total_predicted_cost_usd",
            "predicted_peak_demand_kw",
            "predicted_peak_time",
            "peak_machine",
            "average_confidence",
            "machines_forecasted",
            "by_machine",
            "method",
            "timestamp");
    assertThat(p.get("forecast_type").asText()).isEqualTo("factory_wide");
    // Only the two machines with readings; the others have nothing to forecast from.
    assertThat(p.get("machines_forecasted").asInt()).isEqualTo(2);
    assertThat(p.get("by_machine")).hasSize(2);
    assertThat(fields(p.get("by_machine").get(0)))
        .containsExactly(
            "machine_id",
            "machine_name",
            "machine_type",
            "predicted_energy_kwh",
            "predicted_cost_usd",
            "predicted_peak_power_kw",
            "confidence",
            "currency");
    double total = p.get("total_predicted_energy_kwh").asDouble();
    assertThat(total).isCloseTo(720 + 480, within(20.0));
    double lines = 0;
    for (JsonNode line : p.get("by_machine")) {
      lines += line.get("predicted_energy_kwh").asDouble();
    }
    assertThat(lines).isCloseTo(total, within(0.05));
    // The plant's peak is the peak of the sum: 40 + 20 kW, during the compressor's shift.
    assertThat(p.get("predicted_peak_demand_kw").asDouble()).isCloseTo(60, within(2.5));
    assertThat(p.get("peak_machine").asText()).isEqualTo("Compressor-1");
    assertThat(p.get("total_predicted_energy_lower_kwh").asDouble()).isLessThan(total);
    assertThat(p.get("total_predicted_energy_upper_kwh").asDouble()).isGreaterThan(total);
  }

  @Test
  void aFactoryWithoutReadingsHasNoTomorrow() throws Exception {
    HttpResponse<String> r = api.get("/api/v1/forecast/short-term?factory_id=" + EUROPE);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body()).contains("No energy readings");
  }

  @Test
  void theVoiceClientsDemandForecastHasFourQuartersWithIntervals() throws Exception {
    JsonNode d =
        ok(
            api.get(
                "/api/v1/forecast/demand?machine_id=" + COMPRESSOR + "&horizon=short&periods=4"));

    assertThat(fields(d))
        .containsExactly(
            "model_type",
            "machine_id",
            "horizon",
            "periods",
            "frequency",
            "predictions",
            "timestamps",
            "lower_bound",
            "upper_bound",
            "confidence_intervals",
            "forecasted_at",
            "unit",
            "method",
            "calibration_runs");
    assertThat(d.get("periods").asInt()).isEqualTo(4);
    assertThat(d.get("frequency").asText()).isEqualTo("15T");
    assertThat(d.get("model_type").asText()).isEqualTo("seasonal_profile");
    assertThat(d.get("predictions")).hasSize(4).allMatch(JsonNode::isDouble);
    assertThat(d.get("timestamps").get(0).asText()).isEqualTo("2026-03-04T10:30:00Z");
    assertThat(d.get("timestamps").get(3).asText()).isEqualTo("2026-03-04T11:15:00Z");
    JsonNode ci = d.get("confidence_intervals");
    assertThat(ci.get("alpha").asDouble()).isEqualTo(0.05);
    for (int i = 0; i < 4; i++) {
      double kw = d.get("predictions").get(i).asDouble();
      assertThat(kw).isCloseTo(40, within(2.0));
      assertThat(ci.get("lower").get(i).asDouble()).isLessThan(kw).isGreaterThan(30);
      assertThat(ci.get("upper").get(i).asDouble()).isGreaterThan(kw).isLessThan(50);
      assertThat(d.get("lower_bound").get(i)).isEqualTo(ci.get("lower").get(i));
    }
    assertThat(d.get("calibration_runs").asInt()).isEqualTo(56);
  }

  @Test
  void predictTakesTheHorizonFromItsBody() throws Exception {
    JsonNode d =
        ok(
            api.post(
                "/api/v1/forecast/predict",
                "{\"machine_id\": \"" + HVAC + "\", \"horizon\": \"medium\"}"));

    assertThat(d.get("periods").asInt()).isEqualTo(24);
    assertThat(d.get("frequency").asText()).isEqualTo("H");
    assertThat(d.get("timestamps").get(0).asText()).isEqualTo("2026-03-04T11:00:00Z");
    assertThat(d.get("predictions")).hasSize(24).allMatch(p -> Math.abs(p.asDouble() - 20) < 1);
    JsonNode week =
        ok(
            api.post(
                "/api/v1/forecast/predict",
                "{\"machine_id\": \"" + COMPRESSOR + "\", \"horizon\": \"long\"}"));
    assertThat(week.get("predictions")).hasSize(168);
    // Saturday 2026-03-07 12:00 is 3 days and 1 hour from 11:00 Wednesday.
    assertThat(week.get("timestamps").get(73).asText()).isEqualTo("2026-03-07T12:00:00Z");
    assertThat(week.get("predictions").get(73).asDouble()).isCloseTo(5, within(0.5));
  }

  @Test
  void thePeakIsTheBusiestQuarterOfTheNextDay() throws Exception {
    JsonNode p = ok(api.get("/api/v1/forecast/peak?machine_id=" + COMPRESSOR));

    assertThat(fields(p))
        .containsExactly(
            "machine_id",
            "peak_time",
            "peak_demand_kw",
            "average_demand_kw",
            "peak_vs_average_percent",
            "forecasted_at",
            "peak_demand_upper_kw",
            "interval_level",
            "method");
    String peakTime = p.get("peak_time").asText();
    int hour = Instant.parse(peakTime).atZone(ZoneOffset.UTC).getHour();
    assertThat(hour).isBetween(6, 21);
    assertThat(p.get("peak_demand_kw").asDouble()).isCloseTo(41, within(2.0));
    double average = p.get("average_demand_kw").asDouble();
    assertThat(average).isCloseTo(30, within(1.0));
    assertThat(p.get("peak_vs_average_percent").asDouble())
        .isCloseTo(100 * (p.get("peak_demand_kw").asDouble() - average) / average, within(0.1));
    assertThat(p.get("peak_demand_upper_kw").asDouble())
        .isGreaterThan(p.get("peak_demand_kw").asDouble());
  }

  @Test
  void anExtraLoadGoesToCheapNightHoursThatSetNoNewPeak() throws Exception {
    JsonNode s =
        ok(
            api.post(
                "/api/v1/forecast/optimal-schedule",
                "{\"machine_id\": \""
                    + COMPRESSOR
                    + "\", \"date\": \"2026-03-05\", \"load_kw\": 10}"));

    assertThat(fields(s))
        .containsExactly(
            "machine_id",
            "date",
            "load_kw",
            "peak_demand_threshold",
            "recommendations",
            "generated_at",
            "method");
    assertThat(s.get("peak_demand_threshold").asDouble()).isCloseTo(30 * 1.2, within(1.0));
    assertThat(s.get("recommendations")).hasSize(3);
    for (JsonNode r : s.get("recommendations")) {
      assertThat(fields(r))
          .containsExactly(
              "timestamp",
              "predicted_demand_kw",
              "load_kw",
              "total_demand_kw",
              "is_peak_hour",
              "cost_usd",
              "potential_savings_usd",
              "within_threshold");
      int hour = Instant.parse(r.get("timestamp").asText()).atZone(ZoneOffset.UTC).getHour();
      assertThat(hour < 6 || hour >= 22).as("hour %d is off-peak", hour).isTrue();
      assertThat(r.get("timestamp").asText()).startsWith("2026-03-05T");
      assertThat(r.get("is_peak_hour").asBoolean()).isFalse();
      assertThat(r.get("within_threshold").asBoolean()).isTrue();
      assertThat(r.get("cost_usd").asDouble()).isEqualTo(1.0);
      assertThat(r.get("potential_savings_usd").asDouble()).isEqualTo(1.0);
      assertThat(r.get("predicted_demand_kw").asDouble()).isCloseTo(10, within(0.7));
    }
  }

  @Test
  void unknownMachinesAndMachinesWithoutReadingsAre404() throws Exception {
    assertThat(api.get("/api/v1/forecast/demand?machine_id=" + UNKNOWN).body())
        .isEqualTo("{\"detail\":\"Machine not found\"}");
    assertThat(api.get("/api/v1/forecast/short-term?machine_id=" + UNKNOWN).statusCode())
        .isEqualTo(404);
    HttpResponse<String> boiler = api.get("/api/v1/forecast/peak?machine_id=" + BOILER);
    assertThat(boiler.statusCode()).isEqualTo(404);
    assertThat(boiler.body()).contains("Boiler-1");
  }

  @Test
  void badParametersAre422InFastApisShape() throws Exception {
    assertThat(api.get("/api/v1/forecast/demand?machine_id=" + COMPRESSOR + "&horizon=soon"))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(422))
        .satisfies(r -> assertThat(r.body()).contains("\"loc\":[\"query\",\"horizon\"]"));
    assertThat(
            api.get("/api/v1/forecast/demand?machine_id=" + COMPRESSOR + "&periods=0").statusCode())
        .isEqualTo(422);
    assertThat(api.get("/api/v1/forecast/demand").body()).contains("machine_id");
    assertThat(api.get("/api/v1/forecast/peak?machine_id=nope").statusCode()).isEqualTo(422);
    assertThat(
            api.post(
                    "/api/v1/forecast/predict",
                    "{\"machine_id\": \"" + COMPRESSOR + "\", \"periods\": 1000}")
                .statusCode())
        .isEqualTo(422);
    HttpResponse<String> past =
        api.post(
            "/api/v1/forecast/optimal-schedule",
            "{\"machine_id\": \"" + COMPRESSOR + "\", \"date\": \"2026-03-01\", \"load_kw\": 5}");
    assertThat(past.statusCode()).isEqualTo(422);
    assertThat(past.body()).contains("date");
    HttpResponse<String> noLoad =
        api.post(
            "/api/v1/forecast/optimal-schedule",
            "{\"machine_id\": \"" + COMPRESSOR + "\", \"date\": \"2026-03-05\", \"load_kw\": 0}");
    assertThat(noLoad.statusCode()).isEqualTo(422);
    assertThat(noLoad.body()).contains("load_kw");
  }
}
