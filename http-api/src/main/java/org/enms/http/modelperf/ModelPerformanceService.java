package org.enms.http.modelperf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.CompleteHours;
import org.enms.analytics.baseline.HourlySample;
import org.enms.analytics.performance.AccuracyTrend;
import org.enms.analytics.performance.Drift;
import org.enms.analytics.performance.HeadToHead;
import org.enms.analytics.performance.ModelAccuracy;
import org.enms.analytics.performance.TrainingFit;
import org.enms.analytics.performance.WindowEvaluation;
import org.enms.core.reading.EnergyType;
import org.enms.db.BaselineDao;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineRow;
import org.enms.db.ModelPerformanceDao;
import org.enms.db.ModelPerformanceDao.EvaluationRow;
import org.enms.db.TrainingDataDao;
import org.enms.http.baseline.DbBaselines;
import org.enms.http.baseline.RecordedBaselines;
import org.enms.http.baseline.Retraining;
import org.enms.http.baseline.TrainingInProgress;
import org.enms.http.error.ApiException;
import org.enms.machine.event.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model performance over time, computed: a machine's electricity baseline is evaluated against the
 * roll-ups of a recent window (R², RMSE, MAE, MAPE, bias, completeness), judged for drift against
 * its own training fit ({@link org.enms.analytics.performance.DriftRule}), stored in {@code
 * model_performance_metrics} with a {@code model_alerts} row on drift, and retrained through the
 * same recorded training as {@code POST /baseline/train}. The original's retrain was a mock that
 * slept and wrote made-up metrics. All database work runs on the blocking dispatcher.
 */
public final class ModelPerformanceService {
  private static final Logger log = LoggerFactory.getLogger(ModelPerformanceService.class);

  /** The only model type with stored models to evaluate: the energy baseline. */
  public static final String MODEL_TYPE = RecordedBaselines.MODEL_TYPE;

  static final String DRIFT_ALERT = "drift_detected";

  private final DbBaselines baselines;
  private final BaselineDao models;
  private final TrainingDataDao history;
  private final ModelPerformanceDao performance;
  private final RecordedBaselines training;
  private final CompleteHours completeHours;
  private final BlockingIo io;
  private final Clock clock;
  private final ModelPerformanceSettings settings;

  public ModelPerformanceService(
      Database database,
      BlockingIo io,
      CompleteHours completeHours,
      RecordedBaselines training,
      Clock clock,
      ModelPerformanceSettings settings) {
    // Only its lookups are used: it never trains here, so it publishes nothing.
    this.baselines = new DbBaselines(database, io, completeHours, EventSink.NONE);
    this.models = new BaselineDao(database);
    this.history = new TrainingDataDao(database);
    this.performance = new ModelPerformanceDao(database);
    this.training = training;
    this.completeHours = completeHours;
    this.io = io;
    this.clock = clock;
    this.settings = settings;
  }

  /** Evaluates and stores; a drift raises an alert. {@code createdBy}: api or scheduler. */
  public CompletionStage<RecordResponse> record(
      UUID machineId,
      Optional<UUID> modelId,
      Optional<Instant> start,
      Optional<Instant> end,
      Map<String, Object> reported,
      String createdBy) {
    return io.call(
        () -> {
          Evaluation e = evaluate(machineId, modelId, start, end);
          return store(e, reported, createdBy);
        });
  }

  /** Evaluates the recent window without storing anything. */
  public CompletionStage<DriftCheckResponse> check(UUID machineId, Optional<UUID> modelId) {
    return io.call(
        () -> {
          Evaluation e = evaluate(machineId, modelId, Optional.empty(), Optional.empty());
          Drift d = e.drift();
          return new DriftCheckResponse(
              d.detected(),
              round4(d.score()),
              d.type().code(),
              d.recommendation().code(),
              d.advice(),
              d.threshold(),
              Performance.of(e.accuracy()),
              Performance.of(e.fit(), e.model().trainingSamples()),
              e.model().id(),
              e.model().modelVersion(),
              machineId,
              e.start(),
              e.end(),
              e.window().dataCompleteness());
        });
  }

