package org.enms.ingest.parse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.StatusReading;
import org.junit.jupiter.api.Test;

class PayloadParserTest {
  private static final String MACHINE = "c0000000-0000-0000-0000-000000000001";
  private final PayloadParser parser = new PayloadParser(1 << 20);

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

  // --- hostile input: every class gives readings and rejections, never an exception ---

  private static final String GOOD =
      "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\""
          + MACHINE
          + "\","
          + "\"power_kw\":12.5,\"energy_kwh\":0.0347}";

  private static String energy(String fields) {
    return "{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\"" + MACHINE + "\"," + fields + "}";
  }

  private String onlyReason(String topic, byte[] payload) {
    var parsed = parser.parse(topic, payload);
    assertThat(parsed.readings()).isEmpty();
    assertThat(parsed.rejections()).hasSize(1);
    assertThat(parsed.rejections().get(0).payload()).isEqualTo(payload);
    return parsed.rejections().get(0).reason();
  }

  private String onlyReason(String json) {
    return onlyReason("factory/demo/m/energy", json.getBytes(UTF_8));
  }

  @Test
  void rejectsRandomBytesWithNulAndKeepsThemByteExact() {
    var random = new java.util.Random(42);
    for (int i = 0; i < 500; i++) {
      byte[] bytes = new byte[1 + random.nextInt(300)];
      random.nextBytes(bytes);
      bytes[random.nextInt(bytes.length)] = 0;
      assertThat(onlyReason("factory/demo/m/energy", bytes)).isNotBlank();
      assertThat(onlyReason("factory/demo/gw/batch", bytes)).isNotBlank();
    }
  }

  @Test
  void rejectsInvalidUtf8EvenWhereJacksonWouldDecodeIt() {
    byte[] invalidUtf8 = GOOD.replace("12.5", "\"\u00ff\"").getBytes(UTF_8);
    int at = GOOD.indexOf("12.5") + 1;
    invalidUtf8[at] = (byte) 0xff;
    invalidUtf8[at + 1] = (byte) 0xfe;
    assertThat(onlyReason("factory/demo/m/energy", invalidUtf8))
        .isEqualTo("payload is not valid UTF-8 (byte " + at + ")");
    // An overlong NUL in a string Jackson would decode to U+0000, for a text column to refuse.
    byte[] overlongNul =
        energy("\"production_count\":1,\"operating_mode\":\"run__\"").getBytes(UTF_8);
    int nul = new String(overlongNul, UTF_8).indexOf("__");
    overlongNul[nul] = (byte) 0xc0;
    overlongNul[nul + 1] = (byte) 0x80;
    assertThat(onlyReason("factory/demo/m/production", overlongNul))
        .isEqualTo("payload is not valid UTF-8 (byte " + nul + ")");
  }

  @Test
  void rejectsRawControlCharactersAsMalformedJson() {
    assertThat(onlyReason(energy("\"power_kw\":1,\"energy_kwh\":1,\"note\":\"a\u0001\u001fb\"")))
        .startsWith("malformed JSON");
    assertThat(onlyReason(energy("\"power_kw\":1,\"energy_kwh\":1,\"note\":\"a\u0000b\"")))
        .startsWith("malformed JSON");
  }

  @Test
  void rejectsEveryTruncationOfAGoodPayload() {
    for (int end = 0; end < GOOD.length(); end++) {
      assertThat(onlyReason(GOOD.substring(0, end))).isNotBlank();
    }
  }

  @Test
  void parsesJsonNested1000DeepAndRejectsDeeperWithoutOverflowingTheStack() {
    // The root object is level 1; an ignored field nested to level 1,000 is Jackson's limit.
    String deep999 = "[".repeat(999) + "]".repeat(999);
    assertThat(
            parse("factory/demo/m/energy", energy("\"x\":" + deep999 + "," + GOOD.substring(1)))
                .readings())
        .hasSize(1);
    assertThat(
            parse(
                    "factory/demo/m/environmental",
                    energy("\"x\":" + deep999).replace("\"time\"", "\"outdoor_temp_c\":1,\"time\""))
                .readings())
        .hasSize(1);
    String deep1000 = "[".repeat(1000) + "]".repeat(1000);
    assertThat(onlyReason(energy("\"power_kw\":1,\"energy_kwh\":1,\"x\":" + deep1000)))
        .startsWith("malformed JSON")
        .contains("depth");
    assertThat(onlyReason("{\"a\":".repeat(100_000))).startsWith("malformed JSON");
    String deepBatch = "{\"readings\":[" + "[".repeat(5_000) + "]}";
    assertThat(onlyReason("factory/demo/gw/batch", deepBatch.getBytes(UTF_8)))
        .startsWith("malformed JSON");
  }

