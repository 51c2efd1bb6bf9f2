package org.enms.db;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Disjoint time ranges awaiting a roll-up refresh. Overlapping ranges, or ranges closer than {@link
 * TimeSpans#MERGE_GAP}, merge. Not thread-safe; {@link RollupRefresher} guards it.
 */
final class DirtyRanges {
  private final TreeMap<Instant, Instant> ranges = new TreeMap<>();

  void add(Instant from, Instant to) {
    Instant start = from;
    Instant end = to;
    // Absorb every range that overlaps [start - gap, end + gap].
    Map.Entry<Instant, Instant> before = ranges.floorEntry(end.plus(TimeSpans.MERGE_GAP));
    while (before != null && !before.getValue().plus(TimeSpans.MERGE_GAP).isBefore(start)) {
      start = before.getKey().isBefore(start) ? before.getKey() : start;
      end = before.getValue().isAfter(end) ? before.getValue() : end;
      ranges.remove(before.getKey());
      before = ranges.floorEntry(end.plus(TimeSpans.MERGE_GAP));
    }
    ranges.put(start, end);
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  List<TimeRange> snapshot() {
    List<TimeRange> out = new ArrayList<>(ranges.size());
    ranges.forEach((from, to) -> out.add(new TimeRange(from, to)));
    return out;
  }

  /** Returns every range, oldest first, and forgets them. */
  List<TimeRange> drain() {
    List<TimeRange> out = snapshot();
    ranges.clear();
    return out;
  }
}
