package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The node's shipped {@code logback.xml} (not the tests' {@code logback-test.xml}), loaded into a
 * logger context of its own so the tests' logging is left alone.
 */
class LogbackConfigurationTest {
  private static final String FORMAT_PROPERTY = "enms.log.format";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  private LoggerContext context;

  @AfterEach
  void stop() {
    System.clearProperty(FORMAT_PROPERTY);
    if (context != null) {
      context.stop();
    }
  }

  @Test
  void jsonFormatWritesOneJsonObjectPerLineWithLevelLoggerMessageTimestampAndMdc()
      throws Exception {
    System.setProperty(FORMAT_PROPERTY, "json");
    configure();
    long before = System.currentTimeMillis();

    context.getMDCAdapter().put("pekkoSource", "pekko://enms/system/sharding/machine/1");
    try {
      context
          .getLogger("org.enms.ingest.IngestProgress")
          .info("ingest readings_total={} rate_per_s={}", 1200, 40.5);
    } finally {
      context.getMDCAdapter().remove("pekkoSource");
    }
    context
        .getLogger("org.enms.db.Writer")
        .warn("commit \"failed\"", new IllegalStateException("x"));

    List<JsonNode> lines = jsonLines();
    assertThat(lines).hasSize(2);
    JsonNode info = lines.get(0);
    assertThat(info.get("level").asText()).isEqualTo("INFO");
    assertThat(info.get("loggerName").asText()).isEqualTo("org.enms.ingest.IngestProgress");
    assertThat(info.get("formattedMessage").asText())
        .isEqualTo("ingest readings_total=1200 rate_per_s=40.5");
    assertThat(info.get("timestamp").asLong()).isBetween(before, System.currentTimeMillis());
    assertThat(info.get("mdc").get("pekkoSource").asText())
        .isEqualTo("pekko://enms/system/sharding/machine/1");
    JsonNode warn = lines.get(1);
    assertThat(warn.get("level").asText()).isEqualTo("WARN");
    assertThat(warn.get("formattedMessage").asText()).isEqualTo("commit \"failed\"");
    assertThat(warn.get("throwable").get("className").asText())
        .isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void textIsTheDefaultFormat() throws Exception {
    configure();

    context.getLogger("org.enms.ingest.IngestProgress").info("ingest readings_total={}", 7);

    assertThat(consoleText())
        .matches(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=INFO"
                + " logger=IngestProgress ingest readings_total=7\\R");
  }

  @Test
  void anUnknownFormatFallsBackToTextRatherThanSilencingTheNode() throws Exception {
    System.setProperty(FORMAT_PROPERTY, "jsno");
    configure();

    context.getLogger("org.enms.node.Node").info("started");

    assertThat(consoleText()).endsWith("level=INFO logger=Node started" + System.lineSeparator());
  }

  @Test
  void librariesStayQuietAtInfoInEitherFormat() throws Exception {
    System.setProperty(FORMAT_PROPERTY, "json");
    configure();

    context.getLogger("org.apache.pekko.cluster.Cluster").info("member up");
    context.getLogger("com.zaxxer.hikari.HikariDataSource").info("pool started");

    assertThat(context.getLogger("org.enms").getEffectiveLevel()).isEqualTo(Level.INFO);
    assertThat(console.size()).isZero();
  }

  /** Loads the shipped configuration and points its one console appender at a buffer. */
  private void configure() throws Exception {
    URL config = getClass().getClassLoader().getResource("logback.xml");
    assertThat(config.getProtocol())
        .as("the node's own logback.xml, not a jar's")
        .isEqualTo("file");
    context = new LoggerContext();
    // The MDC adapter SLF4J's MDC writes to, as in the running node.
    context.setMDCAdapter(((LoggerContext) LoggerFactory.getILoggerFactory()).getMDCAdapter());
    var configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(config);
    // An <if> that fell back to Janino, say, is an ERROR status, not an exception.
    assertThat(new StatusUtil(context).getHighestLevel(0)).isLessThan(Status.ERROR);

    List<Appender<ILoggingEvent>> appenders = new ArrayList<>();
    context
        .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
        .iteratorForAppenders()
        .forEachRemaining(appenders::add);
    assertThat(appenders).as("exactly one console appender").hasSize(1);
    ((OutputStreamAppender<?>) appenders.get(0)).setOutputStream(console);
  }

  private String consoleText() {
    return console.toString(StandardCharsets.UTF_8);
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> lines = new ArrayList<>();
    for (String line : consoleText().split("\\R")) {
      lines.add(JSON.readTree(line));
    }
    return lines;
  }
}
