package org.enms.http.baseline;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.MachineRow;
import org.enms.db.TrainingHistoryDao;
import org.enms.http.support.Failures;
import org.enms.machine.event.EventSink;
import org.enms.machine.event.TrainingCompleted;
import org.enms.machine.event.TrainingProgressed;
import org.enms.machine.event.TrainingStarted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Baselines whose every training is a job in {@code model_training_history}: recorded pending, then
 * running, then completed with the model it stored or failed with the refusal, and announced on the
 * event hub as {@code training.started}, {@code training.progress} and {@code training.completed}.
 * Everything else passes straight to the baselines it wraps.
 *
 * <p>A training for a machine that does not exist is not recorded (the history row needs the
 * machine); it fails as it would without this wrapper.
 */
public final class RecordedBaselines implements Baselines {
  private static final Logger log = LoggerFactory.getLogger(RecordedBaselines.class);

  /** {@code model_type} of a baseline training job. */
  public static final String MODEL_TYPE = "baseline";

  /** What a training is while it runs: it is one step, so no finer progress exists. */
  static final double RUNNING_PERCENT = 10;

  private final Baselines baselines;
  private final TrainingHistoryDao history;
  private final MachineDao machines;
  private final BlockingIo io;
  private final EventSink events;
  private final Clock clock;
  private final Trigger trigger;

  /**
   * Who asked for the trainings: {@code type} manual or scheduled, {@code by} e.g. {@code api} or
   * {@code scheduler}; {@code metadata} goes with each job's row (e.g. the scheduled job's name).
   */
  public record Trigger(String type, String by, Map<String, Object> metadata) {
    public static final Trigger MANUAL_API = new Trigger("manual", "api", Map.of());

    public Trigger {
      metadata = Map.copyOf(metadata);
    }
  }

  public RecordedBaselines(
      Baselines baselines,
      Database database,
      BlockingIo io,
      EventSink events,
      Clock clock,
      Trigger trigger) {
    this(
        baselines,
        new TrainingHistoryDao(database),
        new MachineDao(database),
        io,
        events,
        clock,
        trigger);
  }

  private RecordedBaselines(
      Baselines baselines,
      TrainingHistoryDao history,
      MachineDao machines,
      BlockingIo io,
      EventSink events,
      Clock clock,
      Trigger trigger) {
    this.baselines = baselines;
    this.history = history;
    this.machines = machines;
    this.io = io;
    this.events = events;
    this.clock = clock;
    this.trigger = trigger;
  }

  /** The same baselines, recording their trainings as asked for by {@code other}. */
  public RecordedBaselines triggeredBy(Trigger other) {
    return new RecordedBaselines(baselines, history, machines, io, events, clock, other);
  }

  @Override
  public CompletionStage<BaselineView> train(
      UUID machineId,
      String energySource,
      Instant start,
      Instant end,
      TrainingSpec spec,
      int minDays) {
    return io.call(() -> begin(machineId, energySource, start, end, spec, minDays, false))
        .thenCompose(
            job -> {
              CompletionStage<BaselineView> training =
                  baselines.train(machineId, energySource, start, end, spec, minDays);
              return job.map(j -> finish(j, training)).orElse(training);
            });
  }

  /**
   * A training started in the background.
   *
   * @param jobId its row in {@code model_training_history}
   * @param training completes as {@link #train} would
   */
  public record Started(UUID jobId, CompletionStage<BaselineView> training) {}

  /**
   * Starts a training as {@link #train} does, unless one is pending or running for the machine
   * already (on any node): then the stage fails with {@link TrainingInProgress}. It completes once
   * the job is recorded, before the training ends.
   */
  public CompletionStage<Started> start(
      UUID machineId,
      String energySource,
      Instant start,
      Instant end,
      TrainingSpec spec,
      int minDays) {
    return io.call(() -> begin(machineId, energySource, start, end, spec, minDays, true))
        .thenApply(
            job -> {
              Job j = job.orElseThrow(BaselineRefused::machineNotFound);
              return new Started(
                  j.id(),
                  finish(j, baselines.train(machineId, energySource, start, end, spec, minDays)));
            });
  }

  /** A job being recorded: its row and the machine's factory, for the events. */
  private record Job(UUID id, UUID machineId, UUID factoryId) {}

