package org.enms.http.health;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.ingest.stream.IngestProgress;

/**
 * Ingest makes progress: it is unhealthy when its commits have failed, or messages it took have
 * waited without a commit, for longer than {@code enms.ingest.stall-after}. Everything else can be
 * up while ingest is stuck, and then the plant's data piles up at the broker unseen.
 */
public final class IngestProbe implements HealthProbe {
  private final IngestProgress progress;
  private final Duration stallAfter;

  public IngestProbe(IngestProgress progress, Duration stallAfter) {
    this.progress = progress;
    this.stallAfter = stallAfter;
  }

  /**
   * @param waitingMessages messages taken from the broker and not yet acknowledged
   * @param lastCommit when a batch was last committed (or ingest started)
   * @param failingSince when commits began to fail (null while they succeed)
   * @param lastError the last commit failure (null while commits succeed)
   */
  public record Details(
      long waitingMessages, Instant lastCommit, Instant failingSince, String lastError) {}

  @Override
  public String name() {
    return "ingest";
  }

  @Override
  public CompletionStage<Result> check() {
    IngestProgress.Snapshot s = progress.snapshot();
    var details = new Details(s.waitingMessages(), s.lastCommit(), s.failingSince(), s.lastError());
    return CompletableFuture.completedFuture(
        progress
            .stalled(stallAfter)
            .map(reason -> Result.unhealthy(details, reason))
            .orElseGet(() -> new Result(true, details)));
  }
}