  @Test
  void rejectsAPayloadAboveTheLimitWithoutParsingIt() {
    var small = new PayloadParser(150);
    byte[] large = (GOOD + " ".repeat(100)).getBytes(UTF_8);
    var parsed = small.parse("factory/demo/m/energy", large);
    assertThat(parsed.readings()).isEmpty();
    assertThat(parsed.rejections().get(0).reason())
        .isEqualTo("payload of " + large.length + " bytes exceeds the limit of 150");
    assertThat(small.parse("factory/demo/m/energy", GOOD.getBytes(UTF_8)).readings()).hasSize(1);
  }

  @Test
  void rejectsNonFiniteNumbersInEveryForm() {
    assertThat(onlyReason(energy("\"power_kw\":NaN,\"energy_kwh\":1")))
        .startsWith("malformed JSON");
    assertThat(onlyReason(energy("\"power_kw\":Infinity,\"energy_kwh\":1")))
        .startsWith("malformed JSON");
    assertThat(onlyReason(energy("\"power_kw\":-Infinity,\"energy_kwh\":1")))
        .startsWith("malformed JSON");
    assertThat(onlyReason(energy("\"power_kw\":1,\"energy_kwh\":-1e999")))
        .isEqualTo("field energy_kwh: not a finite number");
    assertThat(onlyReason(energy("\"power_kw\":\"NaN\",\"energy_kwh\":1")))
        .isEqualTo("field power_kw: expected a number, got string");
    assertThat(onlyReason(energy("\"power_kw\":1" + "0".repeat(1_001) + ",\"energy_kwh\":1")))
        .startsWith("malformed JSON");
  }

  @Test
  void rejectsWrongTypesWithTheFieldName() {
    assertThat(onlyReason(energy("\"power_kw\":true,\"energy_kwh\":1")))
        .isEqualTo("field power_kw: expected a number, got boolean");
    assertThat(onlyReason(energy("\"power_kw\":[1],\"energy_kwh\":1")))
        .isEqualTo("field power_kw: expected a number, got array");
    assertThat(onlyReason(energy("\"power_kw\":{\"v\":1},\"energy_kwh\":1")))
        .isEqualTo("field power_kw: expected a number, got object");
    assertThat(onlyReason(energy("\"power_kw\":null,\"energy_kwh\":1")))
        .isEqualTo("missing field power_kw");
    assertThat(onlyReason(GOOD.replace("\"" + MACHINE + "\"", "42")))
        .isEqualTo("field machine_id: expected a string");
    assertThat(onlyReason(GOOD.replace("\"2026-11-27T10:00:00Z\"", "1764237600")))
        .isEqualTo("field time: expected a string");
    assertThat(
            onlyReason("factory/demo/m/status", energy("\"is_running\":\"yes\"").getBytes(UTF_8)))
        .isEqualTo("field is_running: expected true or false");
    assertThat(onlyReason("[" + GOOD + "]")).isEqualTo("payload is not a JSON object");
    assertThat(onlyReason("\"" + MACHINE + "\"")).isEqualTo("payload is not a JSON object");
  }

  @Test
  void rejectsNegativeEnergiesAndCountsButKeepsNegativePower() {
    assertThat(onlyReason(energy("\"power_kw\":1,\"energy_kwh\":-0.1")))
        .isEqualTo("field energy_kwh: must not be negative");
    assertThat(onlyReason(energy("\"power_kw\":1,\"energy_total_kwh\":-5")))
        .isEqualTo("field energy_total_kwh: must not be negative");
    assertThat(
            onlyReason(
                "factory/demo/m/production", energy("\"production_count\":-3").getBytes(UTF_8)))
        .isEqualTo("field production_count: expected a non-negative whole number");
    assertThat(
            onlyReason(
                "factory/demo/m/production", energy("\"production_count\":2.5").getBytes(UTF_8)))
        .isEqualTo("field production_count: expected a non-negative whole number");
    // A meter that exports (a generator, a regenerating drive) reports negative power.
    var exported = parse("factory/demo/m/energy", energy("\"power_kw\":-40,\"energy_kwh\":0"));
    assertThat(((EnergyReading) exported.readings().get(0)).powerKw()).isEqualTo(-40);
  }

