package org.enms.http.timeseries;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.json.Json;
import org.junit.jupiter.api.Test;

class TimeseriesResponseTest {
  @Test
  void showsTheOriginalsFieldsInOrder() throws Exception {
    Instant start = Instant.parse("2026-11-27T00:00:00Z");
    var body =
        new TimeseriesResponse(
            UUID.fromString("c0000000-0000-0000-0000-000000000001"),
            "Compressor-1",
            "energy",
            "1hour",
            start,
            start.plusSeconds(7200),
            List.of(new TimeseriesResponse.DataPoint(start, 1.5, "kWh", true)),
            1,
            "sum");

    assertThat(Json.mapper().writeValueAsString(body))
        .isEqualTo(
            "{\"machine_id\":\"c0000000-0000-0000-0000-000000000001\",\"machine_name\":\"Compressor-1\","
                + "\"metric\":\"energy\",\"interval\":\"1hour\",\"start_time\":\"2026-11-27T00:00:00Z\","
                + "\"end_time\":\"2026-11-27T02:00:00Z\",\"data_points\":[{\"timestamp\":"
                + "\"2026-11-27T00:00:00Z\",\"value\":1.5,\"unit\":\"kWh\",\"partial\":true}],\"total_points\":1,"
                + "\"aggregation\":\"sum\"}");
  }
}
