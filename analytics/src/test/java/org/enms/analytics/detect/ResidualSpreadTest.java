package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidualSpreadTest {
  @Test
  void learnsTheSpreadOfNormalResidualsAndIgnoresAFewWildOnes() {
    var spread = new ResidualSpread(0.15, 0.01, 2000);
    var random = new Random(5);
    for (int i = 0; i < 5000; i++) {
      spread.learn(i % 100 == 0 ? 5.0 : 0.1 * random.nextGaussian());
    }
    assertThat(spread.sigma()).isCloseTo(0.1, within(0.02));
    assertThat(spread.learned()).isEqualTo(5000);
  }

  @Test
  void neverFallsBelowItsFloor() {
    var spread = new ResidualSpread(0.15, 0.03, 2000);
    for (int i = 0; i < 1000; i++) {
      spread.learn(0.0);
    }
    assertThat(spread.sigma()).isEqualTo(0.03);
  }

  @Test
  void aRecentWindowAveragesOnlyItsLastHalfMinute() {
    var window = new RecentWindow(30_000);
    Instant t = Instant.parse("2025-03-03T00:00:00Z");
    for (int i = 0; i < 10; i++) {
      window.add(t.plusSeconds(10L * i), i < 7 ? 10 : 40);
    }
    assertThat(window.count()).isEqualTo(3);
    assertThat(window.mean()).isEqualTo(40.0);
  }
}
