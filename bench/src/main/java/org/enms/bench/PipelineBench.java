package org.enms.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.cluster.sharding.ShardRegion;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingQuery;
import org.apache.pekko.cluster.sharding.typed.GetShardRegionState;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.stream.connectors.mqtt.MqttMessage;
import org.enms.core.reading.Reading;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.db.EnergyWritePath;
import org.enms.ingest.parse.PayloadParser;
import org.enms.ingest.parse.ReadingValidator;
import org.enms.ingest.parse.RejectedPayloadException;
import org.enms.machine.MachineEntity;
import org.enms.node.testing.MosquittoProcess;
import org.enms.simulator.load.LoadGenerator;
import org.enms.simulator.load.LoadMachines;
import org.enms.simulator.load.LoadReport;
import org.enms.simulator.load.LoadSettings;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.mqtt.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench pipeline}: sustained readings per second from MQTT publish to durable rows.
 *
 * <p>One run: start a Mosquitto with the project's configuration (or use a given broker), create
 * the {@code enms_bench} database afresh and register the load machines, start the ingest half of a
 * node in this JVM ({@link BenchNode}), warm it up with one reading per machine (which also starts
 * and restores every machine entity), then publish flat out (or at {@code --rate}) with the
 * simulator's load generator for {@code --duration} and wait until every published reading is
 * committed. The rate is readings over the time from the first publish to the last commit, so a
 * backlog the ingest did not clear counts against it. Every published reading is then looked for in
 * the table. Finally the same broker is measured without EnMS ({@link BrokerBaseline}).
 *
 * <p>With {@code --hostile-percent P} the run is measured twice on the same node, database and
 * broker: first clean, then with P % of all messages taken from the hostile-input test's mix
 * ({@link HostileMix}); the summary gives both rates and their ratio.
 *
 * <p>With {@code --detection-compare} the run is measured with the machine entities' live detection
 * switched off and then on ({@code enms.machine.detection.enabled}), each on a fresh node (the
 * setting is read when an entity starts) over the same database and broker, each warmed up alike;
 * the summary gives both rates and their ratio.
 */
@Command(
    name = "pipeline",
    mixinStandardHelpOptions = true,
    description = "MQTT publish -> durable rows, against a broker-only baseline.")
final class PipelineBench implements Callable<Integer> {
  private static final String DATABASE = "enms_bench";
  private static final String INGEST_CLIENT = "enms-bench-ingest";
  private static final String LOAD_CLIENT = "enms-bench-load";
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(90);

  @Option(names = "--machines", description = "Synthetic machines (default ${DEFAULT-VALUE}).")
  int machines = 10_000;

