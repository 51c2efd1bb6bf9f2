package org.enms.http.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.enms.core.json.Json;

/**
 * One WebSocket client's state: its filter, swapped atomically by its own messages and read by its
 * outgoing stream, and the machines it follows live (registered in {@link LiveFollowers} until it
 * disconnects).
 */
final class ClientSession {
  private final AtomicReference<ClientFilter> filter;
  private final ClientFilter defaults;
  private final LiveFollowers followers;
  private final Clock clock;

  ClientSession(ClientFilter initial, ClientFilter defaults, LiveFollowers followers, Clock clock) {
    this.filter = new AtomicReference<>(initial.following(Set.of()));
    this.defaults = defaults;
    this.followers = followers;
    this.clock = clock;
    follow(List.copyOf(initial.follows()));
  }

  ClientFilter filter() {
    return filter.get();
  }

  /** Handles a client's text message; returns the reply to send, if any. */
  Optional<String> onText(String text) {
    if (text.isBlank()) {
      return Optional.empty();
    }
    if (text.trim().equals("ping")) {
      return Optional.of(pong());
    }
    ClientRequest request;
    try {
      request = Json.mapper().readValue(text, ClientRequest.class);
    } catch (JsonProcessingException e) {
      return Optional.of(error("not a JSON request: " + e.getOriginalMessage()));
    }
    switch (request.verb()) {
      case "ping":
        return Optional.of(pong());
      case "subscribe":
        filter.updateAndGet(
            f -> f.subscribe(request.machineIds(), request.factoryIds(), request.types()));
        break;
      case "unsubscribe":
        filter.updateAndGet(
            f -> f.unsubscribe(request.machineIds(), request.factoryIds(), request.types()));
        break;
      case "reset":
        filter.updateAndGet(f -> defaults.following(f.follows()));
        break;
      case "follow":
        follow(request.machineIds() == null ? List.of() : request.machineIds());
        break;
      case "unfollow":
        unfollow(request.machineIds());
        break;
      default:
        return Optional.of(
            error(
                "unknown action '"
                    + request.verb()
                    + "': subscribe, unsubscribe, reset, follow, unfollow or ping"));
    }
    return Optional.of(message("subscribed", Subscription.of(filter.get())));
  }

  private synchronized void follow(List<UUID> machines) {
    Set<UUID> now = new HashSet<>(filter.get().follows());
    for (UUID m : machines) {
      if (now.add(m)) {
        followers.follow(m);
      }
    }
    filter.updateAndGet(f -> f.following(now));
  }

  /** {@code machines} null: all. */
  private synchronized void unfollow(List<UUID> machines) {
    Set<UUID> now = new HashSet<>(filter.get().follows());
    for (UUID m : machines == null ? List.copyOf(now) : machines) {
      if (now.remove(m)) {
        followers.unfollow(m);
      }
    }
    filter.updateAndGet(f -> f.following(now));
  }

  /** The client left: it follows nothing any more. */
  void close() {
    unfollow(null);
  }

  private String pong() {
    return encode(new Pong("pong", clock.instant()));
  }

  private String error(String detail) {
    return message("error", new Refusal(detail));
  }

  private String message(String type, Object data) {
    return encode(new EventMessage(type, data, clock.instant()));
  }

  /** The answer to ping, as the original's: {@code {type: pong, timestamp}}. */
  record Pong(String type, Instant timestamp) {}

  /** Why a client's message was not understood. */
  record Refusal(String message) {}

  static String encode(Object message) {
    try {
      return Json.mapper().writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
