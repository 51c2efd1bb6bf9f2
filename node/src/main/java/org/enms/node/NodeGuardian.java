package org.enms.node;

import com.typesafe.config.Config;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RejectDao;
import org.enms.db.RollupRefresher;
import org.enms.db.TimeseriesDao;
import org.enms.http.ApiRoutes;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.enms.http.routes.AnomalyRoutes;
import org.enms.http.routes.BaselineRoutes;
import org.enms.http.routes.HealthRoutes;
import org.enms.http.routes.MachineRoutes;
import org.enms.http.routes.MetricsRoutes;
import org.enms.http.routes.TimeseriesRoutes;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.parse.ReadingValidator;
import org.enms.ingest.stream.IngestMetrics;
import org.enms.ingest.stream.IngestPipeline;
import org.enms.ingest.stream.IngestProgressLog;
import org.enms.ingest.stream.SubscriptionState;
import org.enms.machine.MachineEntity;
import org.enms.machine.MachineEntitySettings;
import org.enms.node.adapters.BlockingIo;
import org.enms.node.adapters.CompleteHours;
import org.enms.node.adapters.DbAnomalyQueries;
import org.enms.node.adapters.DbAnomalyService;
import org.enms.node.adapters.DbBaselines;
import org.enms.node.adapters.DbMachineDirectory;
import org.enms.node.adapters.DbMachineHistory;
import org.enms.node.adapters.DbSeriesQueries;
import org.enms.node.adapters.JdbcReadingStore;
import org.enms.node.adapters.MachineCatalog;
import org.enms.node.adapters.ShardedLiveState;
import org.enms.node.adapters.UnknownMachinePolicy;
import org.enms.node.health.BrokerProbe;
import org.enms.node.health.ClusterProbe;
import org.enms.node.health.DatabaseProbe;
import org.enms.simulator.Simulator;
import org.enms.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's root actor. It only wires: each module gets the ports it uses, periodic jobs are
 * scheduled, and stop tasks are registered with coordinated shutdown. It owns no state.
 */
public final class NodeGuardian {
  private static final Logger log = LoggerFactory.getLogger(NodeGuardian.class);

  private NodeGuardian() {}

