package org.enms.analytics;

import java.util.Arrays;

/**
 * The last few reading times of one stream, to tell a late reading (count it) from a repeated one
 * (ignore it) when readings arrive out of order: several subscriber connections and concurrent
 * commits can deliver a machine's t=5 after its t=6. Fixed size, primitive ring: an entity holds
 * two, and there may be 100,000 entities.
 */
final class RecentTimes {
  private final long[] times;
  private int next;
  private int size;

  /** Whether a time was ever pushed out: until then every time since the start is remembered. */
  private boolean forgotten;

  RecentTimes(int capacity) {
    this.times = new long[capacity];
  }

  boolean contains(long epochMillis) {
    for (int i = 0; i < size; i++) {
      if (times[i] == epochMillis) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this time could be a repeat we no longer remember: older than every remembered time
   * after some were pushed out. Before that, every time since the start is remembered.
   */
  boolean olderThanRemembered(long epochMillis) {
    if (!forgotten) {
      return false;
    }
    long oldest = Long.MAX_VALUE;
    for (int i = 0; i < size; i++) {
      oldest = Math.min(oldest, times[i]);
    }
    return epochMillis < oldest;
  }

  void add(long epochMillis) {
    forgotten |= size == times.length;
    times[next] = epochMillis;
    next = (next + 1) % times.length;
    size = Math.min(size + 1, times.length);
  }

  void clear() {
    Arrays.fill(times, 0);
    next = 0;
    size = 0;
    forgotten = false;
  }
}
