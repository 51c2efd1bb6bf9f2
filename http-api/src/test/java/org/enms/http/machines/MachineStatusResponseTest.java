package org.enms.http.machines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.enms.core.json.Json;
import org.enms.http.anomaly.AnomalySummary;
import org.junit.jupiter.api.Test;

/** The status body the voice client reads: the original's fields, order, rounding and nulls. */
class MachineStatusResponseTest {
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final UUID ID = UUID.fromString("c0000000-0000-0000-0000-000000000001");

  private static MachineStatusResponse response(LiveStatus s, AnomalySummary recent) {
    return new MachineStatusResponse(
        ID,
        "Compressor-1",
        "compressor",
        null,
        true,
        MachineStatusResponse.CurrentStatus.of(s),
        MachineStatusResponse.TodayStats.of(s, s.todayEnergyKwh() * 0.15, 12),
        MachineStatusResponse.RecentAnomalies.of(recent),
        MachineStatusResponse.ProductionToday.of(s),
        NOW);
  }

  @Test
  void showsTheOriginalsFieldsInOrderRounded() throws Exception {
    var s = new LiveStatus("running", 12.34567, NOW, 100.12345, 10.5555, 20.4444, 3.3333, 10, 7, 3);
    var latest =
        new AnomalySummary.Latest(
            UUID.fromString("99999999-9999-9999-9999-999999999999"),
            NOW,
            "spike",
            "critical",
            "big");

    assertThat(
            Json.mapper().writeValueAsString(response(s, new AnomalySummary(3, 1, 1, 1, latest))))
        .isEqualTo(
            "{\"machine_id\":\"c0000000-0000-0000-0000-000000000001\",\"machine_name\":\"Compressor-1\","
                + "\"machine_type\":\"compressor\",\"location\":null,\"is_active\":true,"
                + "\"current_status\":{\"status\":\"running\",\"power_kw\":12.346,"
                + "\"last_reading\":\"2026-11-27T12:00:00Z\"},"
                + "\"today_stats\":{\"energy_kwh\":100.123,\"cost_usd\":15.02,\"avg_power_kw\":10.556,"
                + "\"peak_power_kw\":20.444,\"uptime_hours\":3.33,\"uptime_percent\":27.8},"
                + "\"recent_anomalies\":{\"count\":3,\"critical\":1,\"warnings\":1,\"normal\":1,"
                + "\"latest\":{\"anomaly_id\":\"99999999-9999-9999-9999-999999999999\","
                + "\"detected_at\":\"2026-11-27T12:00:00Z\",\"type\":\"spike\","
                + "\"severity\":\"critical\",\"description\":\"big\"}},"
                + "\"production_today\":{\"units_produced\":10,\"units_good\":7,\"units_bad\":3,"
                + "\"quality_percent\":70.0},"
                + "\"timestamp\":\"2026-11-27T12:00:00Z\"}");
  }

  @Test
  void showsNullsForNoReadingNoAnomalyAndNoProduction() throws Exception {
    var s = new LiveStatus("stopped", 0, null, 0, 0, 0, 0, 0, 0, 0);

    String json = Json.mapper().writeValueAsString(response(s, AnomalySummary.NONE));

    assertThat(json)
        .contains("\"last_reading\":null")
        .contains("\"latest\":null")
        .contains("\"production_today\":null");
  }
}
