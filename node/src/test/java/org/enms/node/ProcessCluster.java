package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.enms.core.plant.DemoPlant;
import org.enms.node.testing.MosquittoProcess;
import org.enms.simulator.load.LoadMachines;

/**
 * Nodes as separate JVMs on loopback in one cluster, on one PostgreSQL ({@link NodeFixture}) and
 * one Mosquitto with the project's {@code docker/mosquitto.conf}: nodes {@code node-a}, {@code
 * node-b}, … all listed as seeds. Needs the {@code mosquitto} binary ({@link #available}).
 */
final class ProcessCluster implements AutoCloseable {
  static final List<String> NODE_JVM =
      List.of(
          "-Xmx256m",
          "-Xss512k",
          "-XX:+UseSerialGC",
          "-XX:TieredStopAtLevel=1",
          "-XX:ReservedCodeCacheSize=64m");

  private final Path workDir;
  private final MosquittoProcess mosquitto;
  private final NodeFixture fixture;
  private final List<ClusterNode> nodes = new ArrayList<>();

  /**
   * @param settings {@code ENMS_...} settings of every node, besides the cluster's own
   */
  ProcessCluster(String name, int size, Map<String, String> settings) {
    workDir = NodeFixture.tempDir(name);
    mosquitto =
        MosquittoProcess.start(
            "mosquitto", Path.of("../docker/mosquitto.conf"), workDir.resolve("mosquitto.log"));
    fixture = new NodeFixture(mosquitto.url());
    List<Integer> clusterPorts =
        IntStream.range(0, size).mapToObj(i -> NodeFixture.freePort()).toList();
    String seeds =
        clusterPorts.stream()
            .map(p -> "pekko://enms@127.0.0.1:" + p)
            .collect(Collectors.joining(","));
    for (int i = 0; i < size; i++) {
      nodes.add(
          new ClusterNode(
              "node-" + (char) ('a' + i),
              clusterPorts.get(i),
              seeds,
              fixture.processEnvironment(),
              settings,
              NODE_JVM,
              workDir));
    }
  }

  static boolean available() {
    return MosquittoProcess.installed("mosquitto");
  }

  /**
   * The first seed alone first (it forms the cluster, migrates the database and is the oldest),
   * then the others; returns once every node is healthy and sees all members up.
   */
  void startAll() {
    ClusterNode first = nodes.get(0);
    first.start();
    NodeFixture.await(first + " healthy", Duration.ofSeconds(120), first::healthy);
    nodes.stream().skip(1).forEach(ClusterNode::start);
    NodeFixture.await(
        nodes.size() + " healthy nodes in one cluster",
        Duration.ofSeconds(120),
        () -> nodes.stream().allMatch(n -> n.healthy() && n.membersUp() == nodes.size()));
  }

  /**
   * Registers the load generator's first {@code machines} machines and waits for every node to
   * accept them.
   */
  void registerLoadMachines(int machines) {
    for (int i = 0; i < machines; i++) {
      HttpResponse<String> created = nodes.get(0).send("POST", "/api/v1/machines", registration(i));
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
    int accepted = DemoPlant.MACHINES.size() + machines;
    NodeFixture.await(
        "every node accepting the " + machines + " load machines",
        Duration.ofSeconds(30),
        () ->
            nodes.stream()
                .allMatch(
                    n ->
                        n.json("/health").path("broker").path("machines_accepted").asInt()
                            == accepted));
  }

  private static String registration(int index) {
    return "{\"id\": \""
        + LoadMachines.machineId(index)
        + "\", \"name\": \"load-machine-"
        + index
        + "\", \"factory\": \"Demo Manufacturing Plant\", \"type\": \"other\","
        + " \"rated_power_kw\": 120}";
  }

  List<ClusterNode> nodes() {
    return nodes;
  }

  String brokerUrl() {
    return mosquitto.url();
  }

  long count(String sql) {
    return fixture.count(sql);
  }

  Path workDir() {
    return workDir;
  }

  @Override
  public void close() throws Exception {
    for (ClusterNode n : nodes) {
      n.close();
    }
    fixture.close();
    mosquitto.close();
  }
}
