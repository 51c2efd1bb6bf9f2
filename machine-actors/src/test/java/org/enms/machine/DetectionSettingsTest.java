package org.enms.machine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.enms.analytics.detect.DetectionThresholds;
import org.junit.jupiter.api.Test;

class DetectionSettingsTest {

  private static DetectionSettings read(String overrides) {
    Config config = ConfigFactory.parseString(overrides).withFallback(ConfigFactory.load());
    return MachineEntitySettings.fromConfig(config).detection();
  }

  @Test
  void referenceConfHoldsTheDetectorsDefaults() {
    assertThat(read("").thresholds()).isEqualTo(DetectionThresholds.DEFAULT);
  }

  @Test
  void detectionIsOnUnlessSwitchedOff() {
    assertThat(read("").enabled()).isTrue();
    assertThat(read("enms.machine.detection.enabled = false").enabled()).isFalse();
  }

  @Test
  void readsEveryThresholdFromItsKey() {
    DetectionThresholds t =
        read("""
                enms.machine.detection {
                  z { warning = 5, critical = 9.5, normal = 2.5 }
                  cusum { k = 0.25, h = 4 }
                  drift { normal-z = 0.8, resolve-minutes = 7 }
                  debounce { raise-readings = 4, raise-after = 45s,
                             resolve-readings = 8, resolve-after = 2m }
                  silent-after-intervals = 9
                  above-rated { raise = 1.05, resolve = 0.9, critical = 1.3 }
                  power-while-stopped { raise-above-kw = 7, resolve-below-kw = 3 }
                }
                """)
            .thresholds();
    assertThat(t)
        .isEqualTo(
            new DetectionThresholds(
                5.0,
                9.5,
                2.5,
                0.25,
                4.0,
                0.8,
                7,
                new DetectionThresholds.Debouncing(
                    4, Duration.ofSeconds(45), 8, Duration.ofMinutes(2)),
                9,
                1.05,
                0.9,
                1.3,
                7.0,
                3.0));
  }

  @Test
  void refusesThresholdsThatContradictEachOther() {
    assertThatThrownBy(() -> read("enms.machine.detection.z { warning = 3, normal = 3.5 }"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enms.machine.detection")
        .hasMessageContaining("z.normal");
    assertThatThrownBy(() -> read("enms.machine.detection.z.critical = 2"))
        .hasMessageContaining("z.critical");
  }

  @Test
  void readsHowAnomalyWritesAreRetried() {
    var writes =
        read("""
                enms.machine.detection.writes {
                  min-backoff = 200ms, max-backoff = 1s, attempts = 4, timeout = 3s, max-pending = 7
                }
                """)
            .writes();
    assertThat(writes)
        .isEqualTo(
            new DetectionSettings.Writes(
                Duration.ofMillis(200), Duration.ofSeconds(1), 4, Duration.ofSeconds(3), 7));
    assertThat(writes.backoff(1)).isEqualTo(Duration.ofMillis(200));
    assertThat(writes.backoff(3)).isEqualTo(Duration.ofMillis(800));
    assertThat(writes.backoff(4)).isEqualTo(Duration.ofSeconds(1));
    assertThat(writes.backoff(60)).isEqualTo(Duration.ofSeconds(1));
    assertThatThrownBy(() -> read("enms.machine.detection.writes.attempts = 0"))
        .hasMessageContaining("attempts");
  }
}
