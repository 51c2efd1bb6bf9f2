package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.enms.analytics.detect.Debounce.Change;
import org.junit.jupiter.api.Test;

class DebounceTest {
  private static final Instant T = Instant.parse("2025-03-03T10:00:00Z");

  private final Debounce debounce =
      new Debounce(3, Duration.ofSeconds(30), 6, Duration.ofSeconds(60));

  @Test
  void raisesAfterThreeConsecutiveReadingsWithTheFirstAsOnset() {
    assertThat(debounce.observe(T, true, false)).isEqualTo(Change.NONE);
    assertThat(debounce.observe(T.plusSeconds(5), true, false)).isEqualTo(Change.NONE);
    assertThat(debounce.observe(T.plusSeconds(10), true, false)).isEqualTo(Change.RAISED);
    assertThat(debounce.onset()).isEqualTo(T);
  }

  @Test
  void raisesSlowReportersAfterThirtySeconds() {
    debounce.observe(T, true, false);
    assertThat(debounce.observe(T.plusSeconds(30), true, false)).isEqualTo(Change.RAISED);
  }

  @Test
  void forgetsAPendingConditionOnANormalReading() {
    debounce.observe(T, true, false);
    debounce.observe(T.plusSeconds(5), true, false);
    debounce.observe(T.plusSeconds(10), false, true);
    assertThat(debounce.observe(T.plusSeconds(15), true, false)).isEqualTo(Change.NONE);
    assertThat(debounce.onset()).isEqualTo(T.plusSeconds(15));
  }

  @Test
  void resolvesOnlyAfterNormalHeldAndRestartsOnARelapse() {
    debounce.adopt(T);
    for (int i = 1; i <= 5; i++) {
      assertThat(debounce.observe(T.plusSeconds(i), false, true)).isEqualTo(Change.NONE);
    }
    debounce.observe(T.plusSeconds(6), true, false);
    for (int i = 7; i <= 11; i++) {
      assertThat(debounce.observe(T.plusSeconds(i), false, true)).isEqualTo(Change.NONE);
    }
    assertThat(debounce.observe(T.plusSeconds(12), false, true)).isEqualTo(Change.RESOLVED);
    assertThat(debounce.phase()).isEqualTo(Debounce.Phase.NORMAL);
  }

  @Test
  void leavesCountersAloneInTheHysteresisBand() {
    debounce.observe(T, true, false);
    debounce.observe(T.plusSeconds(5), true, false);
    debounce.observe(T.plusSeconds(7), false, false);
    assertThat(debounce.observe(T.plusSeconds(10), true, false)).isEqualTo(Change.RAISED);
  }
}
