package org.enms.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * A sliding window of power, energy and production statistics made of {@code bucketCount} buckets
 * of {@code bucketWidth}. Adding is O(1) and memory is fixed: the buckets are parallel primitive
 * arrays used as a ring, and no reading is retained, so a machine's windows stay a few kilobytes.
 *
 * <p>A bucket is identified by its number since the epoch ({@code time / width}); a slot still
 * holding an older bucket number is stale and is cleared when it is next written, so buckets that
 * fall out of the window cost nothing until they are reused. The window ends at the newest bucket
 * seen; readings in buckets that already fell out of it are refused. Statistics are over whole
 * buckets, so a window "ending now" includes the current partial bucket and {@code bucketCount - 1}
 * full ones. Not thread-safe: one owner (an actor) at a time.
 */
public final class RollingWindow {
  private static final long EMPTY = Long.MIN_VALUE;

  private final long widthMillis;
  private final int size;

  /** Bucket number held by each slot, or {@link #EMPTY}. */
  private final long[] bucket;

  private final int[] count;

  /** kW */
  private final double[] sumPower;

  /** kW */
  private final double[] minPower;

  /** kW */
  private final double[] maxPower;

  /** kWh */
  private final double[] energy;

  private final int[] units;
  private long newest = EMPTY;

  public RollingWindow(Duration bucketWidth, int bucketCount) {
    if (bucketWidth.toMillis() <= 0 || bucketCount <= 0) {
      throw new IllegalArgumentException("bucket width and count must be positive");
    }
    this.widthMillis = bucketWidth.toMillis();
    this.size = bucketCount;
    this.bucket = new long[size];
    this.count = new int[size];
    this.sumPower = new double[size];
    this.minPower = new double[size];
    this.maxPower = new double[size];
    this.energy = new double[size];
    this.units = new int[size];
    Arrays.fill(bucket, EMPTY);
  }

  /** The time the window spans. */
  public Duration span() {
    return Duration.ofMillis(widthMillis * size);
  }

  /**
   * Adds one power reading and the energy it reports.
   *
   * @return false when the reading is older than the window and was ignored
   */
  public boolean addEnergy(Instant time, double powerKw, double energyKwh) {
    int slot = slotFor(time.toEpochMilli());
    if (slot < 0) {
      return false;
    }
    count[slot]++;
    sumPower[slot] += powerKw;
    minPower[slot] = Math.min(minPower[slot], powerKw);
    maxPower[slot] = Math.max(maxPower[slot], powerKw);
    energy[slot] += energyKwh;
    return true;
  }

  /**
   * Adds units produced in the interval ending at {@code time}.
   *
   * @return false when the reading is older than the window and was ignored
   */
  public boolean addProduction(Instant time, long producedUnits) {
    int slot = slotFor(time.toEpochMilli());
    if (slot < 0) {
      return false;
    }
    units[slot] = (int) Math.min(Integer.MAX_VALUE, units[slot] + producedUnits);
    return true;
  }

  /**
   * Merges pre-aggregated totals into the bucket containing their start.
   *
   * @return false when they are older than the window and were ignored
   */
  public boolean seed(BucketTotals totals) {
    int slot = slotFor(totals.start().toEpochMilli());
    if (slot < 0) {
      return false;
    }
    if (totals.readingCount() > 0) {
      count[slot] += totals.readingCount();
      sumPower[slot] += totals.sumPowerKw();
      minPower[slot] = Math.min(minPower[slot], totals.minPowerKw());
      maxPower[slot] = Math.max(maxPower[slot], totals.maxPowerKw());
    }
    energy[slot] += totals.energyKwh();
    units[slot] = (int) Math.min(Integer.MAX_VALUE, units[slot] + totals.productionUnits());
    return true;
  }

  /** Forgets every bucket, so the window can be seeded afresh. */
  public void clear() {
    Arrays.fill(bucket, EMPTY);
    newest = EMPTY;
  }

  /** Statistics of the buckets of the window whose newest bucket contains {@code end}. */
  public WindowStats stats(Instant end) {
    long last = Math.floorDiv(end.toEpochMilli(), widthMillis);
    long first = last - size + 1;
    long readings = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double kwh = 0;
    long produced = 0;
    for (int slot = 0; slot < size; slot++) {
      long b = bucket[slot];
      if (b == EMPTY || b < first || b > last) {
        continue;
      }
      readings += count[slot];
      sum += sumPower[slot];
      min = Math.min(min, minPower[slot]);
      max = Math.max(max, maxPower[slot]);
      kwh += energy[slot];
      produced += units[slot];
    }
    return new WindowStats(
        Instant.ofEpochMilli(first * widthMillis),
        Instant.ofEpochMilli((last + 1) * widthMillis),
        readings,
        readings == 0 ? null : min,
        readings == 0 ? null : sum / readings,
        readings == 0 ? null : max,
        kwh,
        produced);
  }

  /** The slot for a reading at {@code millis}, cleared if stale; -1 if before the window. */
  private int slotFor(long millis) {
    long b = Math.floorDiv(millis, widthMillis);
    if (newest != EMPTY && b <= newest - size) {
      return -1;
    }
    newest = newest == EMPTY ? b : Math.max(newest, b);
    int slot = (int) Math.floorMod(b, (long) size);
    if (bucket[slot] != b) {
      bucket[slot] = b;
      count[slot] = 0;
      sumPower[slot] = 0;
      minPower[slot] = Double.POSITIVE_INFINITY;
      maxPower[slot] = Double.NEGATIVE_INFINITY;
      energy[slot] = 0;
      units[slot] = 0;
    }
    return slot;
  }
}
