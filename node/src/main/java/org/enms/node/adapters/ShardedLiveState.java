package org.enms.node.adapters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.enms.analytics.DayTotals;
import org.enms.core.reading.Reading;
import org.enms.http.port.LiveMachines;
import org.enms.http.port.LiveStatus;
import org.enms.ingest.port.LiveStateListener;
import org.enms.machine.MachineEntity;

/**
 * Both edges of the machine entities: ingest tells them stored readings (one message per machine
 * per batch), the API asks them for live status with a timeout from configuration.
 */
public final class ShardedLiveState implements LiveStateListener, LiveMachines {
  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public ShardedLiveState(ClusterSharding sharding, Duration askTimeout) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
  }

  @Override
  public void readingsStored(List<Reading> readings) {
    Map<UUID, List<Reading>> byMachine = new HashMap<>();
    for (Reading r : readings) {
      byMachine.computeIfAbsent(r.machineId(), id -> new ArrayList<>()).add(r);
    }
    byMachine.forEach(
        (machine, list) ->
            MachineEntity.ref(sharding, machine).tell(new MachineEntity.RecordReadings(list)));
  }

  @Override
  public CompletionStage<LiveStatus> status(UUID machineId) {
    return MachineEntity.ref(sharding, machineId)
        .<MachineEntity.StatusReport>ask(MachineEntity.GetStatus::new, askTimeout)
        .thenApply(ShardedLiveState::toLiveStatus);
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
