package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.json.Json;
import org.junit.jupiter.api.Test;

/** The original's SEU envelopes, which the voice client reads. */
class SeuListResponseTest {
  static final Instant T = Instant.parse("2026-11-27T12:00:00Z");
  static final SeuRegistry.Entry AIR =
      new SeuRegistry.Entry(
          UUID.fromString("aaaaaaaa-1111-1111-1111-111111111111"),
          "Compressor-1",
          "air",
          UUID.fromString("e0000000-0000-0000-0000-000000000001"),
          "electricity",
          "kWh",
          List.of(UUID.fromString("c0000000-0000-0000-0000-000000000001")),
          2025,
          0.91,
          true,
          T,
          T);

  @Test
  void showsTheEnvelopeAndEachSummaryInTheOriginalsOrder() throws Exception {
    assertThat(Json.mapper().writeValueAsString(SeuListResponse.of(List.of(AIR), null, T)))
        .isEqualTo(
            "{\"success\":true,\"seus\":[{\"id\":\"aaaaaaaa-1111-1111-1111-111111111111\","
                + "\"name\":\"Compressor-1\",\"energy_source\":\"electricity\",\"unit\":\"kWh\","
                + "\"machine_count\":1,\"baseline_year\":2025,\"r_squared\":0.91,"
                + "\"has_baseline\":true}],\"total_count\":1,\"filtered_by\":null,"
                + "\"timestamp\":\"2026-11-27T12:00:00Z\"}");
  }
}
