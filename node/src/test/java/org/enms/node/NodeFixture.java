package org.enms.node;

import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pekko.actor.typed.ActorSystem;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.core.json.Json;
import org.enms.db.testing.TestPostgresServer;
import org.enms.node.embedded.EmbeddedMqttBroker;

/**
 * Real services for end-to-end tests: a fresh database on the test PostgreSQL (embedded unless
 * {@code ENMS_TEST_DB_URL} is set), an MQTT broker (embedded HiveMQ unless {@code
 * ENMS_TEST_MQTT_URL} is set), free ports, and helpers to publish, query SQL and call the API.
 */
final class NodeFixture implements AutoCloseable {
  private static final Pattern INGEST_COUNTER =
      Pattern.compile("(?m)^(enms_ingest_[a-z_]+_total)(?:\\{[^}]*})? (\\S+)$");

  final String databaseName;
  final String jdbcUrl;
  final String dbUser;
  final String dbPassword;
  final String brokerUrl;
  final int httpPort;
  final String clientId = "enms-test-" + UUID.randomUUID().toString().substring(0, 8);
  private EmbeddedMqttBroker broker;
  private Path brokerDir;
  private int brokerPort;
  private ActorSystem<Void> node;
  private final TestPostgresServer postgres = TestPostgresServer.shared();
  private final HttpClient http = HttpClient.newHttpClient();

  NodeFixture() {
    this(System.getenv("ENMS_TEST_MQTT_URL"));
  }

  /** With {@code externalBroker} null, an embedded HiveMQ is started for this fixture. */
  NodeFixture(String externalBroker) {
    databaseName = postgres.createDatabase();
    jdbcUrl = postgres.urlFor(databaseName);
    dbUser = postgres.user();
    dbPassword = postgres.password();
    String external = externalBroker;
    if (external != null) {
      broker = null;
      brokerUrl = external;
    } else {
      brokerDir = tempDir("enms-mqtt");
      brokerPort = freePort();
      broker = EmbeddedMqttBroker.start(brokerDir, brokerPort, maxPayloadBytes());
      brokerUrl = broker.url();
    }
    httpPort = freePort();
  }

  /** Stops the embedded broker; {@link #startBroker} brings it back. */
  void stopBroker() {
    if (broker == null) {
      throw new IllegalStateException("no embedded broker runs in this fixture");
    }
    broker.close();
    broker = null;
  }

  /**
   * Starts the embedded broker again on the same port and folder: sessions and queued messages
   * persist in the folder, as they do across a broker restart.
   */
  void startBroker() {
    broker = EmbeddedMqttBroker.start(brokerDir, brokerPort, maxPayloadBytes());
  }

  /**
   * Starts a node in this JVM on these services and waits until it is ready: API up, database
   * healthy and its MQTT subscription in place. {@link #close} stops it.
   */
  void startNode(Map<String, Object> extra) {
    node = Node.start(config(extra));
    await("the node to be ready", Duration.ofSeconds(60), this::apiUp);
  }

  /** Stops the node and waits until it is gone; the database and broker stay for the next one. */
  void stopNode() {
    if (node != null) {
      node.terminate();
      node.getWhenTerminated().toCompletableFuture().join();
      node = null;
    }
  }

  /** Node configuration for these services; {@code extra} overrides, e.g. the simulator. */
  Config config(Map<String, Object> extra) {
    Map<String, Object> values = new HashMap<>();
    values.put("enms.db.url", jdbcUrl);
    values.put("enms.db.user", dbUser);
    values.put("enms.db.password", dbPassword);
    values.put("enms.db.dialect", "plain");
    values.put("enms.db.pool-size", 4);
    values.put("enms.ingest.broker-url", brokerUrl);
    values.put("enms.ingest.client-id", clientId);
    // A plain persistent subscription on one connection: it keeps message order, which some tests
    // rely on, and HiveMQ CE can stall QoS 1 shared subscriptions (hivemq-community-edition#558).
    // Shared subscriptions are exercised against Mosquitto by the pipeline bench.
    values.put("enms.ingest.shared-group", "");
    values.put("enms.http.port", httpPort);
    values.put("enms.simulator.enabled", false);
    values.put("enms.rollup-interval", "500ms");
    values.put("enms.rollup-settle", "0s");
    values.put("pekko.remote.artery.canonical.port", 0);
    values.put("pekko.cluster.jmx.multi-mbeans-in-same-jvm", "on");
    values.put("pekko.coordinated-shutdown.exit-jvm", "off");
    values.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    values.putAll(extra);
    return ConfigFactory.parseMap(values).withFallback(ConfigFactory.load()).resolve();
  }

