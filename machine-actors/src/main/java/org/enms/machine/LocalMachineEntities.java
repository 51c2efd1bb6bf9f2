package org.enms.machine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/** The machine entities alive on this node, as this node's shard region reports them. */
public final class LocalMachineEntities {
  private final ActorSystem<?> system;
  private final Duration timeout;

  public LocalMachineEntities(ActorSystem<?> system, Duration timeout) {
    this.system = system;
    this.timeout = timeout;
  }

  /** The machine ids of the entities alive here, sorted. */
  public CompletionStage<List<String>> machineIds() {
    return AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
            ClusterSharding.get(system).shardState(),
            replyTo -> new GetShardRegionState(MachineEntity.ENTITY_KEY, replyTo),
            timeout,
            system.scheduler())
        .thenApply(
            state ->
                state.getShards().stream()
                    .flatMap(s -> s.getEntityIds().stream())
                    .sorted()
                    .toList());
  }
}
