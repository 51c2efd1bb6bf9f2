package org.enms.node.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.enms.node.grafana.GrafanaMacros.Value;
import org.junit.jupiter.api.Test;

/** The expansion the panel SQL test relies on, against the texts Grafana's documentation gives. */
class GrafanaMacrosTest {
  private static final Instant FROM = Instant.parse("2017-07-18T11:15:52Z");
  private static final Instant TO = Instant.parse("2017-07-18T17:15:52Z");

  private final GrafanaMacros macros =
      new GrafanaMacros(
          FROM,
          TO,
          Duration.ofSeconds(30),
          Map.of(
              "machine", Value.single("c0000000-0000-0000-0000-000000000001"),
              "factory", new Value(List.of("Demo Plant", "O'Brien Works"), true),
              "name", Value.single("O'Brien")));

  @Test
  void expandsThePostgresMacrosAsGrafanaDoes() {
    assertThat(macros.expand("WHERE $__timeFilter(bucket)"))
        .isEqualTo("WHERE bucket BETWEEN '2017-07-18T11:15:52Z' AND '2017-07-18T17:15:52Z'");
    assertThat(macros.expand("$__timeFrom() $__timeTo()"))
        .isEqualTo("'2017-07-18T11:15:52Z' '2017-07-18T17:15:52Z'");
    assertThat(macros.expand("SELECT $__timeGroup(bucket, '5m')"))
        .isEqualTo("SELECT floor(extract(epoch from bucket)/300)*300");
    assertThat(macros.expand("SELECT $__timeGroupAlias(bucket, $__interval)"))
        .isEqualTo("SELECT floor(extract(epoch from bucket)/30)*30 AS \"time\"");
    assertThat(macros.expand("SELECT $__timeGroupAlias(bucket, '1h', NULL)"))
        .isEqualTo("SELECT floor(extract(epoch from bucket)/3600)*3600 AS \"time\"");
    assertThat(macros.expand("WHERE $__unixEpochFilter(ts)"))
        .isEqualTo("WHERE ts >= 1500376552 AND ts <= 1500398152");
    assertThat(macros.expand("SELECT $__time(bucket), $__interval_ms"))
        .isEqualTo("SELECT bucket AS \"time\", 30000");
  }

  @Test
  void quotesMultiValueVariablesAndOnlyEscapesSingleOnes() {
    assertThat(macros.expand("WHERE id = '$machine' AND f IN (${factory}) AND n = '$name'"))
        .isEqualTo(
            "WHERE id = 'c0000000-0000-0000-0000-000000000001'"
                + " AND f IN ('Demo Plant','O''Brien Works') AND n = 'O''Brien'");
  }

  @Test
  void refusesWhatGrafanaWouldRefuse() {
    assertThatThrownBy(() -> macros.expand("WHERE $__timeFilterr(bucket)"))
        .hasMessageContaining("undefined macro");
    assertThatThrownBy(() -> macros.expand("WHERE id = '$unknown'"))
        .hasMessageContaining("undefined template variable");
  }

  @Test
  void intervalFollowsTheRangeAndThePanelsMinimum() {
    Instant now = Instant.parse("2026-11-29T12:00:00Z");
    assertThat(GrafanaMacros.relative("now-6h", now)).isEqualTo(now.minus(Duration.ofHours(6)));
    assertThat(GrafanaMacros.relative("now", now)).isEqualTo(now);
    // 6 h over 1,000 points is 21.6 s: Grafana rounds it to 20 s.
    assertThat(GrafanaMacros.interval(now.minus(Duration.ofHours(6)), now, ""))
        .isEqualTo(Duration.ofSeconds(20));
    assertThat(GrafanaMacros.interval(now.minus(Duration.ofHours(6)), now, "1m"))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(GrafanaMacros.text(Duration.ofMinutes(1))).isEqualTo("1m");
    assertThat(GrafanaMacros.text(Duration.ofDays(1))).isEqualTo("1d");
  }
}
