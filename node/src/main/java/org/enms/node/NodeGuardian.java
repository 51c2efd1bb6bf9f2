package org.enms.node;

import com.typesafe.config.Config;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.Join;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.analytics.baseline.CompleteHours;
import org.enms.db.AnomalyDao;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.RollupRefresher;
import org.enms.db.TimeseriesDao;
import org.enms.http.ApiRoutes;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.enms.http.anomaly.AnomalyRoutes;
import org.enms.http.anomaly.DbAnomalyQueries;
import org.enms.http.anomaly.DbAnomalyService;
import org.enms.http.baseline.BaselineRoutes;
import org.enms.http.baseline.DbBaselines;
import org.enms.http.baseline.RecordedBaselines;
import org.enms.http.cache.CacheSettings;
import org.enms.http.cache.ReadCache;
import org.enms.http.cache.RedisLink;
import org.enms.http.cluster.ClusterRoutes;
import org.enms.http.docs.ApiDocsRoutes;
import org.enms.http.events.EventHub;
import org.enms.http.events.EventHubSettings;
import org.enms.http.events.EventRoutes;
import org.enms.http.events.NodeStatsSampler;
import org.enms.http.events.RedisEventRelay;
import org.enms.http.forecast.CachedForecasts;
import org.enms.http.forecast.DbForecasts;
import org.enms.http.forecast.ForecastRoutes;
import org.enms.http.forecast.ForecastSettings;
import org.enms.http.health.BrokerProbe;
import org.enms.http.health.ClusterProbe;
import org.enms.http.health.DatabaseProbe;
import org.enms.http.health.HealthRoutes;
import org.enms.http.health.IngestProbe;
import org.enms.http.health.RedisProbe;
import org.enms.http.health.SchedulerProbe;
import org.enms.http.imports.ImportJobService;
import org.enms.http.imports.ImportRoutes;
import org.enms.http.iso50001.Iso50001Api;
import org.enms.http.kpi.CachedKpis;
import org.enms.http.kpi.DbEnergyCosts;
import org.enms.http.kpi.DbKpis;
import org.enms.http.kpi.IntervalPricing;
import org.enms.http.kpi.KpiHistoryRoutes;
import org.enms.http.kpi.KpiRoutes;
import org.enms.http.kpi.Kpis;
import org.enms.http.machines.DbMachineDirectory;
import org.enms.http.machines.MachineRoutes;
import org.enms.http.machines.ShardedLiveMachines;
import org.enms.http.machines.SharedLiveMachines;
import org.enms.http.metrics.MetricsRoutes;
import org.enms.http.modelperf.ModelPerformanceRoutes;
import org.enms.http.modelperf.ModelPerformanceService;
import org.enms.http.modelperf.ModelPerformanceSettings;
import org.enms.http.page.LivePageRoutes;
import org.enms.http.plant.PlantRoutes;
import org.enms.http.registry.DbRegistry;
import org.enms.http.registry.RegistryRoutes;
import org.enms.http.report.MonthlyReports;
import org.enms.http.report.ReportRoutes;
import org.enms.http.report.ReportSettings;
import org.enms.http.report.StoredReports;
import org.enms.http.scheduler.ClusterScheduler;
import org.enms.http.scheduler.Scheduler;
import org.enms.http.scheduler.SchedulerJobs;
import org.enms.http.scheduler.SchedulerRoutes;
import org.enms.http.scheduler.SchedulerSettings;
import org.enms.http.security.SecurityLayer;
import org.enms.http.security.SecurityProbe;
import org.enms.http.security.SecuritySettings;
import org.enms.http.timeseries.DbSeriesQueries;
import org.enms.http.timeseries.TimeseriesRoutes;
import org.enms.http.voice.InProcessApi;
import org.enms.http.voice.VoiceAssistant;
import org.enms.http.voice.VoiceRoutes;
import org.enms.ingest.Ingest;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.adopt.AdoptionSettings;
import org.enms.ingest.catalog.MachineCatalog;
import org.enms.ingest.catalog.RegistryChanges;
import org.enms.ingest.entity.ShardedMachineEntities;
import org.enms.ingest.importer.ImportSettings;
import org.enms.ingest.stream.IngestMetrics;
import org.enms.ingest.stream.IngestPipeline;
import org.enms.machine.AnomalyWriteMetrics;
import org.enms.machine.DbDetection;
import org.enms.machine.DbMachineHistory;
import org.enms.machine.DetectionPorts;
import org.enms.machine.LiveEntityGauge;
import org.enms.machine.LocalMachineEntities;
import org.enms.machine.MachineEntity;
import org.enms.machine.MachineEntitySettings;
import org.enms.machine.event.EventSink;
import org.enms.simulator.Simulator;
import org.enms.simulator.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's root actor. It only wires: each feature is built from its settings and the ports it
 * uses, in the order a reading travels (entities, database jobs, ingest, API, simulator). It owns
 * no state.
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
          NodeSettings node = NodeSettings.fromConfig(config);
          BlockingIo io = Dispatchers.blockingIo(system, Dispatchers.BLOCKING);
          PrometheusMeterRegistry metrics = prometheus();

          // One event hub per node, before the entities: they publish through it. A newly trained
          // baseline also reaches its machine's entity, once, from the node that published it.
          EventHub hub = EventHub.start(system, EventHubSettings.fromConfig(config));
          ClusterSharding sharding = ClusterSharding.get(system);
          EventSink hubSink = hub.sink();
          // Redis is optional: it shares the read cache between nodes and carries the events to
          // consumers outside EnMS.
          CacheSettings caching = CacheSettings.fromConfig(config);
          Optional<RedisLink> redis =
              caching.redisUri().map(uri -> RedisLink.connect(uri, caching.redisTimeout()));
          redis.ifPresent(
              link ->
                  CoordinatedShutdown.get(system)
                      .addTask(
                          CoordinatedShutdown.PhaseBeforeActorSystemTerminate(),
                          "close-redis",
                          () -> {
                            link.close();
                            return CompletableFuture.completedFuture(Done.getInstance());
                          }));
          Optional<RedisEventRelay> relay =
              redis.map(
                  link ->
                      RedisEventRelay.start(
                          system, link, caching.eventsChannel(), caching.eventsBuffer()));
          ReadCache cache = caching.enabled() ? ReadCache.of(caching, redis) : ReadCache.disabled();
          EventSink events =
              event -> {
                hubSink.publish(event);
                relay.ifPresent(r -> r.publish(event));
                MachineEntity.forwardBaselineEvent(sharding, event);
              };
          MachineEntitySettings entities = MachineEntitySettings.fromConfig(config);
          MachineEntity.init(
              system,
              new DbMachineHistory(database, Dispatchers.blockingIo(system, Dispatchers.RESTORE)),
              new DetectionPorts(
                  new DbDetection(database, io), events, AnomalyWriteMetrics.register(metrics)),
              entities);
          LiveEntityGauge.register(system, metrics);

          IntervalPricing pricing = new IntervalPricing(database);
          RollupRefresher rollups =
              new RollupRefresher(
                  database,
                  (from, to) -> {
                    pricing.refreshed(from, to);
                    cache.changed(from, to);
                  });
          DatabaseJobs.schedule(system, io, database, rollups, node);

          IngestSettings ingestSettings = IngestSettings.fromConfig(config);
          IngestMetrics ingestMetrics = new IngestMetrics(metrics);
          Optional<IngestPipeline> ingest =
              Optional.ofNullable(
                  Ingest.start(
                      system,
                      ingestSettings,
                      AdoptionSettings.fromConfig(config),
                      entities,
                      database,
                      rollups,
                      catalog,
                      io,
                      ingestMetrics));

          HttpSettings http = HttpSettings.fromConfig(config);
          Clock clock = Clock.systemUTC();
          var completeHours = new CompleteHours(clock, node.rollupLag());
          // Every baseline training is recorded in model_training_history, manual or scheduled.
          var baselines =
              new RecordedBaselines(
                  new DbBaselines(database, io, completeHours, events),
                  database,
                  io,
                  events,
                  clock,
                  RecordedBaselines.Trigger.MANUAL_API);
          var anomalies = new DbAnomalyService(database, io, completeHours, events, clock);
          var modelPerformance =
              new ModelPerformanceService(
                  database,
                  io,
                  completeHours,
                  baselines,
                  clock,
                  ModelPerformanceSettings.fromConfig(config));
          SchedulerSettings scheduling = SchedulerSettings.fromConfig(config);
          Scheduler scheduler =
              ClusterScheduler.start(
                  system,
                  scheduling,
                  SchedulerJobs.standard(
                      scheduling,
                      database,
                      io,
                      baselines,
                      anomalies,
                      events,
                      new DbKpis(
                          database, io, new ShardedLiveMachines(sharding, entities.askTimeout())),
                      modelPerformance,
                      clock),
                  clock);
          SecuritySettings security = SecuritySettings.fromConfig(config);
          // Built (and a bad secret or key refused) before anything listens.
          SecurityLayer guard = new SecurityLayer(security).logMode();
          var health =
              new HealthRoutes(
                  List.of(
                      new DatabaseProbe(database, io),
                      new BrokerProbe(
                          ingestSettings.brokerUrl(),
                          ingest.map(IngestPipeline::subscriptions),
                          ingestMetrics,
                          catalog::activeCount,
                          io),
                      new ClusterProbe(Cluster.get(system)),
                      new IngestProbe(ingestMetrics.progress(), ingestSettings.stallAfter()),
                      new SchedulerProbe(scheduler, scheduling.enabled()),
                      new RedisProbe(redis, relay, cache),
                      new SecurityProbe(security)),
                  version());
          var directory = new DbMachineDirectory(new MachineDao(database), io);
          var live = new ShardedLiveMachines(sharding, entities.askTimeout());
          var shared =
              new SharedLiveMachines(live, config.getDuration("enms.http.live-state-max-age"));
          Kpis kpis = new CachedKpis(new DbKpis(database, io, shared), cache);
          var series =
              new DbSeriesQueries(new TimeseriesDao(database, clock, node.rollupLag()), io);
          // This node reloads its catalogue before a registry write is answered; the others as
          // soon as the broadcast reaches them.
          RegistryChanges changes = RegistryChanges.start(system, catalog, io);
          RegistryRoutes registry =
              DbRegistry.routes(
                  database,
                  io,
                  () -> {
                    // A tariff or a machine's registration changes answers of any period.
                    cache.changedEverything();
                    return catalog.refresh(io).thenAccept(active -> changes.publish());
                  },
                  clock);
          ImportSettings imports = ImportSettings.fromConfig(config);
          var importJobs =
              ImportJobService.create(
                  system,
                  imports,
                  database,
                  rollups,
                  new ShardedMachineEntities(ClusterSharding.get(system), entities.askTimeout()),
                  io,
                  Dispatchers.blockingIo(system, Dispatchers.IMPORT),
                  Dispatchers.blockingIo(system, Dispatchers.IMPORT_WRITER));
          var iso50001 = Iso50001Api.of(database, io, clock, cache);
          var routes =
              new ApiRoutes(
                      health,
                      new MetricsRoutes(metrics),
                      new MachineRoutes(
                          directory,
                          live,
                          new DbAnomalyQueries(database, io),
                          new DbEnergyCosts(database, io, http.defaultEnergyRateUsd()),
                          clock),
                      new TimeseriesRoutes(directory, series),
                      registry)
                  .with(new KpiHistoryRoutes(database, io)::routes)
                  .with(
                      PlantRoutes.create(
                              database, io, directory, shared, kpis, series, clock, cache)
                          ::routes)
                  .with(new BaselineRoutes(baselines, iso50001.seuYearTraining())::routes)
                  .with(new AnomalyRoutes(anomalies, clock)::routes)
                  .with(new ModelPerformanceRoutes(modelPerformance)::routes)
                  .with(new SchedulerRoutes(scheduler)::routes)
                  .with(
                      new ClusterRoutes(
                              system.address().toString(),
                              new LocalMachineEntities(system, entities.askTimeout())::machineIds)
                          ::routes)
                  .with(new ImportRoutes(importJobs, imports.maxUploadBytes())::routes)
                  .with(
                      new ForecastRoutes(
                              new CachedForecasts(
                                  DbForecasts.of(database, io, clock, node.rollupLag(), config),
                                  cache,
                                  clock,
                                  ForecastSettings.fromConfig(config).historyDays()))
                          ::routes)
                  .with(new KpiRoutes(kpis, clock)::routes)
                  .with(iso50001::routes);
          ReportSettings reporting = ReportSettings.fromConfig(config);
          var monthlyReports = new MonthlyReports(database, io, kpis, clock, reporting.targets());
          routes.with(
              new ReportRoutes(
                      monthlyReports, new StoredReports(database, io, clock, reporting), clock)
                  ::routes);
          // In the background: the first report would otherwise pay for loading the PDF and
          // chart libraries.
          monthlyReports
              .warmUp()
              .whenComplete(
                  (done, e) -> {
                    if (e != null) {
                      log.warn("Report warm-up failed", e);
                    }
                  });
          var anomalyDao = new AnomalyDao(database);
          var eventRoutes =
              new EventRoutes(
                  system,
                  hub,
                  new NodeStatsSampler(
                      hub,
                      catalog::activeCount,
                      () -> liveEntities(metrics),
                      ingestMetrics::readingsTotal,
                      () -> io.call(anomalyDao::countUnresolved)),
                  clock);
          // The voice assistant reads the API through its own routes, built just below.
          AtomicReference<Route> assembled = new AtomicReference<>();
          var voice =
              new VoiceRoutes(
                  new VoiceAssistant(
                      new InProcessApi(system, assembled::get), ZoneOffset.UTC, clock));
          routes
              .with(eventRoutes::routes)
              .with(voice::routes)
              .withRoot(eventRoutes::rootRoutes)
              .withRoot(LivePageRoutes.fromClasspath()::routes)
              .withRoot(ApiDocsRoutes.fromClasspath()::routes);
          // Without the security layer: the assistant's own caller has passed it already.
          assembled.set(routes.routes());
          routes.secured(guard);
          HttpServer.start(system, http, routes.routes())
              .exceptionally(
                  e -> {
                    log.error("API could not bind {}:{}", http.host(), http.port(), e);
                    system.terminate();
                    return null;
                  });

          if (node.simulatorEnabled()) {
            Simulator simulator = Simulator.start(system, SimulatorSettings.fromConfig(config));
            CoordinatedShutdown.get(system)
                .addTask(
                    CoordinatedShutdown.PhaseServiceStop(), "stop-simulator", simulator::shutdown);
          }
          return Behaviors.empty();
        });
  }

  /** The live-entity gauge's last sample (it is sampled every few seconds, never asked here). */
  private static long liveEntities(PrometheusMeterRegistry metrics) {
    var gauge = metrics.find("enms.machine.entities.live").gauge();
    return gauge == null ? 0 : (long) gauge.value();
  }

  private static PrometheusMeterRegistry prometheus() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    return registry;
  }

  private static String version() {
    String version = NodeGuardian.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private static void joinSelfUnlessSeeded(ActorSystem<?> system, Config config) {
    if (config.getStringList("pekko.cluster.seed-nodes").isEmpty()) {
      Cluster cluster = Cluster.get(system);
      cluster.manager().tell(Join.create(cluster.selfMember().address()));
    }
  }
}
