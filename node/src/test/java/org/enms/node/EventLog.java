package org.enms.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.enms.http.events.WsClient;

/**
 * A WebSocket client of a node's event endpoint that keeps every message it received, so that a
 * test can wait for one event without losing the others that came before it.
 */
final class EventLog implements AutoCloseable {
  private final WsClient client;
  private final List<WsClient.Received> seen = new ArrayList<>();

  /** Connects to {@code pathAndQuery}, e.g. {@code /api/v1/ws/anomalies?machine_ids=…}. */
  EventLog(NodeFixture fixture, String pathAndQuery) throws Exception {
    client =
        WsClient.connect(
            HttpClient.newHttpClient(), "ws://127.0.0.1:" + fixture.httpPort + pathAndQuery);
    await("the connection message", Duration.ofSeconds(10), m -> type(m).equals("connection"));
  }

  static String type(JsonNode message) {
    return message.path("type").asText();
  }

  /** The first message so far, or arriving within {@code timeout}, that matches. */
  synchronized WsClient.Received await(String what, Duration timeout, Predicate<JsonNode> which)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      seen.addAll(client.drain());
      Optional<WsClient.Received> found =
          seen.stream().filter(r -> which.test(r.json())).findFirst();
      if (found.isPresent()) {
        return found.get();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "timed out after " + timeout + " waiting for " + what + "; received: " + messages());
      }
      Thread.sleep(50);
    }
  }

  /** Every message received so far. */
  synchronized List<JsonNode> messages() {
    seen.addAll(client.drain());
    return seen.stream().map(WsClient.Received::json).toList();
  }

  @Override
  public void close() {
    client.close();
  }
}
