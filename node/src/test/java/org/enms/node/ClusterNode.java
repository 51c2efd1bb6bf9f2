package org.enms.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.enms.node.testing.NodeProcess;

/**
 * One node of a multi-process cluster test: its own JVM ({@link NodeProcess}) on the shared group
 * with two connections and client ids {@code enms-<name>-<n>}. Its ports and settings stay across
 * restarts; each start writes a new log.
 */
final class ClusterNode implements AutoCloseable {
  private static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final int clusterPort;
  private final int httpPort;
  private final List<String> jvm;
  private final Path workDir;
  private final Map<String, String> environment;
  private final List<Path> logs = new ArrayList<>();
  private NodeProcess process;

  /**
   * @param base the fixture's process environment (database, broker)
   * @param settings more {@code ENMS_...} settings for this test
   */
  ClusterNode(
      String name,
      int clusterPort,
      String seeds,
      Map<String, String> base,
      Map<String, String> settings,
      List<String> jvm,
      Path workDir) {
    this.name = name;
    this.clusterPort = clusterPort;
    this.httpPort = NodeFixture.freePort();
    this.jvm = jvm;
    this.workDir = workDir;
    environment = new TreeMap<>(base);
    environment.put("ENMS_MQTT_CLIENT_ID", "enms-" + name);
    environment.put("ENMS_MQTT_SHARED_GROUP", "enms");
    environment.put("ENMS_MQTT_CONNECTIONS", "2");
    environment.put("ENMS_HTTP_PORT", String.valueOf(httpPort));
    environment.put("ENMS_CLUSTER_PORT", String.valueOf(clusterPort));
    environment.put("ENMS_SEED_NODES", seeds);
    environment.put("ENMS_DATA_DIR", workDir.resolve(name).toString());
    environment.putAll(settings);
  }

  void start() {
    Path log = workDir.resolve(name + "-" + (logs.size() + 1) + ".log");
    logs.add(log);
    process = NodeProcess.start(jvm, environment, log);
  }

  void kill() throws InterruptedException {
    process.kill();
  }

  String address() {
    return "pekko://enms@127.0.0.1:" + clusterPort;
  }

  String wsUrl() {
    return "ws://127.0.0.1:" + httpPort;
  }

  boolean healthy() {
    try {
      return get("/health").statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  long readingsStored() {
    return json("/health").path("broker").path("readings_stored").asLong();
  }

  int membersUp() {
    return json("/health").path("cluster").path("members_up").asInt();
  }

  List<String> entities() {
    List<String> ids = new ArrayList<>();
    json("/api/v1/cluster/entities").path("machine_ids").forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /** The lines of every log this node's processes wrote. */
  List<String> logLines() throws IOException {
    List<String> lines = new ArrayList<>();
    for (Path log : logs) {
      lines.addAll(Files.readAllLines(log));
    }
    return lines;
  }

  JsonNode json(String path) {
    return NodeFixture.json(get(path));
  }

  HttpResponse<String> get(String path) {
    return send("GET", path, null);
  }

  CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return http.sendAsync(
        NodeFixture.request(httpPort, "GET", path, null), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> send(String method, String path, String body) {
    return NodeFixture.exchange(http, NodeFixture.request(httpPort, method, path, body));
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.close();
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
