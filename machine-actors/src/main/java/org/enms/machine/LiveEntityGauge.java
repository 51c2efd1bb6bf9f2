package org.enms.machine;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorSystem;

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
    var entities = new LocalMachineEntities(system, Duration.ofSeconds(3));
    system
        .scheduler()
        .scheduleWithFixedDelay(
            EVERY,
            EVERY,
            () -> entities.machineIds().thenAccept(ids -> live.set(ids.size())),
            system.executionContext());
  }
}
