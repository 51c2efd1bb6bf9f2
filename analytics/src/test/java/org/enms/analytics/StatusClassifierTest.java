package org.enms.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusClassifierTest {

  @Test
  void powerAboveFiveKilowattsIsRunning() {
    assertThat(StatusClassifier.classify(5.001)).isEqualTo(MachineStatus.RUNNING);
    assertThat(StatusClassifier.classify(120)).isEqualTo(MachineStatus.RUNNING);
  }

  @Test
  void exactlyFiveKilowattsIsStillIdleBecauseTheThresholdIsStrict() {
    assertThat(StatusClassifier.classify(5.0)).isEqualTo(MachineStatus.IDLE);
  }

  @Test
  void powerAboveHalfAKilowattUpToFiveIsIdle() {
    assertThat(StatusClassifier.classify(0.51)).isEqualTo(MachineStatus.IDLE);
    assertThat(StatusClassifier.classify(3)).isEqualTo(MachineStatus.IDLE);
  }

  @Test
  void halfAKilowattOrLessIsStopped() {
    assertThat(StatusClassifier.classify(0.5)).isEqualTo(MachineStatus.STOPPED);
    assertThat(StatusClassifier.classify(0)).isEqualTo(MachineStatus.STOPPED);
    assertThat(StatusClassifier.classify(Double.NaN)).isEqualTo(MachineStatus.STOPPED);
  }
}
