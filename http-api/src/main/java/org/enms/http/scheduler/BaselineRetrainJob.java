package org.enms.http.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.db.BaselineDao;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.db.BlockingIo;
import org.enms.http.baseline.Baselines;
import org.enms.http.baseline.RecordedBaselines;
import org.enms.http.baseline.Retraining;
import org.enms.http.support.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code baseline_retrain}: every active baseline of an active machine is retrained on the days
 * before the run, as the same kind of model with the same drivers ({@link Retraining}), through the
 * same service as {@code POST /baseline/train}. Each training is a job in {@code
 * model_training_history} (trigger {@code scheduled}) and reaches the machine's entity as {@code
 * baseline.trained}. Machines are trained one after the other, so the job never holds more than one
 * of the database's connections.
 */
final class BaselineRetrainJob implements ScheduledJob {
  private static final Logger log = LoggerFactory.getLogger(BaselineRetrainJob.class);
  static final String ID = "baseline_retrain";

  private final RecordedBaselines baselines;
  private final BaselineDao models;
  private final BlockingIo io;
  private final Duration period;
  private final int minDays;

  /**
   * @param baselines the API's baselines, which record each training
   * @param period the data each training sees, up to the run
   * @param minDays fewest days with data a training needs; one with fewer fails and the old model
   *     stays active
   */
  BaselineRetrainJob(
      RecordedBaselines baselines,
      BaselineDao models,
      BlockingIo io,
      Duration period,
      int minDays) {
    this.baselines = baselines;
    this.models = models;
    this.io = io;
    this.period = period;
    this.minDays = minDays;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Weekly Baseline Retraining";
  }

  /** Trainings so far: how many, and why the failed ones failed. */
  private record Tally(int trained, List<String> failures) {
    Tally add(BaselineRow model, Throwable error) {
      if (error == null) {
        return new Tally(trained + 1, failures);
      }
      List<String> more = new ArrayList<>(failures);
      more.add(model.machineName() + ": " + Failures.reason(error));
      return new Tally(trained, more);
    }
  }

  @Override
  public CompletionStage<String> run(Instant dueAt) {
    Instant end = dueAt.truncatedTo(ChronoUnit.HOURS);
    Instant start = end.minus(period);
    Baselines scheduled =
        baselines.triggeredBy(
            new RecordedBaselines.Trigger(
                "scheduled", "scheduler", Map.of("job", ID, "due_at", dueAt.toString())));
    return io.call(models::allActive)
        .thenCompose(
            active -> {
              CompletionStage<Tally> tally =
                  CompletableFuture.completedFuture(new Tally(0, List.of()));
              for (BaselineRow model : active) {
                tally =
                    tally.thenCompose(
                        t ->
                            scheduled
                                .train(
                                    model.machineId(),
                                    model.energySource(),
                                    start,
                                    end,
                                    Retraining.specOf(model),
                                    minDays)
                                .handle(
                                    (view, error) -> progress(t.add(model, error), active.size())));
              }
              return tally.thenApply(
                  t ->
                      "retrained "
                          + t.trained()
                          + " of "
                          + active.size()
                          + " active baselines on "
                          + start
                          + " to "
                          + end
                          + (t.failures().isEmpty() ? "" : "; failed: " + t.failures()));
            });
  }

  private static Tally progress(Tally t, int total) {
    log.info(
        "baseline_retrain: {} of {} done ({} failed)",
        t.trained() + t.failures().size(),
        total,
        t.failures().size());
    return t;
  }
}
