package org.enms.bench;

import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.ServerBinding;
import org.apache.pekko.http.javadsl.server.Directives;
import org.enms.core.plant.DemoPlant;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.db.MachineDao;
import org.enms.db.RollupRefresher;
import org.enms.db.TimeseriesDao;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.enms.http.cache.CacheSettings;
import org.enms.http.cache.ReadCache;
import org.enms.http.error.ErrorHandling;
import org.enms.http.kpi.DbKpis;
import org.enms.http.kpi.IntervalPricing;
import org.enms.http.machines.DbMachineDirectory;
import org.enms.http.machines.LiveMachines;
import org.enms.http.machines.LiveStatus;
import org.enms.http.plant.PlantRoutes;
import org.enms.http.timeseries.DbSeriesQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench factory-summary}: {@code GET /factory/summary} for a factory of many
 * machines. Adds {@code --machines} machines to the demo plant's Silicon Valley factory, writes a
 * reading per machine every 15 minutes from {@code --days} days before today (within this month,
 * UTC) to now, rolls them up and prices them, then asks {@code /factory/summary} over HTTP on
 * loopback, one request at a time, and prints the latency percentiles. Machine states come from a
 * stub that answers at once: what is measured is the database and the HTTP layer, not the asks to
 * live entities.
 */
@Command(
    name = "factory-summary",
    mixinStandardHelpOptions = true,
    description = "GET /factory/summary for a factory of many machines: latency percentiles.")
final class FactorySummaryBench implements java.util.concurrent.Callable<Integer> {
  @Option(names = "--machines", description = "Machines added (default ${DEFAULT-VALUE}).")
  int machines = 1_000;

  @Option(
      names = "--end-of-day",
      description =
          "Answer as at 23:59 UTC yesterday, with a whole day of today's intervals: the heaviest"
              + " moment of the day for this endpoint (default: now, whose 'today' may be short).")
  boolean endOfDay;

  @Option(
      names = "--days",
      description = "Days of history before today, within this month (default ${DEFAULT-VALUE}).")
  int days = 1;

  @Option(names = "--requests", description = "Timed requests (default ${DEFAULT-VALUE}).")
  int requests = 500;

  @Option(names = "--warm-up", description = "Untimed requests first (default ${DEFAULT-VALUE}).")
  int warmUp = 50;

  @Option(
      names = "--cache",
      description =
          "Through the node's in-process read cache: no interval is priced while the bench runs,"
              + " so this times the answers between two roll-up refreshes (default: every request"
              + " reads the database).")
  boolean cache;

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

  private static final String DATABASE = "enms_factory_bench";

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    db.recreate(DATABASE);
    Map<String, Object> o = new HashMap<>();
    db.putInto(o, DATABASE);
    o.put("enms.db.pool-size", 4);
    o.put("enms.db.retention-days", 100_000);
    var settings =
        DbSettings.fromConfig(ConfigFactory.parseMap(o).withFallback(ConfigFactory.load()));
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try (Database database = Database.start(settings)) {
      new PlantApplier(database).apply(DemoPlantSpec.get());
      var history = new BenchHistory(database, out);
      List<UUID> ids =
          history.addMachines(
              DemoPlant.DEMO_FACTORY, "factory-summary-bench-", "Load-%05d", machines);
      Instant now =
          endOfDay ? Instant.now().truncatedTo(ChronoUnit.DAYS).minusSeconds(60) : Instant.now();
      Instant monthStart =
          now.atZone(java.time.ZoneOffset.UTC)
              .withDayOfMonth(1)
              .truncatedTo(ChronoUnit.DAYS)
              .toInstant();
      Instant first = now.truncatedTo(ChronoUnit.DAYS).minus(Duration.ofDays(days));
      if (first.isBefore(monthStart)) {
        first = monthStart;
      }
      long t0 = System.nanoTime();
      long written = history.write(machines + " machines", ids, first, now, Duration.ofMinutes(15));
      double writeSeconds = (System.nanoTime() - t0) / 1e9;
      long t1 = System.nanoTime();
      new RollupRefresher(database).refresh(first, now);
      double rollupSeconds = (System.nanoTime() - t1) / 1e9;
      long t2 = System.nanoTime();
      int priced = new IntervalPricing(database).price(first, now, Optional.empty(), false);
      double pricingSeconds = (System.nanoTime() - t2) / 1e9;
      database.jdbi().useHandle(h -> h.execute("ANALYZE"));

      LatencyHistogram api = measure(database, new BlockingIo(executor), now);
      new SummaryTable("factory-summary: GET /factory/summary, " + machines + " machines")
          .row(
              "readings written",
              "%,d (every 15 min since %s) in %.1f s",
              written,
              first,
              writeSeconds)
          .row("roll-ups", "%.1f s", rollupSeconds)
          .row("pricing", "%.1f s, %,d intervals", pricingSeconds, priced)
          .row("answered as at", "%s%s", now, endOfDay ? " (--end-of-day)" : "")
          .row(
              "requests",
              "%,d timed after %,d warm-up, one at a time, %s",
              requests,
              warmUp,
              cache ? "read cache on" : "no read cache")
          .row("GET /factory/summary", api.percentiles())
          .print(out);
      return 0;
    } finally {
      executor.shutdown();
    }
  }

  private LatencyHistogram measure(Database database, BlockingIo io, Instant now) throws Exception {
    ConfigFactory.invalidateCaches();
    var config =
        ConfigFactory.parseMap(
                Map.of(
                    "pekko.remote.artery.canonical.port", 0,
                    "pekko.coordinated-shutdown.exit-jvm", "off",
                    "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off"))
            .withFallback(ConfigFactory.load())
            .resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "enms-summary-bench", config);
    try {
      Clock clock = endOfDay ? Clock.fixed(now, java.time.ZoneOffset.UTC) : Clock.systemUTC();
      LiveMachines live =
          id ->
              CompletableFuture.completedFuture(
                  new LiveStatus("running", 20, clock.instant(), 0, 0, 0, 0, 0, 0, 0));
      var directory = new DbMachineDirectory(new MachineDao(database), io);
      var plant =
          PlantRoutes.create(
              database,
              io,
              directory,
              live,
              new DbKpis(database, io, live),
              new DbSeriesQueries(new TimeseriesDao(database, clock, Duration.ZERO), io),
              clock,
              cache
                  ? ReadCache.of(CacheSettings.fromConfig(config), Optional.empty())
                  : ReadCache.disabled());
      var route =
          new ErrorHandling()
              .wrap(Directives.pathPrefix("api", () -> Directives.pathPrefix("v1", plant::routes)));
      ServerBinding binding =
          HttpServer.start(system, new HttpSettings("127.0.0.1", 0, 0.15), route)
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      URI uri =
          URI.create(
              "http://127.0.0.1:" + binding.localAddress().getPort() + "/api/v1/factory/summary");
      return TimedGets.measure(uri, warmUp, requests, out);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
