package org.enms.machine;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.AnomalyDao;
import org.enms.db.BaselineDao;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.MachineHistoryDao;

/** {@link DetectionPort} over the database; every call runs on {@code io}. */
public final class DbDetection implements DetectionPort {
  /** How much hourly history seeds the profile: the profile keeps six weeks per slot. */
  static final Duration PROFILE_HISTORY = Duration.ofDays(42);

  private final MachineDao machines;
  private final MachineHistoryDao history;
  private final BaselineDao baselines;
  private final AnomalyDao anomalies;
  private final BlockingIo io;

  public DbDetection(Database database, BlockingIo io) {
    this.machines = new MachineDao(database);
    this.history = new MachineHistoryDao(database);
    this.baselines = new BaselineDao(database);
    this.anomalies = new AnomalyDao(database);
    this.io = io;
  }

  @Override
  public CompletionStage<DetectionSetup> load(UUID machineId, Instant now) {
    return io.call(
        () -> {
          var machine = machines.byId(machineId);
          Instant thisHour = now.truncatedTo(ChronoUnit.HOURS);
          Map<String, ActiveBaseline> active = new HashMap<>();
          for (var row : baselines.byMachine(machineId, Optional.empty())) {
            if (row.isActive()) {
              active.put(
                  row.energySource().toLowerCase(java.util.Locale.ROOT),
                  StoredBaselines.active(row));
            }
          }
          return new DetectionSetup(
              machine.map(m -> m.factoryId()).orElse(null),
              machine.map(m -> m.ratedPowerKw()).orElse(0.0),
              machine.map(m -> m.dataIntervalSeconds()).orElse(10),
              history.hourlyPower(machineId, thisHour.minus(PROFILE_HISTORY), thisHour),
              active,
              anomalies.openLive(machineId));
        });
  }

  @Override
  public CompletionStage<Optional<ActiveBaseline>> activeBaseline(
      UUID machineId, String energyType) {
    return io.call(
        () ->
            baselines
                .energySourceId(energyType)
                .flatMap(source -> baselines.active(machineId, source))
                .map(StoredBaselines::active));
  }

  @Override
  public CompletionStage<Boolean> record(UUID anomalyId, AnomalyDao.NewAnomaly anomaly) {
    return io.call(() -> anomalies.insertLive(anomalyId, anomaly));
  }

  @Override
  public CompletionStage<Boolean> escalate(UUID anomalyId, AnomalyDao.NewAnomaly anomaly) {
    return io.call(
        () ->
            anomalies.insertLive(anomalyId, anomaly) || anomalies.escalateLive(anomalyId, anomaly));
  }

  @Override
  public CompletionStage<Boolean> resolve(UUID anomalyId, Instant at, String notes) {
    return io.call(() -> anomalies.resolve(anomalyId, at, notes));
  }
}
