package org.enms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.Http;
import org.apache.pekko.http.javadsl.model.ws.Message;
import org.apache.pekko.http.javadsl.model.ws.TextMessage;
import org.apache.pekko.http.javadsl.model.ws.WebSocketRequest;
import org.apache.pekko.stream.Materializer;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.enms.core.json.Json;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.node.Node;
import org.enms.node.testing.MosquittoProcess;
import org.enms.simulator.load.LoadGenerator;
import org.enms.simulator.load.LoadMachines;
import org.enms.simulator.load.LoadReport;
import org.enms.simulator.load.LoadSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench websocket}: how long a reading takes to reach WebSocket clients as an event,
 * under load, through a whole node.
 *
 * <p>Starts a Mosquitto, recreates the database {@code enms_ws_bench}, registers the load machines
 * (with profiles seeded so live detection scores from the first reading) and starts a real node
 * ({@link Node#start}: ingest, entities with live detection, event hub, HTTP). Then connects Pekko
 * HTTP WebSocket clients to {@code /api/v1/ws/events}: one <em>sampler</em> following {@code
 * --sampled} machines, and {@code --clients} more all following machine 0. The load generator
 * publishes {@code --rate} readings/s over {@code --machines} machines for a warm-up and then for
 * {@code --duration}; each {@code machine_reading} event's latency is its arrival at the client
 * minus the reading's own time (the generator stamps each reading with its scheduled publish time,
 * so a generator that falls behind counts against the figure). Prints the sampler's percentiles
 * (reading → event at the rate) and the crowd's (one reading fanned out to every client).
 */
@Command(
    name = "websocket",
    mixinStandardHelpOptions = true,
    description = "Reading -> WebSocket event latency under load, and fan-out to many clients.")
final class WebSocketBench implements Callable<Integer> {
  private static final String DATABASE = "enms_ws_bench";
  private static final String PATH = "/api/v1/ws/events";
  private static final int WAVE = 50;

  @Option(
      names = "--machines",
      description = "Machines the load spreads over (default ${DEFAULT-VALUE}).")
  int machines = 10_000;

  @Option(names = "--rate", description = "Readings/s published (default ${DEFAULT-VALUE}).")
  double rate = 20_000;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "Measured publishing (default ${DEFAULT-VALUE}).")
  Duration duration = Duration.ofSeconds(30);

  @Option(
      names = "--warm-up",
      converter = DurationConverter.class,
      description = "Publishing at the rate before measuring (default ${DEFAULT-VALUE}).")
  Duration warmUp = Duration.ofSeconds(15);

  @Option(
      names = "--clients",
      description = "WebSocket clients all following machine 0 (default ${DEFAULT-VALUE}).")
  int clients = 1_000;

  @Option(
      names = "--sampled",
      description = "Machines the sampler client follows (default ${DEFAULT-VALUE}).")
  int sampled = 100;

  @Option(names = "--publishers", description = "Publisher connections (default ${DEFAULT-VALUE}).")
  int publishers = 4;

  @Mixin BenchMosquittoOptions mosquittoOptions = new BenchMosquittoOptions();

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

  private final PrintStream out = System.out;

  /** Latencies of the machine_reading events one group of clients received. */
  private static final class Received {
    final LatencyHistogram latency = new LatencyHistogram();
    final AtomicLong events = new AtomicLong();
    volatile boolean measuring;

    void take(JsonNode json, long arrivedNanos, Instant arrived) {
      if (!"machine_reading".equals(json.path("type").asText())) {
        return;
      }
      events.incrementAndGet();
      if (measuring) {
        Instant time = Instant.parse(json.path("data").path("time").asText());
        latency.record(Duration.between(time, arrived).toNanos());
      }
    }
  }

  @Override
  public Integer call() throws Exception {
    Loopback.require(db.url(DATABASE));
    Path log = Files.createTempFile("enms-bench-mosquitto", ".log");
    try (MosquittoProcess mosquitto = mosquittoOptions.start(log)) {
      out.printf("started mosquitto at %s (log %s)%n", mosquitto.url(), log);
      int httpPort = InProcessNode.freePort();
      Config config = config(mosquitto.url(), httpPort);
      prepareDatabase(config);
      ActorSystem<Void> node = Node.start(config);
      ActorSystem<Void> clientSystem =
          ActorSystem.create(
              Behaviors.empty(),
              "ws-bench-clients",
              ConfigFactory.parseString(
                      "pekko.actor.provider = local\npekko.http.client.idle-timeout = infinite\n"
                          + "pekko.coordinated-shutdown.exit-jvm = off")
                  .withFallback(ConfigFactory.load()));
      try {
        return run(mosquitto.url(), "ws://127.0.0.1:" + httpPort + PATH, clientSystem);
      } finally {
        clientSystem.terminate();
        node.terminate();
        node.getWhenTerminated().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
    }
  }

  private int run(String broker, String uri, ActorSystem<Void> clientSystem) throws Exception {
    var sampler = new Received();
    var crowd = new Received();
    List<UUID> followedBySampler =
        IntStream.range(0, sampled).mapToObj(LoadMachines::machineId).toList();
    UUID crowdMachine = LoadMachines.machineId(0);
    awaitApi(uri, clientSystem);

    long t0 = System.nanoTime();
    connect(
        clientSystem,
        uri,
        "{\"action\":\"follow\",\"machine_ids\":["
            + followedBySampler.stream()
                .map(id -> "\"" + id + "\"")
                .collect(Collectors.joining(","))
            + "]}",
        sampler);
    // In waves, each retried: a thousand connects at once overflow the server's accept backlog.
    String followCrowd = "{\"action\":\"follow\",\"machine_ids\":[\"" + crowdMachine + "\"]}";
    for (int first = 0; first < clients; first += WAVE) {
      List<CompletableFuture<Void>> wave = new ArrayList<>();
      for (int i = first; i < Math.min(clients, first + WAVE); i++) {
        wave.add(connect(clientSystem, uri, followCrowd, crowd));
      }
      for (CompletableFuture<Void> c : wave) {
        for (int attempt = 1; ; attempt++) {
          try {
            c.get(30, TimeUnit.SECONDS);
            break;
          } catch (java.util.concurrent.ExecutionException
              | java.util.concurrent.TimeoutException e) {
            if (attempt == 5) {
              throw e;
            }
            c = connect(clientSystem, uri, followCrowd, crowd);
          }
        }
      }
    }
    out.printf(
        "%,d WebSocket clients connected and following in %.1f s%n",
        clients + 1, (System.nanoTime() - t0) / 1e9);

    // Until the ingest is subscribed and the follow announcements are in, a reading of machine 0
    // does not reach the clients: publish single ones until every client has had one.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (crowd.events.get() < clients) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + crowd.events.get() + " of " + clients + " clients had a reading in 90 s");
      }
      new LoadGenerator(
              load(broker, "probe", 1, 0, Optional.empty(), OptionalLong.of(1)), nowhere())
          .run();
      TimeUnit.MILLISECONDS.sleep(500);
    }
    out.printf("readings reach the clients; warming up for %s at %,.0f readings/s%n", warmUp, rate);
    new LoadGenerator(
            load(broker, "warm", machines, rate, Optional.of(warmUp), OptionalLong.empty()), out)
        .run();

    String loadBefore = LoadAverage.read();
    sampler.measuring = true;
    crowd.measuring = true;
    LoadReport report =
        new LoadGenerator(
                load(broker, "run", machines, rate, Optional.of(duration), OptionalLong.empty()),
                out)
            .run();
    // Let the last events arrive before the figures are read.
    TimeUnit.SECONDS.sleep(2);
    sampler.measuring = false;
    crowd.measuring = false;
    String loadAfter = LoadAverage.read();

    var table = new SummaryTable("websocket: reading -> WebSocket event, through a whole node");
    table
        .section("load")
        .row("machines / target rate", "%,d / %,.0f readings/s", machines, rate)
        .row(
            "published (broker-acked)",
            "%,d readings in %.1f s = %,.0f readings/s",
            report.readings(),
            duration.toNanos() / 1e9,
            report.readingsPerSecond())
        .row("load average before / after", "%s / %s", loadBefore, loadAfter);
    latency(
        table,
        "reading -> event at the rate (1 client following " + sampled + " machines)",
        sampler,
        50);
    latency(table, "fan-out (" + clients + " clients following machine 0)", crowd, 100);
    table.print(out);
    return 0;
  }

  private static void latency(
      SummaryTable table, String title, Received received, double targetMs) {
    table
        .section(title)
        .row("events", "%,d", received.latency.count())
        .row("latency", received.latency.percentiles())
        .row(
            "p99 target",
            "<= %.0f ms: %s",
            targetMs,
            received.latency.percentileMillis(0.99) <= targetMs ? "met" : "missed");
  }

  /**
   * A WebSocket client that sends {@code follow} once connected and hands every text message to
   * {@code into}; completes when the server has confirmed the follow.
   */
  private static CompletableFuture<Void> connect(
      ActorSystem<Void> system, String uri, String follow, Received into) {
    var followed = new CompletableFuture<Void>();
    Materializer materializer = Materializer.matFromSystem(system);
    Sink<Message, ?> sink =
        Sink.foreach(
            message -> {
              long nanos = System.nanoTime();
              Instant arrived = Instant.now();
              if (!message.isText()) {
                return;
              }
              TextMessage text = message.asTextMessage();
              if (text.isStrict()) {
                handle(text.getStrictText(), nanos, arrived, into, followed);
              } else {
                text.toStrict(5_000, materializer)
                    .thenAccept(t -> handle(t.getStrictText(), nanos, arrived, into, followed));
              }
            });
    // Never completes, so the connection stays open until the actor system stops.
    Source<Message, ?> source =
        Source.<Message>single(TextMessage.create(follow)).concat(Source.maybe());
    Http.get(system)
        .singleWebSocketRequest(
            WebSocketRequest.create(uri),
            Flow.fromSinkAndSourceMat(sink, source, Keep.none()),
            materializer)
        .first()
        .whenComplete(
            (upgrade, failure) -> {
              if (failure != null) {
                followed.completeExceptionally(failure);
              }
            });
    return followed;
  }

  private static void handle(
      String text, long nanos, Instant arrived, Received into, CompletableFuture<Void> followed) {
    try {
      JsonNode json = Json.mapper().readTree(text);
      if ("subscribed".equals(json.path("type").asText())) {
        followed.complete(null);
      }
      into.take(json, nanos, arrived);
    } catch (java.io.IOException e) {
      // not JSON: not an event
    }
  }

  /** Waits until the node's HTTP server takes WebSocket connections. */
  private void awaitApi(String uri, ActorSystem<Void> system) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      try {
        connect(system, uri, "{\"action\":\"follow\",\"machine_ids\":[]}", new Received())
            .get(5, TimeUnit.SECONDS);
        return;
      } catch (Exception notYet) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the node's API did not come up within 120 s", notYet);
        }
        TimeUnit.MILLISECONDS.sleep(500);
      }
    }
  }

  private LoadSettings load(
      String broker,
      String phase,
      int machineCount,
      double perSecond,
      Optional<Duration> forHowLong,
      OptionalLong count) {
    return new LoadSettings(
        broker,
        "enms-ws-bench-" + phase,
        machineCount,
        perSecond,
        machineCount == 1 ? 1 : publishers,
        1,
        1,
        1_000,
        forHowLong,
        count);
  }

  private static PrintStream nowhere() {
    return new PrintStream(java.io.OutputStream.nullOutputStream());
  }

  /** Migrates the fresh database, registers the load machines and seeds their profiles. */
  private void prepareDatabase(Config config) {
    db.recreate(DATABASE);
    try (Database database = Database.start(DbSettings.fromConfig(config))) {
      BenchDatabase.registerLoadMachines(database, machines);
      BenchDatabase.seedProfiles(database, machines, Instant.now());
    }
  }

  private Config config(String broker, int httpPort) {
    Map<String, Object> o = new HashMap<>();
    db.putInto(o, DATABASE);
    o.put("enms.db.dialect", "auto");
    o.put("enms.ingest.broker-url", broker);
    o.put("enms.ingest.client-id", "enms-ws-bench-ingest");
    o.put("enms.ingest.shared-group", "enms-ws-bench");
    o.put("enms.http.port", httpPort);
    o.put("enms.simulator.enabled", false);
    // More clients than Pekko HTTP's default of 1,024 connections.
    o.put("pekko.http.server.max-connections", 8_192);
    return InProcessNode.config(o);
  }
}
