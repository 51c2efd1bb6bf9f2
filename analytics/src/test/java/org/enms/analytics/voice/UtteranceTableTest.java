package org.enms.analytics.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of spoken questions ({@code voice/utterances.psv}): each row's intent, machines, period
 * and extras, as the demo plant names its machines, on a Sunday afternoon.
 */
class UtteranceTableTest {
  static final List<String> MACHINES =
      List.of(
          "Compressor-1",
          "HVAC-Main",
          "Conveyor-A",
          "Hydraulic-Pump-1",
          "Injection-Molding-1",
          "Compressor-EU-1",
          "HVAC-EU-North",
          "Boiler-1");
  static final Instant NOW = Instant.parse("2026-11-29T14:30:00Z");
  private static final QuestionParser PARSER = new QuestionParser(MACHINES, ZoneOffset.UTC);

  static Stream<Arguments> rows() throws IOException {
    List<Arguments> rows = new ArrayList<>();
    try (var in =
        new BufferedReader(
            new InputStreamReader(
                UtteranceTableTest.class.getResourceAsStream("/voice/utterances.psv"),
                StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = Arrays.stream(line.split("\\|")).map(String::trim).toArray(String[]::new);
        rows.add(Arguments.of(f[0], f[1], f[2], f[3], f[4]));
      }
    }
    return rows.stream();
  }

  @Test
  void theTableHoldsAtLeastAHundredQuestions() throws IOException {
    assertThat(rows().count()).isGreaterThanOrEqualTo(100);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void eachQuestionIsUnderstood(
      String utterance, String intent, String machines, String window, String extra) {
    ParsedQuestion q = PARSER.parse(utterance, NOW);
    assertThat(q.intent()).as("intent").isEqualTo(Intent.valueOf(intent));
    assertThat(q.machines())
        .as("machines")
        .isEqualTo(machines.equals("-") ? List.of() : List.of(machines.split(",")));
    if (window.equals("-")) {
      assertThat(q.window().phrase()).as("default window").isEqualTo("today");
    } else {
      assertThat(q.window().phrase()).as("window").isEqualTo(window);
      assertThat(q.windowSaid()).isTrue();
    }
    assertThat(q.window().end()).isBeforeOrEqualTo(NOW);
    assertThat(q.window().start()).isBefore(q.window().end());
    if (extra.startsWith("count=")) {
      assertThat(q.count()).contains(Integer.parseInt(extra.substring(6)));
    } else if (extra.startsWith("type=")) {
      assertThat(q.energyType()).contains(extra.substring(5));
    } else if (extra.startsWith("ambiguous=")) {
      assertThat(q.ambiguous()).isPresent();
      assertThat(q.ambiguous().get().candidates()).containsExactly(extra.substring(10).split("/"));
    } else {
      assertThat(q.ambiguous()).isEmpty();
    }
  }

  @Test
  void aQuestionSaysWhetherItIsAboutThePlantOrAFollowUp() {
    assertThat(PARSER.parse("total factory energy consumption", NOW).scope())
        .isEqualTo(ParsedQuestion.Scope.PLANT);
    assertThat(PARSER.parse("how much energy have we used today", NOW).scope())
        .isEqualTo(ParsedQuestion.Scope.PLANT);
    assertThat(PARSER.parse("and what did it cost", NOW).scope())
        .isEqualTo(ParsedQuestion.Scope.FOLLOW_UP);
    assertThat(PARSER.parse("what about yesterday", NOW).scope())
        .isEqualTo(ParsedQuestion.Scope.FOLLOW_UP);
    assertThat(PARSER.parse("are there any anomalies", NOW).scope())
        .isEqualTo(ParsedQuestion.Scope.UNSAID);
  }
}
