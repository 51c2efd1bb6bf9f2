package org.enms.analytics.detect;

/**
 * Page's two-sided tabular CUSUM on standardised residuals: S⁺ = max(0, S⁺ + z − k), S⁻ = max(0, S⁻
 * − z − k), alarm when either exceeds h. With k = 0.5 and h = 5 it finds a sustained shift of about
 * 1σ in roughly ten samples while staying quiet for hundreds (Montgomery's design values).
 *
 * <p>Inputs are winsorised at ±{@code clamp}, so a single wild value (a spike, which has its own
 * rule) adds at most {@code clamp − k}: the CUSUM answers for slow drift only.
 */
public final class PageCusum {
  /** Which way the level moved. */
  public enum Direction {
    NONE,
    UP,
    DOWN
  }

  /** Inputs are winsorised here, σ: a spike adds at most this less k. */
  public static final double STANDARD_CLAMP = 3.0;

  private final double k;
  private final double h;
  private final double clamp;
  private double high;
  private double low;

  public PageCusum(double k, double h, double clamp) {
    this.k = k;
    this.h = h;
    this.clamp = clamp;
  }

  /** k = 0.5σ, h = 5σ, inputs clamped at ±3σ. */
  public static PageCusum standard() {
    return new PageCusum(0.5, 5.0, STANDARD_CLAMP);
  }

  /** Adds one standardised residual; answers the direction of an alarm, NONE below h. */
  public Direction add(double z) {
    if (!Double.isFinite(z)) {
      return Direction.NONE;
    }
    double c = Math.max(-clamp, Math.min(clamp, z));
    high = Math.max(0.0, high + c - k);
    low = Math.max(0.0, low - c - k);
    if (high > h) {
      return Direction.UP;
    }
    if (low > h) {
      return Direction.DOWN;
    }
    return Direction.NONE;
  }

  /** Starts again from zero, e.g. after an alarm or a new model. */
  public void reset() {
    high = 0.0;
    low = 0.0;
  }

  public double high() {
    return high;
  }

  public double low() {
    return low;
  }
}
