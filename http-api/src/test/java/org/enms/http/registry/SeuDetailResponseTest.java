package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.enms.core.json.Json;
import org.junit.jupiter.api.Test;

class SeuDetailResponseTest {
  @Test
  void showsTheSeuWithItsMachinesInTheOriginalsOrder() throws Exception {
    var machine =
        new SeuRegistry.MachineRef(
            UUID.fromString("c0000000-0000-0000-0000-000000000001"),
            "Compressor-1",
            "compressor",
            55);

    assertThat(
            Json.mapper()
                .writeValueAsString(
                    SeuDetailResponse.of(
                        SeuListResponseTest.AIR, List.of(machine), SeuListResponseTest.T)))
        .isEqualTo(
            "{\"success\":true,\"seu\":{\"id\":\"aaaaaaaa-1111-1111-1111-111111111111\","
                + "\"name\":\"Compressor-1\",\"description\":\"air\",\"energy_source\":\"electricity\","
                + "\"unit\":\"kWh\",\"machines\":[{\"id\":\"c0000000-0000-0000-0000-000000000001\","
                + "\"name\":\"Compressor-1\",\"type\":\"compressor\",\"rated_power_kw\":55.0}],"
                + "\"baseline_year\":2025,\"r_squared\":0.91,\"target_reduction_percent\":null,"
                + "\"baseline_model_count\":1,\"has_baseline\":true,\"is_active\":true,"
                + "\"created_at\":\"2026-11-27T12:00:00Z\",\"updated_at\":\"2026-11-27T12:00:00Z\"},"
                + "\"timestamp\":\"2026-11-27T12:00:00Z\"}");
  }
}