  /** The machine's evaluations of the last {@code days} days and their R² trend. */
  public CompletionStage<TrendResponse> trend(UUID machineId, String modelType, int days) {
    return io.call(
        () -> {
          MachineRow machine = baselines.machine(machineId);
          List<EvaluationRow> rows =
              performance.since(machineId, modelType, clock.instant().minus(Duration.ofDays(days)));
          if (rows.isEmpty()) {
            throw ApiException.notFound("No metrics found for this period");
          }
          AccuracyTrend trend =
              AccuracyTrend.of(
                  rows.stream()
                      .map(r -> new AccuracyTrend.Point(r.evaluationDate(), r.rSquared()))
                      .toList());
          return new TrendResponse(
              modelType,
              machineId,
              machine.name(),
              rows.stream().map(TrendResponse.Metric::of).toList(),
              trend.direction(),
              round4(trend.degradationRate()));
        });
  }

  public CompletionStage<List<AlertView>> activeAlerts(
      Optional<UUID> machineId, Optional<String> modelType, Optional<String> severity) {
    return io.call(
        () ->
            performance.activeAlerts(machineId, modelType, severity).stream()
                .map(AlertView::of)
                .toList());
  }

  /**
   * Retrains the machine's active baseline on the last {@code retrain-days} days, as the same kind
   * of model with the same drivers, recorded as a training job with {@code triggerType}. Fails with
   * 409 while a training of the machine is pending or running. When the new model is stored, the
   * machine's drift alerts on older models are resolved.
   */
  public CompletionStage<RetrainResponse> retrain(
      UUID machineId, String triggerType, String reason) {
    Instant now = clock.instant();
    Instant end = completeHours.clamp(now).truncatedTo(ChronoUnit.HOURS);
    Instant start = end.minus(Duration.ofDays(settings.retrainDays()));
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("reason", reason);
    metadata.put("via", "model-performance");
    RecordedBaselines triggered =
        training.triggeredBy(new RecordedBaselines.Trigger(triggerType, "api", metadata));
    return io.call(
            () -> {
              MachineRow machine = baselines.machine(machineId);
              return baselines.active(machine, baselines.electricitySource(EnergyType.ELECTRICITY));
            })
        .thenCompose(
            active ->
                triggered
                    .start(
                        machineId,
                        active.energySource(),
                        start,
                        end,
                        Retraining.specOf(active),
                        settings.retrainMinDays())
                    .thenApply(
                        started -> {
                          started
                              .training()
                              .thenAccept(view -> resolveSuperseded(machineId, view.id()));
                          return new RetrainResponse(
                              true,
                              triggerType,
                              reason,
                              started.jobId(),
                              now.plus(settings.estimatedTraining()),
                              MODEL_TYPE,
                              machineId,
                              active.id(),
                              active.modelVersion(),
                              start,
                              end);
                        }))
        .exceptionally(
            e -> {
              Throwable cause =
                  e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
              if (cause instanceof TrainingInProgress busy) {
                throw new ApiException(StatusCodes.CONFLICT, busy.getMessage());
              }
              throw e instanceof CompletionException c ? c : new CompletionException(e);
            });
  }

  private void resolveSuperseded(UUID machineId, UUID model) {
    io.call(
            () ->
                performance.resolveSuperseded(
                    machineId, MODEL_TYPE, model, "retrained", "api", clock.instant()))
        .whenComplete(
            (n, e) -> {
              if (e != null) {
                log.warn("drift alerts of {} not resolved: {}", machineId, e.getMessage());
              }
            });
  }

  /** The active electricity baseline of every machine that has one, for the scheduled job. */
  public CompletionStage<List<BaselineRow>> activeModels() {
    return io.call(
        () ->
            models.allActive().stream()
                .filter(m -> EnergyType.ELECTRICITY.equals(m.energySource()))
                .toList());
  }

  /**
   * Starts an A/B test of two models of the machine over {@code [start, start + duration)}; {@code
   * start} defaults to now (a start in the past compares the models on history at once).
   */
  public CompletionStage<AbTestStarted> startAbTest(
      String testName,
      UUID machineId,
      UUID modelA,
      UUID modelB,
      Duration duration,
      Optional<Instant> start) {
    return io.call(
        () -> {
          MachineRow machine = baselines.machine(machineId);
          BaselineRow a = modelOf(machine, modelA);
          BaselineRow b = modelOf(machine, modelB);
          if (a.id().equals(b.id())) {
            throw ApiException.badRequest("model_a_id and model_b_id must be different models");
          }
          Instant from = start.orElse(clock.instant());
          Instant to = from.plus(duration);
          UUID id =
              performance.insertAbTest(
                  new ModelPerformanceDao.NewAbTest(
                      testName,
                      MODEL_TYPE,
                      machineId,
                      a.id(),
                      a.modelVersion(),
                      b.id(),
                      b.modelVersion(),
                      from,
                      to,
                      "api"));
          return new AbTestStarted(
              id,
              "running",
              to,
              "A/B test started. Both models are judged on the same hours until " + to + ".",
              from,
              a.modelVersion(),
              b.modelVersion());
        });
  }

