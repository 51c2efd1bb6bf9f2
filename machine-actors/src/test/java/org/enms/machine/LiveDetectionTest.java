package org.enms.machine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.analytics.MachineState;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.detect.AnomalyKind;
import org.enms.analytics.detect.DetectionThresholds;
import org.enms.analytics.detect.Finding;
import org.enms.analytics.detect.Severity;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.core.reading.StatusReading;
import org.enms.db.AnomalyDao;
import org.enms.db.MachineHistoryDao.HourlyPower;
import org.junit.jupiter.api.Test;

/** A boiler's three carriers, each scored against its own history. */
class LiveDetectionTest {
  /** Tuesday 14:00 UTC. */
  private static final Instant T0 = Instant.parse("2025-03-04T14:00:00Z");

  private static final UUID BOILER = UUID.randomUUID();

  /** Four weeks of hourly averages at {@code kw}. */
  private static List<HourlyPower> weeks(double kw) {
    List<HourlyPower> hours = new ArrayList<>();
    for (int h = 1; h <= 4 * 168; h++) {
      hours.add(new HourlyPower(T0.minus(Duration.ofHours(h)), kw + (h % 3) * 0.1));
    }
    return hours;
  }

  private final MachineState state = new MachineState(T0.minusSeconds(60));
  private Instant next = T0;

  private static EnergyReading carrier(String type, Instant t, double kw) {
    return new EnergyReading(BOILER, t, type, kw, kw / 120, null, null, null, null, null, null);
  }

