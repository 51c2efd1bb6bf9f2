package org.enms.simulator.physics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.data.Offset;
import org.enms.core.plant.MachineType;
import org.junit.jupiter.api.Test;

class AnomalyTest {
  private static final Instant START = Instant.parse("2025-01-15T10:00:00Z");

  @Test
  void spikeMultipliesAndDropDividesPowerBySeverity() {
    var spike = Anomaly.starting(AnomalyKind.SPIKE, 3.0, START, Duration.ofSeconds(60));
    var drop = Anomaly.starting(AnomalyKind.DROP, 4.0, START, Duration.ofSeconds(60));
    assertThat(spike.influenceAt(START.plusSeconds(30)).powerFactor()).isEqualTo(3.0);
    assertThat(drop.influenceAt(START.plusSeconds(30)).powerFactor()).isEqualTo(0.25);
  }

  @Test
  void driftRampsLinearlyFromOneToSeverityOverTheDuration() {
    var drift = Anomaly.starting(AnomalyKind.DRIFT, 3.0, START, Duration.ofSeconds(100));
    assertThat(drift.influenceAt(START).powerFactor()).isEqualTo(1.0);
    assertThat(drift.influenceAt(START.plusSeconds(50)).powerFactor())
        .isCloseTo(2.0, Offset.offset(1e-9));
    assertThat(drift.influenceAt(START.plusSeconds(99)).powerFactor())
        .isCloseTo(2.98, Offset.offset(1e-9));
  }

  @Test
  void isActiveExactlyFromItsStartUntilBeforeItsEnd() {
    var anomaly = Anomaly.starting(AnomalyKind.SPIKE, 2.0, START, Duration.ofSeconds(10));
    assertThat(anomaly.isActiveAt(START.minusMillis(1))).isFalse();
    assertThat(anomaly.isActiveAt(START)).isTrue();
    assertThat(anomaly.isActiveAt(START.plusMillis(9_999))).isTrue();
    assertThat(anomaly.isActiveAt(START.plusSeconds(10))).isFalse();
    assertThat(anomaly.influenceAt(START.plusSeconds(10))).isEqualTo(AnomalyInfluence.NONE);
  }

  @Test
  void rejectsSeverityAndDurationOutsideTheOriginalLimits() {
    assertThatThrownBy(
            () -> Anomaly.starting(AnomalyKind.SPIKE, 5.5, START, Duration.ofSeconds(60)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Anomaly.starting(AnomalyKind.SPIKE, 2, START, Duration.ofSeconds(9)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Anomaly.starting(AnomalyKind.SPIKE, 2, START, Duration.ofSeconds(3601)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void namedKindsBelongToTheirMachineTypeAndGenericKindsToAll() {
    assertThat(AnomalyKind.forType(MachineType.COMPRESSOR))
        .containsExactly(
            AnomalyKind.SPIKE,
            AnomalyKind.DROP,
            AnomalyKind.DRIFT,
            AnomalyKind.LEAK,
            AnomalyKind.EFFICIENCY_LOSS,
            AnomalyKind.BEARING_FAULT);
    assertThat(AnomalyKind.forType(MachineType.BOILER))
        .containsExactly(AnomalyKind.SPIKE, AnomalyKind.DROP, AnomalyKind.DRIFT);
    assertThat(AnomalyKind.fromWireName("belt_slip")).contains(AnomalyKind.BELT_SLIP);
    assertThat(AnomalyKind.BELT_SLIP.appliesTo(MachineType.PUMP)).isFalse();
  }
}
