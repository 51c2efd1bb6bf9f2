package org.enms.http.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.TrainingHistoryDao;
import org.enms.db.TrainingHistoryDao.TrainingRow;
import org.enms.machine.event.EventSink;
import org.enms.machine.event.TrainingCompleted;

/**
 * {@code training_cleanup}: a training job pending or running for longer than the timeout lost its
 * node (a crash, a restart) and is marked failed, with the original's message; each is announced as
 * {@code training.completed} with status failed. Runs when the scheduler starts, too.
 */
final class TrainingCleanupJob implements ScheduledJob {
  static final String ID = "training_cleanup";

  private final TrainingHistoryDao history;
  private final BlockingIo io;
  private final Duration timeout;
  private final EventSink events;
  private final Clock clock;

  TrainingCleanupJob(
      TrainingHistoryDao history, BlockingIo io, Duration timeout, EventSink events, Clock clock) {
    this.history = history;
    this.io = io;
    this.timeout = timeout;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Training Job Cleanup";
  }

  @Override
  public boolean runsAtStart() {
    return true;
  }

  /** The original's words, with the configured limit. */
  String message() {
    return "Job timed out - exceeded " + timeout.toMinutes() + " minute limit";
  }

  @Override
  public CompletionStage<String> run(Instant dueAt) {
    return io.call(
        () -> {
          List<TrainingRow> failed = history.failStuck(timeout, message());
          for (TrainingRow job : failed) {
            // The factory is not known here; clients filtering by factory miss these.
            events.publish(
                new TrainingCompleted(
                    job.id(),
                    job.machineId(),
                    null,
                    clock.instant(),
                    TrainingHistoryDao.FAILED,
                    null,
                    null,
                    job.errorMessage()));
          }
          return "failed "
              + failed.size()
              + " training jobs unfinished for more than "
              + timeout.toMinutes()
              + " min";
        });
  }
}
