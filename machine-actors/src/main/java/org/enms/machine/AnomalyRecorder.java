package org.enms.machine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.enms.machine.event.EventSink;
import org.slf4j.Logger;

/**
 * Stores one machine's anomaly writes in the order they were found and publishes each one's event
 * once it is stored, so that clients never hear of a resolution before its anomaly. Writes run one
 * at a time, off the owner's thread: the owner hands each write's completion back through {@link
 * Loop} and never waits for the database.
 *
 * <p>A write that fails or is not answered within the timeout is retried with backoff (doubling up
 * to a cap), a bounded number of times; the ones behind it wait, to keep the order. Then it is
 * given up: counted, logged, and its event published anyway, since live clients should hear of an
 * alarm even while the database is away. Its row is then missing (a resolution not stored leaves
 * the row open until the entity restarts, adopts it and resolves it again). Beyond {@code
 * max-pending} waiting writes, new ones are given up at once without an event.
 *
 * <p>Not thread-safe: the owner calls it from one thread (the entity's).
 */
final class AnomalyRecorder {

  /** How the owner runs the recorder's asynchronous steps on its own thread. */
  interface Loop {
    /** When {@code write} completes, call {@link #written} with its failure (null on success). */
    void whenDone(CompletionStage<Boolean> write);

    /** After {@code delay}, call {@link #retry}. */
    void retryAfter(Duration delay);
  }

  private final UUID machineId;
  private final DetectionPort port;
  private final EventSink events;
  private final DetectionSettings.Writes settings;
  private final AnomalyWriteMetrics metrics;
  private final Logger log;
  private final Loop loop;

  private final ArrayDeque<AnomalyWrites.Write> queue = new ArrayDeque<>(2);

  /** Failed attempts of the write at the head of the queue. */
  private int failures;

  /** The head is being written or waits for its retry. */
  private boolean busy;

  AnomalyRecorder(
      UUID machineId,
      DetectionPort port,
      EventSink events,
      DetectionSettings.Writes settings,
      AnomalyWriteMetrics metrics,
      Logger log,
      Loop loop) {
    this.machineId = machineId;
    this.port = port;
    this.events = events;
    this.settings = settings;
    this.metrics = metrics;
    this.log = log;
    this.loop = loop;
  }

  /** Queues {@code write}; it starts at once when nothing is ahead of it. */
  void add(AnomalyWrites.Write write) {
    if (queue.size() >= settings.maxPending()) {
      metrics.gaveUp();
      log.error(
          "Machine {}: {} writes of anomalies waiting, gave up {} (not stored, not published)",
          machineId,
          queue.size(),
          write.what());
      return;
    }
    queue.add(write);
    if (!busy) {
      startHead();
    }
  }

  /** The outcome of the write at the head: null on success. */
  void written(Throwable failure) {
    AnomalyWrites.Write head = queue.peek();
    if (!busy || head == null) {
      return;
    }
    if (failure == null) {
      queue.poll();
      log.info("Machine {}: {}", machineId, head.summary());
      finishHead(head);
      return;
    }
    failures++;
    metrics.failedAttempt();
    if (failures >= settings.attempts()) {
      queue.poll();
      metrics.gaveUp();
      log.error(
          "Machine {}: gave up storing {} after {} attempts; its event is published anyway",
          machineId,
          head.what(),
          failures,
          failure);
      finishHead(head);
      return;
    }
    Duration delay = settings.backoff(failures);
    log.warn(
        "Machine {}: could not store {} (attempt {} of {}: {}), retrying in {}",
        machineId,
        head.what(),
        failures,
        settings.attempts(),
        failure.toString(),
        delay);
    loop.retryAfter(delay);
  }

  /** Time to try the head again. */
  void retry() {
    AnomalyWrites.Write head = queue.peek();
    if (busy && head != null) {
      loop.whenDone(attempt(head));
    }
  }

  /** Writes not done yet, the one in flight included. */
  int pending() {
    return queue.size();
  }

  private void finishHead(AnomalyWrites.Write head) {
    failures = 0;
    events.publish(head.event());
    startHead();
  }

  private void startHead() {
    AnomalyWrites.Write head = queue.peek();
    busy = head != null;
    if (busy) {
      loop.whenDone(attempt(head));
    }
  }

  private CompletionStage<Boolean> attempt(AnomalyWrites.Write write) {
    try {
      // A copy, so that the timeout never completes the port's own future.
      return write
          .write()
          .apply(port)
          .toCompletableFuture()
          .copy()
          .orTimeout(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
