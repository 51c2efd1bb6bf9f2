package org.enms.http.machines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedLiveMachinesTest {
  private static final UUID ONE = UUID.fromString("c0000000-0000-0000-0000-000000000001");
  private static final UUID TWO = UUID.fromString("c0000000-0000-0000-0000-000000000002");

  /** Entities that answer their ask count as power, or fail while {@code failing}. */
  private static final class Entities implements LiveMachines {
    final AtomicInteger asks = new AtomicInteger();
    final AtomicBoolean failing = new AtomicBoolean();

    @Override
    public CompletionStage<LiveStatus> status(UUID machineId) {
      int n = asks.incrementAndGet();
      if (failing.get()) {
        return CompletableFuture.failedFuture(new IllegalStateException("entity away"));
      }
      return CompletableFuture.completedFuture(
          new LiveStatus("running", n, null, 0, 0, 0, 0, 0, 0, 0));
    }
  }

  private static double power(LiveMachines live, UUID id) {
    return live.status(id).toCompletableFuture().join().powerKw();
  }

  @Test
  void requestsWithinTheMaxAgeShareOneAskPerMachine() {
    var entities = new Entities();
    var shared = new SharedLiveMachines(entities, Duration.ofMinutes(1));

    assertThat(power(shared, ONE)).isEqualTo(1);
    assertThat(power(shared, ONE)).isEqualTo(1);
    assertThat(power(shared, TWO)).isEqualTo(2);
    assertThat(power(shared, TWO)).isEqualTo(2);
    assertThat(entities.asks).hasValue(2);
  }

  @Test
  void anOlderAnswerIsAskedAgain() {
    var entities = new Entities();
    var shared = new SharedLiveMachines(entities, Duration.ZERO);

    assertThat(power(shared, ONE)).isEqualTo(1);
    assertThat(power(shared, ONE)).isEqualTo(2);
  }

  @Test
  void aFailedAskIsNotShared() {
    var entities = new Entities();
    var shared = new SharedLiveMachines(entities, Duration.ofMinutes(1));
    entities.failing.set(true);
    assertThat(shared.status(ONE).toCompletableFuture()).isCompletedExceptionally();

    entities.failing.set(false);
    assertThat(power(shared, ONE)).isEqualTo(2);
    assertThat(power(shared, ONE)).isEqualTo(2);
  }
}
