package org.enms.http.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.analytics.kpi.MonthTotals;
import org.enms.db.kpi.MonthlyReportDao.DayEnergy;
import org.enms.db.kpi.MonthlyReportDao.ReportAnomaly;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.http.report.MonthInputs.FactoryMonth;
import org.junit.jupiter.api.Test;

/**
 * The report's figures against a month worked out by hand: three machines' electricity (one of them
 * a boiler that also burns gas billed in EUR), the month before, three days and a few anomalies.
 */
class MonthlyFiguresTest {
  static final UUID FACTORY = UUID.fromString("11111111-1111-1111-1111-111111111111");
  static final UUID A = UUID.fromString("c0000000-0000-0000-0000-00000000000a");
  static final UUID B = UUID.fromString("c0000000-0000-0000-0000-00000000000b");
  static final UUID BOILER = UUID.fromString("c0000000-0000-0000-0000-00000000000c");

  private static MachineTotals totals(
      UUID id, String name, String type, double kwh, double cost, String currency, double co2) {
    return new MachineTotals(
        id, name, "test", FACTORY, type, kwh, cost, 0, currency, co2, 96, 0, 0, 0, null, null,
        null);
  }

  /**
   * March 2026. Electricity: A 600, B 300, Boiler 100 kWh (1,000 kWh; the month before A 500 and B
   * 300, 800 kWh). The boiler's gas: 1,000 kWh equivalent at 50 EUR. The factory as one meter: 100
   * intervals averaging 40 kW, peaking at 80 kW under a 2.00 USD/kW demand charge, 800 units.
   */
  static MonthInputs march() {
    MachineKpis factory =
        MachineKpis.compute(
            List.of(
                new MonthTotals(
                    LocalDate.of(2026, 3, 1),
                    1000,
                    150,
                    450,
                    100,
                    4000,
                    80,
                    Instant.parse("2026-03-02T08:15:00Z"),
                    2.0)),
            800,
            Duration.ofDays(31));
    return new MonthInputs(
        YearMonth.of(2026, 3),
        FACTORY,
        "Demo Manufacturing Plant",
        List.of(new FactoryMonth(FACTORY, "Demo Manufacturing Plant", factory, "USD")),
        List.of(
            totals(A, "Compressor-A", "electricity", 600, 90, "USD", 270),
            totals(B, "Conveyor-B", "electricity", 300, 45, "USD", 135),
            totals(BOILER, "Boiler-1", "natural_gas", 1000, 50, "EUR", 200),
            totals(BOILER, "Boiler-1", "electricity", 100, 15, "USD", 45)),
        List.of(
            totals(A, "Compressor-A", "electricity", 500, 75, "USD", 225),
            totals(B, "Conveyor-B", "electricity", 300, 45, "USD", 135)),
        List.of(
            new DayEnergy(LocalDate.of(2026, 3, 1), "electricity", 400),
            new DayEnergy(LocalDate.of(2026, 3, 1), "natural_gas", 500),
            new DayEnergy(LocalDate.of(2026, 3, 2), "electricity", 250),
            new DayEnergy(LocalDate.of(2026, 3, 3), "electricity", 350)),
        new MonthlyReport.AnomalyCounts(2, 1, 3, 1),
        List.of(
            anomaly("critical", false, "2026-03-03T10:00:00Z"),
            anomaly("critical", true, "2026-03-02T10:00:00Z"),
            anomaly("warning", false, "2026-03-01T10:00:00Z")));
  }

  private static ReportAnomaly anomaly(String severity, boolean resolved, String at) {
    return new ReportAnomaly(
        UUID.randomUUID(),
        Instant.parse(at),
        severity,
        resolved,
        "Compressor-A",
        "spike",
        "electricity");
  }

  @Test
  void theSummaryCountsElectricityOnlyAndComparesItWithTheMonthBefore() {
    MonthlyReport r = MonthlyFigures.of(march(), EnpiTargets.ORIGINAL);

    assertThat(r.period()).isEqualTo("March 2026");
    assertThat(r.summary().totalKwh()).isEqualTo(1000.0); // not 2,000: the gas stays apart
    assertThat(r.summary().previousMonthKwh()).isEqualTo(800.0);
    assertThat(r.summary().prevMonthChange()).isEqualTo(25.0); // (1000 - 800) / 800
    assertThat(r.summary().energyBySource())
        .isEqualTo(Map.of("electricity", 1000.0, "natural_gas", 1000.0));
    assertThat(r.summary().co2Kg()).isEqualTo(650.0); // 270 + 135 + 45 + 200
    assertThat(r.summary().anomalyCounts().total()).isEqualTo(6);
  }

  @Test
  void theEnpisAreTheFactorysKpisJudgedByTheOriginalsTargets() {
    List<MonthlyReport.EnpiValue> enpis = MonthlyFigures.of(march(), EnpiTargets.ORIGINAL).enpis();

    assertThat(enpis)
        .extracting(MonthlyReport.EnpiValue::name)
        .containsExactly("SEC (kWh/unit)", "Load Factor (%)", "Peak Demand (kW)");
    assertThat(enpis.get(0).current()).isEqualTo(1.25); // 1,000 kWh / 800 units
    assertThat(enpis.get(0).status()).isEqualTo("✓ Good"); // at most 1.5
    assertThat(enpis.get(1).current()).isEqualTo(50.0); // 40 kW mean / 80 kW peak
    assertThat(enpis.get(1).status()).isEqualTo("⚠ Below Target"); // at least 75
    assertThat(enpis.get(2).current()).isEqualTo(80.0);
    assertThat(enpis.get(2).status()).isEqualTo("✓ Good"); // at most 500
    assertThat(enpis.get(2).target()).isEqualTo(500.0);
  }

