package org.enms.http.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client of {@code /api/v1/ws/anomalies} gets no stats, so on a quiet plant nothing crosses its
 * socket for minutes; the server's idle timeout must not close it. The server pings such clients
 * ({@code pekko.http.server.websocket.periodic-keep-alive-max-idle}) more often than the idle
 * timeout. Here both are scaled down: a 2-s idle timeout, pings after 500 ms of silence.
 */
class QuietClientTest {
  private static HubServer server;
  private static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    server =
        HubServer.start(
            """
            pekko.http.server.idle-timeout = 2s
            pekko.http.server.websocket.periodic-keep-alive-max-idle = 500ms
            """);
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void shipsKeepAlivePingsMoreOftenThanTheIdleTimeout() {
    Config shipped = ConfigFactory.load();
    Duration ping = shipped.getDuration("pekko.http.server.websocket.periodic-keep-alive-max-idle");
    Duration idle = shipped.getDuration("pekko.http.server.idle-timeout");
    assertThat(ping).isPositive().isLessThan(idle.dividedBy(2));
  }

  @Test
  void anAnomaliesClientStillGetsAnEventAfterLongerSilenceThanTheIdleTimeout() throws Exception {
    UUID machine = UUID.randomUUID();
    try (var client = WsClient.connect(http, server.base() + "/api/v1/ws/anomalies")) {
      client.nextOfType("connection", Duration.ofSeconds(10));
      Thread.sleep(5_000);
      server.hub().sink().publish(EventRoutesTest.anomaly(machine, null, "after a quiet spell"));
      var got = client.nextOfType("anomaly_detected", Duration.ofSeconds(10));
      assertThat(got.json().path("data").path("explanation").asText())
          .isEqualTo("after a quiet spell");
    }
  }
}