  private Optional<Job> begin(
      UUID machineId,
      String energySource,
      Instant start,
      Instant end,
      TrainingSpec spec,
      int minDays,
      boolean exclusive) {
    Optional<MachineRow> machine = machines.byId(machineId);
    if (machine.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> hyper = new LinkedHashMap<>();
    hyper.put("energy_source", energySource);
    hyper.put("drivers", spec.drivers());
    hyper.put("model_type", spec.modelType() == null ? null : spec.modelType().requestName());
    hyper.put("shift_starts", spec.calendar().shiftStarts());
    hyper.put(
        "holidays", spec.calendar().holidays().stream().sorted().map(String::valueOf).toList());
    hyper.put("min_days", minDays);
    var training =
        new TrainingHistoryDao.NewTraining(
            MODEL_TYPE,
            machineId,
            start,
            end,
            hyper,
            trigger.type(),
            trigger.by(),
            trigger.metadata());
    UUID id;
    if (exclusive) {
      TrainingHistoryDao.PendingClaim claim = history.insertPendingIfIdle(training);
      if (!claim.created()) {
        throw new TrainingInProgress(claim.jobId());
      }
      id = claim.jobId();
    } else {
      id = history.insertPending(training);
    }
    Job job = new Job(id, machineId, machine.get().factoryId());
    events.publish(
        new TrainingStarted(
            id, machineId, job.factoryId(), clock.instant(), MODEL_TYPE, trigger.type()));
    history.markRunning(id, RUNNING_PERCENT);
    events.publish(
        new TrainingProgressed(
            id,
            machineId,
            job.factoryId(),
            clock.instant(),
            TrainingHistoryDao.RUNNING,
            RUNNING_PERCENT,
            "training on " + start + " to " + end));
    return Optional.of(job);
  }

  /**
   * Records how the training ended, then completes as the training did: with its model, or with its
   * very failure, so callers see the same refusal as without this wrapper.
   */
  private CompletionStage<BaselineView> finish(Job job, CompletionStage<BaselineView> training) {
    CompletableFuture<BaselineView> result = new CompletableFuture<>();
    training.whenComplete(
        (view, error) ->
            io.call(
                    () -> {
                      record(job, view, error);
                      return null;
                    })
                .whenComplete(
                    (ignored, recordError) -> {
                      if (recordError != null) {
                        log.warn(
                            "training job {} not recorded: {}", job.id(), recordError.getMessage());
                      }
                      if (error != null) {
                        result.completeExceptionally(error);
                      } else {
                        result.complete(view);
                      }
                    }));
    return result;
  }

  private void record(Job job, BaselineView view, Throwable error) {
    if (error == null) {
      Map<String, Object> metrics = new HashMap<>();
      metrics.put("r_squared", view.rSquared());
      metrics.put("adjusted_r_squared", view.adjustedRSquared());
      metrics.put("rmse", view.rmse());
      metrics.put("mae", view.mae());
      metrics.put("cv_rmse", view.cvRmse());
      metrics.put("nmbe", view.nmbe());
      metrics.put("valid", view.validity().valid());
      history.complete(
          job.id(),
          new TrainingHistoryDao.Completed(
              view.id(),
              view.modelVersion(),
              view.trainingSamples(),
              List.copyOf(view.coefficients().keySet()),
              metrics,
              view.rSquared(),
              view.rmse(),
              view.mae()));
      events.publish(
          new TrainingCompleted(
              job.id(),
              job.machineId(),
              job.factoryId(),
              clock.instant(),
              TrainingHistoryDao.COMPLETED,
              view.modelVersion(),
              new TrainingCompleted.Metrics(
                  view.rSquared(), view.rmse(), view.mae(), view.trainingSamples()),
              null));
    } else {
      String message = Failures.reason(error);
      history.fail(job.id(), message);
      events.publish(
          new TrainingCompleted(
              job.id(),
              job.machineId(),
              job.factoryId(),
              clock.instant(),
              TrainingHistoryDao.FAILED,
              null,
              null,
              message));
    }
  }

  @Override
  public CompletionStage<List<BaselineView>> models(UUID machineId, Optional<String> energySource) {
    return baselines.models(machineId, energySource);
  }

  @Override
  public CompletionStage<Optional<BaselineView>> model(UUID id) {
    return baselines.model(id);
  }

  @Override
  public CompletionStage<BaselinePrediction> predict(
      UUID machineId, String energySource, Map<String, Double> features, Instant hour) {
    return baselines.predict(machineId, energySource, features, hour);
  }

  @Override
  public CompletionStage<Optional<SeuTarget>> seu(String name, Optional<String> energySource) {
    return baselines.seu(name, energySource);
  }
}