  /** Both models of the test judged on the hours of its window so far. */
  public CompletionStage<AbTestResults> abTestResults(UUID testId) {
    return io.call(
        () -> {
          ModelPerformanceDao.NewAbTest t =
              performance
                  .abTest(testId)
                  .orElseThrow(() -> ApiException.notFound("A/B test not found"))
                  .test();
          BaselineModel a = DbBaselines.model(modelRow(t.modelAId()));
          BaselineModel b = DbBaselines.model(modelRow(t.modelBId()));
          Instant now = clock.instant();
          Instant end = completeHours.clamp(t.end().isBefore(now) ? t.end() : now);
          List<HeadToHead.Hour> hours = new ArrayList<>();
          if (end.isAfter(t.start())) {
            for (HourlySample h :
                DbBaselines.samples(history.hourly(t.machineId(), t.start(), end))) {
              Optional<Double> ea = a.expected(h);
              Optional<Double> eb = b.expected(h);
              if (ea.isPresent() && eb.isPresent()) {
                hours.add(new HeadToHead.Hour(h.hour(), h.energyKwh(), ea.get(), eb.get()));
              }
            }
          }
          HeadToHead r = HeadToHead.of(hours);
          return new AbTestResults(
              testId,
              t.testName(),
              t.modelAVersion(),
              t.modelBVersion(),
              r.winner(),
              round4(r.confidence()),
              r.a() == null ? null : Performance.of(r.a()),
              r.b() == null ? null : Performance.of(r.b()),
              r.recommendation(),
              now.isBefore(t.end()) ? "running" : "completed",
              r.pValue(),
              r.days(),
              t.start(),
              end.isAfter(t.start()) ? end : t.start());
        });
  }

  private BaselineRow modelRow(UUID id) {
    return models.byId(id).orElseThrow(() -> ApiException.notFound("Model not found"));
  }

  /** The model {@code id}, which must be one of {@code machine}'s. */
  private BaselineRow modelOf(MachineRow machine, UUID id) {
    BaselineRow model = modelRow(id);
    if (!model.machineId().equals(machine.id())) {
      throw ApiException.badRequest(
          "Model " + model.id() + " belongs to " + model.machineName() + ", not " + machine.name());
    }
    return model;
  }

  private Evaluation evaluate(
      UUID machineId, Optional<UUID> modelId, Optional<Instant> start, Optional<Instant> end) {
    MachineRow machine = baselines.machine(machineId);
    BaselineRow model =
        modelId.isPresent()
            ? modelOf(machine, modelId.get())
            : baselines.active(machine, baselines.electricitySource(EnergyType.ELECTRICITY));
    Instant requestedEnd = end.orElse(clock.instant());
    Instant from = start.orElse(requestedEnd.minus(settings.window()));
    if (!requestedEnd.isAfter(from)) {
      throw ApiException.badRequest("evaluation_end must be after evaluation_start");
    }
    Instant to = completeHours.clamp(requestedEnd);
    int hoursInWindow = hoursStartingIn(from, to);
    if (hoursInWindow == 0) {
      throw ApiException.badRequest(
          "The window " + from + " to " + requestedEnd + " holds no complete hour yet");
    }
    WindowEvaluation window =
        WindowEvaluation.of(
            DbBaselines.model(model),
            DbBaselines.samples(history.hourly(machineId, from, to)),
            hoursInWindow);
    ModelAccuracy accuracy =
        window
            .accuracy()
            .orElseThrow(
                () ->
                    new ApiException(
                        StatusCodes.UNPROCESSABLE_ENTITY,
                        "No hour between "
                            + from
                            + " and "
                            + to
                            + " has the data "
                            + machine.name()
                            + "'s baseline needs"));
    TrainingFit fit = new TrainingFit(model.rSquared(), model.rmse(), model.mae());
    return new Evaluation(
        machine, model, from, to, window, accuracy, fit, settings.rule().assess(accuracy, fit));
  }

