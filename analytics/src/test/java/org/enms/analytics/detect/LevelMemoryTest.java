package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LevelMemoryTest {
  /** A moulder's running levels, each with 4 % noise: ejection, cooling, injection. */
  private static LevelMemory cycling() {
    var levels = new LevelMemory(120);
    var random = new Random(3);
    double[] kw = {18, 42, 114};
    for (int i = 0; i < 3000; i++) {
      levels.learn("running", kw[i % 3] * (1 + 0.04 * random.nextGaussian()));
    }
    return levels;
  }

  @Test
  void knowsNothingUntilAModeHasEnoughReadings() {
    var levels = new LevelMemory(120);
    for (int i = 0; i < LevelMemory.MIN_READINGS - 1; i++) {
      levels.learn("running", 40);
    }
    assertThat(levels.judge("running", 400)).isEqualTo(LevelMemory.Verdict.UNKNOWN);
    assertThat(levels.judge("idle", 40)).isEqualTo(LevelMemory.Verdict.UNKNOWN);
  }

  @Test
  void findsASpikeOrDropBetweenTheLevelsOfACyclingMachine() {
    var levels = cycling();
    assertThat(levels.judge("running", 43)).isEqualTo(LevelMemory.Verdict.NORMAL);
    // Cooling +60 % lies between cooling and heating, where the machine never draws.
    assertThat(levels.judge("running", 67)).isEqualTo(LevelMemory.Verdict.NEW_HIGH);
    // Ejection at 30 % lies below anything the machine draws when running.
    assertThat(levels.judge("running", 5.4)).isEqualTo(LevelMemory.Verdict.NEW_LOW);
    assertThat(levels.nearestLevel("running", 67)).isBetween(40.0, 60.0);
  }

  @Test
  void leavesADriftOfThirtyPercentToTheCusum() {
    var levels = cycling();
    assertThat(levels.judge("running", 42 * 1.3))
        .isIn(LevelMemory.Verdict.UNSURE, LevelMemory.Verdict.NORMAL);
  }

  @Test
  void keepsTheLevelsOfEachModeApart() {
    var levels = cycling();
    for (int i = 0; i < 500; i++) {
      levels.learn("idle", 14.4);
    }
    assertThat(levels.judge("idle", 114)).isEqualTo(LevelMemory.Verdict.NEW_HIGH);
    assertThat(levels.judge("running", 114)).isEqualTo(LevelMemory.Verdict.NORMAL);
  }

  @Test
  void takesItsScaleFromTheFirstReadingWhenTheRatingIsUnknown() {
    var levels = new LevelMemory(0);
    for (int i = 0; i < 300; i++) {
      levels.learn(null, 70 + i % 5);
    }
    assertThat(levels.judge(null, 72)).isEqualTo(LevelMemory.Verdict.NORMAL);
    assertThat(levels.judge(null, 140)).isEqualTo(LevelMemory.Verdict.NEW_HIGH);
  }
}
