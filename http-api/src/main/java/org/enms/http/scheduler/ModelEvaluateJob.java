package org.enms.http.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.http.modelperf.ModelPerformanceService;
import org.enms.http.support.Failures;

/**
 * {@code model_evaluate}: every active baseline is evaluated on the window before the run and the
 * evaluation stored, as {@code POST /model-performance/metrics/record} does; a drift raises a model
 * alert. A model without judgeable hours in the window (a machine gone quiet) is skipped. Models
 * are evaluated one after the other, holding one database connection at a time.
 */
final class ModelEvaluateJob implements ScheduledJob {
  static final String ID = "model_evaluate";

  private final ModelPerformanceService performance;

  ModelEvaluateJob(ModelPerformanceService performance) {
    this.performance = performance;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Daily Model Performance Evaluation";
  }

  /** Evaluations so far: stored, drifted, and why the skipped ones were skipped. */
  private record Tally(int stored, int drifted, List<String> skipped) {
    Tally add(BaselineRow model, boolean drift, Throwable error) {
      if (error == null) {
        return new Tally(stored + 1, drifted + (drift ? 1 : 0), skipped);
      }
      List<String> more = new ArrayList<>(skipped);
      more.add(model.machineName() + ": " + Failures.reason(error));
      return new Tally(stored, drifted, more);
    }
  }

  @Override
  public CompletionStage<String> run(Instant dueAt) {
    return performance
        .activeModels()
        .thenCompose(
            active -> {
              CompletionStage<Tally> tally =
                  CompletableFuture.completedFuture(new Tally(0, 0, List.of()));
              for (BaselineRow model : active) {
                tally =
                    tally.thenCompose(
                        t ->
                            performance
                                .record(
                                    model.machineId(),
                                    Optional.of(model.id()),
                                    Optional.empty(),
                                    Optional.of(dueAt),
                                    Map.of(),
                                    "scheduler")
                                .handle(
                                    (r, error) ->
                                        t.add(model, error == null && r.driftDetected(), error)));
              }
              return tally.thenApply(
                  t ->
                      "evaluated "
                          + t.stored()
                          + " of "
                          + active.size()
                          + " active baselines, "
                          + t.drifted()
                          + " drifted"
                          + (t.skipped().isEmpty() ? "" : "; skipped: " + t.skipped()));
            });
  }
}
