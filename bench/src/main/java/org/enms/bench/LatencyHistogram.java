package org.enms.bench;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * A lock-free latency histogram with logarithmic buckets (about 9 % wide, from 1 µs to ~1 h), so
 * millions of per-message samples cost a few atomic adds each and percentiles stay within a bucket.
 */
final class LatencyHistogram {
  /** Eight buckets per doubling. */
  private static final double STEP = Math.log(2) / 8;

  private static final int BUCKETS = 256;

  private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
  private final LongAdder count = new LongAdder();
  private final LongAdder sumNanos = new LongAdder();
  private final LongAccumulator maxNanos = new LongAccumulator(Math::max, 0);

  void record(long nanos) {
    long n = Math.max(0, nanos);
    counts.incrementAndGet(bucket(n));
    count.increment();
    sumNanos.add(n);
    maxNanos.accumulate(n);
  }

  long count() {
    return count.sum();
  }

  double meanMillis() {
    long c = count.sum();
    return c == 0 ? 0 : sumNanos.sum() / 1e6 / c;
  }

  double maxMillis() {
    return maxNanos.get() / 1e6;
  }

  /** Total recorded time, seconds. */
  double totalSeconds() {
    return sumNanos.sum() / 1e9;
  }

  /** The upper edge of the bucket holding the {@code p}-quantile, milliseconds. */
  double percentileMillis(double p) {
    long total = count.sum();
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(p * total);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts.get(i);
      if (seen >= rank) {
        return Math.min(upperEdgeMicros(i) / 1e3, maxMillis());
      }
    }
    return maxMillis();
  }

  private static int bucket(long nanos) {
    double micros = nanos / 1e3;
    if (micros < 1) {
      return 0;
    }
    return Math.min(BUCKETS - 1, 1 + (int) (Math.log(micros) / STEP));
  }

  private static double upperEdgeMicros(int bucket) {
    return bucket == 0 ? 1 : Math.exp(bucket * STEP);
  }

  /** "p50 …, p95 …, p99 …, max …, mean …" in ms, for a summary row. */
  String percentiles() {
    return String.format(
        java.util.Locale.ROOT,
        "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms, mean %.1f ms",
        percentileMillis(0.50),
        percentileMillis(0.95),
        percentileMillis(0.99),
        maxMillis(),
        meanMillis());
  }
}
