package org.enms.http.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.json.Json;
import org.enms.http.error.ApiException;
import org.enms.http.support.RequestBodies;
import org.junit.jupiter.api.Test;

class MachineBodyTest {
  private static final UUID FACTORY = UUID.fromString("11111111-1111-1111-1111-111111111111");
  private static final UUID TARIFF = UUID.fromString("22222222-2222-2222-2222-222222222222");
  private static final MachineRegistry.Input CURRENT =
      new MachineRegistry.Entry(
              UUID.randomUUID(),
              FACTORY,
              "Plant A",
              "Press-1",
              "pump",
              30,
              5,
              List.of(new MachineRegistry.SourceEntry(UUID.randomUUID(), "electricity", "kWh")),
              TARIFF,
              "line 2",
              "Acme",
              "P-30",
              "hall 1",
              "plant/press-1",
              true,
              10.0,
              400.0,
              true,
              Instant.EPOCH,
              Instant.EPOCH)
          .toInput();

  private static MachineRegistry.Input patch(String json) {
    JsonNode sent = RequestBodies.tree(json);
    return RequestBodies.read(sent, MachineBody.class).over(CURRENT, sent);
  }

  private static MachineRegistry.Input create(String json) {
    return RequestBodies.read(json, MachineBody.class).toNew();
  }

  private static String problems(Runnable call) throws Exception {
    try {
      call.run();
    } catch (ApiException e) {
      assertThat(e.status().intValue()).isEqualTo(422);
      return Json.mapper().writeValueAsString(e.detail());
    }
    throw new AssertionError("expected a 422");
  }

  @Test
  void aPatchClearsTheClearableFieldsSentAsNullAndKeepsTheOthers() throws Exception {
    MachineRegistry.Input changed =
        patch(
            "{\"tariff_id\":null,\"description\":null,\"rated_current_a\":null,"
                + "\"name\":null,\"type\":null,\"rated_power_kw\":null,\"is_critical\":null,"
                + "\"energy_sources\":null,\"factory_id\":null}");

    assertThat(changed.tariffId()).isNull();
    assertThat(changed.description()).isNull();
    assertThat(changed.ratedCurrentA()).isNull();
    assertThat(changed)
        .extracting(
            MachineRegistry.Input::name,
            MachineRegistry.Input::type,
            MachineRegistry.Input::ratedPowerKw,
            MachineRegistry.Input::isCritical,
            MachineRegistry.Input::energySources,
            MachineRegistry.Input::factoryId,
            MachineRegistry.Input::manufacturer,
            MachineRegistry.Input::ratedVoltageV)
        .containsExactly(
            "Press-1", "pump", 30.0, true, CURRENT.energySources(), FACTORY, "Acme", 400.0);
  }

  @Test
  void aPatchLeavingEverythingOutChangesNothing() throws Exception {
    assertThat(patch("{}")).isEqualTo(CURRENT);
  }

  @Test
  void aPatchNamingTheFactoryDropsTheCurrentFactoryId() throws Exception {
    MachineRegistry.Input changed = patch("{\"factory\":\" Plant B \"}");
    assertThat(changed.factoryId()).isNull();
    assertThat(changed.factoryName()).isEqualTo("Plant B");
  }

  @Test
  void aCreateTrimsNamesNormalisesTheTypeAndDefaultsIntervalAndElectricity() throws Exception {
    MachineRegistry.Input created =
        create(
            "{\"name\":\" Fan-1 \",\"factory\":\" Plant A \",\"type\":\" HVAC \","
                + "\"rated_power_kw\":2,\"energy_sources\":null}");

    assertThat(created.name()).isEqualTo("Fan-1");
    assertThat(created.factoryName()).isEqualTo("Plant A");
    assertThat(created.type()).isEqualTo("hvac");
    assertThat(created.dataIntervalSeconds()).isEqualTo(10);
    assertThat(created.energySources())
        .containsExactly(new MachineRegistry.SourceInput("electricity", "kWh"));
    assertThat(created.isCritical()).isFalse();
  }

  @Test
  void readsAnEnergySourceAsANameOrAsNameAndUnit() throws Exception {
    MachineRegistry.Input created =
        create(
            "{\"name\":\"B\",\"factory_id\":\""
                + FACTORY
                + "\",\"rated_power_kw\":1,"
                + "\"energy_sources\":[\"electricity\",{\"name\":\"steam\",\"unit\":\"kg\"},"
                + "{\"name\":\"natural_gas\",\"unit\":\" \"}]}");

    assertThat(created.energySources())
        .containsExactly(
            new MachineRegistry.SourceInput("electricity", null),
            new MachineRegistry.SourceInput("steam", "kg"),
            new MachineRegistry.SourceInput("natural_gas", null));
  }

  @Test
  void aCreateReportsEveryMissingAndInvalidFieldAtOnceInFieldOrder() throws Exception {
    assertThat(
            problems(
                () ->
                    create(
                        "{\"factory\":\" \",\"name\":\" \",\"type\":\"turbine\","
                            + "\"data_interval_seconds\":0,\"energy_sources\":[5,\"gas\",null],"
                            + "\"rated_voltage_v\":-1}")))
        .isEqualTo(
            "["
                + "{\"loc\":[\"body\",\"factory\"],\"msg\":\"must not be blank\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"factory_id\"],\"msg\":\"field required (or the factory's name as factory)\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"name\"],\"msg\":\"must not be blank\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"type\"],\"msg\":\"must be one of [compressor, hvac, motor, pump, injection_molding, conveyor, boiler, other]\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"rated_power_kw\"],\"msg\":\"field required\",\"type\":\"value_error.missing\"},"
                + "{\"loc\":[\"body\",\"data_interval_seconds\"],\"msg\":\"ensure this value is between 1 and 86400\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"energy_sources\"],\"msg\":\"each entry is a source name or {\\\"name\\\": ..., \\\"unit\\\": ...}\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"energy_sources\"],\"msg\":\"each entry is a source name or {\\\"name\\\": ..., \\\"unit\\\": ...}\",\"type\":\"value_error\"},"
                + "{\"loc\":[\"body\",\"rated_voltage_v\"],\"msg\":\"ensure this value is greater than or equal to 0\",\"type\":\"value_error\"}"
                + "]");
  }

  @Test
  void aPatchRequiresNothingButChecksWhatIsSent() throws Exception {
    assertThat(patch("{\"rated_power_kw\":45.5}").ratedPowerKw()).isEqualTo(45.5);
    assertThat(problems(() -> patch("{\"energy_sources\":[],\"name\":\" \"}")))
        .contains("\"name\"],\"msg\":\"must not be blank\"")
        .contains("a machine draws at least one energy source")
        .doesNotContain("field required");
    assertThatThrownBy(() -> patch("{\"is_critical\":\"yes\"}")).isInstanceOf(ApiException.class);
  }
}
