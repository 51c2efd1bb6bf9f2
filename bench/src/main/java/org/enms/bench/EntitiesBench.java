package org.enms.bench;

import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.enms.core.reading.EnergyReading;
import org.enms.machine.MachineEntity;
import org.enms.machine.MachineEntitySettings;
import org.enms.machine.MachineHistory;
import org.enms.simulator.load.LoadMachines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench entities}: heap per live machine entity. Starts a one-node cluster with the
 * node's sharding settings, gives each of N machines one reading through its sharded entity ref (so
 * each entity starts, restores and records, as on first ingest), checks they are all alive, then
 * reports the heap retained after full GCs per entity. The history port answers "nothing stored" at
 * once, so no database is needed and the figure is the live state, not query buffers. Sharding's
 * own per-entity bookkeeping is included, as it is part of what a node pays.
 */
@Command(
    name = "entities",
    mixinStandardHelpOptions = true,
    description = "Heap per live machine entity.")
final class EntitiesBench implements Callable<Integer> {
  @Option(names = "--entities", description = "Live entities (default ${DEFAULT-VALUE}).")
  int entities = 100_000;

  @Option(
      names = "--verify",
      description = "Entities asked for their status afterwards (default ${DEFAULT-VALUE}).")
  int verify = 1_000;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    ConfigFactory.invalidateCaches();
    var config =
        ConfigFactory.parseMap(
                Map.of(
                    "pekko.remote.artery.canonical.port", 0,
                    "pekko.coordinated-shutdown.exit-jvm", "off",
                    "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off",
                    "enms.machine.idle-timeout", "1h"))
            .withFallback(ConfigFactory.load())
            .resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "enms-bench", config);
    try {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
      MachineEntity.init(
          system,
          (id, at) -> CompletableFuture.completedFuture(MachineHistory.empty(at.minusSeconds(60))),
          MachineEntitySettings.fromConfig(config));
      var sharding = ClusterSharding.get(system);
      awaitLive(system, sharding, 0, Duration.ofSeconds(10));
      long before = usedAfterGc();
      long started = System.nanoTime();
      Instant now = Instant.now();
      for (int i = 0; i < entities; i++) {
        UUID id = LoadMachines.machineId(i);
        MachineEntity.ref(sharding, id)
            .tell(
                new MachineEntity.RecordReadings(
                    List.of(
                        EnergyReading.electricity(id, now.minusSeconds(5), 10 + i % 91, 0.01))));
        if (i > 0 && i % 20_000 == 0) {
          out.printf("told %,d entities%n", i);
        }
      }
      long live = awaitLive(system, sharding, entities, Duration.ofSeconds(120));
      int verified = verify(sharding, Math.min(verify, entities));
      double seconds = (System.nanoTime() - started) / 1e9;
      long after = usedAfterGc();
      long max = Runtime.getRuntime().maxMemory();
      double perEntity = (after - before) / (double) entities;
      var t =
          new SummaryTable("entities: heap per live MachineEntity")
              .row("entities live / asked and answering", "%,d / %,d", live, verified)
              .row("started in", "%.1f s", seconds)
              .row(
                  "heap used before / after (after full GC)",
                  "%,.1f MB / %,.1f MB",
                  before / 1e6,
                  after / 1e6)
              .row("retained by the entities", "%,.1f MB", (after - before) / 1e6)
              .row("per entity", "%,.0f bytes", perEntity)
              .row("for 100,000 entities", "%,.2f GB", perEntity * 100_000 / 1e9)
              .row("max heap of this JVM", "%,.0f MB", max / 1e6);
      t.print(out);
      return live >= entities ? 0 : 1;
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private long awaitLive(
      ActorSystem<Void> system, ClusterSharding sharding, long expected, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long live = 0;
    long lastPrint = System.nanoTime();
    while (System.nanoTime() < deadline) {
      try {
        ShardRegion.CurrentShardRegionState state =
            AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                    sharding.shardState(),
                    replyTo -> new GetShardRegionState(MachineEntity.ENTITY_KEY, replyTo),
                    Duration.ofSeconds(10),
                    system.scheduler())
                .toCompletableFuture()
                .get();
        live = state.getShards().stream().mapToLong(s -> s.getEntityIds().size()).sum();
        if (live >= expected) {
          return live;
        }
      } catch (java.util.concurrent.ExecutionException e) {
        // the region is still starting
      }
      if (System.nanoTime() - lastPrint > TimeUnit.SECONDS.toNanos(5)) {
        out.printf("%,d entities live%n", live);
        lastPrint = System.nanoTime();
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return live;
  }

  /** Asks a sample of entities for their status: each must report the reading it was given. */
  private int verify(ClusterSharding sharding, int count) throws Exception {
    List<CompletableFuture<MachineEntity.StatusReport>> asks = new ArrayList<>();
    int step = Math.max(1, entities / Math.max(1, count));
    for (int i = 0; i < entities && asks.size() < count; i += step) {
      asks.add(
          MachineEntity.ref(sharding, LoadMachines.machineId(i))
              .<MachineEntity.StatusReport>ask(MachineEntity.GetStatus::new, Duration.ofSeconds(30))
              .toCompletableFuture());
    }
    int ok = 0;
    for (var ask : asks) {
      if (ask.get(60, TimeUnit.SECONDS).lastReadingTime() != null) {
        ok++;
      }
    }
    return ok;
  }

  private static long usedAfterGc() {
    var memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
