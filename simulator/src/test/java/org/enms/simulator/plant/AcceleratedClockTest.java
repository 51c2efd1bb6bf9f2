package org.enms.simulator.plant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AcceleratedClockTest {
  /** A wall clock the test moves by hand. */
  private static final class Wall extends Clock {
    Instant now = Instant.parse("2025-03-04T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @Test
  void runsFactorTimesFasterFromItsStart() {
    Wall wall = new Wall();
    Instant from = wall.now.minus(Duration.ofHours(5));
    var clock = new AcceleratedClock(wall, from, 60);
    assertThat(clock.instant()).isEqualTo(from);

    wall.now = wall.now.plusSeconds(10);
    assertThat(clock.instant()).isEqualTo(from.plusSeconds(600));
  }

  @Test
  void neverRunsAheadOfTheWallClock() {
    Wall wall = new Wall();
    var clock = new AcceleratedClock(wall, wall.now.minusSeconds(590), 60);
    wall.now = wall.now.plusSeconds(60);
    assertThat(clock.instant()).isEqualTo(wall.now);
  }

  @Test
  void refusesAFutureStartAndASlowFactor() {
    Wall wall = new Wall();
    assertThatThrownBy(() -> new AcceleratedClock(wall, wall.now.plusSeconds(1), 10))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AcceleratedClock(wall, wall.now, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
