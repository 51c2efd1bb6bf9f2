package org.enms.http.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.enms.core.json.Json;

/**
 * A WebSocket client over a real socket (the JDK's) that queues what it receives, each message with
 * the {@code System.nanoTime()} it arrived; or, {@code reading} false, one that never reads.
 */
public final class WsClient implements AutoCloseable {
  /** A received message and when it arrived. */
  public record Received(JsonNode json, long nanos) {}

  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private final WebSocket socket;

  private WsClient(HttpClient http, URI uri, boolean reading) throws Exception {
    socket =
        http.newWebSocketBuilder()
            .buildAsync(uri, reading ? new Reader() : new Stalled())
            .get(10, TimeUnit.SECONDS);
  }

  public static WsClient connect(HttpClient http, String uri) throws Exception {
    return new WsClient(http, URI.create(uri), true);
  }

  /** Connects and then never reads a frame: its TCP window fills and the server must cope. */
  public static WsClient stalled(HttpClient http, String uri) throws Exception {
    return new WsClient(http, URI.create(uri), false);
  }

  private final class Reader implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        long now = System.nanoTime();
        try {
          received.add(new Received(Json.mapper().readTree(partial.toString()), now));
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }
  }

  private static final class Stalled implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket ws) {}
  }

  public void send(String text) {
    socket.sendText(text, true).join();
  }

  /** The next message matching {@code which}, skipping others; fails after {@code within}. */
  public Received next(Predicate<JsonNode> which, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Received r = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      if (r == null) {
        throw new AssertionError("no matching message within " + within);
      }
      if (which.test(r.json())) {
        return r;
      }
    }
  }

  public Received nextOfType(String type, Duration within) throws InterruptedException {
    return next(j -> j.path("type").asText().equals(type), within);
  }

  /** Everything received so far, without waiting. */
  public java.util.List<Received> drain() {
    java.util.List<Received> out = new java.util.ArrayList<>();
    received.drainTo(out);
    return out;
  }

  @Override
  public void close() {
    socket.abort();
  }
}