  /** Hours whose start lies in {@code [from, to)}. */
  static int hoursStartingIn(Instant from, Instant to) {
    Instant first = from.truncatedTo(ChronoUnit.HOURS);
    if (first.isBefore(from)) {
      first = first.plus(Duration.ofHours(1));
    }
    if (!to.isAfter(first)) {
      return 0;
    }
    long seconds = Duration.between(first, to).getSeconds();
    return (int) ((seconds + 3599) / 3600);
  }

  private RecordResponse store(Evaluation e, Map<String, Object> reported, String createdBy) {
    ModelAccuracy a = e.accuracy();
    Drift d = e.drift();
    BaselineRow model = e.model();
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("r_squared", a.rSquared());
    metrics.put("rmse", a.rmse());
    metrics.put("mae", a.mae());
    metrics.put("mape", a.mape());
    metrics.put("bias_kwh", a.biasKwh());
    metrics.put("mean_actual_kwh", a.meanActualKwh());
    metrics.put("hours_in_window", e.window().hoursInWindow());
    metrics.put("training_r_squared", e.fit().rSquared());
    metrics.put("training_rmse", e.fit().rmse());
    if (!reported.isEmpty()) {
      // What a client sent, as the original stored it; the figures above are EnMS's own.
      metrics.put("reported", reported);
    }
    Instant now = clock.instant();
    UUID metricId =
        performance.insert(
            new ModelPerformanceDao.NewEvaluation(
                model.id(),
                MODEL_TYPE,
                model.machineId(),
                model.modelVersion(),
                now,
                e.start(),
                e.end(),
                a.sampleCount(),
                metrics,
                a.rSquared(),
                a.rmse(),
                a.mae(),
                a.mape(),
                d.detected(),
                d.score(),
                d.threshold(),
                d.type().code(),
                d.recommendation().code(),
                e.window().dataCompleteness(),
                e.window().outlierPercent(),
                d.advice(),
                createdBy));
    UUID alertId = d.detected() ? raiseAlert(e, metricId, now) : null;
    return new RecordResponse(
        metricId,
        d.detected(),
        round4(d.score()),
        d.recommendation().code(),
        d.type().code(),
        d.threshold(),
        d.advice(),
        model.id(),
        MODEL_TYPE,
        model.modelVersion(),
        model.machineId(),
        e.machine().name(),
        e.start(),
        e.end(),
        a.sampleCount(),
        e.window().dataCompleteness(),
        a.rSquared(),
        a.rmse(),
        a.mae(),
        a.mape(),
        a.biasKwh(),
        e.window().outlierPercent(),
        Performance.of(a),
        Performance.of(e.fit(), model.trainingSamples()),
        alertId);
  }

  /** A warning, critical when the score is twice the threshold or more. */
  private UUID raiseAlert(Evaluation e, UUID metricId, Instant now) {
    Drift d = e.drift();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("drift_type", d.type().code());
    details.put("r_squared", e.accuracy().rSquared());
    details.put("rmse", e.accuracy().rmse());
    details.put("bias_kwh", e.accuracy().biasKwh());
    details.put("training_r_squared", e.fit().rSquared());
    details.put("training_rmse", e.fit().rmse());
    details.put("evaluation_start", e.start().toString());
    details.put("evaluation_end", e.end().toString());
    return performance.insertAlert(
        new ModelPerformanceDao.NewAlert(
            DRIFT_ALERT,
            d.score() >= 2 * d.threshold() ? "critical" : "warning",
            e.model().id(),
            MODEL_TYPE,
            e.machine().id(),
            e.model().modelVersion(),
            metricId,
            now,
            String.format(
                java.util.Locale.ROOT,
                "Model drift detected (score: %.4f, %s) on %s's baseline v%d; %s",
                d.score(),
                d.type().code(),
                e.machine().name(),
                e.model().modelVersion(),
                d.advice()),
            details,
            d.score(),
            d.threshold(),
            e.fit().rSquared()));
  }

  private static double round4(double v) {
    return Math.round(v * 10_000) / 10_000.0;
  }
}
