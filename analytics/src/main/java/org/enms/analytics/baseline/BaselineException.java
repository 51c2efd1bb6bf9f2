package org.enms.analytics.baseline;

/**
 * A baseline cannot be trained or used from what was asked or found. The {@link Kind} says why, so
 * callers choose their answer without reading the message, which is for people.
 */
public final class BaselineException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why a baseline was refused. */
  public enum Kind {
    /** A requested driver is not in the catalogue ({@link Features#known()}). */
    UNKNOWN_DRIVER,
    /** Every requested driver is too sparse or constant over the period. */
    NO_USABLE_DRIVER,
    /** Too few hours (or days) with data to fit. */
    INSUFFICIENT_DATA,
    /** The drivers cannot be separated (collinear) in the period. */
    COLLINEAR_DRIVERS,
    /** The model's residual spread is zero, so no deviation can be judged against it. */
    NO_RESIDUAL_SPREAD
  }

  private final Kind kind;

  public BaselineException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
