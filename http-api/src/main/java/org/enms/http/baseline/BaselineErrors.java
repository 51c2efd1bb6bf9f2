package org.enms.http.baseline;

import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.Directives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.enms.http.error.ApiException;

/**
 * The baseline API's errors in one place: the answer to each {@link BaselineRefused.Reason} for
 * every route whose service refuses with it (baseline and anomaly), train-seu's error codes for the
 * same reasons, and the original's error detail objects.
 */
public final class BaselineErrors {
  private BaselineErrors() {}

  /**
   * Answers a refusal, thrown in a route or failing its future, with its {@link #status} and its
   * message as {@code detail}, through the root error handler. Anything else passes on untouched.
   */
  public static ExceptionHandler handler() {
    return ExceptionHandler.newBuilder()
        .match(BaselineRefused.class, e -> Directives.failWith(asApiException(e)))
        .match(
            CompletionException.class,
            e -> e.getCause() instanceof BaselineRefused,
            e -> Directives.failWith(asApiException((BaselineRefused) e.getCause())))
        .build();
  }

  private static ApiException asApiException(BaselineRefused e) {
    return new ApiException(status(e.reason()), e.getMessage());
  }

  static StatusCode status(BaselineRefused.Reason reason) {
    return switch (reason) {
      case MACHINE_NOT_FOUND -> StatusCodes.NOT_FOUND;
      case UNSUPPORTED_ENERGY_SOURCE,
          UNKNOWN_ENERGY_SOURCE,
          NO_ACTIVE_BASELINE,
          UNKNOWN_DRIVER,
          NO_USABLE_DRIVER,
          INSUFFICIENT_DATA,
          UNTRAINABLE ->
          StatusCodes.BAD_REQUEST;
    };
  }

  /** The original's {@code error} code in train-seu's {@code success: false} answer. */
  static String trainingCode(BaselineRefused.Reason reason) {
    return switch (reason) {
      case UNKNOWN_DRIVER, NO_USABLE_DRIVER -> "INVALID_FEATURES";
      case INSUFFICIENT_DATA -> "INSUFFICIENT_DATA";
      case MACHINE_NOT_FOUND,
          UNSUPPORTED_ENERGY_SOURCE,
          UNKNOWN_ENERGY_SOURCE,
          NO_ACTIVE_BASELINE,
          UNTRAINABLE ->
          "TRAINING_FAILED";
    };
  }

  /** The original's error object: a code for clients, a message for people. */
  public record CodedError(String error, String message) {}

  /** The original's {@code detail} for an SEU name it cannot resolve. */
  public record SeuNotFound(String error, String message, String suggestion) {}

  static ApiException seuNotFound(String seuName, String source) {
    return new ApiException(
        StatusCodes.NOT_FOUND,
        new SeuNotFound(
            "SEU_NOT_FOUND",
            "SEU '" + seuName + "' with energy source '" + source + "' not found",
            "Check GET /api/v1/seus for SEU names, or pass machine_id for a machine without an"
                + " SEU"));
  }

  /** A 422 with {@code detail: {error, message}}, for query identifiers given wrongly. */
  static ApiException identifierError(String code, String message) {
    return new ApiException(StatusCodes.UNPROCESSABLE_ENTITY, new CodedError(code, message));
  }
}