  @Option(
      names = "--batch",
      description =
          "Readings per MQTT message: 1, or e.g. 50 for gateway batches (default ${DEFAULT-VALUE}).")
  int batch = 1;

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description = "How long to publish (default ${DEFAULT-VALUE}).")
  Duration duration = Duration.ofSeconds(30);

  @Option(
      names = "--rate",
      description = "Readings/s to publish; 0 = flat out (default ${DEFAULT-VALUE}).")
  double rate = 0;

  @Option(names = "--publishers", description = "Publisher connections (default ${DEFAULT-VALUE}).")
  int publishers = 4;

  @Option(
      names = "--publisher-inflight",
      description = "Unacked QoS 1 publishes per publisher connection (default ${DEFAULT-VALUE}).")
  int publisherInflight = 1_000;

  @Option(
      names = "--connections",
      description = "Ingest subscriber connections (default: enms.ingest.connections).")
  Integer connections;

  @Option(
      names = "--buffer-size",
      description = "Connector buffer per connection (default: enms.ingest.buffer-size).")
  Integer bufferSize;

  @Option(
      names = "--batch-max-rows",
      description = "Rows per transaction at most (default: enms.ingest.batch-max-rows).")
  Integer batchMaxRows;

  @Option(
      names = "--batch-max-wait",
      converter = DurationConverter.class,
      description = "How long a batch may wait to fill (default: enms.ingest.batch-max-wait).")
  Duration batchMaxWait;

  @Option(
      names = "--write-parallelism",
      description = "Batches committing at once (default: enms.ingest.write-parallelism).")
  Integer writeParallelism;

  @Option(names = "--db-pool", description = "Database connections (default: enms.db.pool-size).")
  Integer dbPool;

  @Option(
      names = "--no-start-mosquitto",
      description =
          "Use the broker at --broker-url instead of starting a Mosquitto with --mosquitto-conf on"
              + " a free port.")
  boolean useRunningBroker;

  @Mixin BenchMosquittoOptions mosquittoOptions = new BenchMosquittoOptions();

  @Option(
      names = "--broker-url",
      description = "Broker when not starting one (default ${DEFAULT-VALUE}).")
  String brokerUrl = "tcp://127.0.0.1:1883";

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

  @Option(
      names = "--hostile-percent",
      description =
          "Measure a clean run, then one where this share of all messages is hostile (random"
              + " bytes, broken JSON, absurd values, unknown machines, broken batches, odd"
              + " topics...), and compare their rates (default ${DEFAULT-VALUE}: clean only).")
  double hostilePercent = 0;

  @Option(
      names = "--hostile-rounds",
      description =
          "With --hostile-percent: clean and hostile runs alternate this many times, so a load"
              + " that changes over the minutes (other processes) weighs on both alike (default"
              + " ${DEFAULT-VALUE}).")
  int hostileRounds = 1;

  @Option(
      names = "--hostile-seed",
      description = "Seed of the hostile messages (default: random, printed).")
  Long hostileSeed;

  @Option(
      names = "--detection-compare",
      description =
          "Measure the same load with the entities' live detection off, then on, each on a node"
              + " of its own over the same database and broker, and compare their rates (the"
              + " machines' profiles are seeded with four weeks of the hours the run falls in, so"
              + " every reading is scored against a trusted level).")
  boolean detectionCompare;

  @Option(
      names = "--detection-rounds",
      description =
          "With --detection-compare: off/on pairs, so a load that changes over the minutes weighs"
              + " on both alike (default ${DEFAULT-VALUE}).")
  int detectionRounds = 1;

  @Option(
      names = "--energy-path",
      description =
          "How the batch writer sends energy rows: ${COMPLETION-CANDIDATES} (default"
              + " ${DEFAULT-VALUE}).")
  EnergyWritePath energyPath = EnergyWritePath.COPY_INTO_PARTITION;

  @Option(names = "--no-baseline", description = "Skip the broker-only measurement.")
  boolean skipBaseline;

  @Option(
      names = "--baseline-duration",
      converter = DurationConverter.class,
      description = "Default ${DEFAULT-VALUE}.")
  Duration baselineDuration = Duration.ofSeconds(15);

  @Option(names = "--baseline-publishers", description = "Default ${DEFAULT-VALUE}.")
  int baselinePublishers = 2;

  @Option(
      names = "--progress",
      converter = DurationConverter.class,
      description = "Progress line interval (default ${DEFAULT-VALUE}).")
  Duration progress = Duration.ofSeconds(5);

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    Loopback.require(db.url(DATABASE));
    MosquittoProcess mosquitto = null;
    try {
      String broker;
      if (!useRunningBroker) {
        Path log = Files.createTempFile("enms-bench-mosquitto", ".log");
        mosquitto = mosquittoOptions.start(log);
        broker = mosquitto.url();
        out.printf("started mosquitto -c %s at %s (log %s)%n", mosquittoOptions.conf, broker, log);
      } else {
        broker = Loopback.require(brokerUrl);
      }
      return run(broker, mosquitto == null ? -1 : mosquitto.pid());
    } finally {
      if (mosquitto != null) {
        mosquitto.close();
      }
    }
  }

  private int run(String broker, long brokerPid) throws Exception {
    Config config = config(broker);
    db.recreate(DATABASE);
    var probes = new StageProbes();
    boolean hostile = hostilePercent > 0;
    try (Database database = Database.start(DbSettings.fromConfig(config))) {
      BenchDatabase.registerLoadMachines(database, machines + (hostile ? HostileMix.MACHINES : 0));
      out.printf(
          "database %s ready, %,d machines registered; ingest: %s%n",
          db.url(DATABASE),
          machines,
          config
              .getConfig("enms.ingest")
              .root()
              .render(com.typesafe.config.ConfigRenderOptions.concise()));
      if (detectionCompare) {
        return compareDetection(broker, brokerPid, config, database, probes);
      }
      PipelineOutcome outcome;
      Optional<HostileComparison> comparison = Optional.empty();
      try (BenchNode node = BenchNode.start(config, database, probes, energyPath)) {
        awaitSubscribed(broker, node);
        long warmup = warmUp(broker, node, probes, 0);
        outcome = measure(broker, brokerPid, node, probes, new Expected(warmup, warmup), null);
        if (hostile) {
          long seed = hostileSeed != null ? hostileSeed : new java.util.Random().nextLong();
          var mix = new HostileMix(seed, machines);
          List<PipelineOutcome> clean = new ArrayList<>();
          List<PipelineOutcome> withHostile = new ArrayList<>();
          long rejectsBefore = node.rejects();
          for (int round = 1; round <= hostileRounds; round++) {
            if (round > 1) {
              outcome = measure(broker, brokerPid, node, probes, outcome.expectedAfter(), null);
            }
            clean.add(outcome);
            out.printf(
                "round %d: clean %,.0f readings/s; now with %.1f %% hostile messages (seed %d)%n",
                round, outcome.loadReadingsPerSecond(), hostilePercent, seed);
            // Enough for the run at 50,000 messages/s, made before it is measured.
            mix.prepare(
                (int) Math.min(200_000, duration.toSeconds() * 50_000 * hostilePercent / 100));
            outcome = measure(broker, brokerPid, node, probes, outcome.expectedAfter(), mix);
            withHostile.add(outcome);
            out.printf(
                "round %d: with hostile messages %,.0f readings/s%n",
                round, outcome.loadReadingsPerSecond());
          }
          // A last batch may hold rejects only; they are committed by now or within moments.
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
          while (node.rejects() - rejectsBefore < mix.rejects() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
          }
          comparison =
              Optional.of(
                  new HostileComparison(
                      clean,
                      withHostile,
                      mix.sent(),
                      mix.rejects(),
                      node.rejects() - rejectsBefore));
        }
      }
      var rows = BenchDatabase.countEnergyRows(database);
      Optional<BrokerBaseline.Result> base = Optional.empty();
      List<MqttMessage> samples = probes.samples();
      double meanPayload = probes.payloadBytes.sum() / (double) Math.max(1, probes.messages.sum());
      if (!skipBaseline && !samples.isEmpty()) {
        byte[] payload = samples.get(samples.size() / 2).payload().toArray();
        out.printf(
            "broker-only baseline: %d Paho publisher(s) -> 1 Paho QoS 1 subscriber, %d-byte"
                + " messages, %s%n",
            baselinePublishers, payload.length, baselineDuration);
        base =
            Optional.of(
                BrokerBaseline.run(
                    broker, baselinePublishers, publisherInflight, payload, baselineDuration, out));
      }
      SummaryTable table =
          summary(config, outcome, probes, rows, base, parseCost(samples), meanPayload);
      comparison.ifPresent(c -> c.addTo(table, hostilePercent));
      table.print(out);
      boolean rejectsRecorded = comparison.map(c -> c.recorded() == c.expected()).orElse(true);
      return rows.rows() == outcome.published() && rows.duplicates() == 0 && rejectsRecorded
          ? 0
          : 1;
    }
  }

  /**
   * Off, then on, {@code --detection-rounds} times: a node per run, started with live detection
   * switched as the run needs, warmed up, measured and stopped.
   */
  private int compareDetection(
      String broker, long brokerPid, Config config, Database database, StageProbes probes)
      throws Exception {
    BenchDatabase.seedProfiles(database, machines, java.time.Instant.now());
    List<PipelineOutcome> off = new ArrayList<>();
    List<PipelineOutcome> on = new ArrayList<>();
    List<String> loads = new ArrayList<>();
    long energyRows = 0;
    PipelineOutcome outcome = null;
    long anomaliesBefore = 0;
    long anomaliesOn = 0;
    for (int round = 1; round <= detectionRounds; round++) {
      for (boolean detection : new boolean[] {false, true}) {
        Config run =
            config.withValue(
                "enms.machine.detection.enabled",
                com.typesafe.config.ConfigValueFactory.fromAnyRef(detection));
        try (BenchNode node = BenchNode.start(run, database, probes, energyPath)) {
          awaitSubscribed(broker, node);
          long warm = warmUp(broker, node, probes, probes.insertedRows.sum());
          energyRows += warm;
          anomaliesBefore = BenchDatabase.countAnomalies(database);
          outcome =
              measure(
                  broker,
                  brokerPid,
                  node,
                  probes,
                  new Expected(probes.insertedRows.sum(), energyRows),
                  null);
          energyRows = outcome.expectedAfter().energyRows();
          (detection ? on : off).add(outcome);
          String load = LoadAverage.read();
          loads.add(load);
          out.printf(
              "round %d: detection %s: %,.0f readings/s durable; load average %s%n",
              round, detection ? "on" : "off", outcome.loadReadingsPerSecond(), load);
        }
        if (detection) {
          anomaliesOn += BenchDatabase.countAnomalies(database) - anomaliesBefore;
        }
      }
    }
    var rows = BenchDatabase.countEnergyRows(database);
    List<MqttMessage> samples = probes.samples();
    double meanPayload = probes.payloadBytes.sum() / (double) Math.max(1, probes.messages.sum());
    SummaryTable table =
        summary(config, outcome, probes, rows, Optional.empty(), parseCost(samples), meanPayload);
    new DetectionComparison(off, on, loads, anomaliesOn).addTo(table);
    table.print(out);
    return rows.rows() == energyRows && rows.duplicates() == 0 ? 0 : 1;
  }

  private Config config(String broker) {
    Map<String, Object> o = new HashMap<>();
    db.putInto(o, DATABASE);
    o.put("enms.db.dialect", "auto");
    o.put("enms.ingest.broker-url", broker);
    o.put("enms.ingest.client-id", INGEST_CLIENT);
    o.put("enms.ingest.shared-group", "enms-bench");
    o.put("enms.ingest.progress-interval", "1h");
    o.put("pekko.remote.artery.canonical.port", 0);
    o.put("pekko.cluster.seed-nodes", List.of());
    o.put("pekko.coordinated-shutdown.exit-jvm", "off");
    o.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    if (connections != null) {
      o.put("enms.ingest.connections", connections);
    }
    if (bufferSize != null) {
      o.put("enms.ingest.buffer-size", bufferSize);
    }
    if (batchMaxRows != null) {
      o.put("enms.ingest.batch-max-rows", batchMaxRows);
    }
    if (batchMaxWait != null) {
      o.put("enms.ingest.batch-max-wait", batchMaxWait.toMillis() + "ms");
    }
    if (writeParallelism != null) {
      o.put("enms.ingest.write-parallelism", writeParallelism);
    }
    if (dbPool != null) {
      o.put("enms.db.pool-size", dbPool);
      o.put("enms-blocking-dispatcher.thread-pool-executor.fixed-pool-size", dbPool);
    }
    ConfigFactory.invalidateCaches();
    return ConfigFactory.parseMap(o).withFallback(ConfigFactory.load()).resolve();
  }

  /**
   * A fresh broker drops what is published before anyone subscribed. Probe messages the parser
   * rejects (so they never become rows) show when the shared subscription is in place.
   */
  private void awaitSubscribed(String broker, BenchNode node) throws Exception {
    try (Publisher probe =
        Publisher.connect(MqttSettings.anonymous(broker, "enms-bench-probe", 10))) {
      probe.connected().toCompletableFuture().get(10, TimeUnit.SECONDS);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (node.rejects() == 0) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("ingest did not subscribe within 30 s");
        }
        probe.publish(LoadMachines.FACTORY_PREFIX + "/probe/energy", new byte[] {'x'}, 1, false);
        TimeUnit.MILLISECONDS.sleep(200);
      }
    }
  }

  /**
   * One reading per machine: starts (and restores) every entity, warms the JIT and the pool. {@code
   * before}: rows the probes counted already.
   */
  private long warmUp(String broker, BenchNode node, StageProbes probes, long before)
      throws Exception {
    long started = System.nanoTime();
    LoadReport report =
        new LoadGenerator(
                loadSettings(broker, "warm", Optional.empty(), OptionalLong.of(machines)), out)
            .run();
    awaitCommitted(probes, before + report.readings());
    long entities = awaitEntities(node, machines);
    long restored = awaitRestored(node);
    out.printf(
        "warm-up: %,d readings committed, %,d machine entities live, %,d restored and answering,"
            + " %.1f s%n",
        report.readings(), entities, restored, (System.nanoTime() - started) / 1e9);
    return report.readings();
  }

  /**
   * One measured run, mixing in {@code hostile} messages when not null; {@code before} is what the
   * table must hold already.
   */
  private PipelineOutcome measure(
      String broker,
      long brokerPid,
      BenchNode node,
      StageProbes probes,
      Expected before,
      HostileMix hostile)
      throws Exception {
    // The mix counts over all its runs; this run's share is the difference.
    long hostileRowsBefore = hostile == null ? 0 : hostile.rows();
    long hostileEnergyRowsBefore = hostile == null ? 0 : hostile.energyRows();
    var cpu =
        new CpuBreakdown(PipelineBench::threadGroup, brokerPid).forDatabase(db.name(DATABASE));
    var baseline = new ProbeSnapshot(probes, node.committedReadings());
    ScheduledExecutorService ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "bench-progress");
              t.setDaemon(true);
              return t;
            });
    long start = System.nanoTime();
    long[] last = {node.committedReadings(), start};
    ticker.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          long committed = node.committedReadings();
          out.printf(
              "t=%4.0fs committed %,d readings, %,.0f readings/s, batch mean %,.0f rows,"
                  + " commit mean %.1f ms p99 %.0f ms, unacked %,d%n",
              (now - start) / 1e9,
              committed - baseline.committed(),
              (committed - last[0]) * 1e9 / (now - last[1]),
              probes.batches.sum() == 0
                  ? 0.0
                  : probes.committedReadings.sum() / (double) probes.batches.sum(),
              probes.commit.meanMillis(),
              probes.commit.percentileMillis(0.99),
              probes.unacked());
          last[0] = committed;
          last[1] = now;
        },
        progress.toMillis(),
        progress.toMillis(),
        TimeUnit.MILLISECONDS);
    cpu.start();
    ticker.scheduleAtFixedRate(cpu::sample, 1, 1, TimeUnit.SECONDS);
    LoadReport report;
    long publishEnd;
    boolean drained;
    try {
      report =
          new LoadGenerator(
                  loadSettings(
                      broker,
                      hostile == null ? "run" : "hostile",
                      Optional.of(duration),
                      OptionalLong.empty()),
                  out,
                  hostile == null ? null : hostile.interleaved(hostilePercent))
              .run();
      publishEnd = System.nanoTime();
      out.println(report);
      drained =
          awaitCommitted(
              probes,
              before.rows()
                  + report.readings()
                  + (hostile == null ? 0 : hostile.rows() - hostileRowsBefore));
    } finally {
      ticker.shutdownNow();
    }
    long end = System.nanoTime();
    CpuBreakdown.Result cpuUse = cpu.stop();
    long hostileRows = hostile == null ? 0 : hostile.rows() - hostileRowsBefore;
    long hostileEnergyRows = hostile == null ? 0 : hostile.energyRows() - hostileEnergyRowsBefore;
    return new PipelineOutcome(
        report,
        before.energyRows() + report.readings() + hostileEnergyRows,
        new Expected(
            before.rows() + report.readings() + hostileRows,
            before.energyRows() + report.readings() + hostileEnergyRows),
        hostileRows,
        Duration.ofNanos(end - start),
        Duration.ofNanos(publishEnd - start),
        node.committedReadings() - baseline.committed(),
        probes.insertedRows.sum() - baseline.inserted(),
        drained,
        cpuUse);
  }

  private LoadSettings loadSettings(
      String broker, String phase, Optional<Duration> forHowLong, OptionalLong count) {
    return new LoadSettings(
        broker,
        LOAD_CLIENT + "-" + phase,
        machines,
        rate,
        publishers,
        1,
        batch,
        publisherInflight,
        forHowLong,
        count);
  }

  /**
   * Waits until {@code target} new rows are committed (redeliveries do not count); false when the
   * drain timeout passed first, i.e. a backlog is still queued in the broker.
   */
  private boolean awaitCommitted(StageProbes probes, long target) throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    while (probes.insertedRows.sum() < target && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    if (probes.insertedRows.sum() < target) {
      out.printf(
          "WARNING: only %,d of %,d readings committed after %s%n",
          probes.insertedRows.sum(), target, DRAIN_TIMEOUT);
      return false;
    }
    return true;
  }

  private static long awaitEntities(BenchNode node, int expected) throws Exception {
    var system = node.system();
    var sharding = ClusterSharding.get(system);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    long live = 0;
    while (System.nanoTime() < deadline) {
      ShardRegion.CurrentShardRegionState state =
          AskPattern.<ClusterShardingQuery, ShardRegion.CurrentShardRegionState>ask(
                  sharding.shardState(),
                  replyTo -> new GetShardRegionState(MachineEntity.ENTITY_KEY, replyTo),
                  Duration.ofSeconds(5),
                  system.scheduler())
              .toCompletableFuture()
              .get();
      live = state.getShards().stream().mapToLong(s -> s.getEntityIds().size()).sum();
      if (live >= expected) {
        return live;
      }
      TimeUnit.MILLISECONDS.sleep(200);
    }
    return live;
  }

  /**
   * Entities answer only once restored (commands are stashed until then), so an answer from each
   * means no restore query is left to compete with the measured commits.
   */
  private long awaitRestored(BenchNode node) throws Exception {
    var sharding = ClusterSharding.get(node.system());
    var asks =
        IntStream.range(0, machines)
            .mapToObj(
                i ->
                    MachineEntity.ref(sharding, LoadMachines.machineId(i))
                        .<MachineEntity.StatusReport>ask(
                            MachineEntity.GetStatus::new, Duration.ofSeconds(60))
                        .toCompletableFuture())
            .toList();
    long answered = 0;
    for (var ask : asks) {
      try {
        ask.get(90, TimeUnit.SECONDS);
        answered++;
      } catch (java.util.concurrent.ExecutionException e) {
        // counted as not answering
      }
    }
    return answered;
  }

  /** Parse + validate alone, on one thread, over payloads the run carried: CPU per message. */
  private ParseCost parseCost(List<MqttMessage> samples) {
    if (samples.isEmpty()) {
      return new ParseCost(0, 0);
    }
    Set<UUID> known =
        IntStream.range(0, machines).mapToObj(LoadMachines::machineId).collect(Collectors.toSet());
    var validator =
        new ReadingValidator(
            known::contains, Duration.ofDays(3650), Duration.ofDays(3650), Clock.systemUTC());
    var parser = new PayloadParser(Integer.MAX_VALUE);
    List<byte[]> payloads = samples.stream().map(m -> m.payload().toArray()).toList();
    List<String> topics = samples.stream().map(MqttMessage::topic).toList();
    long messages = 0;
    long readings = 0;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    long start = System.nanoTime();
    while (System.nanoTime() < deadline) {
      for (int i = 0; i < payloads.size(); i++) {
        for (Reading r : parser.parse(topics.get(i), payloads.get(i)).readings()) {
          try {
            validator.validate(r);
          } catch (RejectedPayloadException e) {
            throw new IllegalStateException("sample reading rejected: " + e.reason());
          }
          readings++;
        }
        messages++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new ParseCost(seconds * 1e6 / messages, readings / seconds);
  }

  private SummaryTable summary(
      Config config,
      PipelineOutcome o,
      StageProbes p,
      BenchDatabase.RowCount rows,
      Optional<BrokerBaseline.Result> base,
      ParseCost parse,
      double meanPayload) {
    Config ingest = config.getConfig("enms.ingest");
    var t = new SummaryTable("pipeline: MQTT publish -> durable rows");
    t.section("settings")
        .row("machines / readings per message", "%,d / %d", machines, batch)
        .row(
            "publishers x in-flight",
            "%d x %d, rate %s",
            publishers,
            publisherInflight,
            rate == 0 ? "flat out" : String.format("%,.0f/s", rate))
        .row(
            "ingest connections / buffer",
            "%d / %d",
            ingest.getInt("connections"),
            ingest.getInt("buffer-size"))
        .row(
            "batch max rows / max wait",
            "%,d / %s",
            ingest.getInt("batch-max-rows"),
            ingest.getDuration("batch-max-wait").toMillis() + " ms")
        .row(
            "write parallelism / db pool",
            "%d / %d",
            ingest.getInt("write-parallelism"),
            config.getInt("enms.db.pool-size"))
        .row("mean payload", "%.0f bytes", meanPayload);
    double seconds = o.elapsed().toNanos() / 1e9;
    double sustained = o.inserted() / seconds;
    t.section(o.drained() ? "throughput" : "throughput (backlog NOT drained: a lower bound)")
        .row(
            "published (broker-acked)",
            "%,d readings in %.1f s = %,.0f readings/s",
            o.load().readings(),
            o.publishing().toNanos() / 1e9,
            o.load().readingsPerSecond())
        .row(
            "durable (first publish -> last commit)",
            "%,d rows in %.1f s = %,.0f readings/s",
            o.inserted(),
            seconds,
            sustained)
        .row("messages/s into the ingest", "%,.0f", sustained / batch);
    base.ifPresent(
        b -> {
          double baseReadings = b.messagesPerSecond() * batch;
          t.row(
                  "broker-only (Paho -> Paho QoS 1)",
                  "%,.0f msg/s = %,.0f readings/s (%,d of %,d received)",
                  b.messagesPerSecond(),
                  baseReadings,
                  b.received(),
                  b.published())
              .row("EnMS / broker-only", "%.0f %%", 100 * sustained / baseReadings);
        });
    t.section("verification (count(*) over energy_readings)")
        .row("rows in table / readings published", "%,d / %,d", rows.rows(), o.published())
        .row(
            o.drained() ? "lost" : "not committed within the drain timeout (still in the broker)",
            "%,d",
            Math.max(0, o.published() - rows.rows()))
        .row("duplicate rows in table", "%,d", rows.duplicates())
        .row("redelivered readings (deduplicated)", "%,d", o.committed() - o.inserted())
        .row("publish failures", "%,d", o.load().failed());
    t.section("per stage (whole run incl. warm-up)")
        .row(
            "parse+validate in stream",
            "mean %.3f ms, p99 %.3f ms per message",
            p.parse.meanMillis(),
            p.parse.percentileMillis(0.99))
        .row(
            "parse+validate alone, 1 thread",
            "%.1f us per message = %,.0f readings/s per core",
            parse.microsPerMessage(),
            parse.readingsPerSecond())
        .row(
            "batch size",
            "mean %,.0f rows, max %,d (%,d batches)",
            p.committedReadings.sum() / (double) Math.max(1, p.batches.sum()),
            p.maxBatchRows.get(),
            p.batches.sum())
        .row(
            "commit latency",
            "mean %.1f ms, p99 %.1f ms, max %.1f ms",
            p.commit.meanMillis(),
            p.commit.percentileMillis(0.99),
            p.commit.maxMillis())
        .row(
            "arrival -> ack requested",
            "mean %.1f ms, p99 %.1f ms",
            p.arrivalToAck.meanMillis(),
            p.arrivalToAck.percentileMillis(0.99))
        .row(
            "ack round trip through connector",
            "mean %.2f ms, p99 %.2f ms (%,d acks, %,d failed)",
            p.ackRoundTrip.meanMillis(),
            p.ackRoundTrip.percentileMillis(0.99),
            p.acked.sum(),
            p.ackFailures.sum())
        .row("unacked messages in the node", "max %,d", p.maxUnacked.get())
        .row(
            "entity tell (per batch, on stream thread)",
            "mean %.2f ms, p99 %.2f ms, total %.1f s",
            p.entityTell.meanMillis(),
            p.entityTell.percentileMillis(0.99),
            p.entityTell.totalSeconds());
    t.section(
        "CPU during the measured window (cores, of "
            + Runtime.getRuntime().availableProcessors()
            + ")");
    o.cpu().addTo(t);
    double perReading = 1e6 / Math.max(1, o.committed());
    CpuBreakdown.Result c = o.cpu();
    t.row(
        "CPU per reading: node / own backends / broker / generator",
        "%.1f µs / %.1f µs / %.1f µs / %.1f µs (node: ingest, node and unattributed JVM groups)",
        c.sumOf(g -> g.startsWith("ingest:") || g.startsWith("node:") || g.startsWith("jvm:"))
            * perReading,
        c.of(CpuBreakdown.OWN_BACKENDS) * perReading,
        c.of("mosquitto") * perReading,
        c.sumOf(g -> g.startsWith("publisher:")) * perReading);
    return t;
  }

  private static String threadGroup(String name) {
    if (name.startsWith("MQTT") && name.contains(LOAD_CLIENT)) {
      return "publisher: Paho threads";
    }
    if (name.startsWith("load-sender")) {
      return "publisher: load generator (JSON, pacing)";
    }
    if (name.startsWith("MQTT Rec") && name.contains(INGEST_CLIENT)) {
      return "ingest: Paho receive (socket, decode)";
    }
    if (name.startsWith("MQTT Call") && name.contains(INGEST_CLIENT)) {
      return "ingest: Paho callback (connector enqueue)";
    }
    if (name.startsWith("MQTT") && name.contains(INGEST_CLIENT)) {
      return "ingest: Paho send (PUBACK) + ping";
    }
    if (name.contains("blocking-dispatcher")) {
      return "node: JDBC (blocking dispatcher)";
    }
    if (name.contains("default-dispatcher")) {
      return "node: streams + actors (parse, batch, ack, entities)";
    }
    return "jvm: other threads";
  }

  private record ProbeSnapshot(long committed, long inserted) {
    ProbeSnapshot(StageProbes probes, long committed) {
      this(committed, probes.insertedRows.sum());
    }
  }

  private record ParseCost(double microsPerMessage, double readingsPerSecond) {}

  /**
   * @param published readings in energy_readings once the run is committed, all runs so far
   * @param hostileRows rows stored from the good readings inside hostile messages
   */
  private record PipelineOutcome(
      LoadReport load,
      long published,
      Expected expectedAfter,
      long hostileRows,
      Duration elapsed,
      Duration publishing,
      long committed,
      long inserted,
      boolean drained,
      CpuBreakdown.Result cpu) {

    /** The load's readings made durable per second, first publish to last commit. */
    double loadReadingsPerSecond() {
      return (inserted - hostileRows) * 1e9 / elapsed.toNanos();
    }
  }

  /** Rows the tables must hold: all tables, and energy_readings alone. */
  private record Expected(long rows, long energyRows) {}

  /** The load's readings over the runs' time together. */
  private static double rate(List<PipelineOutcome> runs) {
    double readings = runs.stream().mapToDouble(o -> o.inserted() - o.hostileRows()).sum();
    double seconds = runs.stream().mapToDouble(o -> o.elapsed().toNanos() / 1e9).sum();
    return readings / seconds;
  }

  /**
   * The runs with live detection off and on, in the order run, the load average after each, and the
   * anomalies the runs with detection raised.
   */
  private record DetectionComparison(
      List<PipelineOutcome> off, List<PipelineOutcome> on, List<String> loads, long anomalies) {

    void addTo(SummaryTable t) {
      var section =
          t.section("live detection off / on (the last run's figures are the ones above)");
      for (int i = 0; i < off.size(); i++) {
        section.row(
            "round " + (i + 1) + ": off / on",
            "%,.0f / %,.0f readings/s durable (load average after: %s / %s)%s",
            off.get(i).loadReadingsPerSecond(),
            on.get(i).loadReadingsPerSecond(),
            loads.get(2 * i),
            loads.get(2 * i + 1),
            off.get(i).drained() && on.get(i).drained() ? "" : " (a backlog was NOT drained)");
      }
      double offRate = rate(off);
      double onRate = rate(on);
      section
          .row("all runs with detection off", "%,.0f readings/s durable", offRate)
          .row("all runs with detection on", "%,.0f readings/s durable", onRate)
          .row("on / off", "%.1f %% (target >= 90 %%)", 100 * onRate / offRate)
          .row("anomalies raised with detection on", "%,d", anomalies);
    }
  }

  /** The clean and the hostile runs, and what the hostile messages must have become. */
  private record HostileComparison(
      List<PipelineOutcome> clean,
      List<PipelineOutcome> withHostile,
      long messages,
      long expected,
      long recorded) {

    void addTo(SummaryTable t, double percent) {
      var section = t.section("hostile input (the last run's figures are the ones above)");
      for (int i = 0; i < clean.size(); i++) {
        section.row(
            "round " + (i + 1) + ": clean / with " + percent + " % hostile",
            "%,.0f / %,.0f readings/s durable%s",
            clean.get(i).loadReadingsPerSecond(),
            withHostile.get(i).loadReadingsPerSecond(),
            clean.get(i).drained() && withHostile.get(i).drained()
                ? ""
                : " (a backlog was NOT drained)");
      }
      double cleanRate = rate(clean);
      double hostileRate = rate(withHostile);
      section
          .row("all clean runs", "%,.0f readings/s durable", cleanRate)
          .row(
              "all runs with " + percent + " % hostile",
              "%,.0f readings/s durable (%,d hostile messages)",
              hostileRate,
              messages)
          .row("hostile / clean", "%.1f %% (target >= 95 %%)", 100 * hostileRate / cleanRate)
          .row("rejects expected / recorded", "%,d / %,d", expected, recorded);
    }
  }
}
