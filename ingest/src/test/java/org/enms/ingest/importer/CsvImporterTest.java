package org.enms.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvImporterTest {
  private static final UUID MACHINE = UUID.fromString("c0000000-0000-0000-0000-000000000001");
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private static final ImportWindow WINDOW = ImportWindow.unrestricted(NOW, Duration.ofMinutes(5));

  /** What one import produced. */
  private record Result(ImportSummary summary, List<Reading> readings) {
    List<EnergyReading> energy() {
      return readings.stream()
          .filter(EnergyReading.class::isInstance)
          .map(EnergyReading.class::cast)
          .toList();
    }

    List<Instant> times() {
      return energy().stream().map(EnergyReading::time).toList();
    }

    double totalKwh() {
      return energy().stream().mapToDouble(EnergyReading::energyKwh).sum();
    }
  }

  private static Result run(ImportSpec spec, String csv) {
    return run(spec, csv, WINDOW);
  }

  private static Result run(ImportSpec spec, String csv, ImportWindow window) {
    List<Reading> stored = new ArrayList<>();
    ImportSink sink =
        new ImportSink() {
          @Override
          public void write(List<Reading> batch) {
            stored.addAll(batch);
          }

          @Override
          public Totals finish() {
            return new Totals(stored.size(), stored.size());
          }
        };
    try {
      ImportSummary summary =
          new CsvImporter(spec, MACHINE, window, 7)
              .run(ImportSource.ofText("test.csv", csv), sink, p -> {});
      return new Result(summary, stored);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ImportSpec.Builder spec(ValueKind kind) {
    return ImportSpec.builder("Compressor-1", kind);
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }

  @Test
  void powerInKilowattsIsStoredAtTheIntervalEndWithItsEnergy() {
    Result r =
        run(
            spec(ValueKind.POWER_KW).build(),
            "time,kw\n2024-01-01T00:15:00Z,4\n2024-01-01T00:30:00Z,8\n2024-01-01T00:45:00Z,2\n");
    assertThat(r.times())
        .containsExactly(
            at("2024-01-01T00:15:00Z"), at("2024-01-01T00:30:00Z"), at("2024-01-01T00:45:00Z"));
    assertThat(r.energy().get(0).powerKw()).isEqualTo(4.0);
    assertThat(r.energy().get(0).energyKwh()).isCloseTo(1.0, within(1e-9));
    assertThat(r.energy().get(0).energyType()).isEqualTo("electricity");
    assertThat(r.summary().interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(r.summary().rowsImported()).isEqualTo(3);
    assertThat(r.summary().rangeFrom()).isEqualTo(at("2024-01-01T00:15:00Z"));
    assertThat(r.summary().rangeTo()).isEqualTo(at("2024-01-01T00:45:00Z"));
  }

  @Test
  void powerInWattsIsConvertedToKilowatts() {
    Result r =
        run(spec(ValueKind.POWER_W).build(), "t,w\n2024-01-01 01:00,2000\n2024-01-01 02:00,500\n");
    assertThat(r.energy().get(0).powerKw()).isEqualTo(2.0);
    assertThat(r.energy().get(0).energyKwh()).isCloseTo(2.0, within(1e-9));
    assertThat(r.energy().get(1).energyKwh()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void intervalEnergyInKilowattHoursGivesThePowerOverTheInterval() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "t,kwh\n2024-01-01 00:15,1.5\n2024-01-01 00:30,0.25\n");
    assertThat(r.energy().get(0).energyKwh()).isEqualTo(1.5);
    assertThat(r.energy().get(0).powerKw()).isCloseTo(6.0, within(1e-9));
    assertThat(r.energy().get(1).powerKw()).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void intervalEnergyInWattHoursIsConvertedToKilowattHours() {
    Result r =
        run(
            spec(ValueKind.ENERGY_WH).build(),
            "t,wh\n2024-01-01 00:15,1500\n2024-01-01 00:30,250\n");
    assertThat(r.energy().get(0).energyKwh()).isCloseTo(1.5, within(1e-9));
    assertThat(r.energy().get(0).powerKw()).isCloseTo(6.0, within(1e-9));
  }

  @Test
  void beginningStampsAreMovedToTheEndOfTheirInterval() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).stamp(StampConvention.BEGINNING).build(),
            "t,kwh\n2024-01-01 00:00,1\n2024-01-01 00:15,2\n2024-01-01 00:30,3\n");
    assertThat(r.times())
        .containsExactly(
            at("2024-01-01T00:15:00Z"), at("2024-01-01T00:30:00Z"), at("2024-01-01T00:45:00Z"));
    assertThat(r.energy().get(0).energyKwh()).isEqualTo(1.0);
  }

  @Test
  void endingStampsAreKeptAsTheyAre() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).stamp(StampConvention.ENDING).build(),
            "t,kwh\n2024-01-01 00:15,1\n2024-01-01 00:30,2\n");
    assertThat(r.times()).containsExactly(at("2024-01-01T00:15:00Z"), at("2024-01-01T00:30:00Z"));
  }

  @Test
  void aDayAboveTwelveInTheFirstFieldMakesTheDatesDayFirst() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "Zeit;kWh\n12.01.2024 23:45;1\n13.01.2024 00:00;1\n13.01.2024 00:15;1\n");
    assertThat(r.summary().timestampLayout()).isEqualTo("day-month-year");
    assertThat(r.times())
        .containsExactly(
            at("2024-01-12T23:45:00Z"), at("2024-01-13T00:00:00Z"), at("2024-01-13T00:15:00Z"));
  }

  @Test
  void aValueAboveTwelveInTheSecondFieldMakesTheDatesMonthFirst() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "time,kwh\n01/12/2024 23:45,1\n01/13/2024 00:00,1\n01/13/2024 00:15,1\n");
    assertThat(r.summary().timestampLayout()).isEqualTo("month-day-year");
    assertThat(r.times()).first().isEqualTo(at("2024-01-12T23:45:00Z"));
  }

  @Test
  void ambiguousDatesAreRefusedUntilTheOrderIsDeclared() {
    String csv = "time,kwh\n01/02/2024 00:15,1\n01/02/2024 00:30,1\n";
    assertThatThrownBy(() -> run(spec(ValueKind.ENERGY_KWH).build(), csv))
        .isInstanceOf(InvalidImportSpecException.class)
        .hasMessageContaining("ambiguous")
        .hasMessageContaining("--day-first or --month-first");
    assertThat(run(spec(ValueKind.ENERGY_KWH).dateOrder(DateOrder.DAY_FIRST).build(), csv).times())
        .first()
        .isEqualTo(at("2024-02-01T00:15:00Z"));
    assertThat(
            run(spec(ValueKind.ENERGY_KWH).dateOrder(DateOrder.MONTH_FIRST).build(), csv).times())
        .first()
        .isEqualTo(at("2024-01-02T00:15:00Z"));
  }

  @Test
  void aDeclaredOrderThatTheFileContradictsIsRefused() {
    assertThatThrownBy(
            () ->
                run(
                    spec(ValueKind.ENERGY_KWH).dateOrder(DateOrder.MONTH_FIRST).build(),
                    "t,kwh\n13.01.2024 00:15,1\n13.01.2024 00:30,1\n"))
        .isInstanceOf(InvalidImportSpecException.class)
        .hasMessageContaining("day-first");
  }

  @Test
  void aDayAboveTwelveFarBeyondTheSampleStillDecidesTheOrder() {
    StringBuilder csv = new StringBuilder("t,kwh\n");
    ZonedDateTime t = LocalDate.of(2024, 1, 1).atStartOfDay(ZoneOffset.UTC).plusMinutes(5);
    var f = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    int rows = 0;
    while (t.getDayOfMonth() <= 13 && t.getMonthValue() == 1) {
      csv.append(f.format(t)).append(",1\n");
      t = t.plusMinutes(5);
      rows++;
    }
    assertThat(rows).isGreaterThan(3000);
    Result r = run(spec(ValueKind.ENERGY_KWH).build(), csv.toString());
    assertThat(r.summary().timestampLayout()).isEqualTo("day-month-year");
    assertThat(r.summary().rowsImported()).isEqualTo(rows);
  }

  @Test
  void aDeclaredPatternReadsTheTimestamps() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).format("yyyyMMdd HHmm").build(),
            "t,kwh\n20240101 0015,1\n20240101 0030,1\n");
    assertThat(r.times()).containsExactly(at("2024-01-01T00:15:00Z"), at("2024-01-01T00:30:00Z"));
  }

  @Test
  void commonLayoutsAreRecognisedWithoutAPattern() {
    assertThat(
            run(
                    spec(ValueKind.ENERGY_KWH).build(),
                    "t,kwh\n2024-01-01T00:15:00.000+01:00,1\n2024-01-01T00:30:00.000+01:00,1\n")
                .times())
        .first()
        .isEqualTo(at("2023-12-31T23:15:00Z"));
    assertThat(
            run(spec(ValueKind.ENERGY_KWH).build(), "t,kwh\n1704068100,1\n1704069000,1\n").times())
        .first()
        .isEqualTo(at("2024-01-01T00:15:00Z"));
    assertThat(
            run(
                    spec(ValueKind.ENERGY_KWH).dateOrder(DateOrder.MONTH_FIRST).build(),
                    "t,kwh\n1/2/2024 12:15 AM,1\n1/2/2024 1:30 PM,1\n")
                .times())
        .containsExactly(at("2024-01-02T00:15:00Z"), at("2024-01-02T13:30:00Z"));
    assertThat(
            run(
                    spec(ValueKind.ENERGY_KWH).build(),
                    "t,kwh\n2024/01/01 00:15:30,1\n2024/01/01 00:30:30,1\n")
                .times())
        .first()
        .isEqualTo(at("2024-01-01T00:15:30Z"));
  }

  @Test
  void timestampsWithAnOffsetIgnoreTheDeclaredZone() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).zone(ZoneId.of("America/Los_Angeles")).build(),
            "t,kwh\n2024-06-01T00:15:00Z,1\n2024-06-01T00:30:00Z,1\n");
    assertThat(r.times()).first().isEqualTo(at("2024-06-01T00:15:00Z"));
  }

  @Test
  void localTimesAreReadInTheDeclaredZone() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).zone(ZoneId.of("Europe/Berlin")).build(),
            "t,kwh\n2024-06-01 00:15,1\n2024-06-01 00:30,1\n");
    assertThat(r.times()).first().isEqualTo(at("2024-05-31T22:15:00Z"));
  }

  static Stream<Arguments> dstDays() {
    return Stream.of(
        Arguments.of("Europe/Berlin", "2024-03-31", 92),
        Arguments.of("Europe/Berlin", "2024-10-27", 100),
        Arguments.of("America/Los_Angeles", "2024-03-10", 92),
        Arguments.of("America/Los_Angeles", "2024-11-03", 100));
  }

  /**
   * A meter's export of one local day, as the meter writes it: one row per 15 minutes of real time,
   * stamped with the local wall clock at the interval's end (so the fall-back hour appears twice
   * and the spring-forward hour not at all).
   */
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("dstDays")
  void aDstDayIsImportedWithEveryIntervalOnceAndNoGap(String zoneId, String day, int rows) {
    ZoneId zone = ZoneId.of(zoneId);
    var f = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");
    Instant start = LocalDate.parse(day).atStartOfDay(zone).toInstant();
    Instant end = LocalDate.parse(day).plusDays(1).atStartOfDay(zone).toInstant();
    StringBuilder csv = new StringBuilder("Zeit;kWh\n");
    List<Instant> expected = new ArrayList<>();
    for (Instant t = start.plusSeconds(900); !t.isAfter(end); t = t.plusSeconds(900)) {
      var local = t.atZone(zone);
      // The last row of the day is the export's 24:00.
      String stamp =
          t.equals(end)
              ? f.format(local.minusDays(1)).replace(" 00:00", " 24:00")
              : f.format(local);
      csv.append(stamp).append(";0,25\n");
      expected.add(t);
    }
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).zone(zone).dateOrder(DateOrder.DAY_FIRST).build(),
            csv.toString());
    assertThat(expected).hasSize(rows);
    assertThat(r.times()).containsExactlyElementsOf(expected);
    assertThat(r.summary().rowsRejected()).isZero();
    assertThat(r.summary().duplicateRows()).isZero();
    assertThat(r.summary().gapCount()).isZero();
    assertThat(r.totalKwh()).isCloseTo(rows * 0.25, within(1e-9));
    assertThat(r.energy()).allSatisfy(e -> assertThat(e.powerKw()).isCloseTo(1.0, within(1e-9)));
  }

  @Test
  void aLocalTimeSkippedBySpringForwardIsRejectedWithItsLine() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH)
                .zone(ZoneId.of("Europe/Berlin"))
                .interval(Duration.ofMinutes(15))
                .build(),
            "t,kwh\n2024-03-31 01:45,1\n2024-03-31 02:15,1\n2024-03-31 03:15,1\n");
    assertThat(r.summary().rowsRejected()).isEqualTo(1);
    assertThat(r.summary().rejects())
        .singleElement()
        .satisfies(
            issue -> {
              assertThat(issue.line()).isEqualTo(3);
              assertThat(issue.reason()).contains("does not exist in Europe/Berlin");
            });
    assertThat(r.times()).containsExactly(at("2024-03-31T00:45:00Z"), at("2024-03-31T01:15:00Z"));
  }

  @Test
  void theFallBackHourIsReadInFileOrderAsFirstSummerThenWinterTime() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH)
                .zone(ZoneId.of("America/Los_Angeles"))
                .interval(Duration.ofMinutes(30))
                .build(),
            "t,kwh\n2024-11-03 01:30,1\n2024-11-03 01:00,1\n2024-11-03 01:30,1\n2024-11-03 02:00,1\n");
    assertThat(r.times())
        .containsExactly(
            at("2024-11-03T08:30:00Z"),
            at("2024-11-03T09:00:00Z"),
            at("2024-11-03T09:30:00Z"),
            at("2024-11-03T10:00:00Z"));
  }

  @Test
  void midnightDatedWithThePreviousDayAs2400ClosesThatDay() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "Datum;kWh\n31.12.2023 23:45;1\n31.12.2023 24:00;2\n01.01.2024 00:15;3\n");
    assertThat(r.times())
        .containsExactly(
            at("2023-12-31T23:45:00Z"), at("2024-01-01T00:00:00Z"), at("2024-01-01T00:15:00Z"));
    assertThat(r.summary().gapCount()).isZero();
  }

  @Test
  void separateDateAndTimeColumnsAreJoined() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH)
                .timestampColumn(Column.parse("Datum"))
                .timeColumn(Column.parse("Zeit"))
                .valueColumn(Column.parse("Wert"))
                .build(),
            "Datum;Zeit;Wert\n13.01.2024;00:15;1,5\n13.01.2024;00:30;2,5\n");
    assertThat(r.times()).first().isEqualTo(at("2024-01-13T00:15:00Z"));
    assertThat(r.energy().get(0).energyKwh()).isEqualTo(1.5);
  }

  @Test
  void semicolonFilesWithDecimalCommasAreDetected() {
    Result r =
        run(
            spec(ValueKind.POWER_KW).build(),
            "Zeit;Leistung\n13.01.2024 00:15;1.234,5\n13.01.2024 00:30;2,5\n");
    assertThat(r.summary().delimiter()).isEqualTo(";");
    assertThat(r.summary().decimalComma()).isTrue();
    assertThat(r.energy().get(0).powerKw()).isEqualTo(1234.5);
    assertThat(r.energy().get(1).powerKw()).isEqualTo(2.5);
  }

  @Test
  void aMidnightDatedWithTheDayItClosesIsReadAsTheNextDaysMidnightAndReported() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH)
                .zone(ZoneId.of("Europe/Berlin"))
                .dateOrder(DateOrder.DAY_FIRST)
                .build(),
            "Datum;kWh\n"
                + "04.03.2018 23:30;1\n"
                + "04.03.2018 23:45;2\n"
                + "04.03.2018 00:00;3\n"
                + "05.03.2018 00:15;4\n"
                + "05.03.2018 00:30;5\n");
    assertThat(r.times())
        .containsExactly(
            at("2018-03-04T22:30:00Z"),
            at("2018-03-04T22:45:00Z"),
            at("2018-03-04T23:00:00Z"),
            at("2018-03-04T23:15:00Z"),
            at("2018-03-04T23:30:00Z"));
    assertThat(r.summary().midnightRowsRedated()).isEqualTo(1);
    assertThat(r.summary().outOfOrderRows()).isZero();
    assertThat(r.summary().gapCount()).isZero();
    assertThat(r.summary().notes())
        .containsExactly(
            "1 rows stamped 00:00 with the date of the day they close (each after the last"
                + " interval of that same date) were read as midnight of the next day, e.g. line 4"
                + " '04.03.2018 00:00'.");
  }

  @Test
  void aYearDatedSoEndsWithItsLastMidnightAndHasNoGapAndNothingOutOfOrder() {
    StringBuilder csv = new StringBuilder("time,kwh\n");
    var f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    for (Instant t = at("2018-01-01T00:15:00Z");
        !t.isAfter(at("2019-01-01T00:00:00Z"));
        t = t.plusSeconds(900)) {
      var local = t.atOffset(ZoneOffset.UTC).toLocalDateTime();
      // The export's convention: 00:00 carries the date of the day it closes.
      var written =
          local.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? local.minusDays(1) : local;
      csv.append(f.format(written)).append(",0.25\n");
    }
    Result r = run(spec(ValueKind.ENERGY_KWH).build(), csv.toString());
    assertThat(r.summary().rowsImported()).isEqualTo(35_040);
    assertThat(r.summary().midnightRowsRedated()).isEqualTo(365);
    assertThat(r.summary().duplicateRows()).isZero();
    assertThat(r.summary().gapCount()).isZero();
    assertThat(r.summary().outOfOrderRows()).isZero();
    assertThat(r.summary().rangeTo()).isEqualTo(at("2019-01-01T00:00:00Z"));
  }

  @Test
  void theIntervalOfASmallFileDatedSoIsInferredFromItsRealSteps() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "t;kWh\n2018-03-04 23:30;1\n2018-03-04 23:45;1\n2018-03-04 00:00;2\n"
                + "2018-03-05 00:15;1\n");
    assertThat(r.summary().interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(r.summary().midnightRowsRedated()).isEqualTo(1);
    assertThat(r.summary().gapCount()).isZero();
  }

  @Test
  void aCorrectlyDatedMidnightIsLeftAlone() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "t;kWh\n2018-03-04 23:45;1\n2018-03-05 00:00;1\n2018-03-05 00:15;1\n");
    assertThat(r.times())
        .containsExactly(
            at("2018-03-04T23:45:00Z"), at("2018-03-05T00:00:00Z"), at("2018-03-05T00:15:00Z"));
    assertThat(r.summary().midnightRowsRedated()).isZero();
    assertThat(r.summary().notes()).isEmpty();
  }

  @Test
  void aCounterFileDatedSoIsNoLongerRejectedAsOutOfOrder() {
    Result r =
        run(
            spec(ValueKind.COUNTER_KWH).build(),
            "t;kWh\n2018-03-04 23:45;100\n2018-03-04 00:00;101\n2018-03-05 00:15;102.5\n");
    assertThat(r.summary().rowsRejected()).isZero();
    assertThat(r.times()).containsExactly(at("2018-03-05T00:00:00Z"), at("2018-03-05T00:15:00Z"));
    assertThat(r.energy()).extracting(EnergyReading::energyKwh).containsExactly(1.0, 1.5);
    assertThat(r.summary().midnightRowsRedated()).isEqualTo(1);
  }

  @Test
  void rowsOutOfTimeOrderAreImportedAndReportedWithTheirLines() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "t,kwh\n"
                + "2024-01-01 00:15,1\n"
                + "2024-01-01 00:30,1\n"
                + "2024-01-01 01:00,1\n"
                + "2024-01-01 00:45,1\n"
                + "2024-01-01 01:15,1\n");
    assertThat(r.summary().rowsImported()).isEqualTo(5);
    assertThat(r.summary().gapCount()).isZero();
    assertThat(r.summary().outOfOrderRows()).isEqualTo(1);
    assertThat(r.summary().outOfOrder())
        .extracting(RowIssue::line, RowIssue::timestamp, RowIssue::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                5L,
                at("2024-01-01T00:45:00Z"),
                "earlier than 2024-01-01T01:00:00Z on line 4; imported, but the file is not in"
                    + " time order"));
    assertThat(r.summary().notes())
        .containsExactly(
            "1 rows are out of time order (earlier than a row above them), first on line 5:"
                + " they were imported at their own time; see out_of_order.");
  }

  @Test
  void outOfOrderRowsAreCountedInFullButOnlyTheFirstAreListed() {
    StringBuilder csv = new StringBuilder("t,kwh\n");
    for (int i = 100; i >= 1; i--) {
      csv.append(at("2024-01-01T00:00:00Z").plusSeconds(900L * i)).append(",1\n");
    }
    Result r =
        run(spec(ValueKind.ENERGY_KWH).interval(Duration.ofMinutes(15)).build(), csv.toString());
    assertThat(r.summary().outOfOrderRows()).isEqualTo(99);
    assertThat(r.summary().outOfOrder()).hasSize(CsvImporter.OUT_OF_ORDER_EXAMPLES);
    assertThat(r.summary().rowsImported()).isEqualTo(100);
  }

  @Test
  void aCounterFileKeepsRejectingRowsOutOfOrderAndDoesNotCountThemTwice() {
    Result r =
        run(
            spec(ValueKind.COUNTER_KWH).build(),
            "t,register\n2024-01-01 00:15,10\n2024-01-01 00:45,12\n2024-01-01 00:30,11\n");
    assertThat(r.summary().rejects())
        .extracting(RowIssue::line, RowIssue::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                4L, "counter value out of time order (counter files must be sorted by time)"));
    assertThat(r.summary().outOfOrderRows()).isZero();
  }

  @Test
  void aCounterGivesIntervalEnergyByDifferenceAndSurvivesAReset() {
    Result r =
        run(
            spec(ValueKind.COUNTER_KWH).build(),
            "t,register\n"
                + "2024-01-01 00:15,1000\n"
                + "2024-01-01 00:30,1001\n"
                + "2024-01-01 00:45,1002.5\n"
                + "2024-01-01 01:00,0.5\n"
                + "2024-01-01 01:15,1.5\n");
    assertThat(r.times())
        .containsExactly(
            at("2024-01-01T00:30:00Z"),
            at("2024-01-01T00:45:00Z"),
            at("2024-01-01T01:00:00Z"),
            at("2024-01-01T01:15:00Z"));
    assertThat(r.energy()).extracting(EnergyReading::energyKwh).containsExactly(1.0, 1.5, 0.5, 1.0);
    assertThat(r.energy().get(0).counterKwh()).isEqualTo(1001.0);
    assertThat(r.energy().get(0).powerKw()).isCloseTo(4.0, within(1e-9));
    assertThat(r.summary().counterEvents()).extracting(RowIssue::line).containsExactly(2L, 5L);
    assertThat(r.summary().counterEvents().get(1).reason()).contains("reset");
  }

  @Test
  void aCounterInWattHoursIsConvertedAndAGapDeltaGoesToTheRowEndingIt() {
    Result r =
        run(
            spec(ValueKind.COUNTER_WH).interval(Duration.ofMinutes(15)).build(),
            "t,wh\n2024-01-01 00:15,10000\n2024-01-01 00:30,11000\n2024-01-01 01:15,14000\n");
    assertThat(r.energy()).extracting(EnergyReading::energyKwh).containsExactly(1.0, 3.0);
    // 3 kWh over the 45 minutes since the previous register value
    assertThat(r.energy().get(1).powerKw()).isCloseTo(4.0, within(1e-9));
    assertThat(r.summary().gapCount()).isEqualTo(1);
    assertThat(r.summary().counterEvents())
        .anySatisfy(e -> assertThat(e.reason()).contains("over a gap"));
  }

  @Test
  void aDuplicatedTimestampKeepsTheFirstRowAndIsReported() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "t,kwh\n2024-01-01 00:15,1\n2024-01-01 00:30,2\n2024-01-01 00:30,9\n2024-01-01 00:45,3\n");
    assertThat(r.energy()).extracting(EnergyReading::energyKwh).containsExactly(1.0, 2.0, 3.0);
    assertThat(r.summary().duplicateRows()).isEqualTo(1);
    assertThat(r.summary().duplicates())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.line()).isEqualTo(4);
              assertThat(d.timestamp()).isEqualTo(at("2024-01-01T00:30:00Z"));
            });
  }

  @Test
  void missingIntervalsAreReportedAsGapsAndNotFilled() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).build(),
            "t,kwh\n"
                + "2024-01-01 00:15,1\n2024-01-01 00:30,1\n2024-01-01 00:45,1\n"
                + "2024-01-01 01:30,1\n2024-01-01 01:45,1\n2024-01-01 02:15,1\n");
    assertThat(r.summary().interval()).isEqualTo(Duration.ofMinutes(15));
    assertThat(r.energy()).hasSize(6);
    assertThat(r.summary().gapCount()).isEqualTo(2);
    assertThat(r.summary().missingIntervals()).isEqualTo(3);
    assertThat(r.summary().gaps())
        .containsExactly(
            new ImportGap(at("2024-01-01T00:45:00Z"), at("2024-01-01T01:15:00Z"), 2),
            new ImportGap(at("2024-01-01T01:45:00Z"), at("2024-01-01T02:00:00Z"), 1));
  }

  @Test
  void badRowsAreRejectedWithLineAndReasonAndTheRestIsImported() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).interval(Duration.ofMinutes(15)).build(),
            "t,kwh\n"
                + "2024-01-01 00:15,1\n"
                + "2024-01-01 00:30,abc\n"
                + "\n"
                + "2024-01-01 00:45,\n"
                + "2024-01-01 01:00,-1\n"
                + "not a time,1\n"
                + "2024-02-30 01:00,1\n"
                + "2024-01-01 01:15\n"
                + "2024-01-01 01:30,NaN\n"
                + "2024-01-01 01:45,2\n");
    assertThat(r.summary().rowsRead()).isEqualTo(9);
    assertThat(r.summary().rowsImported()).isEqualTo(2);
    assertThat(r.summary().rowsRejected()).isEqualTo(7);
    assertThat(r.summary().rejects())
        .extracting(RowIssue::line, RowIssue::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(3L, "value is not a number: 'abc'"),
            org.assertj.core.groups.Tuple.tuple(5L, "value is empty"),
            org.assertj.core.groups.Tuple.tuple(6L, "value must not be negative, was -1.0"),
            org.assertj.core.groups.Tuple.tuple(
                7L, "timestamp 'not a time' is not a date and time"),
            org.assertj.core.groups.Tuple.tuple(
                8L, "timestamp '2024-02-30 01:00' is not a valid year-first date"),
            org.assertj.core.groups.Tuple.tuple(9L, "expected at least 2 fields, found 1"),
            org.assertj.core.groups.Tuple.tuple(10L, "value is not a finite number"));
  }

  private static final String AGES =
      "t,kwh\n2019-06-01 00:15,1\n2024-03-01 00:15,1\n2026-09-01 00:15,1\n"
          + "2026-11-27 00:15,1\n2027-01-01 00:00,1\n";

  /** The live era began in 2020; retention (30 days) has dropped it up to June 2024. */
  private static ImportWindow window(boolean timescale) {
    return new ImportWindow(
        NOW,
        Duration.ofMinutes(5),
        30,
        new org.enms.db.RawHorizon(at("2020-01-01T00:00:00Z"), at("2024-06-01T00:00:00Z")),
        timescale);
  }

  @Test
  void rowsOfAnyAgeAreTakenAndTheSummarySaysWhatBecomesOfTheirRawRows() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).interval(Duration.ofMinutes(15)).build(),
            AGES,
            window(false));

    assertThat(r.times())
        .containsExactly(
            at("2019-06-01T00:15:00Z"),
            at("2024-03-01T00:15:00Z"),
            at("2026-09-01T00:15:00Z"),
            at("2026-11-27T00:15:00Z"));
    assertThat(r.summary().rejects())
        .extracting(RowIssue::reason)
        .containsExactly("timestamp 2027-01-01T00:00:00Z is more than PT5M in the future");
    assertThat(r.summary().rowsHistory()).isEqualTo(1);
    assertThat(r.summary().rowsPastRawRetention()).isEqualTo(2);
    assertThat(r.summary().historyBefore()).isEqualTo(at("2020-01-01T00:00:00Z"));
    assertThat(r.summary().rawRetentionDays()).isEqualTo(30);
    // History and the live era are rolled up apart: the years between are not recomputed.
    assertThat(r.summary().rollupRanges())
        .containsExactly(
            new org.enms.db.TimeRange(at("2019-06-01T00:15:00Z"), at("2019-06-01T00:15:00Z")),
            new org.enms.db.TimeRange(at("2024-03-01T00:15:00Z"), at("2026-11-27T00:15:00Z")));
    assertThat(r.summary().notes())
        .containsExactly(
            "1 rows are history (before 2020-01-01T00:00:00Z, when this database's live era"
                + " began): stored raw and rolled up into 1min/15min/1hour/1day; raw retention"
                + " (30 days) does not drop them.",
            "2 rows are older than the raw retention of 30 days: rolled up into"
                + " 1min/15min/1hour/1day, which are kept; their raw rows are dropped at the next"
                + " retention run.");
  }

  @Test
  void onTimescaleRowsOnDaysWhoseRawReadingsWereDroppedAreRefusedWithTheReason() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH).interval(Duration.ofMinutes(15)).build(),
            AGES,
            window(true));

    assertThat(r.times())
        .containsExactly(
            at("2019-06-01T00:15:00Z"), at("2026-09-01T00:15:00Z"), at("2026-11-27T00:15:00Z"));
    assertThat(r.summary().rejects())
        .extracting(RowIssue::line, RowIssue::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                3L,
                "timestamp 2024-03-01T00:15:00Z falls on a day whose raw readings retention has"
                    + " dropped (before 2024-06-01T00:00:00Z); TimescaleDB would recompute that"
                    + " day's roll-ups from the readings left and erase the other machines'"
                    + " figures"),
            org.assertj.core.groups.Tuple.tuple(
                6L, "timestamp 2027-01-01T00:00:00Z is more than PT5M in the future"));
    assertThat(r.summary().rollupRanges())
        .extracting(org.enms.db.TimeRange::from)
        .containsExactly(at("2019-06-01T00:15:00Z"), at("2026-09-01T00:15:00Z"));
    assertThat(r.summary().notes())
        .anyMatch(
            n -> n.startsWith("1 rows fall on days whose raw readings retention has dropped"));
  }

  @Test
  void productionAndDriverColumnsBecomeProductionAndEnvironmentalReadings() {
    Result r =
        run(
            spec(ValueKind.ENERGY_KWH)
                .valueColumn(Column.parse("kwh"))
                .productionColumn(Column.parse("units"))
                .driver("outdoor_temp_c", Column.parse("oat"))
                .driver("shift", Column.parse("4"))
                .build(),
            "time,kwh,units,shift,oat\n2024-01-01 00:15,1,30,2,5.5\n2024-01-01 00:30,1,40,2,\n");
    List<ProductionReading> production =
        r.readings().stream()
            .filter(ProductionReading.class::isInstance)
            .map(ProductionReading.class::cast)
            .toList();
    assertThat(production).extracting(ProductionReading::productionCount).containsExactly(30L, 40L);
    assertThat(production.get(0).throughputUnitsPerHour()).isEqualTo(120.0);
    List<EnvironmentalReading> env =
        r.readings().stream()
            .filter(EnvironmentalReading.class::isInstance)
            .map(EnvironmentalReading.class::cast)
            .toList();
    assertThat(env).hasSize(2);
    assertThat(env.get(0).outdoorTempC()).isEqualTo(5.5);
    assertThat(env.get(0).metadataJson()).isEqualTo("{\"shift\":2.0}");
    assertThat(env.get(1).outdoorTempC()).isNull();
  }

  @Test
  void theIntervalIsInferredFromTheMedianStepDespiteGaps() {
    Result r =
        run(
            spec(ValueKind.POWER_KW).build(),
            "t,kw\n2024-01-01 00:05,6\n2024-01-01 00:10,6\n2024-01-01 00:15,6\n2024-01-01 01:00,6\n2024-01-01 01:05,6\n");
    assertThat(r.summary().interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(r.energy().get(0).energyKwh()).isCloseTo(0.5, within(1e-9));
  }

  @Test
  void aNamedColumnMissingFromTheHeaderIsRefusedBeforeAnythingIsWritten() {
    assertThatThrownBy(
            () ->
                run(
                    spec(ValueKind.POWER_KW).valueColumn(Column.parse("kW")).build(),
                    "t,w\n2024-01-01 00:15,1\n"))
        .isInstanceOf(InvalidImportSpecException.class)
        .satisfies(
            e ->
                assertThat(((InvalidImportSpecException) e).problems().get(0).field())
                    .isEqualTo("value_column"));
  }

  @Test
  void aFileWithoutHeaderIsReadByPosition() {
    Result r =
        run(
            spec(ValueKind.POWER_KW).header(false).build(),
            "2024-01-01 00:15,4\n2024-01-01 00:30,4\n");
    assertThat(r.energy()).hasSize(2);
  }
}
