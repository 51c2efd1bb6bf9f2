package org.enms.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.enms.analytics.EnergyCounter;
import org.junit.jupiter.api.Test;

/**
 * A small data set worked out by hand. A UTC factory bills weekdays 09:00–21:00 at 0.25, nights
 * 21:00–09:00 at 0.10, plus 10 per kW of each month's highest 15-minute average demand; electricity
 * emits 0.45 kg CO₂ per kWh.
 */
class MachineKpisTest {
  private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
  private static final double CO2 = 0.45;
  private static final TariffBook BOOK =
      new TariffBook(
          List.of(
              new TariffVersion(
                  UUID.randomUUID(),
                  "Peak",
                  TariffKind.TIME_OF_USE,
                  0.25,
                  9,
                  21,
                  Set.of(1, 2, 3, 4, 5),
                  null,
                  FROM,
                  null,
                  "USD"),
              new TariffVersion(
                  UUID.randomUUID(),
                  "Night",
                  TariffKind.TIME_OF_USE,
                  0.10,
                  21,
                  9,
                  null,
                  null,
                  FROM,
                  null,
                  "USD"),
              new TariffVersion(
                  UUID.randomUUID(),
                  "Demand",
                  TariffKind.DEMAND_CHARGE,
                  0,
                  null,
                  null,
                  null,
                  10.0,
                  FROM,
                  null,
                  "USD")),
          ZoneOffset.UTC,
          0.15,
          null);

  private static PricedInterval interval(String start, double kwh, double kw) {
    Instant t = Instant.parse(start);
    return PricedInterval.of(t, kwh, kw, BOOK.priceAt(t), CO2);
  }

  /**
   * Monday 30 June 2025: 08:30 and 08:45 at the night rate, 09:00 and 09:15 at the peak rate,
   * June's peak 16 kW at 09:00; Tuesday 1 July 10:00: 20 kW, July's peak and the period's.
   */
  private static final List<PricedInterval> DATA =
      List.of(
          interval("2025-06-30T08:30:00Z", 2, 8), // 2 × 0.10 = 0.20
          interval("2025-06-30T08:45:00Z", 3, 12), // 3 × 0.10 = 0.30
          interval("2025-06-30T09:00:00Z", 4, 16), // 4 × 0.25 = 1.00
          interval("2025-06-30T09:15:00Z", 1, 4), // 1 × 0.25 = 0.25
          interval("2025-07-01T10:00:00Z", 5, 20)); // 5 × 0.25 = 1.25

  private static final Duration TWO_DAYS = Duration.ofDays(2);

  @Test
  void eachKpiMatchesTheHandComputedValues() {
    MachineKpis k = MachineKpis.compute(MonthTotals.of(DATA), 30, TWO_DAYS);

    assertThat(k.hours()).isEqualTo(48.0);
    assertThat(k.totalEnergyKwh()).isCloseTo(15.0, within(1e-9));
    assertThat(k.secKwhPerUnit()).isCloseTo(0.5, within(1e-9)); // 15 kWh / 30 units
    assertThat(k.peakDemandKw()).isEqualTo(20.0);
    assertThat(k.peakAt()).isEqualTo(Instant.parse("2025-07-01T10:00:00Z"));
    assertThat(k.avgPowerKw()).isCloseTo(12.0, within(1e-9)); // (8+12+16+4+20) / 5
    assertThat(k.loadFactor()).isCloseTo(0.6, within(1e-9)); // 12 / 20
    assertThat(k.loadFactorPercent()).isCloseTo(60.0, within(1e-9));
    assertThat(k.energyCharge()).isCloseTo(3.00, within(1e-9));
    assertThat(k.demandCharge()).isCloseTo(360.0, within(1e-9)); // 16 × 10 + 20 × 10
    assertThat(k.totalCost()).isCloseTo(363.0, within(1e-9));
    assertThat(k.costPerUnit()).isCloseTo(12.1, within(1e-9));
    assertThat(k.co2Kg()).isCloseTo(6.75, within(1e-9)); // 15 × 0.45
    assertThat(k.co2PerUnitKg()).isCloseTo(0.225, within(1e-9));
    assertThat(k.emissionFactor()).isCloseTo(0.45, within(1e-9));
  }

