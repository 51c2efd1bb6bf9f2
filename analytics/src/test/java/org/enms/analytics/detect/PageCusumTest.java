package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PageCusumTest {
  @Test
  void alarmsOnASustainedOneSigmaShiftInAboutTenSamples() {
    var cusum = PageCusum.standard();
    int n = 0;
    PageCusum.Direction d;
    do {
      d = cusum.add(1.0);
      n++;
    } while (d == PageCusum.Direction.NONE);
    assertThat(d).isEqualTo(PageCusum.Direction.UP);
    assertThat(n).isEqualTo(11);
  }

  @Test
  void findsDownwardShiftsAndStaysQuietAroundZero() {
    var cusum = PageCusum.standard();
    for (int i = 0; i < 1000; i++) {
      assertThat(cusum.add(i % 2 == 0 ? 0.4 : -0.4)).isEqualTo(PageCusum.Direction.NONE);
    }
    PageCusum.Direction d = PageCusum.Direction.NONE;
    for (int i = 0; i < 20 && d == PageCusum.Direction.NONE; i++) {
      d = cusum.add(-1.5);
    }
    assertThat(d).isEqualTo(PageCusum.Direction.DOWN);
  }

  @Test
  void winsorisesSoOneWildValueDoesNotAlarm() {
    var cusum = PageCusum.standard();
    assertThat(cusum.add(50)).isEqualTo(PageCusum.Direction.NONE);
    assertThat(cusum.high()).isEqualTo(2.5);
  }
}
