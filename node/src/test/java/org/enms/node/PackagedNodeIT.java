package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./enms run} as shipped: the packaged {@code target/enms-node.jar} and {@code target/lib}
 * (the class path the {@code enms} script uses), on embedded defaults with the demo-plant
 * simulator. The other node tests run on Maven's test class path, which also holds test-scoped
 * libraries; a library the node needs at run time but declares only for tests passed them all and
 * then killed {@code ./enms run} with a ClassNotFoundException. Runs after {@code package}
 * (failsafe), so {@code mvn -B verify} checks the product a user starts.
 */
class PackagedNodeIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration START_LIMIT = Duration.ofMinutes(3);

  @TempDir static Path dataDir;
  private static Process node;
  private static Path log;
  private static String api;
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void startPackagedNode() throws Exception {
    Path target = Path.of("target").toAbsolutePath();
    Path jar = target.resolve("enms-node.jar");
    assertThat(jar).as("the packaged node jar (run after `package`)").exists();
    assertThat(target.resolve("lib")).isDirectory();
    int httpPort = NodeFixture.freePort();
    api = "http://127.0.0.1:" + httpPort;
    log = target.resolve("packaged-node-it.log");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            "-cp",
            jar + File.pathSeparator + target.resolve("lib") + File.separator + "*",
            EnmsCommand.class.getName(),
            "run");
    // A clean environment apart from the ports, so the defaults a user gets are what run.
    builder.environment().keySet().removeIf(name -> name.startsWith("ENMS_"));
    builder
        .environment()
        .putAll(
            Map.of(
                "ENMS_DATA_DIR", dataDir.toString(),
                "ENMS_HTTP_PORT", Integer.toString(httpPort),
                "ENMS_EMBEDDED_PG_PORT", Integer.toString(NodeFixture.freePort()),
                "ENMS_EMBEDDED_MQTT_PORT", Integer.toString(NodeFixture.freePort()),
                "ENMS_SIMULATOR_PORT", Integer.toString(NodeFixture.freePort()),
                "ENMS_CLUSTER_PORT", Integer.toString(NodeFixture.freePort())));
    builder.redirectErrorStream(true).redirectOutput(log.toFile());
    node = builder.start();
    awaitReady();
  }

  @AfterAll
  static void stop() throws Exception {
    if (node != null && node.isAlive()) {
      node.destroyForcibly();
      node.waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void servesTheLiveDemoPlantThenStopsCleanlyOnSigterm() throws Exception {
    JsonNode machines = awaitJson("/api/v1/machines", body -> body.size() >= 8);
    assertThat(machines.size()).as("the demo plant's machines").isGreaterThanOrEqualTo(8);
    awaitStoredReadings();
    assertThat(get("/api/v1/health").statusCode()).isEqualTo(200);
    assertThat(get("/openapi.json").body()).contains("\"openapi\"");
    assertThat(get("/docs").statusCode()).isEqualTo(200);
    assertThat(get("/").body()).containsIgnoringCase("<html");

    node.destroy(); // SIGTERM, what Ctrl-C and `docker stop` send
    assertThat(node.waitFor(60, TimeUnit.SECONDS))
        .as("the node stops within 60 s of SIGTERM; its log:\n%s", tail())
        .isTrue();
    assertThat(tail())
        .doesNotContain("ClassNotFoundException")
        .doesNotContain("NoClassDefFoundError");
  }

  /** The ingest counter in {@code /metrics}: the simulator's readings reach the database. */
  private static void awaitStoredReadings() throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    double stored = 0;
    while (System.nanoTime() < deadline && stored <= 0) {
      stored =
          get("/metrics")
              .body()
              .lines()
              .filter(line -> line.startsWith("enms_ingest_rows_inserted_total"))
              .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
              .sum();
      Thread.sleep(1000);
    }
    assertThat(stored).as("readings stored from the simulator; log:\n%s", tail()).isPositive();
  }

  private static void awaitReady() throws Exception {
    long deadline = System.nanoTime() + START_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(node.isAlive()).as("the packaged node died; its log:\n%s", tail()).isTrue();
      try {
        if (get("/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException notListeningYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new AssertionError(
        "the packaged node was not ready within " + START_LIMIT + ":\n" + tail());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private interface Check {
    boolean holds(JsonNode body);
  }

  private static JsonNode awaitJson(String path, Check check) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = get(path);
      if (response.statusCode() == 200) {
        last = JSON.readTree(response.body());
        if (check.holds(last)) {
          return last;
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not as expected at " + path + "; last " + last + "\n" + tail());
  }

  private static String tail() throws IOException {
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
  }
}
