package org.enms.bench;

import com.typesafe.config.ConfigFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.node.testing.MosquittoProcess;
import org.enms.simulator.load.LoadGenerator;
import org.enms.simulator.load.LoadMachines;
import org.enms.simulator.load.LoadSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./enms bench capacity}: a cluster of N node processes on this machine, one PostgreSQL and
 * one Mosquitto ({@code docker/mosquitto.conf}), with M machines each reporting once per interval
 * through the simulator's load generator (QoS 1, one reading per message). It measures the entities
 * and the heap after a full GC on each node, idle and with every machine live; the readings stored
 * per second over a window; then kills the oldest node (shard coordinator) with SIGKILL and times
 * how long a sample of its machines takes to answer again on the survivors, and to show a reading
 * newer than the kill. It ends with the capacity arithmetic those figures give.
 */
@Command(
    name = "capacity",
    mixinStandardHelpOptions = true,
    description = "Machines per node and failover time: N node processes, M machines.")
final class CapacityBench implements Callable<Integer> {
  private static final String DATABASE = "enms_capacity_bench";

  @Option(names = "--machines", description = "Default ${DEFAULT-VALUE}.")
  int machines = 100_000;

  @Option(names = "--nodes", description = "Node processes, at least 3 (default ${DEFAULT-VALUE}).")
  int nodes = 3;

  @Option(
      names = "--interval",
      converter = DurationConverter.class,
      description = "Each machine reports once per interval (default ${DEFAULT-VALUE}).")
  Duration interval = Duration.ofSeconds(30);

  @Option(
      names = "--duration",
      converter = DurationConverter.class,
      description =
          "Window over which stored readings/s are measured, once every machine is live (default ${DEFAULT-VALUE}).")
  Duration duration = Duration.ofSeconds(60);

  @Option(
      names = "--settle-timeout",
      converter = DurationConverter.class,
      description =
          "How long every machine may take to have a live entity (default ${DEFAULT-VALUE}).")
  Duration settleTimeout = Duration.ofMinutes(10);

  @Option(
      names = "--failover-timeout",
      converter = DurationConverter.class,
      description =
          "How long the lost node's machines may take to serve again (default ${DEFAULT-VALUE}).")
  Duration failoverTimeout = Duration.ofMinutes(4);

  @Option(
      names = "--sample",
      description = "The lost node's machines polled after the kill (default ${DEFAULT-VALUE}).")
  int sample = 300;

  @Option(
      names = "--node-jvm",
      split = " ",
      description = "Each node's JVM flags (default: ${DEFAULT-VALUE}).")
  List<String> nodeJvm = List.of("-Xmx1g", "-XX:+UseSerialGC", "-Xss512k");

  @Option(
      names = "--heap-budget",
      description =
          "Share of a node's -Xmx the model lets entities fill, the rest being room for garbage between collections (default ${DEFAULT-VALUE}).")
  double heapBudget = 0.5;

  @Mixin BenchMosquittoOptions mosquittoOptions = new BenchMosquittoOptions();

  @Option(
      names = "--publishers",
      description = "Load generator connections (default ${DEFAULT-VALUE}).")
  int publishers = 4;

  @Mixin BenchDatabaseOptions db = new BenchDatabaseOptions();