  /** {@code n} ticks of 30 s, each with electricity, gas and steam; what the ticks raised. */
  private List<LiveDetection.Found> tick(
      LiveDetection live, int n, double electricKw, double gasKw, double steamKw) {
    List<LiveDetection.Found> found = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Reading> batch =
          List.of(
              EnergyReading.electricity(BOILER, next, electricKw, electricKw / 120),
              carrier(EnergyType.NATURAL_GAS, next, gasKw),
              carrier(EnergyType.STEAM, next, steamKw));
      String before = state.operatingMode().orElse(null);
      state.record(batch);
      found.addAll(live.score(batch, before));
      next = next.plusSeconds(30);
    }
    return found;
  }

  private LiveDetection live(List<AnomalyDao.OpenAnomaly> open) {
    var setup =
        new DetectionPort.DetectionSetup(
            null,
            45.0,
            30,
            Map.of(EnergyType.ELECTRICITY, weeks(30), EnergyType.NATURAL_GAS, weeks(300)),
            Map.of(),
            open);
    return new LiveDetection(setup, DetectionThresholds.DEFAULT, state);
  }

  @Test
  void scoresEachCarrierAgainstItsOwnProfile() {
    var live = live(List.of());
    // An hour and more of normal ticks: each detector learns its readings' spread.
    assertThat(tick(live, 130, 30, 300, 1000)).isEmpty();

    // Gas more than doubles while electricity stays as usual: one critical gas spike, nothing else.
    List<LiveDetection.Found> found = tick(live, 3, 30, 700, 1000);
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.energyType()).isEqualTo(EnergyType.NATURAL_GAS);
              assertThat(f.finding().kind()).isEqualTo(AnomalyKind.SPIKE);
              var raised = (Finding.Raised) f.finding();
              assertThat(raised.severity()).isEqualTo(Severity.CRITICAL);
              assertThat(raised.expected()).isBetween(299.0, 301.0);
            });
    assertThat(tick(live, 6, 30, 300, 1000))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.energyType()).isEqualTo(EnergyType.NATURAL_GAS);
              assertThat(f.finding()).isInstanceOf(Finding.Resolved.class);
            });
  }

  /** One tick of a load/unload machine: its energy, then the production message with its mode. */
  private static List<Reading> cycleTick(Instant t, boolean loaded) {
    double kw = loaded ? 48 + (t.getEpochSecond() % 3) : 14 + (t.getEpochSecond() % 2);
    return List.of(
        EnergyReading.electricity(BOILER, t, kw, kw / 120),
        new ProductionReading(
            BOILER, t, 1, 1, 0, null, loaded ? "running" : "idle", null, null, null));
  }

  private static boolean loadedAt(int tick) {
    return tick % 9 < 6;
  }

  @Test
  void judgesEachReadingOfABatchInTheModeReportedBeforeIt() {
    // Its hours average 37.5 kW: loaded (48–50 kW, running) six ticks of 30 s, unloaded (14–15 kW,
    // idle) three.
    var live =
        new LiveDetection(
            new DetectionPort.DetectionSetup(
                null, 100.0, 30, Map.of(EnergyType.ELECTRICITY, weeks(37.5)), Map.of(), List.of()),
            DetectionThresholds.DEFAULT,
            state);
    // Seven and a half hours, a batch per tick: both modes' levels are learned.
    int tick = 0;
    for (; tick < 900; tick++) {
      List<Reading> batch = cycleTick(next, loadedAt(tick));
      String before = state.operatingMode().orElse(null);
      state.record(batch);
      assertThat(live.score(batch, before)).as("tick %d", tick).isEmpty();
      next = next.plusSeconds(30);
    }
    // Then a backlog: eighteen ticks in one batch, the last ones idle. Judged in the batch's final
    // mode, the loaded readings would be new levels of the idle mode: a spike.
    List<Reading> backlog = new ArrayList<>();
    for (int end = tick + 18; tick < end; tick++) {
      backlog.addAll(cycleTick(next, loadedAt(tick)));
      next = next.plusSeconds(30);
    }
    String before = state.operatingMode().orElse(null);
    state.record(backlog);
    assertThat(live.score(backlog, before)).isEmpty();
  }

  @Test
  void aCarrierWithoutHistoryIsWatchedFromItsOwnRecentLevel() {
    var live = live(List.of());
    // Steam has no stored history: after 15 minutes its recent level is the reference, and an
    // hour later its spread is learned.
    assertThat(tick(live, 160, 30, 300, 1000)).isEmpty();
    assertThat(tick(live, 3, 30, 300, 2500))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.energyType()).isEqualTo(EnergyType.STEAM);
              assertThat(f.finding().kind()).isEqualTo(AnomalyKind.SPIKE);
            });
  }

  @Test
  void appliesTheElectricRulesToElectricityOnly() {
    var live = live(List.of());
    tick(live, 20, 30, 300, 1000);
    state.record(List.of(new StatusReading(BOILER, next, false, "maintenance", null)));
    // In maintenance the boiler still burns some gas (kWh-equivalent far above any electric
    // threshold) and draws 2 kW: neither is power while stopped.
    List<LiveDetection.Found> found = tick(live, 6, 2, 300, 1000);
    assertThat(found)
        .extracting(f -> f.finding().kind())
        .doesNotContain(AnomalyKind.POWER_WHILE_STOPPED, AnomalyKind.ABOVE_RATED_POWER);
    // 20 kW while in maintenance is, on electricity.
    assertThat(tick(live, 3, 20, 300, 1000))
        .filteredOn(f -> f.finding().kind() == AnomalyKind.POWER_WHILE_STOPPED)
        .singleElement()
        .extracting(LiveDetection.Found::energyType)
        .isEqualTo(EnergyType.ELECTRICITY);
  }

  @Test
  void givesEachCarrierItsOwnBaselineAndOpenAnomalies() {
    var gasSpike =
        new AnomalyDao.OpenAnomaly(
            UUID.randomUUID(),
            T0.minusSeconds(600),
            "spike",
            "robust_profile",
            "warning",
            EnergyType.NATURAL_GAS);
    var live = live(List.of(gasSpike));
    live.useBaseline(
        EnergyType.NATURAL_GAS,
        new ActiveBaseline(
            UUID.randomUUID(), 1, new BaselineModel(Map.of(), 500.0, 20.0, Map.of())));

    // Electricity keeps its profile; gas is judged against its baseline (500), so 100 is a drop
    // (gross enough to count before the spread is learned), and the spike that was open before
    // the restart resolves, on gas.
    assertThat(live.expectedElectricity(T0).kw()).isBetween(29.0, 31.0);
    List<LiveDetection.Found> found = tick(live, 8, 30, 100, 1000);
    assertThat(found).allMatch(f -> f.energyType().equals(EnergyType.NATURAL_GAS));
    assertThat(found)
        .filteredOn(f -> f.finding() instanceof Finding.Resolved)
        .singleElement()
        .satisfies(f -> assertThat(f.finding().onset()).isEqualTo(gasSpike.detectedAt()));
    assertThat(found)
        .filteredOn(f -> f.finding() instanceof Finding.Raised)
        .singleElement()
        .satisfies(f -> assertThat(f.finding().kind()).isEqualTo(AnomalyKind.DROP));
  }
}
