package org.enms.bench;

import com.typesafe.config.Config;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.pekko.actor.typed.ActorSystem;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.db.registry.DemoPlantSpec;
import org.enms.db.registry.PlantApplier;
import org.enms.node.Node;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench read-endpoints}: the voice client's reads (docs of the client: the GETs it
 * sends, with its windows and parameters) from many clients at once against a whole node in this
 * JVM (its caches, its machine entities; no ingest, no simulator). The database holds the demo
 * plant's last {@code --demo-days} days (a reading a minute) and {@code --machines} more machines
 * of the demo factory with {@code --days} days of history (every 15 minutes), rolled up and priced.
 */
@Command(
    name = "read-endpoints",
    mixinStandardHelpOptions = true,
    description =
        "The voice client's read endpoints under many concurrent clients: latency percentiles.")
final class ReadEndpointsBench implements Callable<Integer> {
  private static final String DATABASE = "enms_read_bench";
  private static final String SEED = "read-bench-";
  private static final String NAMES = "Year-Load-%03d";
  private static final DateTimeFormatter Z_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter ISO_MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

  @Option(names = "--clients", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
  int clients = 100;

  @Option(
      names = "--rate",
      description =
          "Open loop: requests/s offered over all clients, each timed from when it was due"
              + " (default: closed loop, no pause between a client's requests).")
  double rate;

  @Option(names = "--requests", description = "Timed requests (default ${DEFAULT-VALUE}).")
  int requests = 20_000;

  @Option(names = "--warm-up", description = "Untimed requests first (default ${DEFAULT-VALUE}).")
  int warmUp = 2_000;

  @Option(
      names = "--machines",
      description = "Machines with a long history (default ${DEFAULT-VALUE}).")
  int machines = 100;

  @Option(names = "--days", description = "Their history, days (default ${DEFAULT-VALUE}).")
  int days = 365;

  @Option(
      names = "--demo-days",
      description = "The demo plant's history, days (default ${DEFAULT-VALUE}).")
  int demoDays = 30;

  @Option(
      names = "--reuse-data",
      description = "Keep the database of the last run instead of loading it again.")
  boolean reuseData;

  @Option(
      names = "--redis",
      description = "Redis URI for the read cache (default: the node's in-process cache).")
  String redis = "";

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    int httpPort = InProcessNode.freePort();
    Config config = config(httpPort);
    List<UUID> history = BenchHistory.ids(SEED, machines);
    if (!reuseData) {
      load(config, history);
    }
    ActorSystem<Void> node = Node.start(config);
    try {
      String api = "http://127.0.0.1:" + httpPort + "/api/v1";
      awaitUp(api);
      TimedGets.MixResult r =
          TimedGets.mix(mix(api, history), clients, warmUp, requests, rate, out);
      SummaryTable table =
          new SummaryTable("read-endpoints: the voice client's GETs, " + clients + " clients")
              .row("mode", mode())
              .row(
                  "data",
                  "demo plant %d days (1 min), %d machines %d days (15 min)",
                  demoDays,
                  machines,
                  days)
              .row("requests", "%,d timed after %,d warm-up", requests, warmUp)
              .row("throughput", "%.0f requests/s", requests / r.seconds())
              .row("all endpoints", r.overall().percentiles())
              .section("per endpoint");
      long failed = 0;
      for (var e : r.byEndpoint().entrySet()) {
        long f = r.failures().get(e.getKey()).sum();
        failed += f;
        table.row(
            e.getKey(),
            "%s, n %d%s",
            e.getValue().percentiles(),
            e.getValue().count(),
            f == 0 ? "" : ", NOT 200: " + f);
      }
      table.print(out);
      return failed == 0 ? 0 : 1;
    } finally {
      node.terminate();
      node.getWhenTerminated().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private String mode() {
    return rate > 0
        ? String.format(
            java.util.Locale.ROOT,
            "open loop, %.0f requests/s offered; latency from each request's due time",
            rate)
        : "closed loop, no pause between a client's requests";
  }

  private static String historyName(int i) {
    return String.format(NAMES, i + 1);
  }

  /** The demo plant with its history, and the long-history machines with theirs. */
  private void load(Config config, List<UUID> history) {
    db.recreate(DATABASE);
    try (Database database = Database.start(DbSettings.fromConfig(config))) {
      new PlantApplier(database).apply(DemoPlantSpec.get());
      new BenchHistory(database, out).addMachines(DemoPlant.DEMO_FACTORY, SEED, NAMES, machines);
      Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
      var loader = new BenchHistory(database, out);
      List<UUID> demo = DemoPlant.MACHINES.stream().map(Machine::id).toList();
      Instant demoFrom = now.minus(Duration.ofDays(demoDays));
      loader.write("demo plant", demo, demoFrom, now, Duration.ofMinutes(1));
      Instant yearFrom = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofDays(days));
      loader.write(machines + " machines", history, yearFrom, now, Duration.ofMinutes(15));
      loader.rollUpAndPrice("all", yearFrom.isBefore(demoFrom) ? yearFrom : demoFrom, now);
    }
  }

  /**
   * The voice client's GETs, each as it sends it (windows, interval choice, parameter names); an
   * endpoint it sends more often appears more than once. Machine-specific ones go round the demo
   * plant's and the long-history machines.
   */
  private List<TimedGets.Endpoint> mix(String api, List<UUID> history) {
    List<UUID> ids = new ArrayList<>();
    List<String> names = new ArrayList<>();
    DemoPlant.MACHINES.forEach(
        m -> {
          ids.add(m.id());
          names.add(m.name());
        });
    for (int i = 0; i < history.size(); i++) {
      ids.add(history.get(i));
      names.add(historyName(i));
    }
    AtomicInteger turn = new AtomicInteger();
    Supplier<Integer> next = () -> Math.floorMod(turn.getAndIncrement(), ids.size());
    String factory = DemoPlant.DEMO_FACTORY.toString();
    // Boiler-1 has no SEU (the client's baseline question about it is a 404 by design).
    List<String> seus =
        DemoPlant.MACHINES.stream().map(Machine::name).filter(n -> !n.equals("Boiler-1")).toList();
    AtomicInteger seuTurn = new AtomicInteger();
    List<TimedGets.Endpoint> mix = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      mix.add(get(api, "factory/summary", () -> "/factory/summary"));
      mix.add(
          get(api, "machines/status/{name}", () -> "/machines/status/" + names.get(next.get())));
      mix.add(get(api, "machines?search=", () -> "/machines?search=" + names.get(next.get())));
    }
    mix.add(get(api, "machines", () -> "/machines"));
    mix.add(
        get(
            api,
            "timeseries/energy 1hour, last week",
            () -> series("energy", ids.get(next.get()), lastDays(7), "1hour", Z_FORMAT)));
    mix.add(
        get(
            api,
            "timeseries/energy 1day, this month",
            () -> series("energy", ids.get(next.get()), monthSoFar(), "1day", Z_FORMAT)));
    mix.add(
        get(
            api,
            "timeseries/power 15min, today",
            () -> series("power", ids.get(next.get()), todaySoFar(), "15min", null)));
    mix.add(
        get(api, "machines/{id}/energy-types", () -> machine(ids, next, "/energy-types?hours=24")));
    mix.add(
        get(
            api,
            "machines/{id}/energy-summary",
            () -> {
              Instant now = Instant.now();
              return "/machines/"
                  + ids.get(next.get())
                  + "/energy-summary?start_time="
                  + iso(now.minus(Duration.ofHours(24)))
                  + "&end_time="
                  + iso(now);
            }));
    mix.add(
        get(
            api,
            "machines/{id}/energy/electricity",
            () -> machine(ids, next, "/energy/electricity?hours=24")));
    mix.add(get(api, "stats/system", () -> "/stats/system"));
    mix.add(get(api, "seus", () -> "/seus"));
    mix.add(get(api, "health", () -> "/health"));
    mix.add(get(api, "anomaly/active", () -> "/anomaly/active"));
    mix.add(get(api, "anomaly/recent", () -> "/anomaly/recent?limit=10"));
    mix.add(
        get(
            api,
            "anomaly/search, today",
            () ->
                "/anomaly/search?limit=50&start_date="
                    + iso(Instant.now().truncatedTo(ChronoUnit.DAYS))
                    + "&end_date="
                    + iso(Instant.now())));
    mix.add(
        get(
            api,
            "analytics/top-consumers, today",
            () ->
                "/analytics/top-consumers?metric=energy&start_time="
                    + iso(Instant.now().truncatedTo(ChronoUnit.DAYS))
                    + "&end_time="
                    + iso(Instant.now())
                    + "&limit=5"));
    for (int i = 0; i < 2; i++) {
      mix.add(
          get(
              api,
              "kpi/all, today",
              () ->
                  "/kpi/all?machine_id="
                      + ids.get(next.get())
                      + "&start="
                      + iso(Instant.now().truncatedTo(ChronoUnit.DAYS))
                      + "&end="
                      + iso(Instant.now())));
    }
    mix.add(
        get(
            api,
            "forecast/short-term",
            () -> "/forecast/short-term?machine_id=" + ids.get(next.get())));
    mix.add(
        get(
            api,
            "forecast/demand",
            () ->
                "/forecast/demand?machine_id=" + ids.get(next.get()) + "&horizon=short&periods=4"));
    mix.add(
        get(
            api,
            "baseline/models",
            () ->
                "/baseline/models?seu_name="
                    + seus.get(Math.floorMod(seuTurn.getAndIncrement(), seus.size()))
                    + "&energy_source=electricity"));
    mix.add(
        get(
            api,
            "iso50001/enpi-report",
            () -> "/iso50001/enpi-report?factory_id=" + factory + "&period=" + quarter()));
    mix.add(
        get(
            api,
            "performance/opportunities",
            () -> "/performance/opportunities?factory_id=" + factory + "&period=week"));
    mix.add(
        get(api, "iso50001/action-plans", () -> "/iso50001/action-plans?factory_id=" + factory));
    mix.add(get(api, "performance/health", () -> "/performance/health"));
    return mix;
  }

