package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /api/v1/ovos/voice/query} on a running node with a known day of history: the spoken
 * figures are the API's, a follow-up keeps the machine, an ambiguous name is asked back, an
 * off-topic question says what EnMS answers, bad bodies are refused.
 */
class VoiceEndToEndTest {
  private static final String COMPRESSOR = "c0000000-0000-0000-0000-000000000001";
  private static NodeFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    fixture.startNode(Map.of());
    Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(10));
    var f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneOffset.UTC);
    StringBuilder csv = new StringBuilder("Zeitstempel;Energie kWh\n");
    for (int i = 1; i <= 96; i++) {
      csv.append(f.format(day.plusSeconds(900L * i))).append(";1,25\n");
    }
    JsonNode job =
        fixture.importToEnd(
            Map.of(
                "machine", "Compressor-1",
                "value_kind", "energy_kwh",
                "timezone", "UTC",
                "day_first", "true"),
            "meter.csv",
            csv.toString(),
            Duration.ofSeconds(60));
    assertThat(job.get("status").asText()).as(job.toString()).isEqualTo("succeeded");
  }

  @AfterAll
  static void stop() throws Exception {
    fixture.close();
  }

  private static JsonNode ask(String text, String session) {
    var response =
        fixture.send(
            "POST",
            "/api/v1/ovos/voice/query",
            "{\"text\": \"" + text + "\", \"session_id\": \"" + session + "\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return NodeFixture.json(response);
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void anEnergyQuestionIsAnsweredWithTheApisFigureAndAFollowUpKeepsTheMachine() {
    JsonNode a = ask("energy consumption of compressor one in the last 30 days", "s1");
    assertThat(a.get("success").asBoolean()).as(a.toString()).isTrue();
    assertThat(a.get("intent").asText()).isEqualTo("energy");
    assertThat(a.at("/entities/machines/0").asText()).isEqualTo("Compressor-1");
    assertThat(a.at("/entities/period").asText()).isEqualTo("in the last 30 days");

    JsonNode kpis =
        fixture.getJson(
            "/api/v1/kpi/all?machine_id="
                + COMPRESSOR
                + "&start="
                + enc(a.at("/entities/start").asText())
                + "&end="
                + enc(a.at("/entities/end").asText()));
    double kwh = kpis.at("/totals/total_energy_kwh").asDouble();
    assertThat(kwh).isGreaterThanOrEqualTo(120.0);
    assertThat(a.get("response").asText())
        .startsWith("Compressor-1 used ")
        .contains(String.format(Locale.ENGLISH, "%,.0f kilowatt-hours", kwh));

    JsonNode followUp = ask("and what did it cost in the last 30 days", "s1");
    assertThat(followUp.get("intent").asText()).isEqualTo("cost");
    assertThat(followUp.at("/entities/machines/0").asText()).isEqualTo("Compressor-1");
    assertThat(followUp.get("response").asText()).startsWith("Compressor-1 cost ");

    // Another session has no machine to remember: the same words ask about the plant.
    JsonNode otherSession = ask("and what did it cost", "s2");
    assertThat(otherSession.at("/entities/machines").size()).isZero();
    assertThat(otherSession.get("response").asText()).startsWith("The plant's energy cost ");

    JsonNode noMachine = ask("what is the load factor", "s2");
    assertThat(noMachine.get("success").asBoolean()).isFalse();
    assertThat(noMachine.get("response").asText()).startsWith("Which machine");
  }

  @Test
  void anAmbiguousNameIsAskedBackAndAnOffTopicQuestionSaysWhatCanBeAsked() {
    JsonNode ambiguous = ask("is the compressor running", "s3");
    assertThat(ambiguous.get("success").asBoolean()).isFalse();
    assertThat(ambiguous.get("response").asText())
        .isEqualTo("Which compressor do you mean: Compressor-1 or Compressor-EU-1?");

    JsonNode weather = ask("what is the weather like", "s3");
    assertThat(weather.get("intent").asText()).isEqualTo("unknown");
    assertThat(weather.get("response").asText()).contains("I can tell you about energy");
  }

  @Test
  void statusHealthAndTheMachineListComeFromTheLiveNode() {
    JsonNode status = ask("is compressor one running", "s4");
    assertThat(status.get("success").asBoolean()).as(status.toString()).isTrue();
    assertThat(status.get("response").asText()).matches("Compressor-1 is (running|idle|stopped).*");

    JsonNode health = ask("system health", "s4");
    assertThat(health.get("response").asText()).startsWith("The system is ");

    JsonNode machines = ask("list all machines", "s4");
    assertThat(machines.get("response").asText()).contains("Boiler-1", "HVAC-Main");
    assertThat(fixture.getJson("/api/v1/ovos/voice/health").get("status").asText()).isEqualTo("ok");
  }

  @Test
  void aBadBodyIsRefusedWithADetail() {
    var empty = fixture.send("POST", "/api/v1/ovos/voice/query", "{}");
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(empty.body()).contains("detail", "text");
    var tooLong =
        fixture.send("POST", "/api/v1/ovos/voice/query", "{\"text\": \"" + "a".repeat(600) + "\"}");
    assertThat(tooLong.statusCode()).isEqualTo(422);
    var garbage = fixture.send("POST", "/api/v1/ovos/voice/query", "{not json");
    assertThat(garbage.statusCode()).isBetween(400, 422);
    assertThat(garbage.body()).contains("detail").doesNotContain("Exception");
  }
}