  /** {@code catalog}: the machines ingest accepts, loaded before the actor system started. */
  public static Behavior<Void> create(Config config, Database database, MachineCatalog catalog) {
    return Behaviors.setup(
        context -> {
          ActorSystem<?> system = context.getSystem();
          joinSelfUnlessSeeded(system, config);

          BlockingIo io = BlockingIo.of(system);
          PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
          bindJvmMetrics(registry);
          HttpSettings httpSettings = HttpSettings.fromConfig(config);

          MachineEntitySettings machineSettings = MachineEntitySettings.fromConfig(config);
          MachineEntity.init(
              system,
              new DbMachineHistory(database, BlockingIo.of(system, "enms-restore-dispatcher")),
              machineSettings);
          ShardedLiveState live =
              new ShardedLiveState(ClusterSharding.get(system), machineSettings.askTimeout());
          LiveEntityGauge.register(system, registry);

          MachineDao machines = new MachineDao(database);
          Duration machineRefresh = config.getDuration("enms.machine-refresh-interval");
          system
              .scheduler()
              .scheduleWithFixedDelay(
                  machineRefresh,
                  machineRefresh,
                  () -> catalog.refresh(io),
                  system.executionContext());

          schedulePartitionMaintenance(system, io, database);
          RollupRefresher rollups = new RollupRefresher(database);
          scheduleRollups(
              system,
              io,
              rollups,
              config.getDuration("enms.rollup-interval"),
              config.getDuration("enms.rollup-settle"));

          IngestSettings ingestSettings = IngestSettings.fromConfig(config);
          UnknownMachinePolicy unknownMachines = UnknownMachinePolicy.fromConfig(config);
          IngestMetrics ingestMetrics = new IngestMetrics(registry);
          Optional<SubscriptionState> subscriptions = Optional.empty();
          if (ingestSettings.enabled()) {
            IngestPipeline pipeline =
                IngestPipeline.start(
                    system,
                    ingestSettings,
                    new ReadingValidator(
                        RegistryWiring.acceptedMachines(unknownMachines, catalog),
                        ingestSettings.maxFutureSkew(),
                        ingestSettings.maxPastAge(),
                        Clock.systemUTC()),
                    live,
                    new JdbcReadingStore(
                        system,
                        io,
                        new ReadingBatchWriter(database),
                        new RejectDao(database),
                        rollups,
                        RegistryWiring.autoRegistration(unknownMachines, database, catalog)),
                    live,
                    ingestMetrics);
            subscriptions = Optional.of(pipeline.subscriptions());
            IngestProgressLog.start(system, ingestMetrics, ingestSettings.progressInterval());
            CoordinatedShutdown.get(system)
                .addTask(
                    CoordinatedShutdown.PhaseServiceUnbind(),
                    "stop-ingest",
                    () -> {
                      pipeline.stop();
                      return CompletableFuture.completedFuture(Done.getInstance());
                    });
          }

          var directory = new DbMachineDirectory(machines, io);
          // Hourly analyses stop where the roll-ups stop: settle delay plus one refresh interval.
          var completeHours =
              new CompleteHours(
                  Clock.systemUTC(),
                  config
                      .getDuration("enms.rollup-settle")
                      .plus(config.getDuration("enms.rollup-interval"))
                      .plusSeconds(60));
          var routes =
              new ApiRoutes(
                  new HealthRoutes(
                      List.of(
                          new DatabaseProbe(database, io),
                          new BrokerProbe(
                              ingestSettings.brokerUrl(),
                              subscriptions,
                              ingestMetrics,
                              catalog::activeCount,
                              io),
                          new ClusterProbe(Cluster.get(system))),
                      NodeGuardian.class.getPackage().getImplementationVersion() == null
                          ? "dev"
                          : NodeGuardian.class.getPackage().getImplementationVersion()),
                  new MetricsRoutes(registry),
                  new MachineRoutes(
                      directory,
                      live,
                      new DbAnomalyQueries(database, io),
                      httpSettings,
                      Clock.systemUTC()),
                  new TimeseriesRoutes(
                      directory, new DbSeriesQueries(new TimeseriesDao(database), io)),
                  RegistryWiring.routes(
                      database, io, catalog, RegistryChanges.start(system, catalog, io)));
          routes
              .with(new BaselineRoutes(new DbBaselines(database, io, completeHours))::routes)
              .with(
                  new AnomalyRoutes(
                          new DbAnomalyService(database, io, completeHours), Clock.systemUTC())
                      ::routes)
              .with(
                  ImportWiring.routes(
                          config,
                          database,
                          rollups,
                          io,
                          BlockingIo.of(system, "enms-import-dispatcher"),
                          BlockingIo.of(system, "enms-import-writer-dispatcher"))
                      ::routes);
          HttpServer.start(system, httpSettings, routes.routes())
              .exceptionally(
                  e -> {
                    log.error(
                        "API could not bind {}:{}", httpSettings.host(), httpSettings.port(), e);
                    system.terminate();
                    return null;
                  });

          if (config.getBoolean("enms.simulator.enabled")) {
            Simulator simulator = Simulator.start(system, SimulatorSettings.fromConfig(config));
            CoordinatedShutdown.get(system)
                .addTask(
                    CoordinatedShutdown.PhaseServiceStop(), "stop-simulator", simulator::shutdown);
          }
          return Behaviors.empty();
        });
  }

  private static void bindJvmMetrics(PrometheusMeterRegistry registry) {
    new io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmGcMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics().bindTo(registry);
    new io.micrometer.core.instrument.binder.system.ProcessorMetrics().bindTo(registry);
  }

  private static void joinSelfUnlessSeeded(ActorSystem<?> system, Config config) {
    if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
  }

  /** Plain dialect: keep daily partitions ahead of the clock and drop those past retention. */
  private static void schedulePartitionMaintenance(
      ActorSystem<?> system, BlockingIo io, Database database) {
    Duration every = Duration.ofHours(1);
    var settings = database.settings();
    system
        .scheduler()
        .scheduleWithFixedDelay(
            every,
            every,
            () ->
                io.call(
                    () -> {
                      database
                          .partitions()
                          .maintain(
                              java.time.LocalDate.now(java.time.ZoneOffset.UTC),
                              settings.partitionsAheadDays(),
                              settings.retentionDays());
                      return null;
                    }),
            system.executionContext());
  }

  private static void scheduleRollups(
      ActorSystem<?> system,
      BlockingIo io,
      RollupRefresher rollups,
      Duration every,
      Duration settle) {
    // A crash between a commit and its roll-up leaves recent buckets stale; redo the recent past.
    io.call(
        () -> {
          rollups.refreshRecent(Duration.ofHours(3));
          return null;
        });
    system
        .scheduler()
        .scheduleWithFixedDelay(
            every,
            every,
            () -> {
              try {
                rollups.refreshDirtyBefore(
                    RollupHorizon.settledBefore(java.time.Instant.now(), settle));
              } catch (RuntimeException e) {
                log.warn("roll-up refresh failed, will retry: {}", e.getMessage());
              }
            },
            io.executionContext());
  }
}