  @Test
  void rejectsAbsurdMagnitudesThatWouldOverflowTheRollups() {
    assertThat(onlyReason(energy("\"power_kw\":1e300,\"energy_kwh\":1")))
        .isEqualTo("field power_kw: magnitude above 1e12");
    assertThat(onlyReason(energy("\"power_kw\":-1.0000001e12,\"energy_kwh\":1")))
        .isEqualTo("field power_kw: magnitude above 1e12");
    assertThat(onlyReason(energy("\"power_kw\":1,\"energy_kwh\":1,\"voltage_v\":1e200")))
        .isEqualTo("field voltage_v: magnitude above 1e12");
    assertThat(
            onlyReason(
                "factory/demo/m/production", energy("\"production_count\":1e30").getBytes(UTF_8)))
        .isEqualTo("field production_count: magnitude above 1e12");
    assertThat(
            parse("factory/demo/m/energy", energy("\"power_kw\":1e12,\"energy_kwh\":1e12"))
                .readings())
        .hasSize(1);
  }

  @Test
  void treatsSqlAndMarkupInStringsAsPlainText() {
    String sql = "'; DROP TABLE energy_readings; --";
    assertThat(onlyReason(GOOD.replace(MACHINE, sql)))
        .isEqualTo("field machine_id: not a UUID: " + sql);
    assertThat(onlyReason(GOOD.replace("2026-11-27T10:00:00Z", "<script>alert(1)</script>")))
        .isEqualTo("field time: not an ISO-8601 timestamp: <script>alert(1)</script>");
    var production =
        (ProductionReading)
            parse(
                    "factory/demo/m/production",
                    energy(
                        "\"production_count\":1,\"operating_mode\":\"%s\",\"recipe_id\":\"%s\""
                            .formatted(sql, "<b onclick=\\\"x()\\\">&amp;</b>")))
                .readings()
                .get(0);
    assertThat(production.operatingMode()).isEqualTo(sql);
    assertThat(production.recipeId()).isEqualTo("<b onclick=\"x()\">&amp;</b>");
  }

  @Test
  void rejectsBrokenGatewayBatchesWholeOrItemByItem() {
    String topic = "factory/demo/gw/batch";
    assertThat(onlyReason(topic, "{\"readings\":\"none\"}".getBytes(UTF_8)))
        .isEqualTo("gateway batch without a readings array");
    assertThat(onlyReason(topic, "{\"gateway_id\":\"g\"}".getBytes(UTF_8)))
        .isEqualTo("gateway batch without a readings array");
    assertThat(onlyReason(topic, "[]".getBytes(UTF_8))).isEqualTo("payload is not a JSON object");
    assertThat(parse(topic, "{\"readings\":[]}").rejections()).isEmpty();

    String item = "{\"data_type\":\"energy\"," + GOOD.substring(1);
    String batch =
        "{\"readings\":[1, \"x\" ,null,[],"
            + item
            + ",{\"data_type\":\"batch\"},{\"data_type\":\"weather\"},{\"data_type\":7},"
            + item.replace("12.5", "\"12.5\"")
            + "]}";
    var parsed = parse(topic, batch);
    assertThat(parsed.readings()).hasSize(1);
    assertThat(parsed.rejections())
        .extracting(PayloadParser.Rejection::reason)
        .containsExactly(
            "batch item is not a JSON object",
            "batch item is not a JSON object",
            "batch item is not a JSON object",
            "batch item is not a JSON object",
            "unknown data_type batch",
            "unknown data_type weather",
            "unknown data_type 7",
            "field power_kw: expected a number, got string");
    assertThat(parsed.rejections())
        .extracting(r -> new String(r.payload(), UTF_8))
        .containsExactly(
            "1",
            "\"x\"",
            "null",
            "[]",
            "{\"data_type\":\"batch\"}",
            "{\"data_type\":\"weather\"}",
            "{\"data_type\":7}",
            item.replace("12.5", "\"12.5\""));
    assertThat(parsed.raw().apply(0)).asString(UTF_8).isEqualTo(item);
  }

  @Test
  void acceptsOddButWellFormedTopicsAndRejectsTheRest() {
    byte[] good = GOOD.getBytes(UTF_8);
    for (String topic :
        List.of(
            "factory/Werk Süd/机器-1/energy",
            "factory/x/not-a-uuid/energy",
            "factory/'; DROP TABLE machines; --/<b>/energy",
            "factory/" + "f".repeat(60_000) + "/m/energy",
            "factory/\uD83D\uDE00/\u202Eevil/energy",
            // The machine segment is the publisher's name for it; the payload's id counts.
            "factory/x/\u0000/energy")) {
      assertThat(parser.parse(topic, good).readings()).as(topic).hasSize(1);
    }
    for (String topic :
        List.of(
            "factory/x/energy",
            "factory/x/y/z/energy",
            "factory//m/energy",
            "factory/x/m/",
            "factory/x/m/Energy",
            "factory/x/m/energy/",
            "Factory/x/m/energy",
            "factory/x/m/weather",
            "")) {
      assertThat(onlyReason(topic, good)).as(topic).startsWith("topic does not match");
    }
  }
}
