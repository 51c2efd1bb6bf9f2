package org.enms.http.machines;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.enms.analytics.DayTotals;
import org.enms.machine.MachineEntity;

/** The API's live status of a machine, asked of its entity wherever in the cluster it runs. */
public final class ShardedLiveMachines implements LiveMachines {
  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public ShardedLiveMachines(ClusterSharding sharding, Duration askTimeout) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
  }

  @Override
  public CompletionStage<LiveStatus> status(UUID machineId) {
    return MachineEntity.ref(sharding, machineId)
        .<MachineEntity.StatusReport>ask(MachineEntity.GetStatus::new, askTimeout)
        .thenApply(ShardedLiveMachines::toLiveStatus);
  }

  @Override
  public CompletionStage<LiveExpectation> expected(UUID machineId, Instant at) {
    return MachineEntity.ref(sharding, machineId)
        .<MachineEntity.ExpectedPower>ask(
            replyTo -> new MachineEntity.GetExpected(at, replyTo), askTimeout)
        .thenApply(
            e ->
                new LiveExpectation(
                    e.kw(),
                    e.sigmaKw(),
                    e.method(),
                    e.explanation(),
                    e.baselineType(),
                    e.modelId(),
                    e.modelVersion()));
  }

  private static LiveStatus toLiveStatus(MachineEntity.StatusReport report) {
    DayTotals today = report.today();
    return new LiveStatus(
        report.status().wireName(),
        report.powerKw() == null ? 0.0 : report.powerKw(),
        report.lastReadingTime(),
        today.energyKwh(),
        today.avgPowerKw() == null ? 0.0 : today.avgPowerKw(),
        today.peakPowerKw() == null ? 0.0 : today.peakPowerKw(),
        today.uptimeSeconds() / 3600.0,
        today.productionUnits(),
        today.goodUnits(),
        today.badUnits());
  }
}
