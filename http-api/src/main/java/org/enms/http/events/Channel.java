package org.enms.http.events;

import java.util.Optional;
import java.util.Set;

/**
 * A WebSocket endpoint: which event types its clients get unless they subscribe otherwise, and
 * whether they get the periodic {@code stats_update}. {@code machine.reading} is never a default: a
 * client asks to follow machines.
 */
enum Channel {
  /** {@code /ws}: the original's dashboard socket (stats in its {@code stats} shape). */
  ROOT("ws", true, EventTypes.ALL_BUT_READINGS),
  DASHBOARD(
      "dashboard",
      true,
      Set.of("anomaly.detected", "anomaly.resolved", "baseline.trained", "machine.status")),
  ANOMALIES("anomalies", false, Set.of("anomaly.detected", "anomaly.resolved")),
  TRAINING(
      "training",
      false,
      Set.of("training.started", "training.progress", "training.completed", "baseline.trained")),
  EVENTS("events", false, EventTypes.ALL_BUT_READINGS);

  final String connectionType;
  final boolean stats;
  final Set<String> defaultTypes;

  Channel(String connectionType, boolean stats, Set<String> defaultTypes) {
    this.connectionType = connectionType;
    this.stats = stats;
    this.defaultTypes = defaultTypes;
  }

  static Optional<Channel> of(String segment) {
    for (Channel c : values()) {
      if (c != ROOT && c.connectionType.equals(segment)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}
