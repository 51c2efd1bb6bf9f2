package org.enms.http.events;

import java.util.Set;

/** The event types clients name in filters, in either spelling (dotted or the original's _). */
final class EventTypes {
  static final String READING = "machine.reading";
  static final Set<String> ALL =
      Set.of(
          "anomaly.detected",
          "anomaly.resolved",
          "baseline.trained",
          "training.started",
          "training.progress",
          "training.completed",
          "machine.status",
          READING);
  static final Set<String> ALL_BUT_READINGS =
      Set.of(
          "anomaly.detected",
          "anomaly.resolved",
          "baseline.trained",
          "training.started",
          "training.progress",
          "training.completed",
          "machine.status");

  private EventTypes() {}

  /** {@code anomaly_detected} or {@code anomaly.detected} → {@code anomaly.detected}. */
  static String normalise(String type) {
    String t = type.trim().toLowerCase(java.util.Locale.ROOT);
    int underscore = t.indexOf('_');
    return underscore < 0 ? t : t.substring(0, underscore) + "." + t.substring(underscore + 1);
  }
}
