package org.enms.bench;

import com.typesafe.config.Config;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.EnergyWritePath;
import org.enms.db.MachineDao;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RejectDao;
import org.enms.db.RollupRefresher;
import org.enms.http.events.EventHub;
import org.enms.http.events.EventHubSettings;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.catalog.MachineCatalog;
import org.enms.ingest.entity.ShardedMachineEntities;
import org.enms.ingest.parse.PayloadParser;
import org.enms.ingest.parse.ReadingValidator;
import org.enms.ingest.store.JdbcReadingStore;
import org.enms.ingest.stream.IngestMetrics;
import org.enms.ingest.stream.MqttReadingSource;
import org.enms.ingest.stream.ParseFlow;
import org.enms.ingest.stream.StoreFlow;
import org.enms.ingest.stream.SubscriptionState;
import org.enms.machine.AnomalyWriteMetrics;
import org.enms.machine.DbDetection;
import org.enms.machine.DbMachineHistory;
import org.enms.machine.DetectionPorts;
import org.enms.machine.MachineEntity;
import org.enms.machine.MachineEntitySettings;

/**
 * The ingest half of a node, wired as {@code NodeGuardian} wires it (same adapters, same stream
 * pieces in the same order, roll-ups refreshed on the same schedule) but with {@link StageProbes}
 * around the ports so each stage can be timed, and the entities' live detection with its storage
 * and event hub. No HTTP API and no simulator: neither is on the path from broker to durable row.
 */
final class BenchNode implements AutoCloseable {
  private final ActorSystem<Void> system;
  private final Database database;
  private final UniqueKillSwitch killSwitch;
  private final CompletionStage<Done> done;
  private final IngestMetrics metrics;
  private final Cancellable rollupSchedule;

  private BenchNode(
      ActorSystem<Void> system,
      Database database,
      UniqueKillSwitch killSwitch,
      CompletionStage<Done> done,
      IngestMetrics metrics,
      Cancellable rollupSchedule) {
    this.system = system;
    this.database = database;
    this.killSwitch = killSwitch;
    this.done = done;
    this.metrics = metrics;
    this.rollupSchedule = rollupSchedule;
  }

  /** Starts against a database that is already migrated and holds the machines to accept. */
  static BenchNode start(
      Config config, Database database, StageProbes probes, EnergyWritePath energyPath) {
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "enms-bench", config);
    Cluster cluster = Cluster.get(system);
    cluster.manager().tell(Join.create(cluster.selfMember().address()));

    BlockingIo io =
        new BlockingIo(
            system.dispatchers().lookup(DispatcherSelector.fromConfig("enms-blocking-dispatcher")));
    // Live detection wired as the node wires it: storage for its setup and anomalies, and a hub
    // for its events (no WebSocket client here, so readings are not published).
    MachineEntity.init(
        system,
        new DbMachineHistory(database, io),
        new DetectionPorts(
            new DbDetection(database, io),
            EventHub.start(system, EventHubSettings.fromConfig(config)).sink(),
            AnomalyWriteMetrics.none()),
        MachineEntitySettings.fromConfig(config));
    var live =
        new ShardedMachineEntities(
            ClusterSharding.get(system), config.getDuration("enms.machine.ask-timeout"));
    var catalog = new MachineCatalog(new MachineDao(database));
    catalog.reload();

    var rollups = new RollupRefresher(database);
    Duration every = config.getDuration("enms.rollup-interval");
    Cancellable rollupSchedule =
        system
            .scheduler()
            .scheduleWithFixedDelay(
                every,
                every,
                () ->
                    io.call(
                        () ->
                            rollups.refreshDirtyBefore(
                                org.enms.db.RollupHorizon.settledBefore(
                                    java.time.Instant.now(),
                                    config.getDuration("enms.rollup-settle")))),
                system.executionContext());

    IngestSettings settings = IngestSettings.fromConfig(config);
    var metrics = new IngestMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
    var validator =
        new ReadingValidator(
            catalog, settings.maxFutureSkew(), settings.maxPastAge(), Clock.systemUTC());
    var parse =
        probes.timedParse(
            ParseFlow.create(
                new PayloadParser(settings.maxPayloadBytes()),
                validator,
                metrics,
                Clock.systemUTC()));
    var store =
        probes.store(
            new JdbcReadingStore(
                system,
                io,
                new ReadingBatchWriter(
                    database, ReadingBatchWriter.DEFAULT_ROWS_PER_STATEMENT, energyPath),
                new RejectDao(database),
                rollups));
    var pair =
        MqttReadingSource.create(settings, parse, new SubscriptionState(settings.connections()))
            .viaMat(KillSwitches.single(), Keep.right())
            .via(StoreFlow.create(settings, store, probes.listener(live), metrics))
            .toMat(Sink.ignore(), Keep.both())
            .run(system);
    return new BenchNode(system, database, pair.first(), pair.second(), metrics, rollupSchedule);
  }

  /** Readings committed so far, counted by the ingest's own store metric. */
  long committedReadings() {
    return metrics.readingsTotal();
  }

  long rejects() {
    return metrics.rejectsTotal();
  }

  ActorSystem<Void> system() {
    return system;
  }

  Database database() {
    return database;
  }

  @Override
  public void close() {
    killSwitch.shutdown();
    rollupSchedule.cancel();
    try {
      done.toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      // already stopping: what is unacknowledged is redelivered to the next subscriber
    }
    system.terminate();
    system.getWhenTerminated().toCompletableFuture().join();
  }
}
