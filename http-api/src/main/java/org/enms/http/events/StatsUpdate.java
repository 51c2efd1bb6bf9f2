package org.enms.http.events;

import java.time.Instant;

/** {@code /ws}'s 5-second message in the original's shape: {@code {type, stats, timestamp}}. */
public record StatsUpdate(String type, SystemStats stats, Instant timestamp) {
  public StatsUpdate(SystemStats stats, Instant timestamp) {
    this("stats_update", stats, timestamp);
  }
}
