package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.simulator.physics.Ticks.field;
import static org.enms.simulator.physics.Ticks.number;

import java.time.Instant;
import java.util.List;
import org.enms.core.reading.DataType;
import org.junit.jupiter.api.Test;

class CompressorTest {
  private static final double RATED_KW = 55;

  private static List<Sample> run(Instant start, int ticks) {
    return Ticks.run(new Compressor(RATED_KW, 1), start, 1, ticks);
  }

  private static List<Sample> loaded(List<Sample> samples) {
    return samples.stream().filter(s -> s.operatingMode().equals("running")).toList();
  }

  @Test
  void loadedPowerMatchesTheOriginalTypicalRangesPerShift() {
    assertThat(Ticks.mean(loaded(run(Times.WEEKDAY_DAY, 2000)), Sample::powerKw))
        .isBetween(46.0, 50.0);
    assertThat(Ticks.mean(loaded(run(Times.WEEKDAY_NIGHT, 2000)), Sample::powerKw))
        .isBetween(42.0, 44.5);
    assertThat(Ticks.mean(loaded(run(Times.WEEKEND, 2000)), Sample::powerKw)).isBetween(40.5, 42.5);
  }

  @Test
  void unloadsAtSevenAndAHalfBarAndLoadsAgainAtSixAndAHalf() {
    List<Sample> samples = run(Times.WEEKDAY_DAY, 3000);
    int unloads = 0;
    int loads = 0;
    for (int i = 1; i < samples.size(); i++) {
      String before = samples.get(i - 1).operatingMode();
      String now = samples.get(i).operatingMode();
      double pressureBefore = number(samples.get(i - 1), DataType.ENVIRONMENTAL, "pressure_bar");
      if (before.equals("running") && now.equals("idle")) {
        unloads++;
        assertThat(pressureBefore).isGreaterThanOrEqualTo(Compressor.UNLOAD_AT_BAR);
      }
      if (before.equals("idle") && now.equals("running")) {
        loads++;
        assertThat(pressureBefore).isLessThanOrEqualTo(Compressor.LOAD_AT_BAR);
      }
    }
    assertThat(unloads).isGreaterThan(10);
    assertThat(loads).isGreaterThan(10);
    assertThat(samples)
        .allSatisfy(
            s -> assertThat(number(s, DataType.ENVIRONMENTAL, "pressure_bar")).isBetween(6.4, 7.6));
  }

  @Test
  void unloadedCompressorDrawsTwentyToThirtyPercentOfRated() {
    List<Sample> idle =
        run(Times.WEEKDAY_DAY, 2000).stream()
            .filter(s -> s.operatingMode().equals("idle"))
            .toList();
    assertThat(idle).isNotEmpty();
    assertThat(Ticks.mean(idle, Sample::powerKw)).isBetween(0.2 * RATED_KW, 0.3 * RATED_KW);
  }

  @Test
  void productionCountsWholeCubicMetresSoTheyAddUpToTheThroughput() {
    List<Sample> samples = run(Times.WEEKDAY_DAY, 3600);
    long counted = samples.stream().mapToLong(Sample::productionCount).sum();
    double delivered =
        samples.stream()
            .mapToDouble(s -> number(s, DataType.PRODUCTION, "throughput_units_per_hour") / 3600)
            .sum();
    assertThat((double) counted).isCloseTo(delivered, org.assertj.core.data.Offset.offset(1.0));
  }

  @Test
  void publishesTheOriginalEnvironmentalFields() {
    Sample sample = run(Times.WEEKDAY_DAY, 1).get(0);
    assertThat(sample.messages().get(2).fields())
        .containsOnlyKeys(
            "outdoor_temp_c", "machine_temp_c", "pressure_bar", "flow_rate_m3h", "vibration_mm_s");
    assertThat(field(sample, DataType.PRODUCTION, "speed_percent")).isInstanceOf(Double.class);
  }

  @Test
  void leakLowersReportedPressureAndBearingFaultTriplesVibration() {
    var normal = new Compressor(RATED_KW, 1);
    var leaking = new Compressor(RATED_KW, 1);
    var bearing = new Compressor(RATED_KW, 1);
    var r1 = new java.util.SplittableRandom(5);
    var r2 = new java.util.SplittableRandom(5);
    var r3 = new java.util.SplittableRandom(5);
    Sample a = normal.next(Times.WEEKDAY_DAY, AnomalyInfluence.NONE, r1);
    Sample b = leaking.next(Times.WEEKDAY_DAY, new AnomalyInfluence(AnomalyKind.LEAK, 1.0), r2);
    Sample c =
        bearing.next(Times.WEEKDAY_DAY, new AnomalyInfluence(AnomalyKind.BEARING_FAULT, 1.0), r3);
    assertThat(number(b, DataType.ENVIRONMENTAL, "pressure_bar"))
        .isCloseTo(
            0.9 * number(a, DataType.ENVIRONMENTAL, "pressure_bar"),
            org.assertj.core.data.Offset.offset(0.002));
    assertThat(number(c, DataType.ENVIRONMENTAL, "vibration_mm_s"))
        .isCloseTo(
            3 * number(a, DataType.ENVIRONMENTAL, "vibration_mm_s"),
            org.assertj.core.data.Offset.offset(0.003));
  }
}
