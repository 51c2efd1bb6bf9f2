package org.enms.machine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;

/**
 * {@code enms_machine_entities_live}: machine entities alive on this node, sampled from the shard
 * region every few seconds (a scrape must not wait on an ask).
 */
public final class LiveEntityGauge {
  private static final Duration EVERY = Duration.ofSeconds(5);

  private LiveEntityGauge() {}

  public static void register(ActorSystem<?> system, MeterRegistry registry) {
    AtomicLong live = new AtomicLong();
    Gauge.builder("enms.machine.entities.live", live, AtomicLong::get)
        .description("machine entities alive on this node")
        .register(registry);
    var sharding = ClusterSharding.get(system);
    system
        .scheduler()
        .scheduleWithFixedDelay(
            EVERY,
            EVERY,
            () ->
                AskPattern
                    .<org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery,
                        ShardRegion.CurrentShardRegionState>
                        ask(
                            sharding.shardState(),
                            replyTo -> new GetShardRegionState(MachineEntity.ENTITY_KEY, replyTo),
                            Duration.ofSeconds(3),
                            system.scheduler())
                    .thenAccept(
                        state ->
                            live.set(
                                state.getShards().stream()
                                    .mapToLong(s -> s.getEntityIds().size())
                                    .sum())),
            system.executionContext());
  }
}
