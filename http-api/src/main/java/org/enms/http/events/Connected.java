package org.enms.http.events;

import java.time.Instant;

/** The first message of a connection, as the original's. */
public record Connected(
    String type, String status, String clientId, String connectionType, Instant timestamp) {
  Connected(String clientId, String connectionType, Instant timestamp) {
    this("connection", "connected", clientId, connectionType, timestamp);
  }
}
