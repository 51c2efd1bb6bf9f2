package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.enms.core.plant.DemoPlant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The live page at {@code /} in headless Chromium, against a node fed by the demo-plant simulator:
 * every machine gets a row whose power changes as readings arrive, with its chart; an anomaly
 * injected through the simulator's control API appears in the anomalies list over the WebSocket and
 * is marked resolved when it ends; and the page reconnects by itself after the node restarts.
 *
 * <p>The browser is Debian's {@code chromium} driven through its {@code chromedriver}; the browser
 * tests are skipped where it is not installed ({@code .ci/run} installs both).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LivePageEndToEndTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String COMPRESSOR = DemoPlant.machineId(1).toString();
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static NodeFixture fixture;
  private static Map<String, Object> nodeConfig;
  private static int simulatorPort;
  private static WebDriver browser;
  private static Path profile;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    fixture = new NodeFixture();
    simulatorPort = NodeFixture.freePort();
    nodeConfig =
        Map.of(
            "enms.simulator.enabled",
            true,
            "enms.simulator.http.port",
            simulatorPort,
            "enms.simulator.client-id",
            "sim-" + fixture.clientId);
    fixture.startNode(nodeConfig);
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      fixture.close();
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** The page, opened once in a fresh browser profile; skips the test without Chromium. */
  private static WebDriver page() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Debian's chromium is not installed at "
            + CHROMIUM
            + " (apt-get install chromium"
            + " chromium-driver); the live page's browser test is skipped");
    if (browser == null) {
      profile = NodeFixture.tempDir("enms-chromium");
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM.toFile());
      options.addArguments(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--user-data-dir=" + profile);
      options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
      ChromeDriverService service =
          new ChromeDriverService.Builder()
              .usingDriverExecutable(CHROMEDRIVER.toFile())
              .usingAnyFreePort()
              .build();
      browser = new ChromeDriver(service, options);
      browser.get("http://127.0.0.1:" + fixture.httpPort + "/");
    }
    return browser;
  }

  private static List<WebElement> all(String css) {
    return browser.findElements(By.cssSelector(css));
  }

  private static String attribute(String css, String name) {
    List<WebElement> found = all(css);
    return found.isEmpty() ? null : found.get(0).getDomAttribute(name);
  }

  private static String row(String machineId) {
    return "#machines tr[data-machine-id='" + machineId + "']";
  }

  /** Waits for {@code condition}; on timeout the failure shows the page's state and console. */
  private static void await(String what, Duration timeout, BooleanSupplier condition) {
    try {
      NodeFixture.await(what, timeout, condition);
    } catch (AssertionError e) {
      List<String> console = new ArrayList<>();
      for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
        console.add(entry.getLevel() + " " + entry.getMessage());
      }
      throw new AssertionError(
          e.getMessage()
              + "\nconnection: "
              + all("#connection").get(0).getText()
              + "\npage: "
              + all("main").get(0).getText()
              + "\nconsole: "
              + console,
          e);
    }
  }

  @Test
  @Order(1)
  void servesThePageAtTheRootBesideTheApi() {
    HttpResponse<String> page = fixture.get("/");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=UTF-8");
    assertThat(page.body()).contains("<title>EnMS · live</title>");

    assertThat(fixture.get("/health").headers().firstValue("Content-Type"))
        .hasValue("application/json");
    assertThat(fixture.get("/metrics").body()).contains("# TYPE");
    assertThat(fixture.getJson("/api/v1/machines").isArray()).isTrue();
    assertThat(fixture.get("/nowhere").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(2)
  void showsEveryMachineWithLivePowerThatChangesAndAChart() {
    page();
    await(
        "the page's socket to be live",
        WAIT,
        () -> "open".equals(attribute("#connection", "data-state")));
    JsonNode machines = fixture.getJson("/api/v1/machines");
    await("a row per machine", WAIT, () -> all("#machines tbody tr").size() == machines.size());

    List<String> active = new ArrayList<>();
    machines.forEach(
        m -> {
          if (m.get("is_active").asBoolean()) {
            active.add(m.get("id").asText());
          }
        });
    await(
        "live power on every active machine",
        Duration.ofSeconds(90),
        () -> active.stream().allMatch(id -> attribute(row(id) + " td.power", "data-kw") != null));
    String name = all(row(COMPRESSOR) + " th.name").get(0).getText();
    assertThat(name).isEqualTo("Compressor-1");
    String power = all(row(COMPRESSOR) + " td.power").get(0).getText();
    assertThat(power).matches("\\d+\\.\\d");
    assertThat(all(row(COMPRESSOR) + " .status .badge").get(0).getText()).isIn("running", "idle");

    // The compressor reports every second: its value, its time and its chart move on.
    String time = attribute(row(COMPRESSOR) + " td.updated time", "datetime");
    await(
        "the compressor's time of last update to move on",
        WAIT,
        () -> !time.equals(attribute(row(COMPRESSOR) + " td.updated time", "datetime")));
    await(
        "the compressor's power to change",
        WAIT,
        () -> !power.equals(all(row(COMPRESSOR) + " td.power").get(0).getText()));
    await(
        "the compressor's chart to draw several readings",
        WAIT,
        () -> chartPoints(COMPRESSOR) >= 5);
    assertThat(attribute(row(COMPRESSOR) + " svg", "aria-label"))
        .matches("Compressor-1, last \\d+ min: \\d+ readings from .* kW, latest .*");

    // Everything came from the node itself, and nothing was refused or failed on the way.
    List<String> origins = new ArrayList<>();
    for (Object url :
        (List<?>)
            ((JavascriptExecutor) browser)
                .executeScript(
                    "return performance.getEntriesByType('resource').map(e => e.name)")) {
      origins.add(URI.create(url.toString()).getAuthority());
    }
    assertThat(origins).isNotEmpty().containsOnly("127.0.0.1:" + fixture.httpPort);
    assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
        .filteredOn(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
        .isEmpty();
  }

  private static int chartPoints(String machineId) {
    String points = attribute(row(machineId) + " svg polyline", "points");
    return points == null || points.isBlank() ? 0 : points.trim().split(" ").length;
  }

  @Test
  @Order(3)
  void showsAnAnomalyInjectedThroughTheSimulatorAndMarksItResolved() throws Exception {
    page();
    await(
        "the page's socket to be live",
        WAIT,
        () -> "open".equals(attribute("#connection", "data-state")));
    String item = "#anomalies li[data-machine-id='" + COMPRESSOR + "']";
    Set<String> before = new HashSet<>();
    all(item).forEach(li -> before.add(li.getDomAttribute("data-anomaly-id")));

    // Five times its draw puts the compressor well above its rated 55 kW, even when unloaded.
    HttpResponse<String> injected =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:"
                            + simulatorPort
                            + "/simulator/machines/"
                            + COMPRESSOR
                            + "/anomaly"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"anomaly_type\": \"spike\", \"severity\": 5.0,"
                            + " \"duration_seconds\": 20}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(injected.statusCode()).as(injected.body()).isEqualTo(200);

    String[] id = new String[1];
    await(
        "the injected anomaly in the page's list",
        WAIT,
        () -> {
          for (WebElement li : all(item + "[data-source='live']")) {
            String anomalyId = li.getDomAttribute("data-anomaly-id");
            if (!before.contains(anomalyId)) {
              id[0] = anomalyId;
              return true;
            }
          }
          return false;
        });
    String shown = "#anomalies li[data-anomaly-id='" + id[0] + "']";
    assertThat(all(shown + " .headline").get(0).getText()).startsWith("Compressor-1 · ");
    assertThat(all(shown + " .severity").get(0).getText()).isIn("WARNING", "CRITICAL");
    assertThat(all(shown + " .reason").get(0).getText()).contains("kW");
    assertThat(attribute(shown + " time.when", "datetime")).isNotBlank();
    // It is the row live detection wrote.
    JsonNode stored = fixture.getJson("/api/v1/anomaly/recent?machine_id=" + COMPRESSOR);
    List<String> storedIds = new ArrayList<>();
    stored.get("anomalies").forEach(a -> storedIds.add(a.get("id").asText()));
    assertThat(storedIds).contains(id[0]);

    await(
        "the anomaly to be marked resolved once the spike is over",
        Duration.ofSeconds(90),
        () -> attribute(shown, "class").contains("resolved"));
    assertThat(all(shown + " .state").get(0).getText()).startsWith("resolved ");
  }

  @Test
  @Order(4)
  void reconnectsByItselfWhenTheNodeComesBack() {
    page();
    await(
        "the page's socket to be live",
        WAIT,
        () -> "open".equals(attribute("#connection", "data-state")));
    fixture.stopNode();
    await(
        "the page to show the connection lost",
        WAIT,
        () -> !"open".equals(attribute("#connection", "data-state")));
    assertThat(all("#connection").get(0).getText()).containsAnyOf("Disconnected", "Reconnecting");
    String lastBefore = attribute(row(COMPRESSOR) + " td.updated time", "datetime");

    fixture.startNode(nodeConfig);
    // Backoff is capped at 30 s, so the page is back within about that of the node.
    await(
        "the page's socket to be live again",
        Duration.ofSeconds(90),
        () -> "open".equals(attribute("#connection", "data-state")));
    await(
        "live readings again after the restart",
        WAIT,
        () -> !lastBefore.equals(attribute(row(COMPRESSOR) + " td.updated time", "datetime")));
  }
}
