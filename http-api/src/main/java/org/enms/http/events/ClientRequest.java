package org.enms.http.events;

import java.util.List;
import java.util.UUID;

/**
 * A message from a WebSocket client: {@code action} (or {@code type}, as the original's JS client
 * sends {@code {"type":"ping"}}) is subscribe, unsubscribe, reset, follow, unfollow or ping.
 */
record ClientRequest(
    String action, String type, List<UUID> machineIds, List<UUID> factoryIds, List<String> types) {
  String verb() {
    return action != null ? action : type == null ? "" : type;
  }
}
