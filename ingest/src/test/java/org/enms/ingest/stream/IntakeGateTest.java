package org.enms.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class IntakeGateTest {
  @Test
  void drainsOnlyOnceEveryAdmittedMessageIsSettled() {
    IntakeGate gate = new IntakeGate();
    assertThat(gate.admit()).isTrue();
    assertThat(gate.admit()).isTrue();
    assertThat(gate.admit()).isTrue();
    gate.settled(1);

    CompletableFuture<Long> drained = gate.close().toCompletableFuture();
    assertThat(gate.admit()).as("closed: no new message").isFalse();
    assertThat(drained).isNotDone();
    gate.settled(1);
    assertThat(drained).isNotDone();
    gate.settled(1);
    assertThat(drained).isCompletedWithValue(2L);
    assertThat(gate.inside()).isZero();
  }

  @Test
  void anEmptyGateDrainsAtOnceAndClosingTwiceIsTheSameDrain() {
    IntakeGate gate = new IntakeGate();
    assertThat(gate.close().toCompletableFuture()).isCompletedWithValue(0L);
    assertThat(gate.close().toCompletableFuture()).isCompletedWithValue(0L);
  }
}
