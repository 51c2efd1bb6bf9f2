package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A node stopped while QoS 1 readings stream in: it takes no new message, stores and acknowledges
 * the ones it holds, and only then closes its MQTT connection. The proof is on the next node with
 * the same client id: it gets exactly what the first did not store, so nothing stored was left
 * unacknowledged and nothing was lost.
 */
class GracefulShutdownEndToEndTest {
  private static final String ENERGY = "SELECT count(*) FROM energy_readings";

  private NodeFixture fixture;
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();

  @BeforeEach
  void start() {
    fixture = new NodeFixture();
    log.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(log);
  }

  @AfterEach
  void stop() throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    fixture.close();
  }

  @Test
  void acknowledgesWhatItStoredBeforeItDisconnects() throws Exception {
    fixture.startNode(Map.of());
    long storedByFirst;
    long published;
    try (SteadyPublisher publisher = new SteadyPublisher(fixture.brokerUrl, 2_000)) {
      NodeFixture.await(
          "readings to stream in", Duration.ofSeconds(30), () -> fixture.count(ENERGY) > 500);

      fixture.stopNode();
      storedByFirst = fixture.count(ENERGY);
      // Readings keep coming while no node runs: the broker queues them in the session.
      Thread.sleep(1_000);
      publisher.close();
      published = publisher.published();
    }

    fixture.startNode(Map.of());
    NodeFixture.await(
        "every published reading",
        Duration.ofSeconds(60),
        () -> fixture.count(ENERGY) >= published);
    assertThat(fixture.count(ENERGY)).isEqualTo(published);
    // Each message holds one reading: a stored one that came again was never acknowledged.
    NodeFixture.await(
        "the second node's ack count to settle",
        Duration.ofSeconds(10),
        () -> fixture.ingestCounter("enms_ingest_messages_total") >= published - storedByFirst);
    assertThat(fixture.ingestCounter("enms_ingest_messages_total"))
        .as(
            "messages the second node took; %d published, %d stored by the first",
            published, storedByFirst)
        .isEqualTo(published - storedByFirst);

    assertThat(shutdownSteps())
        .containsSubsequence(
            "ingest intake closed", "ingest drained", "ingest disconnected from the broker");
  }

  /** The shutdown's own log lines, in the order they were written. */
  private List<String> shutdownSteps() {
    return log.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(
            m ->
                m.startsWith("ingest intake")
                    || m.startsWith("ingest drain")
                    || m.startsWith("ingest disconnected"))
        .map(m -> m.replaceAll(" (inside|stored_and_acknowledged)=.*", ""))
        .toList();
  }
}
