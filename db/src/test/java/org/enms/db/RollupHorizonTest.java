package org.enms.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RollupHorizonTest {
  @Test
  void stopsAtTheStartOfTheMinuteASettleDelayAgo() {
    assertThat(
            RollupHorizon.settledBefore(
                Instant.parse("2026-11-27T10:05:42Z"), Duration.ofMinutes(1)))
        .isEqualTo(Instant.parse("2026-11-27T10:04:00Z"));
  }

  @Test
  void refreshesEverythingWithoutASettleDelay() {
    assertThat(RollupHorizon.settledBefore(Instant.parse("2026-11-27T10:05:42Z"), Duration.ZERO))
        .isEqualTo(Instant.MAX);
  }
}
