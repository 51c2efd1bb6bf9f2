package org.enms.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.enms.http.kpi.DbKpis;
import org.enms.http.kpi.IntervalPricing;
import org.enms.http.report.EnpiTargets;
import org.enms.http.report.MonthlyReports;
import org.enms.http.report.ReportRoutes;
import org.enms.http.report.ReportSettings;
import org.enms.http.report.StoredReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench report}: the monthly EnPI report of the demo factory. Writes two months of
 * its six machines' readings (every minute, production every 15 minutes) and 60 anomalies into a
 * freshly created database, rolls them up and prices them, then asks {@code POST /reports/generate}
 * (the whole PDF with both charts) and {@code GET /reports/preview} for the second month over HTTP
 * on loopback, one request at a time, and prints the latency percentiles. The libraries are warmed
 * up first, as the node does at start.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "POST /reports/generate for one month of the demo factory: latency percentiles.")
final class ReportBench implements java.util.concurrent.Callable<Integer> {
  private static final String DATABASE = "enms_report_bench";
  private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
  private static final Instant END = Instant.parse("2025-03-01T00:00:00Z");

  @Option(names = "--requests", description = "Timed requests (default ${DEFAULT-VALUE}).")
  int requests = 20;

  @Option(names = "--warm-up", description = "Untimed requests first (default ${DEFAULT-VALUE}).")
  int warmUp = 3;

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    ExecutorService executor = Executors.newFixedThreadPool(4);
    try (Database database = db.startFresh(DATABASE)) {
      new PlantApplier(database).apply(DemoPlantSpec.get());
      List<Machine> machines =
          DemoPlant.MACHINES.stream()
              .filter(m -> m.factoryId().equals(DemoPlant.DEMO_FACTORY))
              .toList();
      long written = write(database, machines);
      addAnomalies(database, machines);
      long t0 = System.nanoTime();
      RollupRefresher rollups = new RollupRefresher(database);
      for (Instant m = FIRST; m.isBefore(END); m = m.plus(Duration.ofDays(30))) {
        Instant end = m.plus(Duration.ofDays(30)).isBefore(END) ? m.plus(Duration.ofDays(30)) : END;
        rollups.refresh(m, end.minusNanos(1));
      }
      new IntervalPricing(database).price(FIRST, END, Optional.empty(), false);
      double prepareSeconds = (System.nanoTime() - t0) / 1e9;
      database.jdbi().useHandle(h -> h.execute("ANALYZE"));

      Measured m = measure(database, new BlockingIo(executor));
      new SummaryTable("report: monthly EnPI report, demo factory, February 2025")
          .row(
              "readings written",
              "%,d (%d machines, every minute, 2 months)",
              written,
              machines.size())
          .row("roll-ups and pricing of the two months", "%.1f s", prepareSeconds)
          .row("PDF size", "%,d bytes", m.pdfBytes())
          .row("requests", "%,d timed after %,d warm-up, one at a time", requests, warmUp)
          .row("POST /reports/generate (PDF)", m.generate().percentiles())
          .row("GET /reports/preview (JSON)", m.preview().percentiles())
          .print(out);
      return 0;
    } finally {
      executor.shutdown();
    }
  }

  private long write(Database database, List<Machine> machines) {
    var writer = new ReadingBatchWriter(database);
    List<Reading> batch = new ArrayList<>();
    long written = 0;
    for (Instant t = FIRST; t.isBefore(END); t = t.plusSeconds(60)) {
      long s = t.getEpochSecond();
      int hour = (int) (s / 3600 % 24);
      int day = (int) (s / 86_400 % 7);
      boolean shift = day >= 2 && hour >= 6 && hour < 22;
      for (int i = 0; i < machines.size(); i++) {
        Machine machine = machines.get(i);
        double kw = machine.ratedPowerKw() * (shift ? 0.7 : 0.2) + (s / 60 + i) % 7;
        batch.add(EnergyReading.electricity(machine.id(), t, kw, kw / 60.0));
        if (s % 900 == 0) {
          int units = shift ? 40 : 4;
          batch.add(
              new ProductionReading(
                  machine.id(), t, units, units - 1, 1, null, "running", null, null, null));
        }
      }
      if (batch.size() >= 10_000) {
        written += writer.write(batch).inserted();
        batch.clear();
      }
    }
    written += writer.write(batch).inserted();
    out.printf("wrote %,d readings%n", written);
    return written;
  }

  /** 60 anomalies spread over the report month, a third of them critical. */
  private static void addAnomalies(Database database, List<Machine> machines) {
    database
        .jdbi()
        .useHandle(
            h -> {
              for (int i = 0; i < 60; i++) {
                h.createUpdate(
                        """
                        INSERT INTO anomalies (machine_id, detected_at, anomaly_type, severity,
                                               detection_method, is_resolved)
                        VALUES (:m, :t, 'spike', :severity, 'bench', :resolved)
                        """)
                    .bind("m", machines.get(i % machines.size()).id())
                    .bind(
                        "t",
                        Instant.parse("2025-02-01T00:00:00Z")
                            .plus(Duration.ofHours(11L * i))
                            .atOffset(java.time.ZoneOffset.UTC))
                    .bind("severity", i % 3 == 0 ? "critical" : "warning")
                    .bind("resolved", i % 2 == 0)
                    .execute();
              }
            });
  }

  private record Measured(LatencyHistogram generate, LatencyHistogram preview, int pdfBytes) {}

  private Measured measure(Database database, BlockingIo io) throws Exception {
    Clock clock = Clock.systemUTC();
    var reports =
        new MonthlyReports(
            database,
            io,
            new DbKpis(database, io, LoopbackApi.allStopped()),
            clock,
            EnpiTargets.ORIGINAL);
    // As the node does at start.
    reports.warmUp().toCompletableFuture().get(60, TimeUnit.SECONDS);
    try (LoopbackApi api =
        LoopbackApi.start(
            "enms-report-bench",
            config ->
                new ReportRoutes(
                        reports,
                        new StoredReports(database, io, clock, ReportSettings.fromConfig(config)),
                        clock)
                    .routes())) {
      String query =
          "?report_type=monthly_enpi&year=2025&month=2&factory_id=" + DemoPlant.DEMO_FACTORY;
      HttpClient client = HttpClient.newHttpClient();
      HttpRequest generate =
          HttpRequest.newBuilder(URI.create(api.url("reports/generate" + query)))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      var generated = new LatencyHistogram();
      int bytes = 0;
      for (int i = -warmUp; i < requests; i++) {
        long began = System.nanoTime();
        HttpResponse<byte[]> r = client.send(generate, HttpResponse.BodyHandlers.ofByteArray());
        long took = System.nanoTime() - began;
        if (r.statusCode() != 200) {
          throw new IllegalStateException(
              "POST /reports/generate answered " + r.statusCode() + ": " + new String(r.body()));
        }
        bytes = r.body().length;
        if (i >= 0) {
          generated.record(took);
        }
      }
      LatencyHistogram preview =
          TimedGets.measure(URI.create(api.url("reports/preview" + query)), warmUp, requests, out);
      return new Measured(generated, preview, bytes);
    }
  }
}