  private static TimedGets.Endpoint get(String api, String name, Supplier<String> pathAndQuery) {
    return new TimedGets.Endpoint(name, () -> URI.create(api + pathAndQuery.get()));
  }

  private static String machine(List<UUID> ids, Supplier<Integer> next, String rest) {
    return "/machines/" + ids.get(next.get()) + rest;
  }

  /** A timeseries GET over a window ending now (start at its start), as the client formats it. */
  private static String series(
      String metric,
      UUID machine,
      Function<Instant, Instant> start,
      String interval,
      DateTimeFormatter format) {
    Instant now = Instant.now();
    Function<Instant, String> f = format == null ? ReadEndpointsBench::iso : format::format;
    return "/timeseries/"
        + metric
        + "?machine_id="
        + machine
        + "&start_time="
        + f.apply(start.apply(now))
        + "&end_time="
        + f.apply(now)
        + "&interval="
        + interval;
  }

  private static Function<Instant, Instant> lastDays(int n) {
    return now -> now.minus(Duration.ofDays(n));
  }

  private static Function<Instant, Instant> todaySoFar() {
    return now -> now.truncatedTo(ChronoUnit.DAYS);
  }

  private static Function<Instant, Instant> monthSoFar() {
    return now ->
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .withDayOfMonth(1)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant();
  }