  /** The same settings as environment variables, for a node started as a separate process. */
  Map<String, String> processEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("ENMS_DB_URL", jdbcUrl);
    env.put("ENMS_DB_USER", dbUser);
    env.put("ENMS_DB_PASSWORD", dbPassword);
    env.put("ENMS_MQTT_URL", brokerUrl);
    env.put("ENMS_MQTT_CLIENT_ID", clientId);
    env.put("ENMS_MQTT_SHARED_GROUP", "");
    env.put("ENMS_HTTP_PORT", String.valueOf(httpPort));
    env.put("ENMS_CLUSTER_PORT", "0");
    env.put("ENMS_SIMULATOR", "false");
    return env;
  }

  /** The ingest's payload limit by default, which the embedded broker enforces too. */
  static int maxPayloadBytes() {
    return Math.toIntExact(ConfigFactory.load().getBytes("enms.ingest.max-payload-bytes"));
  }

  /**
   * The largest packet the broker takes: the embedded one's, or for an external broker the one
   * docker/mosquitto.conf sets, which is the same.
   */
  int maxPacketBytes() {
    return broker != null ? broker.maxPacketBytes() : maxPayloadBytes() + 5 + 2 + 65_535 + 2;
  }

  MqttClient publisher() {
    try {
      MqttClient client =
          new MqttClient(brokerUrl, "test-pub-" + UUID.randomUUID(), new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setMaxInflight(1000);
      client.connect(options);
      return client;
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }

  static void publish(MqttClient client, String topic, String payload) {
    try {
      client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false);
    } catch (MqttException e) {
      throw new IllegalStateException(e);
    }
  }

  long count(String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  String text(String sql) {
    try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
        var rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  HttpResponse<String> get(String path) {
    return exchange(
        http,
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
            .timeout(Duration.ofSeconds(10))
            .build());
  }

  /** Sends {@code method} with a JSON body (none when null), e.g. a registry write. */
  HttpResponse<String> send(String method, String path, String jsonBody) {
    return exchange(http, request(httpPort, method, path, jsonBody));
  }

  /** {@code method} on a node's API at {@code port}, with a JSON body (none when null). */
  static HttpRequest request(int port, String method, String path, String jsonBody) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .method(
            method,
            jsonBody == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(jsonBody))
        .build();
  }

  /** {@code POST /api/v1/import}: {@code csv} as the file part, {@code fields} as text parts. */
  HttpResponse<String> postImport(Map<String, String> fields, String fileName, String csv) {
    String boundary = "enms-fixture-" + UUID.randomUUID();
    StringBuilder b = new StringBuilder();
    fields.forEach(
        (k, v) ->
            b.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(k)
                .append("\"\r\n\r\n")
                .append(v)
                .append("\r\n"));
    b.append("--")
        .append(boundary)
        .append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
        .append(fileName)
        .append("\"\r\nContent-Type: text/csv\r\n\r\n")
        .append(csv)
        .append("\r\n--")
        .append(boundary)
        .append("--\r\n");
    return exchange(
        http,
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1/import"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(b.toString()))
            .build());
  }

  /** Uploads an export and waits until its job is done; the job's status. */
  JsonNode importToEnd(Map<String, String> fields, String fileName, String csv, Duration timeout) {
    HttpResponse<String> accepted = postImport(fields, fileName, csv);
    if (accepted.statusCode() != 202) {
      fail("import not accepted: " + accepted.statusCode() + " " + accepted.body());
    }
    String statusUrl = json(accepted).get("status_url").asText();
    await(
        "the import job to finish",
        timeout,
        () -> !getJson(statusUrl).get("status").asText().matches("queued|running"));
    return getJson(statusUrl);
  }

  /** POSTs a JSON body to the in-process simulator's control API (start, stop, anomalies). */
  static HttpResponse<String> postToSimulator(int simulatorPort, String path, String body) {
    return exchange(
        HttpClient.newHttpClient(),
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + simulatorPort + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Sends {@code request} over {@code client} and reads the answer as text. */
  static HttpResponse<String> exchange(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An {@code enms_ingest_*_total} counter of this node's {@code /metrics}; -1 when absent. */
  long ingestCounter(String name) {
    Matcher m = INGEST_COUNTER.matcher(get("/metrics").body());
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return (long) Double.parseDouble(m.group(2));
      }
    }
    return -1;
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JsonNode getJson(String path) {
    try {
      return Json.mapper().readTree(get(path).body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean apiUp() {
    try {
      return get("/health").statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Polls until the condition holds; fails with {@code what} after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
      } catch (RuntimeException e) {
        // not there yet (a table not created, a server not listening)
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    fail("timed out after " + timeout + " waiting for " + what);
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (node != null) {
      node.terminate();
      node.getWhenTerminated().toCompletableFuture().join();
    }
    if (broker != null) {
      broker.close();
    }
    try {
      postgres.dropDatabase(databaseName);
    } catch (RuntimeException e) {
      // A process we killed may still hold a connection for a moment; the database is disposable.
    }
  }
}
