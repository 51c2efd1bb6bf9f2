package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.StatusReading;
import org.junit.jupiter.api.Test;

class MachineStateTest {
  private static final UUID ID = UUID.fromString("c0000000-0000-0000-0000-000000000001");
  private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

  private final MachineState state = new MachineState(T0);

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private static EnergyReading power(int seconds, double kw, double kwh) {
    return EnergyReading.electricity(ID, at(seconds), kw, kwh);
  }

  private static EnergyReading counter(int seconds, double kw, double registerKwh) {
    return new EnergyReading(
        ID,
        at(seconds),
        EnergyType.ELECTRICITY,
        kw,
        null,
        registerKwh,
        null,
        null,
        null,
        null,
        null);
  }

  private static ProductionReading produced(int seconds, long good, long bad, String mode) {
    return new ProductionReading(
        ID, at(seconds), good + bad, good, bad, null, mode, null, null, null);
  }

  @Test
  void statusFollowsTheLatestElectricityPowerWhateverTheBatchOrder() {
    state.record(List.of(power(10, 2.0, 0.01), power(0, 50.0, 0.1)));

    assertThat(state.status()).isEqualTo(MachineStatus.IDLE);
    assertThat(state.latestElectricity().orElseThrow().time()).isEqualTo(at(10));
  }

  @Test
  void withoutReadingsTheMachineCountsAsStopped() {
    assertThat(state.status()).isEqualTo(MachineStatus.STOPPED);
    assertThat(state.latestElectricity()).isEmpty();
  }

  @Test
  void feedsEveryWindowAndTodaysTotals() {
    state.record(List.of(power(0, 10, 0.1), power(10, 30, 0.2), produced(10, 5, 1, "running")));

    assertThat(state.lastMinute(at(10)).avgPowerKw()).isCloseTo(20.0, within(1e-9));
    assertThat(state.last15Minutes(at(10)).energyKwh()).isCloseTo(0.3, within(1e-9));
    assertThat(state.lastHour(at(10)).productionUnits()).isEqualTo(6);
    assertThat(state.today(at(10)).goodUnits()).isEqualTo(5);
    assertThat(state.today(at(10)).runningSeconds()).isEqualTo(10);
    assertThat(state.operatingMode()).contains("running");
  }

  @Test
  void redeliveredReadingsAreCountedOnce() {
    var batch = List.of(power(0, 10, 0.1), produced(0, 3, 0, "running"));
    state.record(batch);

    var outcome = state.record(batch);

    assertThat(outcome.accepted()).isZero();
    assertThat(outcome.ignored()).isEqualTo(2);
    assertThat(state.today(at(0)).energyKwh()).isCloseTo(0.1, within(1e-9));
    assertThat(state.today(at(0)).productionUnits()).isEqualTo(3);
  }

  @Test
  void counterOnlyReadingsWithAResetYieldTheEnergyUsed() {
    var outcome =
        state.record(
            List.of(
                counter(0, 20, 700.0),
                counter(10, 20, 700.5),
                counter(20, 20, 0.25),
                counter(30, 20, 0.75)));

    assertThat(outcome.counterResets()).isEqualTo(1);
    assertThat(state.today(at(30)).energyKwh()).isCloseTo(0.5 + 0.25 + 0.5, within(1e-9));
  }

  @Test
  void gasAndSteamDoNotCountAsElectricalPower() {
    var gas =
        new EnergyReading(
            ID, at(0), EnergyType.NATURAL_GAS, 900, 7.5, null, null, null, null, null, null);

    var outcome = state.record(List.of(gas));

    assertThat(outcome.ignored()).isEqualTo(1);
    assertThat(state.today(at(0)).energyKwh()).isZero();
    assertThat(state.latestElectricity()).isEmpty();
  }

  @Test
  void legacyEnergyTypeCountsAsElectricity() {
    var legacy =
        new EnergyReading(ID, at(0), "energy", 12, 0.3, null, null, null, null, null, null);

    state.record(List.of(legacy));

    assertThat(state.status()).isEqualTo(MachineStatus.RUNNING);
  }

