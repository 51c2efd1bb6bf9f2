package org.enms.machine;

import com.typesafe.config.Config;
import org.enms.analytics.detect.DetectionThresholds;

/**
 * The {@code enms.machine.detection} section: what the entities' live detection judges by.
 *
 * @param thresholds z levels, CUSUM, debounce, silence and rule limits, for {@link
 *     org.enms.analytics.detect.LiveDetector}
 */
public record DetectionSettings(DetectionThresholds thresholds) {

  /** Reads the {@code detection} section (of {@code enms.machine}). */
  public static DetectionSettings fromConfig(Config detection) {
    return new DetectionSettings(thresholds(detection));
  }

  private static DetectionThresholds thresholds(Config c) {
    try {
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
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("enms.machine.detection: " + e.getMessage(), e);
    }
  }
}
