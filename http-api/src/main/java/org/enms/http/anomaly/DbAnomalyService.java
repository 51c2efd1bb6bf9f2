package org.enms.http.anomaly;

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
import org.enms.core.reading.EnergyType;
import org.enms.db.AnomalyDao;
import org.enms.db.AnomalyDao.AnomalyRecord;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineRow;
import org.enms.db.TrainingDataDao;
import org.enms.http.baseline.DbBaselines;

/**
 * The API's anomaly detection over PostgreSQL: the period's hours from the roll-ups, judged against
 * the machine's active electricity baseline by {@link ResidualAnomalyDetector}, stored idempotently
 * in {@code anomalies}. Runs on the blocking dispatcher.
 */
public final class DbAnomalyService implements AnomalyService {
  /** Upper bound of findings read back per detection run (more than a year of hours). */
  private static final int READ_BACK_LIMIT = 20_000;

  private final DbBaselines baselines;
  private final TrainingDataDao history;
  private final AnomalyDao anomalies;
  private final BlockingIo io;
  private final ResidualAnomalyDetector detector = new ResidualAnomalyDetector();

  private final CompleteHours completeHours;

  public DbAnomalyService(Database database, BlockingIo io, CompleteHours completeHours) {
    this.completeHours = completeHours;
    this.baselines = new DbBaselines(database, io, completeHours);
    this.history = new TrainingDataDao(database);
    this.anomalies = new AnomalyDao(database);
    this.io = io;
  }

  @Override
  public CompletionStage<DetectionResult> detect(UUID machineId, Instant start, Instant end) {
    return io.call(
        () -> {
          MachineRow machine = baselines.machine(machineId);
          var active =
              baselines.active(machine, baselines.electricitySource(EnergyType.ELECTRICITY));
          BaselineModel model = DbBaselines.model(active);
          List<HourlySample> hours =
              DbBaselines.samples(history.hourly(machineId, start, completeHours.clamp(end)));
          int evaluable = (int) hours.stream().filter(h -> model.expected(h).isPresent()).count();
          List<ResidualAnomaly> found = detector.detect(model, hours);
          String metadata =
              "{\"model_id\": \""
                  + active.id()
                  + "\", \"model_version\": "
                  + active.modelVersion()
                  + "}";
          int saved =
              anomalies.insertNew(
                  found.stream()
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
                                  metadata))
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
              found.stream()
                  .map(a -> stored.get(key(a.hour(), a.type(), a.method())))
                  .filter(r -> r != null)
                  .map(DbAnomalyService::view)
                  .toList();
          return new DetectionResult(
              machineId,
              machine.name(),
              start,
              end,
              active.modelVersion(),
              evaluable,
              found.size(),
              saved,
              views);
        });
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
