package org.enms.machine;

import com.typesafe.config.Config;
import java.time.Duration;
import org.enms.analytics.detect.DetectionThresholds;

/**
 * The {@code enms.machine.detection} section: whether the entities score readings at all, what
 * their live detection judges by, and how it writes what it finds.
 *
 * @param enabled false: entities record and publish readings but score none (no live anomalies, no
 *     silence check); for measuring ingest without detection, or a node that only ingests
 * @param thresholds z levels, CUSUM, debounce, silence and rule limits, for {@link
 *     org.enms.analytics.detect.LiveDetector}
 * @param writes how anomaly writes are retried
 */
public record DetectionSettings(boolean enabled, DetectionThresholds thresholds, Writes writes) {

  /**
   * How a machine's anomaly writes are retried: one at a time, in order.
   *
   * @param minBackoff the wait before the first retry; it doubles with each failure…
   * @param maxBackoff …up to this
   * @param attempts tries in all, the first included, before a write is given up
   * @param timeout a write not answered within this counts as failed
   * @param maxPending writes waiting per machine; more are given up at once
   */
  public record Writes(
      Duration minBackoff, Duration maxBackoff, int attempts, Duration timeout, int maxPending) {
    public Writes {
      if (minBackoff.isNegative() || maxBackoff.compareTo(minBackoff) < 0) {
        throw new IllegalArgumentException("writes needs 0 ≤ min-backoff ≤ max-backoff");
      }
      if (attempts < 1 || maxPending < 1 || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(
            "writes needs attempts ≥ 1, max-pending ≥ 1 and a positive timeout");
      }
    }

    /** The wait after the {@code failures}-th failure (1, 2, …): doubling, capped. */
    public Duration backoff(int failures) {
      Duration d = minBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
      return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }
  }

  /** Reads the {@code detection} section (of {@code enms.machine}). */
  public static DetectionSettings fromConfig(Config detection) {
    try {
      return new DetectionSettings(
          detection.getBoolean("enabled"),
          thresholds(detection),
          writes(detection.getConfig("writes")));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("enms.machine.detection: " + e.getMessage(), e);
    }
  }

  private static Writes writes(Config c) {
    return new Writes(
        c.getDuration("min-backoff"),
        c.getDuration("max-backoff"),
        c.getInt("attempts"),
        c.getDuration("timeout"),
        c.getInt("max-pending"));
  }

  private static DetectionThresholds thresholds(Config c) {
    return new DetectionThresholds(
        c.getDouble("z.warning"),
        c.getDouble("z.critical"),
        c.getDouble("z.normal"),
        c.getDouble("cusum.k"),
        c.getDouble("cusum.h"),
        c.getDouble("drift.normal-z"),
        c.getInt("drift.resolve-minutes"),
        new DetectionThresholds.Debouncing(
            c.getInt("debounce.raise-readings"),
            c.getDuration("debounce.raise-after"),
            c.getInt("debounce.resolve-readings"),
            c.getDuration("debounce.resolve-after")),
        c.getInt("silent-after-intervals"),
        c.getDouble("above-rated.raise"),
        c.getDouble("above-rated.resolve"),
        c.getDouble("above-rated.critical"),
        c.getDouble("power-while-stopped.raise-above-kw"),
        c.getDouble("power-while-stopped.resolve-below-kw"));
  }
}
