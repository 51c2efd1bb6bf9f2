package org.enms.machine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.enms.core.reading.EnergyReading;

/**
 * Measures the heap one live machine entity costs: its {@link org.enms.analytics.MachineState} plus
 * the actor around it (cell, mailbox, behaviors, idle timer, stash buffer). Sharding's own
 * per-entity bookkeeping is not included. Not a test: run it by hand, e.g. {@code java -Xmx4g -cp
 * <test-classpath> org.enms.machine.MachineEntityFootprint [count]}.
 */
public final class MachineEntityFootprint {

  private MachineEntityFootprint() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    var testKit = ActorTestKit.create("footprint");
    try {
      var now = Instant.parse("2025-03-01T12:00:00Z");
      var clock = Clock.fixed(now, ZoneOffset.UTC);
      var settings = MachineEntitySettings.fromConfig(testKit.system().settings().config());
      MachineHistoryPort port =
          (id, at) -> CompletableFuture.completedFuture(MachineHistory.empty(at.minusSeconds(60)));
      ActorRef<ClusterSharding.ShardCommand> shard =
          testKit.<ClusterSharding.ShardCommand>createTestProbe().ref();
      var replies = testKit.<MachineEntity.StatusReport>createTestProbe();

      long before = usedAfterGc();
      var entities = new ArrayList<ActorRef<MachineEntity.Command>>(count);
      for (int i = 0; i < count; i++) {
        var id = UUID.randomUUID();
        var entity =
            testKit.spawn(MachineEntity.create(id, shard, port, settings, clock), id.toString());
        entity.tell(
            new MachineEntity.RecordReadings(
                List.of(EnergyReading.electricity(id, now.minusSeconds(5), 12.0 + i % 5, 0.02))));
        entity.tell(new MachineEntity.GetStatus(replies.ref()));
        entities.add(entity);
      }
      for (int i = 0; i < count; i++) {
        replies.receiveMessage(Duration.ofSeconds(30));
      }
      long after = usedAfterGc();
      System.out.printf(
          "%d machine entities: %.1f MB retained, %.0f bytes per entity%n",
          count, (after - before) / 1e6, (after - before) / (double) count);
      System.out.println("entities alive: " + entities.size());
    } finally {
      testKit.shutdownTestKit();
    }
  }

  private static long usedAfterGc() {
    var runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
