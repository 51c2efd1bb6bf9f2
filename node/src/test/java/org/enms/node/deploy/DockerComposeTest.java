package org.enms.node.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The Docker deployment without a Docker engine: {@code docker-compose.yml} read as YAML and held
 * to what the stack needs (services, readiness health checks, a cluster that scales, provisioned
 * Grafana, no secret), the {@code Dockerfile} (multi-stage, non-root), the environment names the
 * node really reads, the broker's start script run against a real Mosquitto, and {@code docker
 * compose config} where a compose client is installed.
 */
class DockerComposeTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void composeHasEveryServiceWithAHealthCheckAndVolumesForItsData() throws IOException {
    Map<String, Object> compose = compose();
    assertThat(services(compose).keySet())
        .containsExactlyInAnyOrder(
            "timescaledb", "mosquitto", "redis", "grafana", "simulator", "enms-seed", "enms");
    services(compose)
        .forEach((name, service) -> assertThat(map(service, "healthcheck")).as(name).isNotEmpty());
    for (String node : List.of("enms-seed", "enms")) {
      assertThat(String.join(" ", list(map(services(compose).get(node), "healthcheck"), "test")))
          .as(node + " is healthy when ready, not merely alive")
          .contains("/health/ready");
    }
    assertThat(
            Files.readString(
                ROOT.resolve("http-api/src/main/java/org/enms/http/health/HealthRoutes.java")))
        .contains("path(\"ready\"");
    assertThat(map(compose, "volumes").keySet())
        .contains("timescaledb-data", "mosquitto-data", "grafana-data");
    assertThat(list(services(compose).get("timescaledb"), "volumes"))
        .contains("timescaledb-data:/var/lib/postgresql/data");
    assertThat(list(services(compose).get("mosquitto"), "volumes"))
        .contains(
            "./docker/mosquitto.conf:/enms/mosquitto.conf:ro", "mosquitto-data:/mosquitto/data");
  }

  @Test
  void scaledNodesFindTheClusterThroughTheSeedAndEachHaveTheirOwnAddress() throws IOException {
    Map<String, Object> seed = services(compose()).get("enms-seed");
    Map<String, Object> scaled = services(compose()).get("enms");
    Map<String, Object> seedEnv = map(seed, "environment");
    Map<String, Object> scaledEnv = map(scaled, "environment");
    String seedAddress =
        "pekko://enms@" + seedEnv.get("ENMS_CLUSTER_HOST") + ":" + seedEnv.get("ENMS_CLUSTER_PORT");
    assertThat(seedEnv.get("ENMS_SEED_NODES")).isEqualTo(seedAddress);
    assertThat(scaledEnv.get("ENMS_SEED_NODES")).isEqualTo(seedAddress);
    assertThat(seed.get("hostname")).isEqualTo(seedEnv.get("ENMS_CLUSTER_HOST"));
    // Replicas share their environment: address and client id come from the container itself.
    assertThat(scaledEnv).doesNotContainKeys("ENMS_CLUSTER_HOST", "ENMS_MQTT_CLIENT_ID");
    assertThat(scaled).doesNotContainKeys("container_name", "hostname");
    assertThat(list(scaled, "ports")).allSatisfy(p -> assertThat(p).doesNotContain(":"));
    assertThat(map(scaled, "depends_on")).containsKey("enms-seed");
    assertThat(scaledEnv.get("ENMS_MQTT_SHARED_GROUP"))
        .isEqualTo(seedEnv.get("ENMS_MQTT_SHARED_GROUP"))
        .isNotNull();
    String entrypoint = Files.readString(ROOT.resolve("docker/entrypoint.sh"));
    assertThat(entrypoint)
        .contains("if [ -z \"${ENMS_CLUSTER_HOST:-}\" ]", "hostname -i")
        .contains("if [ -z \"${ENMS_MQTT_CLIENT_ID:-}\" ]");
  }

  @Test
  void everyEnmsVariableInComposeIsOneTheNodeOrSimulatorReads() throws IOException {
    Set<String> read = variablesTheCodeReads();
    assertThat(read).contains("ENMS_DB_URL", "ENMS_SEED_NODES", "ENMS_MQTT_URL");
    Set<String> unknown = new TreeSet<>();
    for (String service : List.of("enms-seed", "enms", "simulator")) {
      for (String name : map(services(compose()).get(service), "environment").keySet()) {
        if (name.startsWith("ENMS_") && !read.contains(name)) {
          unknown.add(service + ": " + name);
        }
      }
    }
    assertThat(unknown).as("variables nothing reads").isEmpty();
  }

  @Test
  void grafanaIsProvisionedFromTheRepositoryWithEveryVariableItsDataSourceNeeds()
      throws IOException {
    Map<String, Object> grafana = services(compose()).get("grafana");
    assertThat(list(grafana, "volumes"))
        .contains(
            "./grafana/provisioning:/etc/grafana/provisioning:ro",
            "./grafana/dashboards:/var/lib/grafana/dashboards:ro");
    String datasource =
        Files.readString(ROOT.resolve("grafana/provisioning/datasources/enms.yaml"));
    Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(datasource);
    Set<String> needed = new TreeSet<>();
    while (m.find()) {
      needed.add(m.group(1));
    }
    assertThat(needed).isNotEmpty();
    assertThat(map(grafana, "environment").keySet()).containsAll(needed);
  }

  @Test
  void noSecretIsCommitted() throws IOException {
    String compose = Files.readString(ROOT.resolve("docker-compose.yml"));
    List<String> problems = new ArrayList<>();
    for (String line : compose.lines().toList()) {
      String trimmed = line.trim();
      if (trimmed.matches("[A-Z_]*(PASSWORD|SECRET|TOKEN)[A-Z_]*:.*")) {
        String value = trimmed.substring(trimmed.indexOf(':') + 1).trim();
        // Only references to the environment, never a default that would be a password.
        if (!value.matches("\\$\\{\\w+(:\\?[^}]*|:-)?}")) {
          problems.add(trimmed);
        }
      }
    }
    assertThat(problems).isEmpty();
    for (String line : Files.readAllLines(ROOT.resolve(".env.example"))) {
      if (line.matches("[A-Z_]*(PASSWORD|SECRET|TOKEN)[A-Z_]*=.*")) {
        assertThat(line).as(".env.example leaves passwords empty").endsWith("=");
      }
    }
    assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains(".env");
    try (Stream<Path> files = Files.walk(ROOT.resolve("docker"))) {
      assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("passwd", ".env");
    }
  }

  @Test
  void dockerfileBuildsWithMavenAndRunsOnASlimJreAsNonRoot() throws IOException {
    List<String> lines = Files.readAllLines(ROOT.resolve("Dockerfile"));
    List<String> froms = lines.stream().filter(l -> l.startsWith("FROM ")).toList();
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).startsWith("FROM maven:").endsWith(" AS build");
    assertThat(froms.get(1)).contains("-jre");
    List<String> runStage = lines.subList(lines.indexOf(froms.get(1)), lines.size());
    String user =
        runStage.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElse("");
    assertThat(user)
        .as("the image's user")
        .isNotBlank()
        .doesNotContain("root")
        .doesNotMatch("USER 0(:.*)?");
    assertThat(String.join("\n", runStage))
        .contains(
            "COPY --from=build /src/node/target/enms-node.jar", "/health/ready", "entrypoint.sh")
        .contains("useradd --system");
    assertThat(String.join("\n", lines.subList(0, lines.indexOf(froms.get(1)))))
        .contains("mvn ", " package");
  }

  /** The broker's start script against the Mosquitto installed here: authentication is on. */
  @Test
  void mosquittoStartScriptRefusesAnonymousClientsAndAcceptsTheConfiguredUser(@TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/sbin/mosquitto"))
            || Files.isExecutable(Path.of("/usr/bin/mosquitto")),
        "Mosquitto is not installed (apt-get install mosquitto)");
    // Started as root, Mosquitto drops to its own user, which must reach its files in here.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    var builder = new ProcessBuilder("sh", ROOT.resolve("docker/mosquitto-start.sh").toString());
    builder
        .environment()
        .putAll(
            Map.of(
                "MQTT_USERNAME", "plant",
                "MQTT_PASSWORD", "s3cret-for-test",
                "MQTT_PORT", Integer.toString(port),
                "MQTT_BIND_ADDRESS", "127.0.0.1",
                "MOSQUITTO_BASE_CONF", ROOT.resolve("docker/mosquitto.conf").toString(),
                "MOSQUITTO_RUN_DIR", dir.resolve("run").toString(),
                "MOSQUITTO_DATA_DIR", dir.resolve("data").toString()));
    builder.environment().merge("PATH", "/usr/sbin:/usr/bin:/sbin:/bin", (a, b) -> a + ":" + b);
    Process broker =
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("log").toFile()).start();
    try {
      String uri = "tcp://127.0.0.1:" + port;
      awaitListening(port, broker, dir);
      assertThatThrownBy(() -> connect(uri, null, null)).isInstanceOf(MqttSecurityException.class);
      assertThatThrownBy(() -> connect(uri, "plant", "wrong"))
          .isInstanceOf(MqttSecurityException.class);
      connect(uri, "plant", "s3cret-for-test");
      String config = Files.readString(dir.resolve("run/mosquitto.conf"));
      assertThat(config)
          .contains("max_inflight_messages 10000", "allow_anonymous false", "password_file")
          .doesNotContain("allow_anonymous true");
      assertThat(Files.readString(dir.resolve("run/passwd")))
          .startsWith("plant:")
          .doesNotContain("s3cret");
    } finally {
      broker.destroy();
      broker.waitFor(10, TimeUnit.SECONDS);
    }
  }

  /**
   * {@code docker compose config} (or the older {@code docker-compose}) where a client is
   * installed.
   */
  @Test
  void composeClientAcceptsTheFileWithAnEnvAndRefusesItWithoutPasswords(@TempDir Path dir)
      throws Exception {
    List<String> client = composeClient();
    Assumptions.assumeTrue(
        client != null, "no docker compose client installed (apt-get install docker-compose)");
    for (String name : List.of("docker-compose.yml", ".env.example")) {
      Files.copy(ROOT.resolve(name), dir.resolve(name));
    }
    assertThat(run(dir, client, "config", "--quiet").exitCode).as("without .env").isNotZero();
    String env =
        Files.readString(ROOT.resolve(".env.example"))
            .replaceAll("(?m)^([A-Z_]*PASSWORD)=$", "$1=test-only");
    Files.writeString(dir.resolve(".env"), env);
    Result valid = run(dir, client, "config");
    assertThat(valid.exitCode).as(valid.output).isZero();
    assertThat(valid.output).contains("/health/ready", "pekko://enms@enms-seed:25520");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(Path dir, List<String> client, String... args) throws Exception {
    List<String> command = new ArrayList<>(client);
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }

  private static List<String> composeClient() throws Exception {
    for (List<String> candidate :
        List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
      try {
        List<String> version = new ArrayList<>(candidate);
        version.add("version");
        Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
          return candidate;
        }
      } catch (IOException notInstalled) {
        // try the next
      }
    }
    return null;
  }

  private static void connect(String uri, String user, String password) throws Exception {
    var client =
        new MqttClient(uri, "enms-compose-test-" + System.nanoTime(), new MemoryPersistence());
    var options = new MqttConnectOptions();
    options.setConnectionTimeout(5);
    if (user != null) {
      options.setUserName(user);
      options.setPassword(password.toCharArray());
    }
    client.connect(options);
    client.disconnect();
    client.close();
  }

  private static void awaitListening(int port, Process broker, Path dir) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      try (var socket = new java.net.Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        if (!broker.isAlive()) {
          throw new IllegalStateException(
              "mosquitto exited: " + Files.readString(dir.resolve("log")));
        }
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException(
        "mosquitto did not listen: " + Files.readString(dir.resolve("log")));
  }

  /**
   * ENMS_ variables in the modules' configuration ({@code ${?ENMS_X}}), logging configuration, code
   * and entrypoint.
   */
  private static Set<String> variablesTheCodeReads() throws IOException {
    Set<String> names = new TreeSet<>();
    Pattern conf = Pattern.compile("\\$\\{\\?(ENMS_\\w+)}");
    Pattern getenv = Pattern.compile("getenv\\(\"(ENMS_\\w+)\"\\)");
    Pattern shell = Pattern.compile("\\$\\{(ENMS_\\w+)");
    List<Path> sources = new ArrayList<>(List.of(ROOT.resolve("docker/entrypoint.sh")));
    try (Stream<Path> modules = Files.list(ROOT)) {
      for (Path main :
          modules.map(m -> m.resolve("src/main")).filter(Files::isDirectory).toList()) {
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(Files::isRegularFile).forEach(sources::add);
        }
      }
    }
    for (Path f : sources) {
      String path = ROOT.relativize(f).toString();
      Pattern p;
      if (path.matches("[\\w-]+/src/main/resources/.*\\.conf")) {
        p = conf;
      } else if (path.matches("[\\w-]+/src/main/resources/.*\\.xml")) {
        p = shell; // logback: ${ENMS_LOG_LEVEL:-INFO}
      } else if (path.matches("[\\w-]+/src/main/java/.*\\.java")) {
        p = getenv;
      } else if (path.equals("docker/entrypoint.sh")) {
        p = shell;
      } else {
        continue;
      }
      Matcher m = p.matcher(Files.readString(f));
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    return names;
  }

  private static Map<String, Object> compose() throws IOException {
    try (Reader in = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
      return new Yaml().load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<String> list(Map<String, Object> parent, String key) {
    Object value = parent.get(key);
    return value == null
        ? List.of()
        : ((List<Object>) value).stream().map(String::valueOf).toList();
  }
}
