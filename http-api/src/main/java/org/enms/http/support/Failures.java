package org.enms.http.support;

import java.util.concurrent.CompletionException;

/** Failures of futures as people read them. */
public final class Failures {
  private Failures() {}

  /** The failure in its own words, not its {@link CompletionException} wrapper's. */
  public static String reason(Throwable error) {
    Throwable cause =
        error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
