package org.enms.ingest.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.StatusReading;
import org.junit.jupiter.api.Test;

class PayloadParserTest {
  private static final String MACHINE = "c0000000-0000-0000-0000-000000000001";
  private final PayloadParser parser = new PayloadParser();

  private PayloadParser.Parsed parse(String topic, String json) {
    return parser.parse(topic, json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void parsesTheOriginalEnergyPayloadWithANaiveUtcTimestamp() {
    var parsed =
        parse(
            "factory/demo/compressor-1/energy",
            """
            {"time":"2026-11-27T10:00:01.123456","machine_id":"%s","power_kw":47.5,
             "energy_kwh":0.013194,"voltage_v":401.2,"current_a":78.1,"power_factor":0.9,
             "frequency_hz":50.01}
            """
                .formatted(MACHINE));
    assertThat(parsed.rejections()).isEmpty();
    var r = (EnergyReading) parsed.readings().get(0);
    assertThat(r.machineId()).isEqualTo(UUID.fromString(MACHINE));
    assertThat(r.time()).isEqualTo(Instant.parse("2026-11-27T10:00:01.123456Z"));
    assertThat(r.energyType()).isEqualTo(EnergyType.ELECTRICITY);
    assertThat(r.powerKw()).isEqualTo(47.5);
    assertThat(r.energyKwh()).isEqualTo(0.013194);
    assertThat(r.voltageV()).isEqualTo(401.2);
  }

  @Test
  void acceptsTimestampsWithOffsetsAndTheBoilersTimestampField() {
    var parsed =
        parse(
            "factory/DemoPlant/Boiler-1/electricity",
            """
            {"timestamp":"2026-11-27T11:00:00+01:00","machine_id":"%s","power_kw":31,"energy_kwh":0.25}
            """
                .formatted(MACHINE));
    assertThat(parsed.readings().get(0).time()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
  }

  @Test
  void convertsNaturalGasToKwhEquivalentAndKeepsTheNativeValues() {
    var parsed =
        parse(
            "factory/DemoPlant/Boiler-1/natural_gas",
            """
            {"timestamp":"2026-11-27T10:00:00Z","machine_id":"%s","flow_rate_m3h":176.0,
             "consumption_m3":1.4667,"pressure_bar":4.0}
            """
                .formatted(MACHINE));
    var r = (EnergyReading) parsed.readings().get(0);
    assertThat(r.energyType()).isEqualTo(EnergyType.NATURAL_GAS);
    assertThat(r.powerKw()).isCloseTo(176.0 * 10.55, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.energyKwh()).isCloseTo(1.4667 * 10.55, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(r.metadataJson()).contains("\"consumption_m3\":1.4667").doesNotContain("machine_id");
  }

  @Test
  void acceptsACounterOnlyMeter() {
    var parsed =
        parse(
            "factory/demo/m/energy",
            """
            {"time":"2026-11-27T10:00:00Z","machine_id":"%s","power_kw":5,"energy_total_kwh":12345.6}
            """
                .formatted(MACHINE));
    var r = (EnergyReading) parsed.readings().get(0);
    assertThat(r.energyKwh()).isNull();
    assertThat(r.counterKwh()).isEqualTo(12345.6);
  }

  @Test
  void parsesProductionEnvironmentalAndStatus() {
    var production =
        (ProductionReading)
            parse(
                    "factory/demo/m/production",
                    """
                    {"time":"2026-11-27T10:00:00Z","machine_id":"%s","production_count":12,
                     "production_count_good":11,"production_count_bad":1,
                     "throughput_units_per_hour":300.5,"operating_mode":"running","speed_percent":80}
                    """
                        .formatted(MACHINE))
                .readings()
                .get(0);
    assertThat(production.productionCount()).isEqualTo(12);
    assertThat(production.productionCountBad()).isEqualTo(1);
    var env =
        (EnvironmentalReading)
            parse(
                    "factory/demo/m/environmental",
                    """
                    {"time":"2026-11-27T10:00:00Z","machine_id":"%s","outdoor_temp_c":0.0,
                     "co2_ppm":410}
                    """
                        .formatted(MACHINE))
                .readings()
                .get(0);
    // Zero is a value, not a missing one (the original's `x || null` lost it).
    assertThat(env.outdoorTempC()).isEqualTo(0.0);
    assertThat(env.metadataJson()).contains("co2_ppm");
    var status =
        (StatusReading)
            parse(
                    "factory/demo/m/status",
                    """
                    {"timestamp":"2026-11-27T10:00:00","machine_id":"%s","is_running":true,
                     "operating_mode":"running","current_power_kw":47.1}
                    """
                        .formatted(MACHINE))
                .readings()
                .get(0);
    assertThat(status.running()).isTrue();
  }

  @Test
  void rejectsMalformedJsonWithItsRawPayload() {
    var parsed = parse("factory/demo/m/energy", "{\"time\": oops");
    assertThat(parsed.readings()).isEmpty();
    assertThat(parsed.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).startsWith("malformed JSON");
              assertThat(r.payload()).asString(UTF_8).isEqualTo("{\"time\": oops");
            });
  }

  @Test
  void rejectsMissingAndIllTypedFieldsWithTheFieldName() {
    assertThat(
            parse(
                    "factory/demo/m/energy",
                    "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\"%s\",\"energy_kwh\":1}"
                        .formatted(MACHINE))
                .rejections()
                .get(0)
                .reason())
        .isEqualTo("missing field power_kw");
    assertThat(
            parse(
                    "factory/demo/m/energy",
                    "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\"%s\",\"power_kw\":\"47\",\"energy_kwh\":1}"
                        .formatted(MACHINE))
                .rejections()
                .get(0)
                .reason())
        .isEqualTo("field power_kw: expected a number, got string");
    assertThat(
            parse(
                    "factory/demo/m/energy",
                    "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\"%s\",\"power_kw\":1e999,\"energy_kwh\":1}"
                        .formatted(MACHINE))
                .rejections()
                .get(0)
                .reason())
        .isEqualTo("field power_kw: not a finite number");
    assertThat(
            parse(
                    "factory/demo/m/energy",
                    "{\"time\":\"yesterday\",\"machine_id\":\"%s\",\"power_kw\":1,\"energy_kwh\":1}"
                        .formatted(MACHINE))
                .rejections()
                .get(0)
                .reason())
        .startsWith("field time: not an ISO-8601 timestamp");
    assertThat(
            parse(
                    "factory/demo/m/energy",
                    "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\"nope\",\"power_kw\":1,\"energy_kwh\":1}")
                .rejections()
                .get(0)
                .reason())
        .isEqualTo("field machine_id: not a UUID: nope");
  }

  @Test
  void rejectsTopicsThatAreNotFourKnownSegments() {
    assertThat(parse("factory/demo/energy", "{}").rejections().get(0).reason())
        .startsWith("topic does not match");
    assertThat(parse("factory/demo/m/weather", "{}").rejections()).hasSize(1);
  }

  @Test
  void splitsAGatewayBatchAndRejectsOnlyItsBadItems() {
    var parsed =
        parse(
            "factory/load/gateway-1/batch",
            """
            {"gateway_id":"gateway-1","readings":[
              {"data_type":"energy","time":"2026-11-27T10:00:00Z","machine_id":"%1$s","power_kw":1,"energy_kwh":0.1},
              {"data_type":"energy","time":"2026-11-27T10:00:01Z","machine_id":"%1$s","energy_kwh":0.1},
              {"data_type":"production","time":"2026-11-27T10:00:00Z","machine_id":"%1$s","production_count":3}
            ]}
            """
                .formatted(MACHINE));
    assertThat(parsed.readings()).hasSize(2);
    assertThat(parsed.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo("missing field power_kw");
              assertThat(r.payload())
                  .asString(UTF_8)
                  .isEqualTo(
                      "{\"data_type\":\"energy\",\"time\":\"2026-11-27T10:00:01Z\",\"machine_id\":\"%s\",\"energy_kwh\":0.1}"
                          .formatted(MACHINE));
            });
  }

  @Test
  void rejectsANulCharacterThatThePostgresTextTypeCannotStore() {
    var parsed =
        parse(
            "factory/demo/m/production",
            "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\""
                + MACHINE
                + "\",\"production_count\":1,\"operating_mode\":\"run\\u0000ning\"}");
    assertThat(parsed.readings()).isEmpty();
    assertThat(parsed.rejections().get(0).reason()).contains("NUL character");
  }

  @Test
  void keepsAnEscapedBackslashFollowedByTheTextU0000() {
    var parsed =
        parse(
            "factory/demo/m/production",
            "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\""
                + MACHINE
                + "\",\"production_count\":1,\"recipe_id\":\"C:\\\\u0000\"}");
    assertThat(parsed.rejections()).isEmpty();
    assertThat(((ProductionReading) parsed.readings().get(0)).recipeId()).isEqualTo("C:\\u0000");
  }
}
