package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentTimesTest {
  @Test
  void remembersEverythingUntilItsCapacityIsExceeded() {
    var recent = new RecentTimes(3);
    recent.add(10);
    recent.add(20);
    assertThat(recent.contains(10)).isTrue();
    assertThat(recent.contains(15)).isFalse();
    assertThat(recent.olderThanRemembered(5)).isFalse();
  }

  @Test
  void afterForgettingOnlyTimesWithinTheRememberedSpanCanBeToldApart() {
    var recent = new RecentTimes(3);
    for (long t = 10; t <= 50; t += 10) {
      recent.add(t);
    }
    assertThat(recent.contains(10)).isFalse();
    assertThat(recent.olderThanRemembered(25)).isTrue();
    assertThat(recent.olderThanRemembered(35)).isFalse();
    assertThat(recent.contains(40)).isTrue();
  }

  @Test
  void clearingStartsOver() {
    var recent = new RecentTimes(1);
    recent.add(1);
    recent.add(2);
    recent.clear();
    assertThat(recent.olderThanRemembered(0)).isFalse();
    assertThat(recent.contains(2)).isFalse();
  }
}
