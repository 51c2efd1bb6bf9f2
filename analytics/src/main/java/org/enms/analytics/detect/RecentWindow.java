package org.enms.analytics.detect;

import java.time.Instant;

/**
 * The readings of the last {@code lengthMs}, for their mean: up to {@value #CAPACITY} of them (a
 * machine reporting every second keeps the last {@value #CAPACITY} s). Not thread-safe.
 */
final class RecentWindow {
  static final int CAPACITY = 64;

  private final long lengthMs;
  private final long[] times = new long[CAPACITY];
  private final double[] values = new double[CAPACITY];
  private int head;
  private int size;
  private double sum;

  RecentWindow(long lengthMs) {
    this.lengthMs = lengthMs;
  }

  void add(Instant time, double value) {
    long t = time.toEpochMilli();
    while (size > 0
        && (size == CAPACITY || times[(head - size + CAPACITY) % CAPACITY] <= t - lengthMs)) {
      sum -= values[(head - size + CAPACITY) % CAPACITY];
      size--;
    }
    times[head] = t;
    values[head] = value;
    head = (head + 1) % CAPACITY;
    size++;
    sum += value;
  }

  int count() {
    return size;
  }

  double mean() {
    return size == 0 ? Double.NaN : sum / size;
  }
}