  @Test
  void operatingModeComesFromTheNewestStatusOrProductionMessage() {
    state.record(
        List.of(
            new StatusReading(ID, at(20), false, "maintenance", 0.0),
            produced(10, 1, 0, "running")));

    assertThat(state.operatingMode()).contains("maintenance");
  }

  @Test
  void restoredStateSeedsWindowsAndTodayAndIgnoresReadingsItAlreadyHolds() {
    var restoredUpTo = at(0);
    var minute = new BucketTotals(T0.minusSeconds(60), 6, 120, 15, 25, 0.4, 10);
    var today =
        new DayTotals(LocalDate.parse("2025-03-01"), 80, 200, 190, 10, 100, 20.0, 30.0, 0, 0, 0);
    var latest = power(0, 22, 0.04);
    state.restore(List.of(minute), today, Optional.of(latest), restoredUpTo, Optional.empty());

    var outcome =
        state.record(List.of(power(-30, 99, 9.9), power(0, 22, 0.04), power(10, 24, 0.05)));

    assertThat(outcome.accepted()).isEqualTo(1);
    assertThat(state.today(at(10)).energyKwh()).isCloseTo(80.05, within(1e-9));
    assertThat(state.today(at(10)).runningSeconds()).isEqualTo(10);
    assertThat(state.lastHour(at(10)).energyKwh()).isCloseTo(0.45, within(1e-9));
    assertThat(state.last15Minutes(at(10)).readingCount()).isEqualTo(7);
    assertThat(state.lastMinute(at(10)).readingCount()).isEqualTo(1);
    assertThat(state.status()).isEqualTo(MachineStatus.RUNNING);
  }

  @Test
  void aReloadTakesUpStoredTotalsWithoutCountingTwiceAndKeepsWhatOnlyMemoryKnows() {
    state.record(
        List.of(
            power(-20, 30, 0.1),
            power(-10, 40, 0.15),
            new StatusReading(ID, at(-10), true, "running", 40.0)));
    assertThat(state.today(at(0)).runningSeconds()).isEqualTo(10);
    // Storage also holds 12 kWh imported for this morning.
    var day = new DayTotals(LocalDate.parse("2025-03-01"), 12.25, 0, 0, 0, 42, 20.0, 48.0, 0, 0, 0);
    var minute = new BucketTotals(T0.minusSeconds(60), 2, 70, 30, 40, 0.25, 0);

    state.reload(List.of(minute), day, Optional.of(power(-10, 40, 0.15)), at(-10), at(0));
    var outcome = state.record(List.of(power(-10, 40, 0.15), power(10, 50, 0.2)));

    assertThat(outcome.accepted()).isEqualTo(1);
    var today = state.today(at(10));
    assertThat(today.energyKwh()).isCloseTo(12.45, within(1e-9));
    assertThat(today.powerReadingCount()).isEqualTo(43);
    assertThat(today.peakPowerKw()).isEqualTo(50.0);
    assertThat(today.runningSeconds()).isEqualTo(30);
    assertThat(state.operatingMode()).contains("running");
    assertThat(state.lastMinute(at(10)).readingCount()).isEqualTo(3);
    assertThat(state.last15Minutes(at(10)).readingCount()).isEqualTo(3);
    assertThat(state.last15Minutes(at(10)).energyKwh()).isCloseTo(0.45, within(1e-9));
    assertThat(state.latestElectricity().orElseThrow().time()).isEqualTo(at(10));
  }

  @Test
  void restoredCounterContinuesFromTheStoredRegisterValue() {
    state.restore(
        List.of(),
        DayTotals.empty(LocalDate.parse("2025-03-01")),
        Optional.empty(),
        at(0),
        Optional.of(1000.0));

    state.record(List.of(counter(10, 20, 1001.5)));

    assertThat(state.today(at(10)).energyKwh()).isCloseTo(1.5, within(1e-9));
  }

