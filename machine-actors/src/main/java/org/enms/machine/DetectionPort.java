package org.enms.machine;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.db.AnomalyDao;

/**
 * What a machine entity's live detection needs from storage: its setup on start (machine facts,
 * power history for the profile, active baselines, open anomalies), a freshly trained baseline, and
 * the anomalies it raises and resolves. Implementations must not block the caller (see {@link
 * MachineHistoryPort}); writes must be idempotent, as the entity retries them (see {@link
 * AnomalyRecorder}) and may see a reading twice.
 */
public interface DetectionPort {

  /** No storage: no history, no baselines, writes succeed and vanish (tests, tools). */
  DetectionPort NONE =
      new DetectionPort() {
        @Override
        public CompletionStage<DetectionSetup> load(UUID machineId, Instant now) {
          return CompletableFuture.completedFuture(DetectionSetup.unknown());
        }

        @Override
        public CompletionStage<Optional<ActiveBaseline>> activeBaseline(
            UUID machineId, String energyType) {
          return CompletableFuture.completedFuture(Optional.empty());
        }

        @Override
        public CompletionStage<Boolean> record(UUID anomalyId, AnomalyDao.NewAnomaly anomaly) {
          return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletionStage<Boolean> escalate(UUID anomalyId, AnomalyDao.NewAnomaly anomaly) {
          return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletionStage<Boolean> resolve(UUID anomalyId, Instant at, String notes) {
          return CompletableFuture.completedFuture(true);
        }
      };

  CompletionStage<DetectionSetup> load(UUID machineId, Instant now);

  CompletionStage<Optional<ActiveBaseline>> activeBaseline(UUID machineId, String energyType);

  /** Stores a raised anomaly under {@code anomalyId}; true when it was new. */
  CompletionStage<Boolean> record(UUID anomalyId, AnomalyDao.NewAnomaly anomaly);

  /**
   * Raises the stored severity of an open anomaly to {@code anomaly}'s, with its values (stores it
   * whole if it is missing, e.g. its first write was given up); never lowers it. True when changed.
   */
  CompletionStage<Boolean> escalate(UUID anomalyId, AnomalyDao.NewAnomaly anomaly);

  /** Records the resolution of an anomaly; true when it was open. */
  CompletionStage<Boolean> resolve(UUID anomalyId, Instant at, String notes);

  /**
   * What live detection starts from.
   *
   * @param factoryId null when the machine is not registered
   * @param ratedKw nameplate power, kW; 0 when unknown
   * @param intervalSeconds how often the machine reports
   * @param hours hourly average power of the last weeks per energy type ({@code electricity}, …),
   *     oldest first
   * @param baselines active baseline per energy type ({@code electricity}, …)
   * @param open anomalies this detection raised and has not resolved yet
   */
  record DetectionSetup(
      UUID factoryId,
      double ratedKw,
      int intervalSeconds,
      Map<String, List<org.enms.db.MachineHistoryDao.HourlyPower>> hours,
      Map<String, ActiveBaseline> baselines,
      List<AnomalyDao.OpenAnomaly> open) {
    public DetectionSetup {
      hours = Map.copyOf(hours);
      baselines = Map.copyOf(baselines);
      open = List.copyOf(open);
    }

    public static DetectionSetup unknown() {
      return new DetectionSetup(null, 0, 10, Map.of(), Map.of(), List.of());
    }
  }
}
