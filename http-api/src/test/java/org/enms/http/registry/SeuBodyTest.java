package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.enms.core.json.Json;
import org.enms.http.error.ApiException;
import org.enms.http.support.RequestBodies;
import org.junit.jupiter.api.Test;

class SeuBodyTest {
  private static final UUID SOURCE = UUID.fromString("e0000000-0000-0000-0000-000000000001");
  private static final UUID M1 = UUID.fromString("c0000000-0000-0000-0000-000000000001");
  private static final UUID M2 = UUID.fromString("c0000000-0000-0000-0000-000000000002");
  private static final SeuRegistry.Input CURRENT =
      new SeuRegistry.Input("Air", "compressed air", SOURCE, null, List.of(M1), 2025);

  private static SeuRegistry.Input patch(String json) {
    JsonNode sent = RequestBodies.tree(json);
    return RequestBodies.read(sent, SeuBody.class).over(CURRENT, sent);
  }

  private static String problems(String json) throws Exception {
    try {
      RequestBodies.read(json, SeuBody.class).toNew();
    } catch (ApiException e) {
      return Json.mapper().writeValueAsString(e.detail());
    }
    throw new AssertionError("expected a 422 for " + json);
  }

  @Test
  void aCreateTakesTheEnergySourceByNameWhenNoIdIsSent() throws Exception {
    SeuRegistry.Input created =
        RequestBodies.read(
                "{\"name\":\" Air \",\"energy_source\":\" electricity \",\"machine_ids\":[\""
                    + M1
                    + "\"]}",
                SeuBody.class)
            .toNew();

    assertThat(created)
        .isEqualTo(new SeuRegistry.Input("Air", null, null, "electricity", List.of(M1), null));
  }

  @Test
  void namesEachMachineIdThatIsNotAUuidBesideTheOtherProblems() throws Exception {
    assertThat(problems("{\"energy_source\":\" \",\"machine_ids\":[\"abc\",5,null]}"))
        .isEqualTo(
            "["
                + "{\"loc\":[\"body\",\"name\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},"
                + "{\"loc\":[\"body\",\"energy_source\"],\"msg\":\"must not be blank\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"energy_source_id\"],\"msg\":\"field required (or the source's name as energy_source)\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"machine_ids\"],\"msg\":\"value is not a valid uuid: abc\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"machine_ids\"],\"msg\":\"value is not a valid uuid: 5\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"machine_ids\"],\"msg\":\"value is not a valid uuid: null\",\"type\":\"value_error\"}"
                + "]");
    assertThat(problems("{\"name\":\"S\",\"energy_source_id\":\"" + SOURCE + "\"}"))
        .contains("{\"loc\":[\"body\",\"machine_ids\"],\"msg\":\"field required\"");
    assertThat(
            problems(
                "{\"name\":\"S\",\"energy_source_id\":\""
                    + SOURCE
                    + "\",\"machine_ids\":[],\"baseline_year\":2019}"))
        .contains("ensure this value has at least 1 items")
        .contains("ensure this value is between 2020 and 2100");
  }

  @Test
  void aPatchClearsTheDescriptionAndYearSentAsNullAndKeepsTheRest() throws Exception {
    assertThat(patch("{\"description\":null,\"baseline_year\":null,\"name\":null}"))
        .isEqualTo(new SeuRegistry.Input("Air", null, SOURCE, null, List.of(M1), null));
    assertThat(patch("{}")).isEqualTo(CURRENT);
  }

  @Test
  void aPatchByTheSourcesNameDropsTheCurrentSourceIdButAnIdWins() throws Exception {
    assertThat(patch("{\"energy_source\":\"steam\",\"machine_ids\":[\"" + M2 + "\"]}"))
        .isEqualTo(
            new SeuRegistry.Input("Air", "compressed air", null, "steam", List.of(M2), 2025));
    UUID other = UUID.randomUUID();
    assertThat(patch("{\"energy_source_id\":\"" + other + "\",\"energy_source\":\"steam\"}"))
        .extracting(SeuRegistry.Input::energySourceId, SeuRegistry.Input::energySourceName)
        .containsExactly(other, null);
  }
}
