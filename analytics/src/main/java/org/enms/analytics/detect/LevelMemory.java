package org.enms.analytics.detect;

/**
 * The power levels a machine draws in each operating mode, learned from its own readings: a
 * histogram of log power per mode ({@code running}, {@code idle}, anything else), bins of 5 %. A
 * cycling machine (an injection moulder heating, injecting, cooling, ejecting; a compressor loading
 * and unloading) spends its time at a few levels far apart, so a reading is judged by whether it
 * lies near a level the machine is known to draw, not by its distance to an hourly mean that may
 * lie between the levels. A spike of +60 % or a drop to 40 % lands where nothing normal was seen; a
 * drift of +30 % stays within reach of the level it left, and is the CUSUM's.
 *
 * <p>Old readings fade: when a mode's count reaches {@value #CAPACITY} all its bins are halved.
 * About 2.6 KB per machine. Not thread-safe.
 */
public final class LevelMemory {
  /** Width of a bin in ln(power / scale): 5 %. */
  static final double BIN = 0.05;

  /** ln range covered, relative to the scale: 1/400 to 4 times it; beyond lands in the end bins. */
  private static final double LOW = Math.log(1.0 / 400);

  private static final int BINS = (int) Math.ceil((Math.log(4.0) - LOW) / BIN) + 1;
  private static final int MODES = 3;
  static final int CAPACITY = 20_000;

  /** A mode's levels are trusted once this many readings were learned in it. */
  static final int MIN_READINGS = 240;

  /** A reading is new when no learned reading lies within ln ± this (±30 %)… */
  static final double NEW_WITHIN = 0.35;

  /** …bar this fraction of the mode's readings (stray readings of the past). */
  static final double NEW_BELOW = 2e-4;

  /** And it is clearly normal when at least this fraction lies within two bins of it. */
  static final double NORMAL_ABOVE = 2e-3;

  private final float[] counts = new float[MODES * BINS];
  private final float[] totals = new float[MODES];
  private double scale;
  private double offset;

  /**
   * @param scale a typical power of the machine, kW (its rated power); bins are relative to it. 0
   *     or less when unknown: the first positive reading learned sets it.
   */
  public LevelMemory(double scale) {
    setScale(scale);
  }

  private void setScale(double scale) {
    this.scale = scale;
    this.offset = 0.002 * scale;
  }

  /** How a reading stands against the levels of its mode. */
  public enum Verdict {
    /** too few readings in this mode yet */
    UNKNOWN,
    NORMAL,
    /** neither new nor clearly usual */
    UNSURE,
    NEW_HIGH,
    NEW_LOW
  }

  public void learn(String mode, double kw) {
    if (scale <= 0) {
      if (!(kw > 0)) {
        return;
      }
      setScale(kw);
    }
    int m = mode(mode);
    counts[m * BINS + bin(kw)]++;
    if (++totals[m] >= CAPACITY) {
      for (int i = m * BINS; i < (m + 1) * BINS; i++) {
        counts[i] *= 0.5f;
      }
      totals[m] *= 0.5f;
    }
  }

  public Verdict judge(String mode, double kw) {
    int m = mode(mode);
    double total = totals[m];
    if (total < MIN_READINGS || scale <= 0) {
      return Verdict.UNKNOWN;
    }
    int b = bin(kw);
    // Whole bins only: a bin at the window's edge may hold readings farther than the window.
    int wide = (int) Math.round(NEW_WITHIN / BIN) - 1;
    int narrow = 2;
    double near = mass(m, b - narrow, b + narrow);
    if (near >= NORMAL_ABOVE * total) {
      return Verdict.NORMAL;
    }
    double around = mass(m, b - wide, b + wide);
    if (around > NEW_BELOW * total) {
      return Verdict.UNSURE;
    }
    double below = mass(m, 0, b - 1);
    double above = mass(m, b + 1, BINS - 1);
    return below >= above ? Verdict.NEW_HIGH : Verdict.NEW_LOW;
  }

  /**
   * Whether a mode other than {@code mode} has drawn about {@code kw} (within ±30 %), trusted or
   * not yet: a reading new to its reported mode may then be the first of a change to that mode.
   */
  public boolean drawnInAnotherMode(String mode, double kw) {
    if (scale <= 0) {
      return false;
    }
    int own = mode(mode);
    int b = bin(kw);
    int wide = (int) Math.round(NEW_WITHIN / BIN) - 1;
    for (int m = 0; m < MODES; m++) {
      if (m != own && totals[m] > 0 && mass(m, b - wide, b + wide) > NEW_BELOW * totals[m]) {
        return true;
      }
    }
    return false;
  }

  /** The centre of the most frequent bin of the mode nearest to {@code kw}, kW; NaN if none. */
  public double nearestLevel(String mode, double kw) {
    int m = mode(mode);
    if (scale <= 0) {
      return Double.NaN;
    }
    int b = bin(kw);
    for (int d = 0; d < BINS; d++) {
      int lo = b - d;
      int hi = b + d;
      boolean loOk = lo >= 0 && counts[m * BINS + lo] > NEW_BELOW * totals[m];
      boolean hiOk = hi < BINS && counts[m * BINS + hi] > NEW_BELOW * totals[m];
      if (loOk || hiOk) {
        return centre(loOk ? lo : hi);
      }
    }
    return Double.NaN;
  }

  private double mass(int m, int from, int to) {
    double sum = 0;
    for (int i = Math.max(0, from); i <= Math.min(BINS - 1, to); i++) {
      sum += counts[m * BINS + i];
    }
    return sum;
  }

  private int bin(double kw) {
    double x = Math.log((Math.max(0.0, kw) + offset) / scale) - LOW;
    return (int) Math.max(0, Math.min(BINS - 1, Math.floor(x / BIN)));
  }

  private double centre(int b) {
    return Math.exp(LOW + (b + 0.5) * BIN) * scale - offset;
  }

  private static int mode(String mode) {
    if (mode == null) {
      return 2;
    }
    return switch (mode) {
      case "running" -> 0;
      case "idle" -> 1;
      default -> 2;
    };
  }
}
