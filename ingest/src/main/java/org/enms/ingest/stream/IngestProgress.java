package org.enms.ingest.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Whether ingest is doing its job: messages it has taken but not yet acknowledged, when it last
 * committed, and since when its commits fail. A stalled ingest keeps the broker's messages waiting,
 * and nothing else in the node notices, so health asks this.
 */
public final class IngestProgress {
  private final Clock clock;
  private final LongAdder taken = new LongAdder();
  private final LongAdder acknowledged = new LongAdder();
  private volatile Instant lastCommit;
  private volatile Instant failingSince;
  private volatile String lastError;

  IngestProgress(Clock clock) {
    this.clock = clock;
    this.lastCommit = clock.instant();
  }

  /** What health reports. {@code failingSince} and {@code lastError}: null while commits work. */
  public record Snapshot(
      long waitingMessages, Instant lastCommit, Instant failingSince, String lastError) {}

  void messageTaken() {
    taken.increment();
  }

  void acknowledged(int messages) {
    acknowledged.add(messages);
  }

  void committed() {
    lastCommit = clock.instant();
    failingSince = null;
    lastError = null;
  }

  /** A commit attempt failed; the store retries it. */
  public void commitFailed(Throwable error) {
    if (failingSince == null) {
      failingSince = clock.instant();
    }
    lastError = String.valueOf(error.getMessage());
  }

  public Snapshot snapshot() {
    return new Snapshot(
        Math.max(0, taken.sum() - acknowledged.sum()), lastCommit, failingSince, lastError);
  }

  /**
   * Why ingest is stalled, if it is: commits have failed for longer than {@code after}, or messages
   * have waited that long with no commit at all. An idle plant is not stalled.
   */
  public Optional<String> stalled(Duration after) {
    Instant now = clock.instant();
    Snapshot s = snapshot();
    if (s.failingSince() != null && s.failingSince().plus(after).isBefore(now)) {
      return Optional.of(
          "commits failing for "
              + Duration.between(s.failingSince(), now).toSeconds()
              + " s: "
              + s.lastError());
    }
    if (s.waitingMessages() > 0 && s.lastCommit().plus(after).isBefore(now)) {
      return Optional.of(
          s.waitingMessages()
              + " messages waiting, no commit for "
              + Duration.between(s.lastCommit(), now).toSeconds()
              + " s");
    }
    return Optional.empty();
  }
}
