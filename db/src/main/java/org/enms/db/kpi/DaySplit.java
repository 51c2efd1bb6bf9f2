package org.enms.db.kpi;

import java.time.Duration;
import java.time.Instant;

/**
 * How a period's 15-minute intervals are read: the whole UTC days among them that are over from the
 * daily sums ({@code [dayFrom, dayTo)}), the rest from the 15-minute ones. The intervals of {@code
 * [start, end)} are those that overlap it. Without such a day, {@code dayFrom == dayTo}. {@code
 * calculate_all_kpis} splits the same way.
 */
record DaySplit(Instant dayFrom, Instant dayTo) {
  private static final long INTERVAL = Duration.ofMinutes(15).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  /**
   * @param now days from the one holding {@code now} on have no daily sums yet
   */
  static DaySplit of(Instant start, Instant end, Instant now) {
    long lo = floor(start.toEpochMilli(), INTERVAL);
    long hiEdge = floor(end.toEpochMilli() - 1, INTERVAL) + INTERVAL;
    long from = floor(lo + DAY - 1, DAY);
    long to = Math.min(floor(hiEdge, DAY), floor(now.toEpochMilli(), DAY));
    return from < to
        ? new DaySplit(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to))
        : new DaySplit(Instant.ofEpochMilli(lo), Instant.ofEpochMilli(lo));
  }

  private static long floor(long millis, long width) {
    return Math.floorDiv(millis, width) * width;
  }
}