  @Test
  void countersWithResetsDuplicatesAndGapsGiveTheRightKwh() {
    var resolution =
        state.resolveCounters(
            List.of(
                counter(0, 20, 5000.0), // first value: baseline only
                power(5, 30, 0.04), // not a counter: returned as is
                counter(60, 20, 5000.5),
                counter(60, 20, 5000.5), // duplicate in the same batch
                counter(180, 20, 0.4), // meter restarted from 0
                counter(120, 20, 5001.2), // out of batch order: resolved in time order
                counter(240, 20, 0.9),
                counter(840, 20, 3.4))); // after a 10-minute gap: not spread over the gap
    var late = state.resolveCounters(List.of(counter(30, 20, 5000.2))); // older than the counter

    double[] expected = {0, 0.04, 0.5, 0.5, 0.4, 0.7, 0.5, 2.5};
    assertThat(resolution.readings()).hasSize(expected.length);
    for (int i = 0; i < expected.length; i++) {
      assertThat(resolution.readings().get(i).energyKwh()).isCloseTo(expected[i], within(1e-9));
    }
    assertThat(resolution.counterResets()).isEqualTo(1);
    assertThat(resolution.counterGaps()).isEqualTo(1);
    assertThat(late.readings().get(0).energyKwh()).isZero();
    assertThat(late.ignored()).isEqualTo(1);
  }

  @Test
  void recordingResolvedCounterReadingsCountsEachOnceAndLeavesTheCounterWhereItWas() {
    var resolved =
        state
            .resolveCounters(
                List.of(counter(0, 20, 100.0), counter(10, 20, 100.5), counter(20, 20, 101.0)))
            .readings();

    state.record(resolved);
    var next = state.resolveCounters(List.of(counter(30, 20, 101.25))).readings().get(0);
    state.record(List.of(next));

    assertThat(next.energyKwh()).isCloseTo(0.25, within(1e-9));
    assertThat(state.today(at(30)).energyKwh()).isCloseTo(1.25, within(1e-9));
  }

  @Test
  void countsAReadingThatArrivesAfterANewerOneButNotItsRedelivery() {
    state.record(List.of(power(0, 10.0, 0.1)));
    state.record(List.of(power(6, 2.0, 0.6)));
    state.record(List.of(power(5, 40.0, 0.5))); // late: another connection, another batch
    state.record(List.of(power(5, 40.0, 0.5))); // redelivered

    var today = state.today(at(10));
    assertThat(today.energyKwh()).isCloseTo(1.2, within(1e-9));
    assertThat(today.powerReadingCount()).isEqualTo(3);
    assertThat(state.latestElectricity().orElseThrow().time()).isEqualTo(at(6));
    assertThat(state.status()).isEqualTo(MachineStatus.IDLE);
  }

  @Test
  void countsLateProductionOnceToo() {
    state.record(List.of(produced(10, 5, 0, "running")));
    state.record(List.of(produced(9, 3, 1, "running")));
    state.record(List.of(produced(9, 3, 1, "running")));

    assertThat(state.today(at(20)).productionUnits()).isEqualTo(9);
  }

  @Test
  void ignoresLateReadingsThatTheRestoredTotalsAlreadyHold() {
    state.restore(
        List.of(),
        new DayTotals(
            T0.atZone(java.time.ZoneOffset.UTC).toLocalDate(), 3.0, 0, 0, 0, 1, 5.0, 5.0, 0, 0, 0),
        Optional.of(power(100, 5.0, 3.0)),
        at(100),
        Optional.empty());
    state.record(List.of(power(90, 7.0, 0.5))); // stored before the restore: already counted
    state.record(List.of(power(110, 7.0, 0.5)));

    assertThat(state.today(at(120)).energyKwh()).isCloseTo(3.5, within(1e-9));
  }
}
