package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSchedulerTest {
  private static final Instant DAY = Instant.parse("2025-03-03T00:00:00Z");

  @Test
  void recommendsCheapHoursThatSetNoNewPeak() {
    // 24 hours: 10 kW, except a busy night at 02:00–04:00 (40 kW) and a quiet 12:00 (2 kW).
    double[] kw = new double[24];
    Arrays.fill(kw, 10);
    kw[2] = 40;
    kw[3] = 40;
    kw[12] = 2;
    Forecast hourly = new Forecast("test", DAY, Duration.ofHours(1), kw, new Run[1], true);
    var advice = new LoadScheduler(TimeOfUse.ORIGINAL).advise(hourly, 0, 24, 4, 3);

    // Mean 292 / 24 kW · 1.2 = 14.6 kW: 02:00 and 03:00 (44 kW with the load) would exceed it.
    assertThat(advice.thresholdKw()).isCloseTo(1.2 * 292 / 24, within(1e-9));
    List<LoadScheduler.Slot> best = advice.best();
    assertThat(best).hasSize(3).allMatch(LoadScheduler.Slot::withinThreshold);
    assertThat(best).noneMatch(LoadScheduler.Slot::peakHour);
    // Off-peak and within the threshold, earliest first; 02:00 is off-peak but busy, 12:00 quiet
    // but at the peak rate.
    assertThat(best)
        .extracting(LoadScheduler.Slot::start)
        .containsExactly(DAY, DAY.plusSeconds(3600), DAY.plusSeconds(4 * 3600));
    assertThat(best.get(0).costUsd()).isCloseTo(4 * 0.10, within(1e-12));
    assertThat(best.get(0).savingsUsd()).isCloseTo(4 * (0.20 - 0.10), within(1e-12));
    assertThat(best.get(0).totalKw()).isEqualTo(14.0);
  }

  @Test
  void aPeakWindowMayWrapPastMidnight() {
    TimeOfUse night = new TimeOfUse(0.3, 0.1, 22, 6);
    assertThat(night.isPeak(Instant.parse("2025-03-03T23:00:00Z"))).isTrue();
    assertThat(night.isPeak(Instant.parse("2025-03-03T05:59:00Z"))).isTrue();
    assertThat(night.isPeak(Instant.parse("2025-03-03T06:00:00Z"))).isFalse();
    assertThat(TimeOfUse.ORIGINAL.rate(Instant.parse("2025-03-03T19:59:00Z"))).isEqualTo(0.20);
    assertThat(TimeOfUse.ORIGINAL.rate(Instant.parse("2025-03-03T20:00:00Z"))).isEqualTo(0.10);
  }
}
