package org.enms.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportSpecParserTest {

  @Test
  void readsEveryOptionFromTextFields() {
    ImportSpec spec =
        ImportSpecParser.parse(
            Map.ofEntries(
                Map.entry("machine", "Compressor-1"),
                Map.entry("value_kind", "counter-kwh"),
                Map.entry("timestamp_column", "Datum"),
                Map.entry("time_column", "2"),
                Map.entry("value_column", "Zaehler"),
                Map.entry("day_first", "true"),
                Map.entry("timezone", "Europe/Berlin"),
                Map.entry("stamp", "beginning"),
                Map.entry("interval", "15m"),
                Map.entry("delimiter", ";"),
                Map.entry("decimal_comma", "yes"),
                Map.entry("header", "true"),
                Map.entry("production_column", "Stueck"),
                Map.entry("drivers", "outdoor_temp_c=Aussen, shift=7")));
    assertThat(spec.valueKind()).isEqualTo(ValueKind.COUNTER_KWH);
    assertThat(spec.timestampColumn()).isEqualTo(new Column("Datum", 0));
    assertThat(spec.timeColumn()).contains(new Column(null, 2));
    assertThat(spec.dateOrder()).isEqualTo(DateOrder.DAY_FIRST);
    assertThat(spec.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(spec.stamp()).isEqualTo(StampConvention.BEGINNING);
    assertThat(spec.interval()).contains(Duration.ofMinutes(15));
    assertThat(spec.delimiter()).contains(';');
    assertThat(spec.decimalComma()).contains(true);
    assertThat(spec.drivers())
        .containsEntry("outdoor_temp_c", new Column("Aussen", 0))
        .containsEntry("shift", new Column(null, 7));
  }

  @Test
  void reportsEveryProblemAtOnceWithItsField() {
    var e =
        catchThrowableOfType(
            InvalidImportSpecException.class,
            () ->
                ImportSpecParser.parse(
                    Map.of(
                        "value_kind", "megawatts",
                        "timezone", "Mars/Olympus",
                        "interval", "soon",
                        "day_first", "true",
                        "month_first", "true",
                        "colour", "red")));
    assertThat(e.problems())
        .extracting(InvalidImportSpecException.Problem::field)
        .containsExactlyInAnyOrder(
            "colour", "machine", "value_kind", "timezone", "interval", "day_first");
  }

  @Test
  void readsIntervalsInTheUsualSpellings() {
    assertThat(ImportSpecParser.duration("15min")).contains(Duration.ofMinutes(15));
    assertThat(ImportSpecParser.duration("1h")).contains(Duration.ofHours(1));
    assertThat(ImportSpecParser.duration("900")).contains(Duration.ofSeconds(900));
    assertThat(ImportSpecParser.duration("PT5M")).contains(Duration.ofMinutes(5));
    assertThat(ImportSpecParser.duration("fortnight")).isEqualTo(Optional.empty());
  }
}
