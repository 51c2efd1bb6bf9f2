package org.enms.bench;

import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.enms.db.RollupRefresher;
import org.enms.db.kpi.KpiDao;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.enms.db.registry.TariffDao;
import org.enms.db.registry.TariffDraft;
import org.enms.http.HttpServer;
import org.enms.http.HttpSettings;
import org.enms.http.error.ErrorHandling;
import org.enms.http.kpi.DbKpis;
import org.enms.http.kpi.IntervalPricing;
import org.enms.http.kpi.KpiRoutes;
import org.enms.http.machines.LiveStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench kpi}: {@code GET /kpi/all} over one year of one machine. Writes a year of
 * Compressor-1 readings (demo plant, its time-of-use tariffs plus a demand charge) into a freshly
 * created database, rolls them up and prices them (timed: what an import of that year costs on top
 * of the roll-ups), then asks {@code /kpi/all} for the whole year over HTTP on loopback, one
 * request at a time, and prints the latency percentiles; the same for the SQL function Grafana
 * reads.
 */
@Command(
    name = "kpi",
    mixinStandardHelpOptions = true,
    description = "GET /kpi/all over one year of one machine: latency percentiles.")
final class KpiBench implements java.util.concurrent.Callable<Integer> {
  private static final String DATABASE = "enms_kpi_bench";
  private static final UUID MACHINE = DemoPlant.machineId(1);
  private static final Instant YEAR = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant YEAR_END = Instant.parse("2026-01-01T00:00:00Z");

  @Option(names = "--requests", description = "Timed requests (default ${DEFAULT-VALUE}).")
  int requests = 1_000;

  @Option(names = "--warm-up", description = "Untimed requests first (default ${DEFAULT-VALUE}).")
  int warmUp = 100;

  @Option(
      names = "--reading-interval",
      converter = DurationConverter.class,
      description = "Between two generated readings (default ${DEFAULT-VALUE}).")
  Duration readingInterval = Duration.ofMinutes(1);

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

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
      addDemandCharge(database);
      long written =
          new BenchHistory(database, out)
              .write("one year", List.of(MACHINE), YEAR, YEAR_END, readingInterval);
      long t0 = System.nanoTime();
      RollupRefresher rollups = new RollupRefresher(database);
      for (Instant m = YEAR; m.isBefore(YEAR_END); m = m.plus(Duration.ofDays(30))) {
        Instant end = earlier(m.plus(Duration.ofDays(30)), YEAR_END);
        rollups.refresh(m, end.minusNanos(1));
        out.printf("rolled up to %s%n", end);
      }
      double rollupSeconds = (System.nanoTime() - t0) / 1e9;
      // What the node's refresh does after each roll-up, here for the whole year at once.
      long t1 = System.nanoTime();
      int priced = new IntervalPricing(database).price(YEAR, YEAR_END, Optional.empty(), false);
      double pricingSeconds = (System.nanoTime() - t1) / 1e9;
      database.jdbi().useHandle(h -> h.execute("ANALYZE"));

      LatencyHistogram api = measureApi(database, new BlockingIo(executor));
      LatencyHistogram sql = measureSql(database);
      new SummaryTable("kpi: GET /kpi/all, one machine, one year")
          .row("readings written", "%,d (every %s)", written, readingInterval)
          .row("roll-ups of the year (1min .. 1day)", "%.1f s", rollupSeconds)
          .row(
              "pricing of the year (15-min costs, daily sums)",
              "%.1f s, %,d intervals",
              pricingSeconds,
              priced)
          .row("requests", "%,d timed after %,d warm-up, one at a time", requests, warmUp)
          .row("GET /kpi/all", api.percentiles())
          .row("SELECT calculate_all_kpis(...)", sql.percentiles())
          .print(out);
      return 0;
    } finally {
      executor.shutdown();
    }
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static void addDemandCharge(Database database) {
    new TariffDao(database)
        .create(
            null,
            DemoPlant.DEMO_FACTORY,
            new TariffDraft(
                "Demand",
                null,
                "electricity",
                TariffDraft.DEMAND_CHARGE,
                0,
                "USD",
                null,
                null,
                null,
                12.0,
                LocalDate.of(2024, 1, 1)),
            false);
  }

  private LatencyHistogram measureApi(Database database, BlockingIo io) throws Exception {
    ConfigFactory.invalidateCaches();
    var config =
        ConfigFactory.parseMap(
                Map.of(
                    "pekko.remote.artery.canonical.port", 0,
                    "pekko.coordinated-shutdown.exit-jvm", "off",
                    "pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off"))
            .withFallback(ConfigFactory.load())
            .resolve();
    ActorSystem<Void> system = ActorSystem.create(Behaviors.empty(), "enms-kpi-bench", config);
    try {
      var kpis =
          new DbKpis(
              database,
              io,
              id ->
                  CompletableFuture.completedFuture(
                      new LiveStatus("stopped", 0, null, 0, 0, 0, 0, 0, 0, 0)));
      var route =
          new ErrorHandling()
              .wrap(
                  Directives.pathPrefix(
                      "api",
                      () ->
                          Directives.pathPrefix(
                              "v1", new KpiRoutes(kpis, Clock.systemUTC())::routes)));
      ServerBinding binding =
          HttpServer.start(system, new HttpSettings("127.0.0.1", 0, 0.15), route)
              .toCompletableFuture()
              .get(10, TimeUnit.SECONDS);
      URI uri =
          URI.create(
              "http://127.0.0.1:"
                  + binding.localAddress().getPort()
                  + "/api/v1/kpi/all?machine_id="
                  + MACHINE
                  + "&start="
                  + YEAR
                  + "&end="
                  + YEAR_END);
      return TimedGets.measure(uri, warmUp, requests, out);
    } finally {
      system.terminate();
      system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private LatencyHistogram measureSql(Database database) {
    var dao = new KpiDao(database);
    var latencies = new LatencyHistogram();
    for (int i = -warmUp; i < requests; i++) {
      long began = System.nanoTime();
      dao.calculateAllKpis(MACHINE, YEAR, YEAR_END, "electricity").orElseThrow();
      if (i >= 0) {
        latencies.record(System.nanoTime() - began);
      }
    }
    return latencies;
  }
}
