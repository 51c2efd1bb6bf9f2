package org.enms.analytics.baseline;

/** A baseline cannot be trained from what was asked or found (unknown driver, too little data). */
public final class BaselineException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public BaselineException(String message) {
    super(message);
  }
}
