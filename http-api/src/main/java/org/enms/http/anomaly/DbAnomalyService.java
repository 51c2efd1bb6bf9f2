package org.enms.http.anomaly;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.CompleteHours;
import org.enms.analytics.baseline.HourlySample;
import org.enms.analytics.baseline.ResidualAnomaly;
import org.enms.analytics.baseline.ResidualAnomalyDetector;
import org.enms.analytics.detect.PeriodIsolationForest;
import org.enms.core.reading.EnergyType;
import org.enms.db.AnomalyDao;
import org.enms.db.AnomalyDao.AnomalyRecord;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.MachineRow;
import org.enms.db.TrainingDataDao;
import org.enms.http.baseline.DbBaselines;
import org.enms.machine.event.AnomalyDetected;
import org.enms.machine.event.AnomalyResolved;
import org.enms.machine.event.EventSink;

/**
 * The API's anomalies over PostgreSQL. Detection takes the period's hours from the roll-ups and
 * judges them against the machine's active electricity baseline ({@link ResidualAnomalyDetector});
 * a machine without one (a fresh plant) gets {@link PeriodIsolationForest} over the same hours.
 * Findings are stored idempotently in {@code anomalies}. Resolving records the resolution and
 * publishes {@code anomaly.resolved}; a hand-entered anomaly publishes {@code anomaly.detected}.
 * Runs on the blocking dispatcher.
 */
public final class DbAnomalyService implements AnomalyService {
  /** Upper bound of findings read back per detection run (more than a year of hours). */
  private static final int READ_BACK_LIMIT = 20_000;

  /** {@code detection_method} of an anomaly entered by hand. */
  static final String MANUAL = "manual";

  private final DbBaselines baselines;
  private final TrainingDataDao history;
  private final AnomalyDao anomalies;
  private final BlockingIo io;
  private final ResidualAnomalyDetector detector = new ResidualAnomalyDetector();
  private final PeriodIsolationForest isolationForest = new PeriodIsolationForest();
  private final MachineDao machines;
  private final EventSink events;
  private final Clock clock;

  private final CompleteHours completeHours;

  /**
   * @param events where {@code anomaly.resolved} and hand-entered {@code anomaly.detected} go
   */
  public DbAnomalyService(
      Database database,
      BlockingIo io,
      CompleteHours completeHours,
      EventSink events,
      Clock clock) {
    this.completeHours = completeHours;
    // Only its lookups are used here: it never trains, so it publishes nothing.
    this.baselines = new DbBaselines(database, io, completeHours, EventSink.NONE);
    this.machines = new MachineDao(database);
    this.events = events;
    this.clock = clock;
    this.history = new TrainingDataDao(database);
    this.anomalies = new AnomalyDao(database);
    this.io = io;
  }

  @Override
  public CompletionStage<DetectionResult> detect(
      UUID machineId, Instant start, Instant end, double contamination, boolean useBaseline) {
    return io.call(
        () -> {
          MachineRow machine = baselines.machine(machineId);
          Optional<BaselineRow> active =
              useBaseline
                  ? baselines.activeIfAny(
                      machine, baselines.electricitySource(EnergyType.ELECTRICITY))
                  : Optional.empty();
          List<HourlySample> hours =
              DbBaselines.samples(history.hourly(machineId, start, completeHours.clamp(end)));
          Run run =
              active
                  .map(a -> againstBaseline(a, hours))
                  .orElseGet(() -> unsupervised(hours, contamination));
          int saved =
              anomalies.insertNew(
                  run.found().stream()
                      .map(
                          a ->
                              new AnomalyDao.NewAnomaly(
                                  machineId,
                                  a.hour(),
                                  a.type(),
                                  a.severity(),
                                  "total_energy_kwh",
                                  a.actualKwh(),
                                  a.expectedKwh(),
                                  a.deviationPercent(),
                                  a.zScore(),
                                  a.method(),
                                  a.confidence(),
                                  run.metadata()))
                      .toList());
          Map<String, AnomalyRecord> stored = new HashMap<>();
          anomalies
              .find(
                  new AnomalyDao.Filter(
                      Optional.of(machineId),
                      Optional.empty(),
                      Optional.of(start),
                      Optional.of(end),
                      Optional.empty(),
                      READ_BACK_LIMIT,
                      false))
              .forEach(
                  r -> stored.put(key(r.detectedAt(), r.anomalyType(), r.detectionMethod()), r));
          List<AnomalyView> views =
              run.found().stream()
                  .map(a -> stored.get(key(a.hour(), a.type(), a.method())))
                  .filter(r -> r != null)
                  .map(DbAnomalyService::view)
                  .toList();
          return new DetectionResult(
              machineId,
              machine.name(),
              start,
              end,
              active.map(BaselineRow::modelVersion).orElse(null),
              run.evaluable(),
              run.found().size(),
              saved,
              run.method(),
              views);
        });
  }

