package org.enms.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WindowTest {
  @Test
  void summarisesEnergyDemandPeakAndConfidenceOfAWindow() {
    Run[] runs = new Run[Calibration.DAYS];
    runs[0] = new Run(new double[] {0, 0, 10, 10}, new double[] {0, 0, 9, 9}); // 18 of 20
    runs[1] = new Run(new double[] {0, 0, 10, 10}, new double[] {0, 0, 11, 11}); // 22 of 20
    Forecast quarters =
        new Forecast(
            "test",
            Instant.parse("2025-03-03T00:00:00Z"),
            Duration.ofMinutes(15),
            new double[] {1, 2, 40, 20},
            runs,
            true);
    Window w = Window.of(quarters, 2, 4, 0.95);

    assertThat(w.energyKwh().point()).isCloseTo(60 * 0.25, within(1e-12));
    assertThat(w.energyKwh().lower()).isCloseTo((60 - 2) * 0.25, within(1e-12));
    assertThat(w.energyKwh().upper()).isCloseTo((60 + 2) * 0.25, within(1e-12));
    assertThat(w.averageKw()).isEqualTo(30.0);
    assertThat(w.peakKw()).isEqualTo(40.0);
    assertThat(w.peakTime()).isEqualTo(Instant.parse("2025-03-03T00:30:00Z"));
    assertThat(w.confidence()).isCloseTo(1 - 4.0 / 40, within(1e-12));
  }
}