  /**
   * Python's isoformat of an aware UTC time (seconds always, microseconds unless zero, {@code
   * +00:00}), URL-encoded ({@code +} as {@code %2B}).
   */
  private static String iso(Instant t) {
    Instant micros = t.truncatedTo(ChronoUnit.MICROS);
    DateTimeFormatter f = micros.getNano() == 0 ? ISO_SECONDS : ISO_MICROS;
    return URLEncoder.encode(f.format(micros), StandardCharsets.UTF_8);
  }

  private static String quarter() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    return today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
  }

  private void awaitUp(String api) throws Exception {
    var client = java.net.http.HttpClient.newHttpClient();
    var request = java.net.http.HttpRequest.newBuilder(URI.create(api + "/machines")).build();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        if (client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()
            == 200) {
          return;
        }
      } catch (java.io.IOException e) {
        // not listening yet
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("node did not answer within 120 s");
      }
      Thread.sleep(250);
    }
  }

  private Config config(int httpPort) {
    Map<String, Object> o = new HashMap<>();
    db.putInto(o, DATABASE);
    o.put("enms.db.pool-size", 8);
    o.put("enms.db.retention-days", 100_000);
    o.put("enms.ingest.enabled", false);
    o.put("enms.simulator.enabled", false);
    o.put("enms.http.port", httpPort);
    o.put("enms.security.rate-limit.per-second", 0);
    o.put("enms.redis.uri", redis);
    return InProcessNode.config(o);
  }
}
