package org.enms.machine;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.enms.analytics.detect.AnomalyKind;
import org.enms.analytics.detect.Finding;
import org.enms.analytics.detect.Severity;
import org.enms.core.reading.EnergyType;
import org.enms.db.AnomalyDao;
import org.enms.machine.event.AnomalyDetected;
import org.enms.machine.event.AnomalyResolved;
import org.enms.machine.event.MachineEvent;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The recorder against a storage port that fails as told (the database is beside the point here:
 * what is tested is order, backoff and giving up), with time and completions driven by the test.
 */
class AnomalyRecorderTest {
  private static final UUID MACHINE = UUID.randomUUID();
  private static final Instant T0 = Instant.parse("2025-03-04T14:00:00Z");

  /** Fails its first {@code failures} calls; answers nothing at all while {@code hang} is set. */
  static final class FlakyPort implements DetectionPort {
    int failures;
    boolean hang;
    final List<String> calls = new ArrayList<>();

    private CompletionStage<Boolean> answer(String call) {
      calls.add(call);
      if (hang) {
        return new CompletableFuture<>();
      }
      if (failures > 0) {
        failures--;
        return CompletableFuture.failedFuture(new IllegalStateException("database away"));
      }
      return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletionStage<DetectionSetup> load(UUID machineId, Instant now) {
      return CompletableFuture.completedFuture(DetectionSetup.unknown());
    }

    @Override
    public CompletionStage<Optional<ActiveBaseline>> activeBaseline(UUID machine, String type) {
      return CompletableFuture.completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<Boolean> record(UUID id, AnomalyDao.NewAnomaly anomaly) {
      return answer("record " + anomaly.anomalyType() + " " + anomaly.severity());
    }

    @Override
    public CompletionStage<Boolean> escalate(UUID id, AnomalyDao.NewAnomaly anomaly) {
      return answer("escalate " + anomaly.anomalyType() + " " + anomaly.severity());
    }

    @Override
    public CompletionStage<Boolean> resolve(UUID id, Instant at, String notes) {
      return answer("resolve");
    }
  }

  /** The owner's loop, run by hand: completions are handed back when the test settles them. */
  final class ManualLoop implements AnomalyRecorder.Loop {
    final ArrayDeque<CompletionStage<Boolean>> inFlight = new ArrayDeque<>();
    final List<Duration> retries = new ArrayList<>();

    @Override
    public void whenDone(CompletionStage<Boolean> write) {
      inFlight.add(write);
    }

    @Override
    public void retryAfter(Duration delay) {
      retries.add(delay);
    }

    /** Hands back completions until none is in flight. */
    void settle() throws Exception {
      while (!inFlight.isEmpty()) {
        Throwable failure = null;
        try {
          inFlight.poll().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          failure = e.getCause();
        }
        recorder.written(failure);
      }
    }
  }

  private final FlakyPort port = new FlakyPort();
  private final ManualLoop loop = new ManualLoop();
  private final List<MachineEvent> events = new ArrayList<>();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private AnomalyRecorder recorder =
      recorder(
          new DetectionSettings.Writes(
              Duration.ofSeconds(1), Duration.ofSeconds(5), 5, Duration.ofSeconds(10), 100));
  private final AnomalyWrites writes = new AnomalyWrites(MACHINE, null);

  private AnomalyRecorder recorder(DetectionSettings.Writes settings) {
    return new AnomalyRecorder(
        MACHINE,
        port,
        events::add,
        settings,
        AnomalyWriteMetrics.register(registry),
        LoggerFactory.getLogger(AnomalyRecorderTest.class),
        loop);
  }

  private static Finding.Raised spike(Severity severity, double kw) {
    return new Finding.Raised(
        AnomalyKind.SPIKE,
        T0,
        T0.plusSeconds(20),
        severity,
        "power_kw",
        kw,
        40.0,
        (kw - 40) / 40 * 100,
        (kw - 40) / 4,
        "robust_profile",
        "power above expectation");
  }

  private static Finding.Resolved resolved() {
    return new Finding.Resolved(
        AnomalyKind.SPIKE, T0, T0.plusSeconds(120), "robust_profile", "back to normal");
  }

  private AnomalyWrites.Write write(Finding finding) {
    return writes.of(new LiveDetection.Found(EnergyType.ELECTRICITY, finding));
  }

  private double counter(String name) {
    var c = registry.find(name).counter();
    return c == null ? 0 : c.count();
  }

  @Test
  void retriesAFailedWriteWithDoublingBackoffAndPublishesOnceStored() throws Exception {
    port.failures = 4;
    recorder.add(write(spike(Severity.WARNING, 60)));
    loop.settle();
    for (int i = 0; i < 4; i++) {
      assertThat(events).isEmpty();
      recorder.retry();
      loop.settle();
    }

    assertThat(loop.retries)
        .containsExactly(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
    assertThat(port.calls).hasSize(5).containsOnly("record spike warning");
    assertThat(events).singleElement().isInstanceOf(AnomalyDetected.class);
    assertThat(counter("enms.machine.anomaly.write.failures")).isEqualTo(4);
    assertThat(counter("enms.machine.anomaly.writes.given.up")).isZero();
    assertThat(recorder.pending()).isZero();
  }

  @Test
  void keepsTheOrderOfAMachinesWritesWhileOneIsRetried() throws Exception {
    port.failures = 2;
    recorder.add(write(spike(Severity.WARNING, 60)));
    recorder.add(write(new Finding.Escalated(spike(Severity.CRITICAL, 90), Severity.WARNING)));
    recorder.add(write(resolved()));
    assertThat(recorder.pending()).isEqualTo(3);
    loop.settle();
    recorder.retry();
    loop.settle();
    recorder.retry();
    loop.settle();

    assertThat(port.calls)
        .containsExactly(
            "record spike warning",
            "record spike warning",
            "record spike warning",
            "escalate spike critical",
            "resolve");
    assertThat(events)
        .extracting(MachineEvent::type)
        .containsExactly("anomaly.detected", "anomaly.detected", "anomaly.resolved");
    assertThat(((AnomalyDetected) events.get(1)).previousSeverity()).isEqualTo("warning");
    var ids =
        events.stream()
            .map(
                e ->
                    e instanceof AnomalyResolved r
                        ? r.anomalyId()
                        : ((AnomalyDetected) e).anomalyId())
            .distinct()
            .toList();
    assertThat(ids).hasSize(1);
  }

  @Test
  void givesUpAfterTheLastAttemptPublishesAnywayAndMovesOn() throws Exception {
    recorder =
        recorder(
            new DetectionSettings.Writes(
                Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofSeconds(10), 100));
    port.failures = 3;
    recorder.add(write(spike(Severity.WARNING, 60)));
    recorder.add(write(resolved()));
    loop.settle();
    recorder.retry();
    loop.settle();
    recorder.retry();
    loop.settle();

    assertThat(loop.retries).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertThat(port.calls)
        .containsExactly(
            "record spike warning", "record spike warning", "record spike warning", "resolve");
    assertThat(events)
        .extracting(MachineEvent::type)
        .containsExactly("anomaly.detected", "anomaly.resolved");
    assertThat(counter("enms.machine.anomaly.write.failures")).isEqualTo(3);
    assertThat(counter("enms.machine.anomaly.writes.given.up")).isEqualTo(1);
    assertThat(recorder.pending()).isZero();
  }

  @Test
  void countsAWriteNotAnsweredInTimeAsFailed() throws Exception {
    recorder =
        recorder(
            new DetectionSettings.Writes(
                Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMillis(50), 100));
    port.hang = true;
    recorder.add(write(spike(Severity.WARNING, 60)));
    CompletionStage<Boolean> first = loop.inFlight.peek();
    assertThat(first.toCompletableFuture())
        .failsWithin(Duration.ofSeconds(5))
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(TimeoutException.class);
    loop.settle();
    assertThat(loop.retries).containsExactly(Duration.ofSeconds(1));

    port.hang = false;
    recorder.retry();
    loop.settle();
    assertThat(events).hasSize(1);
  }

  @Test
  void givesUpNewWritesBeyondMaxPendingWithoutAnEvent() throws Exception {
    recorder =
        recorder(
            new DetectionSettings.Writes(
                Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofSeconds(10), 2));
    port.hang = true;
    recorder.add(write(spike(Severity.WARNING, 60)));
    recorder.add(write(new Finding.Escalated(spike(Severity.CRITICAL, 90), Severity.WARNING)));
    recorder.add(write(resolved()));

    assertThat(recorder.pending()).isEqualTo(2);
    assertThat(port.calls).containsExactly("record spike warning");
    assertThat(counter("enms.machine.anomaly.writes.given.up")).isEqualTo(1);
    assertThat(events).isEmpty();
  }
}
