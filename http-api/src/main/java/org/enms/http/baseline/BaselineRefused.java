package org.enms.http.baseline;

import org.enms.analytics.baseline.BaselineException;

/**
 * The baseline service refused a request: what it names does not exist, or no baseline can be
 * trained or used with it. The {@link Reason} says why and {@link BaselineErrors} answers each; the
 * message, for people, is what the API sends as {@code detail}.
 */
public final class BaselineRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a request was refused. */
  public enum Reason {
    MACHINE_NOT_FOUND,
    /** Baselines are trained on electricity only so far. */
    UNSUPPORTED_ENERGY_SOURCE,
    UNKNOWN_ENERGY_SOURCE,
    NO_ACTIVE_BASELINE,
    /** The trainer's {@link BaselineException.Kind#UNKNOWN_DRIVER}. */
    UNKNOWN_DRIVER,
    /** The trainer's {@link BaselineException.Kind#NO_USABLE_DRIVER}. */
    NO_USABLE_DRIVER,
    /** Too few hours, or days, with data in the period. */
    INSUFFICIENT_DATA,
    /** The trainer refused the period's data otherwise (collinear drivers). */
    UNTRAINABLE
  }

  private final Reason reason;

  public BaselineRefused(Reason reason, String message) {
    this(reason, message, null);
  }

  private BaselineRefused(Reason reason, String message, Throwable cause) {
    // Expected answers, not faults: no stack trace.
    super(message, cause, false, false);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static BaselineRefused machineNotFound() {
    return new BaselineRefused(Reason.MACHINE_NOT_FOUND, "Machine not found");
  }

  static BaselineRefused unsupportedEnergySource(String energySource) {
    return new BaselineRefused(
        Reason.UNSUPPORTED_ENERGY_SOURCE,
        "Baselines are trained on electricity only; '" + energySource + "' is not supported yet");
  }

  static BaselineRefused unknownEnergySource(String energySource) {
    return new BaselineRefused(
        Reason.UNKNOWN_ENERGY_SOURCE, "Unknown energy source '" + energySource + "'");
  }

  static BaselineRefused noActiveBaseline(String machineName) {
    return new BaselineRefused(
        Reason.NO_ACTIVE_BASELINE,
        "No active baseline for " + machineName + " (electricity); train one first");
  }

  /** What the trainer refused, its kind as the reason and its message as the detail. */
  static BaselineRefused training(BaselineException e) {
    Reason reason =
        switch (e.kind()) {
          case UNKNOWN_DRIVER -> Reason.UNKNOWN_DRIVER;
          case NO_USABLE_DRIVER -> Reason.NO_USABLE_DRIVER;
          case INSUFFICIENT_DATA -> Reason.INSUFFICIENT_DATA;
          case COLLINEAR_DRIVERS, NO_RESIDUAL_SPREAD -> Reason.UNTRAINABLE;
        };
    return new BaselineRefused(reason, e.getMessage(), e);
  }
}