  private final PrintStream out = System.out;
  private final List<CapacityNode> cluster = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (nodes < 3) {
      throw new IllegalArgumentException("--nodes must be at least 3 (keep-majority after a loss)");
    }
    Path workDir = Files.createTempDirectory("enms-bench-capacity");
    progress("work directory (node and broker logs) %s; load %s", workDir, LoadAverage.read());
    try (MosquittoProcess mosquitto = mosquittoOptions.start(workDir.resolve("mosquitto.log"))) {
      prepareDatabase();
      startCluster(mosquitto.url(), workDir);
      return measure(mosquitto.url());
    } finally {
      for (CapacityNode n : cluster) {
        n.close();
      }
    }
  }

  private void prepareDatabase() {
    db.recreate(DATABASE);
    Map<String, Object> o = new HashMap<>();
    db.putInto(o, DATABASE);
    o.put("enms.db.dialect", "auto");
    ConfigFactory.invalidateCaches();
    var config = ConfigFactory.parseMap(o).withFallback(ConfigFactory.load()).resolve();
    try (Database database = Database.start(DbSettings.fromConfig(config))) {
      BenchDatabase.registerLoadMachines(database, machines);
    }
    progress("database %s migrated, %,d machines registered", db.url(DATABASE), machines);
  }

  private void startCluster(String broker, Path workDir) throws Exception {
    List<Integer> clusterPorts = IntStream.range(0, nodes).mapToObj(i -> freePort()).toList();
    Map<String, String> env = new HashMap<>();
    env.put("ENMS_DB_URL", db.url(DATABASE));
    env.put("ENMS_DB_USER", db.user);
    env.put("ENMS_DB_PASSWORD", db.password);
    env.put("ENMS_MQTT_URL", broker);
    env.put("ENMS_MQTT_SHARED_GROUP", "enms");
    env.put("ENMS_MQTT_CONNECTIONS", "2");
    env.put("ENMS_SIMULATOR", "false");
    env.put(
        "ENMS_SEED_NODES",
        clusterPorts.stream()
            .map(p -> "pekko://enms@127.0.0.1:" + p)
            .collect(Collectors.joining(",")));
    // an entity must not passivate between two of its machine's readings
    env.put("ENMS_MACHINE_IDLE_TIMEOUT", Math.max(120, 3 * interval.toSeconds()) + "s");
    for (String job :
        List.of("TRAINING_CLEANUP", "BASELINE_RETRAIN", "ANOMALY_DETECT", "KPI_CALCULATE")) {
      env.put("ENMS_SCHEDULE_" + job, "off");
    }
    for (int i = 0; i < nodes; i++) {
      cluster.add(
          new CapacityNode(
              "node-" + (char) ('a' + i), clusterPorts.get(i), freePort(), env, nodeJvm, workDir));
    }
    long started = System.nanoTime();
    // The first seed alone first: it forms the cluster and is the oldest (the coordinator).
    cluster.get(0).start();
    awaitCondition("node-a healthy", Duration.ofMinutes(3), () -> cluster.get(0).healthy());
    cluster.subList(1, nodes).forEach(CapacityNode::start);
    awaitCondition(
        nodes + " healthy nodes in one cluster",
        Duration.ofMinutes(3),
        () -> cluster.stream().allMatch(n -> n.healthy() && membersUp(n) == nodes));
    progress(
        "%d nodes up in one cluster after %.0f s (%s)",
        nodes, secondsSince(started), String.join(" ", nodeJvm));
  }

  private int measure(String broker) throws Exception {
    Map<CapacityNode, Long> idleHeap = heapPerNode();
    progress("heap after full GC, idle: %s", mb(idleHeap));

    double rate = CapacityModel.readingsPerSecond(machines, interval);
    Duration feedFor =
        settleTimeout.plus(duration).plus(failoverTimeout).plus(Duration.ofMinutes(5));
    LastLine generatorLine = new LastLine();
    Thread feed = startFeed(broker, rate, feedFor, generatorLine);
    progress(
        "load generator: %,d machines, one reading each per %d s = %,.0f readings/s, QoS 1",
        machines, interval.toSeconds(), rate);

    long settleStart = System.nanoTime();
    long[] lastStored = {rows(), System.nanoTime()};
    boolean allLive = true;
    while (entitiesPerNode().values().stream().mapToInt(Integer::intValue).sum() < machines) {
      if (System.nanoTime() - settleStart > settleTimeout.toNanos() || !feed.isAlive()) {
        // measure what is live all the same: a cluster that cannot start them all is a figure too
        progress("not every machine live within %s; measuring as it is", settleTimeout);
        allLive = false;
        break;
      }
      Thread.sleep(10_000);
      progressLine(lastStored, generatorLine);
    }
    double settled = secondsSince(settleStart);
    if (allLive) {
      progress("every machine has a live entity %.0f s after the generator started", settled);
    }

    long rowsBefore = rows();
    long windowStart = System.nanoTime();
    lastStored[0] = rowsBefore;
    lastStored[1] = windowStart;
    while (System.nanoTime() - windowStart < duration.toNanos()) {
      Thread.sleep(Math.min(10_000, duration.toMillis()));
      progressLine(lastStored, generatorLine);
    }
    double storedRate = (rows() - rowsBefore) / secondsSince(windowStart);
    Map<CapacityNode, Integer> entities = entitiesPerNode();
    Map<CapacityNode, Long> liveHeap = heapPerNode();
    progress("entities per node %s; heap after full GC %s", entities, mb(liveHeap));

    CapacityNode lost = cluster.get(0);
    List<CapacityNode> survivors = cluster.subList(1, nodes);
    List<String> orphans = lost.entities();
    Map<String, String> probed = sampleOf(orphans);
    Instant killedAt = Instant.now();
    long killedNanos = System.nanoTime();
    lost.kill();
    progress(
        "killed %s (kill -9, the oldest: shard coordinator) hosting %,d machines; polling %d of them on the survivors",
        lost, orphans.size(), probed.size());
    FailoverProbe.Outcome failover =
        FailoverProbe.await(probed, survivors, killedAt, killedNanos, failoverTimeout, out);
    Map<CapacityNode, Integer> after = new LinkedHashMap<>();
    for (CapacityNode n : survivors) {
      after.put(n, n.entities().size());
    }
    Map<CapacityNode, Long> afterHeap = new LinkedHashMap<>();
    for (CapacityNode n : survivors) {
      afterHeap.put(n, n.heapUsedAfterGc());
    }
    progress("after the kill: entities %s; heap after full GC %s", after, mb(afterHeap));

    summary(
        rate,
        settled,
        storedRate,
        idleHeap,
        entities,
        liveHeap,
        orphans.size(),
        failover,
        after,
        afterHeap);
    return allLive && failover.fresh().size() == failover.sampled() ? 0 : 1;
  }

  private void summary(
      double offered,
      double settled,
      double storedRate,
      Map<CapacityNode, Long> idleHeap,
      Map<CapacityNode, Integer> entities,
      Map<CapacityNode, Long> liveHeap,
      int orphans,
      FailoverProbe.Outcome failover,
      Map<CapacityNode, Integer> after,
      Map<CapacityNode, Long> afterHeap) {
    double idle = idleHeap.values().stream().mapToLong(Long::longValue).average().orElse(0);
    // per entity: each node's growth over its own idle heap, over all nodes' entities
    long grown = 0;
    for (CapacityNode n : liveHeap.keySet()) {
      grown += liveHeap.get(n) - idleHeap.get(n);
    }
    double perEntity =
        grown / (double) entities.values().stream().mapToInt(Integer::intValue).sum();
    long xmx = maxHeapFlag();
    var model = new CapacityModel(Math.round(idle), perEntity, Math.round(xmx * heapBudget));
    long million = 1_000_000;
    var t =
        new SummaryTable(
                String.format(
                    "capacity: %,d machines on %d node processes, one reading per %d s",
                    machines, nodes, interval.toSeconds()))
            .row("load average at the end", LoadAverage.read())
            .row("node JVM", String.join(" ", nodeJvm))
            .row(
                "every machine live after",
                entities.values().stream().mapToInt(Integer::intValue).sum() == machines
                    ? String.format("%.0f s", settled)
                    : String.format("not within %.0f s", settled))
            .row("entities per node", "%s", entities)
            .row("heap after full GC, idle", "%s", mb(idleHeap))
            .row("heap after full GC, all machines live", "%s", mb(liveHeap))
            .row("heap per entity (growth over idle)", "%,.0f bytes", perEntity)
            .row(
                "readings/s offered / stored",
                "%,.0f / %,.0f over %d s",
                offered,
                storedRate,
                duration.toSeconds())
            .section("kill -9 of node-a (coordinator), " + orphans + " machines")
            .row(
                "sampled machines answering again (p50 / p95 / max)",
                "%d/%d, %.1f / %.1f / %.1f s",
                failover.answered().size(),
                failover.sampled(),
                FailoverProbe.percentile(failover.answered(), 50),
                FailoverProbe.percentile(failover.answered(), 95),
                FailoverProbe.percentile(failover.answered(), 100))
            .row(
                "with a reading newer than the kill (p50 / p95 / max)",
                "%d/%d, %.1f / %.1f / %.1f s",
                failover.fresh().size(),
                failover.sampled(),
                FailoverProbe.percentile(failover.fresh(), 50),
                FailoverProbe.percentile(failover.fresh(), 95),
                FailoverProbe.percentile(failover.fresh(), 100))
            .row("entities on the survivors", "%s", after)
            .row("heap after full GC on the survivors", "%s", mb(afterHeap))
            .section(
                String.format(
                    "model: %.0f %% of -Xmx %,d MB for idle state + entities",
                    heapBudget * 100, xmx / 1_000_000))
            .row("machines per node (heap)", "%,d", model.machinesPerNode())
            .row("nodes for 1,000,000 machines (+1 spare)", "%d", model.nodesFor(million))
            .row(
                "readings/s of 1,000,000 machines at this interval",
                "%,.0f",
                CapacityModel.readingsPerSecond(million, interval));
    t.print(out);
  }

  private Thread startFeed(String broker, double rate, Duration feedFor, LastLine line) {
    var settings =
        new LoadSettings(
            broker,
            "capacity-feed",
            machines,
            rate,
            publishers,
            1,
            1,
            1000,
            Optional.of(feedFor),
            OptionalLong.empty());
    // Runs until the bench's process exits: one run, so every machine keeps its interval.
    Thread t =
        new Thread(
            () -> {
              try {
                new LoadGenerator(settings, new PrintStream(line, true)).run();
              } catch (Exception e) {
                progress("load generator stopped: %s", e);
              }
            },
            "capacity-feed");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private void progressLine(long[] last, LastLine generator) throws IOException, SQLException {
    long now = System.nanoTime();
    // from the table: a saturated node's /health can take longer than a progress interval
    long stored = rows();
    progress(
        "stored %,d readings, %,.0f/s; entities %s; generator: %s; load %s",
        stored,
        (stored - last[0]) * 1e9 / (now - last[1]),
        entitiesPerNode(),
        generator.get(),
        LoadAverage.read());
    last[0] = stored;
    last[1] = now;
  }

  /** Rows in energy_readings: what the cluster has durably stored. */
  private long rows() throws SQLException {
    try (Connection c = DriverManager.getConnection(db.url(DATABASE), db.user, db.password);
        var s = c.createStatement();
        var r = s.executeQuery("SELECT count(*) FROM energy_readings")) {
      r.next();
      return r.getLong(1);
    }
  }

  private Map<CapacityNode, Integer> entitiesPerNode() throws IOException {
    Map<CapacityNode, Integer> m = new LinkedHashMap<>();
    for (CapacityNode n : cluster) {
      if (n.isAlive()) {
        m.put(n, n.entities().size());
      }
    }
    return m;
  }

  private Map<CapacityNode, Long> heapPerNode() throws IOException, InterruptedException {
    Map<CapacityNode, Long> m = new LinkedHashMap<>();
    for (CapacityNode n : cluster) {
      m.put(n, n.heapUsedAfterGc());
    }
    return m;
  }

  /** Up to {@link #sample} of {@code ids}, spread over the list, with their registered names. */
  private Map<String, String> sampleOf(List<String> ids) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < machines; i++) {
      index.put(LoadMachines.machineId(i).toString(), i);
    }
    Map<String, String> picked = new LinkedHashMap<>();
    int step = Math.max(1, ids.size() / Math.max(1, sample));
    for (int i = 0; i < ids.size() && picked.size() < sample; i += step) {
      picked.put(ids.get(i), "load-machine-" + index.get(ids.get(i)));
    }
    return picked;
  }

  private static int membersUp(CapacityNode n) {
    try {
      return n.health().path("cluster").path("members_up").asInt();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The -Xmx given to the nodes, in bytes (the JVM's default of a quarter of RAM otherwise). */
  private long maxHeapFlag() {
    return nodeJvm.stream()
        .filter(f -> f.startsWith("-Xmx"))
        .reduce((a, b) -> b)
        .map(f -> ConfigFactory.parseString("m = " + f.substring(4)).getBytes("m"))
        .orElse(Runtime.getRuntime().maxMemory());
  }

  private static String mb(Map<CapacityNode, Long> bytes) {
    return bytes.entrySet().stream()
        .map(e -> String.format("%s=%,.0f MB", e.getKey(), e.getValue() / 1e6))
        .collect(Collectors.joining(" "));
  }

  interface Check {
    boolean holds() throws Exception;
  }

  private void awaitCondition(String what, Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!check.holds()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not reached within " + timeout + ": " + what);
      }
      Thread.sleep(1000);
    }
  }

  private static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private void progress(String format, Object... args) {
    out.println(Instant.now() + "  " + String.format(format, args));
    out.flush();
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Keeps the last line printed to it: the load generator's latest progress line. */
  private static final class LastLine extends OutputStream {
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();
    private volatile String last = "starting";

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        last = current.toString(java.nio.charset.StandardCharsets.UTF_8);
        current.reset();
      } else {
        current.write(b);
      }
    }

    String get() {
      return last;
    }
  }
}
