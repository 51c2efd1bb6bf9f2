package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.enms.http.SocketServer;
import org.enms.http.docs.ApiDocsRoutes;
import org.enms.http.error.ErrorHandling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Swagger UI at {@code /docs} in headless Chromium: it runs from the webjar's files, opens our
 * document (not the webjar's demo) and shows its operations, with no error in the console. Skipped
 * where Debian's {@code chromium} is not installed ({@code .ci/run} installs it).
 */
class ApiDocsBrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private static SocketServer server;
  private static WebDriver browser;
  private static Path profile;

  @BeforeAll
  static void start() throws Exception {
    server = new SocketServer(new ErrorHandling().wrap(ApiDocsRoutes.fromClasspath().routes()));
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      server.close();
      if (profile != null) {
        try (Stream<Path> files = Files.walk(profile)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  @Test
  void swaggerUiShowsEveryOperationOfOurDocument() {
    assumeTrue(
        Files.isExecutable(CHROMIUM),
        "Debian's chromium is not installed at "
            + CHROMIUM
            + "; the /docs browser test is skipped");
    profile = NodeFixture.tempDir("enms-docs-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=" + profile);
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    browser =
        new ChromeDriver(
            new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build(),
            options);

    int tags = tagsWithOperations();
    browser.get(server.base() + "/docs");
    // Every tag of the document is listed (collapsed); opening one shows its operations.
    NodeFixture.await(
        "Swagger UI to list the document's tags",
        Duration.ofSeconds(60),
        () -> browser.findElements(By.cssSelector(".opblock-tag-section")).size() >= tags);
    assertThat(browser.findElement(By.cssSelector(".info .title")).getText())
        .startsWith("EnMS API");
    for (String tag : List.of("machines", "voice", "docs")) {
      browser.findElement(By.cssSelector("h3[data-tag='" + tag + "']")).click();
    }
    NodeFixture.await(
        "the opened tags to show their operations",
        Duration.ofSeconds(30),
        () -> browser.findElements(By.cssSelector(".opblock")).size() > 10);
    List<String> paths =
        browser.findElements(By.cssSelector(".opblock-summary-path")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(paths)
        .contains("/api/v1/machines/status/{machine_name}", "/api/v1/ovos/voice/query", "/docs");
    List<String> errors =
        browser.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    assertThat(errors).as("errors in the browser's console").isEmpty();
  }

  /** The distinct tags of the served document's operations. */
  private static int tagsWithOperations() {
    JsonNode doc =
        NodeFixture.json(
            NodeFixture.exchange(
                HttpClient.newHttpClient(),
                HttpRequest.newBuilder(URI.create(server.base() + "/openapi.json")).build()));
    Set<String> tags = new HashSet<>();
    doc.get("paths")
        .forEach(
            path ->
                path.forEach(
                    operation -> operation.path("tags").forEach(t -> tags.add(t.asText()))));
    assertThat(tags).hasSizeGreaterThan(10);
    return tags.size();
  }
}