  @Test
  void theTimeOfUseBoundaryFallsBetweenTwoIntervals() {
    assertThat(DATA.get(1).ratePerKwh()).isEqualTo(0.10);
    assertThat(DATA.get(2).ratePerKwh()).isEqualTo(0.25);
  }

  @Test
  void eachBillingMonthPaysTheDemandChargeOnItsOwnPeak() {
    List<MonthTotals> months = MonthTotals.of(DATA);

    assertThat(months).hasSize(2);
    MonthTotals june = months.get(0);
    assertThat(june.month()).isEqualTo(LocalDate.of(2025, 6, 1));
    assertThat(june.peakDemandKw()).isEqualTo(16.0);
    assertThat(june.peakAt()).isEqualTo(Instant.parse("2025-06-30T09:00:00Z"));
    assertThat(june.demandCharge()).isCloseTo(160.0, within(1e-9));
    assertThat(june.energyCost()).isCloseTo(1.75, within(1e-9));
    assertThat(months.get(1).demandCharge()).isCloseTo(200.0, within(1e-9));
  }

  @Test
  void withoutProductionPerUnitFiguresAreNullAndWithoutReadingsSoIsDemand() {
    MachineKpis noUnits = MachineKpis.compute(MonthTotals.of(DATA), 0, TWO_DAYS);
    MachineKpis empty = MachineKpis.compute(List.of(), 0, TWO_DAYS);

    assertThat(noUnits.secKwhPerUnit()).isNull();
    assertThat(noUnits.costPerUnit()).isNull();
    assertThat(noUnits.co2PerUnitKg()).isNull();
    assertThat(empty.peakDemandKw()).isNull();
    assertThat(empty.loadFactor()).isNull();
    assertThat(empty.avgPowerKw()).isNull();
    assertThat(empty.totalCost()).isZero();
  }

  @Test
  void aMachineIdleAtZeroPowerHasNoLoadFactor() {
    MachineKpis idle =
        MachineKpis.compute(
            MonthTotals.of(List.of(interval("2025-06-30T08:30:00Z", 0, 0))), 0, TWO_DAYS);

    assertThat(idle.peakDemandKw()).isZero();
    assertThat(idle.loadFactor()).isNull();
  }

  /**
   * A meter that reports only its register, restarting from 0 at 08:40: the energy the KPIs see is
   * what the counter made of it, never the negative jump.
   */
  @Test
  void aCounterResetCountsTheEnergySinceTheRestartNotANegativeJump() {
    var counter = new EnergyCounter(EnergyCounter.Limits.DEFAULT);
    Instant t0 = Instant.parse("2025-06-30T08:25:00Z");
    double[] registers = {5000.0, 5001.0, 5001.5, 0.3, 0.8, 1.6};
    var kwhByBucket = new TreeMap<Instant, Double>();
    for (int i = 0; i < registers.length; i++) {
      Instant t = t0.plus(Duration.ofMinutes(5L * i));
      double delta = counter.accept(t, registers[i]).deltaKwh();
      Instant bucket = Instant.ofEpochSecond(Math.floorDiv(t.getEpochSecond(), 900) * 900);
      kwhByBucket.merge(bucket, delta, Double::sum);
    }
    var intervals = new ArrayList<PricedInterval>();
    kwhByBucket.forEach((bucket, kwh) -> intervals.add(interval(bucket.toString(), kwh, kwh * 4)));

    MachineKpis k = MachineKpis.compute(MonthTotals.of(intervals), 0, Duration.ofHours(1));

    // 08:30 bucket: 1.0 + 0.5 + 0.3 (since the restart); 08:45 bucket: 0.5 + 0.8.
    assertThat(kwhByBucket.get(Instant.parse("2025-06-30T08:15:00Z"))).isZero();
    assertThat(kwhByBucket.get(Instant.parse("2025-06-30T08:30:00Z"))).isCloseTo(1.8, within(1e-9));
    assertThat(kwhByBucket.get(Instant.parse("2025-06-30T08:45:00Z"))).isCloseTo(1.3, within(1e-9));
    assertThat(k.totalEnergyKwh()).isCloseTo(3.1, within(1e-9));
    assertThat(k.energyCharge()).isCloseTo(0.31, within(1e-9)); // all at the night rate
    assertThat(k.peakDemandKw()).isCloseTo(7.2, within(1e-9)); // 1.8 kWh in 15 min
    assertThat(k.co2Kg()).isCloseTo(1.395, within(1e-9));
  }
}