  @Test
  void aFactoryWithoutProductionHasNoSecRatherThanAPerfectOne() {
    MonthInputs in = march();
    FactoryMonth f = in.factories().get(0);
    MachineKpis noUnits =
        MachineKpis.compute(
            List.of(
                new MonthTotals(
                    LocalDate.of(2026, 3, 1), 1000, 150, 450, 100, 4000, 80, Instant.now(), null)),
            0,
            Duration.ofDays(31));
    var enpis =
        MonthlyFigures.enpis(
            List.of(new FactoryMonth(f.id(), f.name(), noUnits, "USD")), EnpiTargets.ORIGINAL);

    assertThat(enpis.get(0).current()).isNull();
    assertThat(enpis.get(0).status()).isEqualTo("No data");
  }

  @Test
  void machinesAreRankedByTheirShareOfElectricityWithTheirTrend() {
    List<MonthlyReport.MachineShare> machines =
        MonthlyFigures.of(march(), EnpiTargets.ORIGINAL).machines();

    assertThat(machines)
        .extracting(MonthlyReport.MachineShare::name)
        .containsExactly("Compressor-A", "Conveyor-B", "Boiler-1");
    assertThat(machines)
        .extracting(MonthlyReport.MachineShare::percent)
        .containsExactly(60.0, 30.0, 10.0);
    assertThat(machines)
        .extracting(MonthlyReport.MachineShare::trend)
        .containsExactly("+20.0%", "+0.0%", "new"); // 600 against 500; 300 against 300; none
  }

  @Test
  void costsStayInTheirCurrencyAndTheFactoryIsBilledOnItsCoincidentPeak() {
    MonthlyReport r = MonthlyFigures.of(march(), EnpiTargets.ORIGINAL);

    // Electricity: 150 of energy + 80 kW × 2.00 of demand charge; gas in EUR on its own.
    assertThat(r.costs())
        .containsExactly(
            new MonthlyReport.CarrierCost("electricity", "USD", 310.0),
            new MonthlyReport.CarrierCost("natural_gas", "EUR", 50.0));
    assertThat(r.summary().costsByCurrency()).isEqualTo(Map.of("USD", 310.0, "EUR", 50.0));
    assertThat(r.otherCarriers())
        .containsExactly(
            new MonthlyReport.CarrierEnergy(BOILER, "Boiler-1", "natural_gas", 1000.0));
  }

  @Test
  void theDailyTrendIsElectricityWithItsMeanHighestAndLowestDay() {
    MonthlyReport r = MonthlyFigures.of(march(), EnpiTargets.ORIGINAL);

    assertThat(r.dailyData())
        .containsExactly(
            new MonthlyReport.DayKwh("2026-03-01", 400.0),
            new MonthlyReport.DayKwh("2026-03-02", 250.0),
            new MonthlyReport.DayKwh("2026-03-03", 350.0));
    assertThat(r.dailyStats().avg()).isCloseTo(333.33, within(1e-9));
    assertThat(r.dailyStats().maxDate()).isEqualTo("2026-03-01");
    assertThat(r.dailyStats().min()).isEqualTo(250.0);
    assertThat(r.dailyStats().minDate()).isEqualTo("2026-03-02");
  }

  @Test
  void recommendationsFollowTheOriginalsRulesAndNameTheEnpiOffTarget() {
    List<String> recs = MonthlyFigures.of(march(), EnpiTargets.ORIGINAL).recommendations();

    assertThat(recs)
        .containsExactly(
            "⚠ 2 critical anomalies detected - 1 still open",
            "⚠ 1 warning-level anomalies require investigation",
            "Compressor-A accounts for 60.0% of energy - prioritize for efficiency review",
            "Consumption increased 25.0% vs previous month - investigate root cause",
            "Demo Manufacturing Plant: Load Factor (%) at 50.00 against a target of 75.00"
                + " - spread loads more evenly over the day");
  }

  @Test
  void aQuietMonthGetsTheGeneralRecommendationsAndNoChangeWithoutAMonthBefore() {
    MonthInputs m = march();
    MonthInputs quiet =
        new MonthInputs(
            m.month(),
            m.factoryId(),
            m.factoryName(),
            List.of(),
            List.of(
                totals(A, "Compressor-A", "electricity", 250, 30, "USD", 100),
                totals(B, "Conveyor-B", "electricity", 250, 30, "USD", 100),
                totals(BOILER, "Boiler-1", "electricity", 250, 30, "USD", 100),
                totals(UUID.randomUUID(), "Press-1", "electricity", 250, 30, "USD", 100)),
            List.of(),
            List.of(),
            new MonthlyReport.AnomalyCounts(0, 0, 0, 0),
            List.of());

    MonthlyReport r = MonthlyFigures.of(quiet, EnpiTargets.ORIGINAL);

    assertThat(r.summary().prevMonthChange()).isNull();
    assertThat(r.dailyStats()).isNull();
    assertThat(r.recommendations())
        .containsExactly(
            "Continue regular monitoring of energy performance",
            "Review production schedules to optimize peak demand");
  }
}
