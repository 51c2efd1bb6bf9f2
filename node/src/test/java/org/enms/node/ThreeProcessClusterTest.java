package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.enms.http.events.WsClient;
import org.enms.simulator.load.LoadMachines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes as separate JVM processes on loopback, in one cluster, on one PostgreSQL and one
 * Mosquitto (the project's {@code docker/mosquitto.conf}), each subscribed to the shared group. The
 * simulator's load generator publishes QoS 1 readings of 60 machines at a steady rate throughout.
 *
 * <ul>
 *   <li>the machine entities spread over the three nodes;
 *   <li>every node's API answers for machines hosted on the others, and a WebSocket client on every
 *       node receives the live readings of machines hosted on each node;
 *   <li>the oldest node (shard coordinator and scheduler singleton) is killed with SIGKILL: the
 *       split-brain resolver downs it and its machines serve fresh readings from the survivors
 *       within 30 s;
 *   <li>restarted with its MQTT client ids, it rejoins, takes machines and readings again (a
 *       survivor may have adopted its sessions meanwhile: {@code LostNodeSessionAdoptionTest});
 *   <li>every reading the broker acknowledged is stored exactly once;
 *   <li>a job scheduled every 5 s ran once per due time in the whole cluster.
 * </ul>
 *
 * Needs the {@code mosquitto} binary (Debian package mosquitto); without it the class is skipped.
 */
class ThreeProcessClusterTest {
  private static final int MACHINES = 60;
  private static final double RATE = 200;
  private static final Duration FAILOVER_LIMIT = Duration.ofSeconds(30);
  private static final Pattern JOB_STARTED =
      Pattern.compile("job training_cleanup starting \\(due (\\S+)\\)");

  private ProcessCluster cluster;
  private List<ClusterNode> nodes;
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(
        ProcessCluster.available(),
        "the mosquitto binary is not installed (Debian package mosquitto)");
    cluster =
        new ProcessCluster(
            "enms-three-nodes",
            3,
            Map.of(
                "ENMS_SCHEDULE_TRAINING_CLEANUP", "*/5 * * * * *",
                "ENMS_SCHEDULE_BASELINE_RETRAIN", "off",
                "ENMS_SCHEDULE_ANOMALY_DETECT", "off",
                "ENMS_SCHEDULE_KPI_CALCULATE", "off"));
    nodes = cluster.nodes();
    progress("node logs in %s", cluster.workDir());
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void survivesAKillDashNineWithoutLosingOrDuplicatingAReading() throws Exception {
    ClusterNode a = nodes.get(0);
    ClusterNode b = nodes.get(1);
    ClusterNode c = nodes.get(2);
    long started = System.nanoTime();
    cluster.startAll();
    progress("3 nodes up in one cluster after %.0f s", seconds(started));
    cluster.registerLoadMachines(MACHINES);

    List<WsClient> watchers = new ArrayList<>();
    for (ClusterNode n : nodes) {
      WsClient watcher = WsClient.connect(http, n.wsUrl() + "/ws");
      watcher.send("{\"action\": \"follow\", \"machine_ids\": [" + allMachines() + "]}");
      watchers.add(watcher);
    }

    Instant feedStarted = Instant.now();
    SimulatorFeed feed = new SimulatorFeed(cluster.brokerUrl(), MACHINES, RATE);
    progress("simulator publishing %d machines at %.0f readings/s, QoS 1", MACHINES, RATE);
    NodeFixture.await(
        "the machine entities spread over the three nodes",
        Duration.ofSeconds(60),
        () ->
            nodes.stream().allMatch(n -> !n.entities().isEmpty())
                && nodes.stream().mapToInt(n -> n.entities().size()).sum() == MACHINES);
    Map<ClusterNode, List<String>> hosted = new HashMap<>();
    for (ClusterNode n : nodes) {
      hosted.put(n, n.entities());
    }
    progress(
        "entities per node: a=%d b=%d c=%d",
        hosted.get(a).size(), hosted.get(b).size(), hosted.get(c).size());

    // Any node's API answers for any machine: each asks the entities hosted on the other two.
    for (ClusterNode asked : nodes) {
      for (ClusterNode host : nodes) {
        String machine = hosted.get(host).get(0);
        HttpResponse<String> status = asked.get("/api/v1/machines/status/" + name(machine));
        assertThat(status.statusCode()).as(asked + " for a machine on " + host).isEqualTo(200);
        assertThat(NodeFixture.json(status).path("current_status").path("last_reading").isNull())
            .as("live state of a machine on %s, asked on %s", host, asked)
            .isFalse();
      }
    }
    // Every node's events reach every node's clients: each client sees readings of machines
    // hosted on each of the three nodes.
    for (int i = 0; i < 3; i++) {
      awaitReadingsFrom(watchers.get(i), nodes.get(i), hosted, feedStarted);
    }
    // One watcher (on node-b) stays for after the restart; the others would only pile up events.
    WsClient watcher = watchers.get(1);
    watchers.get(0).close();
    watchers.get(2).close();
    progress("every node answers for every machine; WebSocket readings cross all nodes");
    // The shared subscription splits the messages over the three processes.
    for (ClusterNode n : nodes) {
      assertThat(n.readingsStored()).as("readings stored by " + n).isPositive();
    }
    progress(
        "readings stored per node: a=%d b=%d c=%d",
        a.readingsStored(), b.readingsStored(), c.readingsStored());

    // SIGKILL of the oldest node: it holds the shard coordinator and the scheduler singleton.
    String schedulerBefore = b.json("/api/v1/scheduler/status").path("node").asText();
    assertThat(schedulerBefore).isEqualTo(a.address());
    List<String> orphans = hosted.get(a);
    long storedAtKill = cluster.count("SELECT count(*) FROM energy_readings");
    Instant killedAt = Instant.now();
    long killedNanos = System.nanoTime();
    a.kill();
    progress(
        "killed node-a (kill -9) with %d machines; %d readings stored",
        orphans.size(), storedAtKill);

    Duration failover = awaitServedAgain(orphans, killedAt, killedNanos, List.of(b, c));
    progress(
        "node-a's %d machines serve fresh readings on b/c after %.1f s",
        orphans.size(), failover.toMillis() / 1000.0);
    assertThat(failover).isLessThanOrEqualTo(FAILOVER_LIMIT);
    NodeFixture.await(
        "the survivors hosting all machines",
        Duration.ofSeconds(30),
        () -> b.entities().size() + c.entities().size() == MACHINES);
    progress(
        "entities after the kill: b=%d c=%d; cluster members up: %d",
        b.entities().size(), c.entities().size(), b.membersUp());
    NodeFixture.await(
        "the scheduler singleton on a survivor",
        Duration.ofSeconds(30),
        () ->
            Set.of(b.address(), c.address())
                .contains(b.json("/api/v1/scheduler/status").path("node").asText()));

    // The restart keeps node-a's client ids: it resumes its sessions, and takes them over if a
    // survivor is still draining them (session adoption); the adopter then stops.
    progress(
        "before the restart: %d readings stored, %d acknowledged by the broker in finished runs",
        cluster.count("SELECT count(*) FROM energy_readings"), feed.acknowledged());
    long restartedNanos = System.nanoTime();
    a.start();
    NodeFixture.await(
        "node-a back in a cluster of three",
        Duration.ofSeconds(120),
        () -> a.healthy() && b.membersUp() == 3 && c.membersUp() == 3 && a.membersUp() == 3);
    progress("node-a rejoined after %.0f s", seconds(restartedNanos));
    NodeFixture.await(
        "node-a taking machines and readings again",
        Duration.ofSeconds(60),
        () -> !a.entities().isEmpty() && a.readingsStored() > 0);
    progress(
        "node-a hosts %d machines and has stored %d readings %.0f s after the restart",
        a.entities().size(), a.readingsStored(), seconds(restartedNanos));
    watcher.drain();
    awaitReadingsFrom(watcher, b, Map.of(a, a.entities()), Instant.now());

    progress(
        "entities at the end: a=%d b=%d c=%d",
        a.entities().size(), b.entities().size(), c.entities().size());
    feed.close();
    watcher.close();
    long published = feed.acknowledged();
    assertThat(feed.failed()).as("publications that failed").isZero();
    NodeFixture.await(
        "every acknowledged reading stored",
        Duration.ofSeconds(90),
        () -> cluster.count("SELECT count(*) FROM energy_readings") >= published);
    long stored = cluster.count("SELECT count(*) FROM energy_readings");
    long distinct =
        cluster.count(
            "SELECT count(DISTINCT (machine_id, time, energy_type)) FROM energy_readings");
    progress(
        "readings published (broker-acked) %d, stored %d, distinct %d",
        published, stored, distinct);
    assertThat(stored).as("stored readings vs acknowledged").isEqualTo(published);
    assertThat(distinct).as("no reading stored twice").isEqualTo(stored);
    assertThat(cluster.count("SELECT count(*) FROM ingest_rejects")).isZero();

    // Scheduled every 5 s on every node's configuration, run once per due time in the cluster,
    // before and after the singleton moved.
    List<String> dueTimes = new ArrayList<>();
    for (ClusterNode n : nodes) {
      dueTimes.addAll(scheduledRuns(n));
    }
    progress("training_cleanup ran %d times over the cluster", dueTimes.size());
    assertThat(dueTimes.size()).isGreaterThanOrEqualTo(6);
    assertThat(new HashSet<>(dueTimes)).as("one run per due time").hasSize(dueTimes.size());
    assertThat(scheduledRuns(a)).as("runs on node-a before the kill").isNotEmpty();
    assertThat(scheduledRuns(b).size() + scheduledRuns(c).size())
        .as("runs on a survivor after the kill")
        .isPositive();
    progress("done in %.0f s", seconds(started));
  }

  /** The due times of the scheduled runs this node's processes logged. */
  private static List<String> scheduledRuns(ClusterNode node) throws IOException {
    List<String> due = new ArrayList<>();
    for (String line : node.logLines()) {
      Matcher m = JOB_STARTED.matcher(line);
      if (m.find()) {
        due.add(m.group(1));
      }
    }
    return due;
  }

  /**
   * Waits until {@code client} has received a reading later than {@code since} of a machine hosted
   * on each node given.
   */
  private static void awaitReadingsFrom(
      WsClient client, ClusterNode on, Map<ClusterNode, List<String>> hosted, Instant since)
      throws InterruptedException {
    Map<ClusterNode, Set<String>> wanted = new HashMap<>();
    hosted.forEach((n, ids) -> wanted.put(n, Set.copyOf(ids)));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!wanted.isEmpty()) {
      Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
      JsonNode reading = client.nextOfType("machine_reading", left).json().path("data");
      if (Instant.parse(reading.path("time").asText()).isAfter(since)) {
        String machine = reading.path("machine_id").asText();
        wanted.values().removeIf(ids -> ids.contains(machine));
      }
    }
    assertThat(wanted).as("nodes whose readings reached a client on " + on).isEmpty();
  }

  /**
   * Polls the survivors, in turn, for the live status of each of {@code machines} until each one
   * shows a reading newer than the kill; how long after the kill the last one did.
   */
  private static Duration awaitServedAgain(
      List<String> machines, Instant killedAt, long killedNanos, List<ClusterNode> survivors)
      throws InterruptedException {
    Map<String, Long> servedAt = new ConcurrentHashMap<>();
    Map<String, CompletableFuture<?>> pending = new HashMap<>();
    long deadline = killedNanos + FAILOVER_LIMIT.plusSeconds(30).toNanos();
    int turn = 0;
    while (servedAt.size() < machines.size() && System.nanoTime() < deadline) {
      for (String machine : machines) {
        if (servedAt.containsKey(machine)
            || (pending.containsKey(machine) && !pending.get(machine).isDone())) {
          continue;
        }
        ClusterNode asked = survivors.get(turn++ % survivors.size());
        pending.put(
            machine,
            asked
                .getAsync("/api/v1/machines/status/" + name(machine))
                .thenAccept(
                    r -> {
                      if (r.statusCode() == 200 && readingAfter(r, killedAt)) {
                        servedAt.putIfAbsent(machine, System.nanoTime());
                      }
                    })
                .exceptionally(e -> null));
      }
      Thread.sleep(100);
    }
    assertThat(servedAt.keySet())
        .as("node-a's machines serving again on the survivors")
        .containsExactlyInAnyOrderElementsOf(machines);
    long last = servedAt.values().stream().mapToLong(Long::longValue).max().orElse(killedNanos);
    return Duration.ofNanos(last - killedNanos);
  }

  private static boolean readingAfter(HttpResponse<String> status, Instant instant) {
    JsonNode last = NodeFixture.json(status).path("current_status").path("last_reading");
    return !last.isNull() && !last.isMissingNode() && Instant.parse(last.asText()).isAfter(instant);
  }

  /** The registered name of a load machine, by its id. */
  private static String name(String machineId) {
    for (int i = 0; i < MACHINES; i++) {
      if (LoadMachines.machineId(i).toString().equals(machineId)) {
        return "load-machine-" + i;
      }
    }
    throw new IllegalArgumentException("not a load machine: " + machineId);
  }

  private static String allMachines() {
    return IntStream.range(0, MACHINES)
        .mapToObj(i -> "\"" + LoadMachines.machineId(i) + "\"")
        .collect(Collectors.joining(","));
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static void progress(String format, Object... args) {
    System.out.println(Instant.now() + " [three-node cluster] " + String.format(format, args));
  }
}
