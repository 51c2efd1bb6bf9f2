package org.enms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.enms.node.testing.NodeProcess;

/**
 * One node of the capacity bench: its own JVM ({@link NodeProcess}), settings in its environment,
 * and what the bench asks it over HTTP (health, hosted entities, heap after a full GC).
 */
final class CapacityNode implements AutoCloseable {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final int clusterPort;
  private final int httpPort;
  private final Map<String, String> environment;
  private final List<String> jvmFlags;
  private final Path log;
  private NodeProcess process;

  CapacityNode(
      String name,
      int clusterPort,
      int httpPort,
      Map<String, String> shared,
      List<String> jvmFlags,
      Path workDir) {
    this.name = name;
    this.clusterPort = clusterPort;
    this.httpPort = httpPort;
    this.jvmFlags = jvmFlags;
    this.log = workDir.resolve(name + ".log");
    environment = new TreeMap<>(shared);
    environment.put("ENMS_MQTT_CLIENT_ID", "enms-" + name);
    environment.put("ENMS_HTTP_PORT", String.valueOf(httpPort));
    environment.put("ENMS_CLUSTER_PORT", String.valueOf(clusterPort));
    environment.put("ENMS_DATA_DIR", workDir.resolve(name).toString());
  }

  void start() {
    process = NodeProcess.start(jvmFlags, environment, log);
  }

  /** {@code kill -9}. */
  void kill() throws InterruptedException {
    process.kill();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  boolean healthy() {
    try {
      return get("/health").statusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  JsonNode health() throws IOException {
    return JSON.readTree(get("/health").body());
  }

  List<String> entities() throws IOException {
    List<String> ids = new ArrayList<>();
    JSON.readTree(get("/api/v1/cluster/entities").body())
        .path("machine_ids")
        .forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /**
   * Heap in use right after a full collection: {@code jcmd PID GC.run} (a System.gc in the node),
   * then the node's own gauges {@code jvm_memory_used_bytes{area="heap"}} on /metrics, summed over
   * the pools. What is left is what the node retains.
   */
  long heapUsedAfterGc() throws IOException, InterruptedException {
    Process jcmd =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()),
                "GC.run")
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!jcmd.waitFor(120, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
      throw new IllegalStateException("jcmd GC.run on " + name + " failed");
    }
    return PrometheusText.sum(get("/metrics").body(), "jvm_memory_used_bytes", "area=\"heap\"");
  }

  CompletableFuture<HttpResponse<String>> getAsync(String path) {
    return HTTP.sendAsync(request(path), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws IOException {
    try {
      return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private HttpRequest request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
        .timeout(Duration.ofSeconds(30))
        .GET()
        .build();
  }

  String address() {
    return "pekko://enms@127.0.0.1:" + clusterPort;
  }

  Path log() {
    return log;
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
