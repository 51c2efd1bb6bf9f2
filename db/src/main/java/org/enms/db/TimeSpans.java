package org.enms.db;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Groups reading times into the few spans that roll-ups must recompute. Times closer than {@link
 * #MERGE_GAP} share a span, so a live batch is one span and a batch that mixes live readings with a
 * straggler from last week is two small spans instead of a week.
 */
final class TimeSpans {
  /** Spans closer than this are refreshed together: re-rolling an hour costs less than a query. */
  static final Duration MERGE_GAP = Duration.ofHours(1);

  private TimeSpans() {}

  static List<TimeRange> of(long[] epochMillis) {
    if (epochMillis.length == 0) {
      return List.of();
    }
    long[] sorted = epochMillis.clone();
    Arrays.sort(sorted);
    long gap = MERGE_GAP.toMillis();
    List<TimeRange> spans = new ArrayList<>();
    long from = sorted[0];
    long to = sorted[0];
    for (int i = 1; i < sorted.length; i++) {
      if (sorted[i] - to > gap) {
        spans.add(range(from, to));
        from = sorted[i];
      }
      to = sorted[i];
    }
    spans.add(range(from, to));
    return spans;
  }

  private static TimeRange range(long from, long to) {
    return new TimeRange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to));
  }
}