  /** What one method found: its name, the hours it could judge, and the metadata stored. */
  private record Run(String method, int evaluable, List<ResidualAnomaly> found, String metadata) {}

  private Run againstBaseline(BaselineRow active, List<HourlySample> hours) {
    BaselineModel model = DbBaselines.model(active);
    int evaluable = (int) hours.stream().filter(h -> model.expected(h).isPresent()).count();
    String metadata =
        "{\"model_id\": \"" + active.id() + "\", \"model_version\": " + active.modelVersion() + "}";
    return new Run(DetectionResponse.METHOD, evaluable, detector.detect(model, hours), metadata);
  }

  private Run unsupervised(List<HourlySample> hours, double contamination) {
    String metadata =
        "{\"source\": \"batch\", \"contamination\": "
            + contamination
            + ", \"reason\": \"no active baseline: isolation forest over the period's hours\"}";
    return new Run(
        PeriodIsolationForest.METHOD,
        hours.size(),
        isolationForest.detect(hours, contamination),
        metadata);
  }

  @Override
  public CompletionStage<List<AnomalyView>> find(
      Optional<UUID> machineId,
      Optional<String> severity,
      Optional<Instant> from,
      Optional<Instant> to,
      Optional<Boolean> resolved,
      int limit,
      boolean severityFirst) {
    return io.call(
        () ->
            anomalies
                .find(
                    new AnomalyDao.Filter(
                        machineId, severity, from, to, resolved, limit, severityFirst))
                .stream()
                .map(DbAnomalyService::view)
                .toList());
  }

  @Override
  public CompletionStage<Optional<AnomalyView>> resolve(UUID anomalyId, Optional<String> notes) {
    return io.call(
        () -> {
          if (anomalies.byId(anomalyId).isEmpty()) {
            return Optional.<AnomalyView>empty();
          }
          Instant now = clock.instant();
          boolean resolvedNow = anomalies.resolve(anomalyId, now, notes.orElse(null));
          AnomalyRecord resolved = anomalies.byId(anomalyId).orElseThrow();
          if (resolvedNow) {
            events.publish(
                new AnomalyResolved(
                    anomalyId,
                    resolved.machineId(),
                    factoryOf(resolved.machineId()),
                    now,
                    notes.orElse("resolved through the API")));
          }
          return Optional.of(view(resolved));
        });
  }

  @Override
  public CompletionStage<CreatedAnomaly> create(CreationRequest body) {
    return io.call(
        () -> {
          MachineRow machine = baselines.machine(body.machineId());
          Instant at = body.at();
          var inserted =
              anomalies.insertOne(
                  new AnomalyDao.NewAnomaly(
                      machine.id(),
                      at,
                      body.anomalyType(),
                      body.severity(),
                      body.metricName(),
                      body.metricValue(),
                      body.expectedValue(),
                      body.deviationPercent(),
                      null,
                      MANUAL,
                      body.confidenceScore(),
                      "{\"source\": \"manual\"}"),
                  body.isResolved() ? clock.instant() : null);
          if (inserted.isNew()) {
            events.publish(
                new AnomalyDetected(
                    inserted.id(),
                    machine.id(),
                    machine.factoryId(),
                    at,
                    body.anomalyType(),
                    body.severity(),
                    body.metricName(),
                    body.metricValue() == null ? Double.NaN : body.metricValue(),
                    body.expectedValue() == null ? Double.NaN : body.expectedValue(),
                    body.deviationPercent() == null ? Double.NaN : body.deviationPercent(),
                    MANUAL,
                    "entered by hand"));
          }
          return new CreatedAnomaly(
              true,
              inserted.id(),
              machine.name(),
              machine.type(),
              at,
              body.severity(),
              body.anomalyType(),
              inserted.isNew());
        });
  }

  private UUID factoryOf(UUID machineId) {
    return machines.byId(machineId).map(MachineRow::factoryId).orElse(null);
  }

  private static String key(Instant at, String type, String method) {
    return at + "|" + type + "|" + method;
  }

  private static AnomalyView view(AnomalyRecord r) {
    return new AnomalyView(
        r.id(),
        r.machineId(),
        r.machineName(),
        r.machineType(),
        r.detectedAt(),
        r.anomalyType(),
        r.severity(),
        r.metricName(),
        r.metricValue(),
        r.expectedValue(),
        r.deviationPercent(),
        r.deviationStdDev(),
        r.detectionMethod(),
        r.confidenceScore(),
        r.isResolved(),
        r.resolvedAt(),
        r.resolutionNotes());
  }
}
