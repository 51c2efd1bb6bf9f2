package org.enms.http.error;

import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.enms.http.support.Violations;

/**
 * A request that cannot be answered, with the status and the {@code detail} the original API would
 * give. Thrown from routes and from futures; {@link ErrorHandling} turns it into the envelope.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient StatusCode status;
  private final transient Object detail;

  public ApiException(StatusCode status, Object detail) {
    super(String.valueOf(detail), null, false, false);
    this.status = status;
    this.detail = detail;
  }

  public static ApiException notFound(String detail) {
    return new ApiException(StatusCodes.NOT_FOUND, detail);
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(StatusCodes.BAD_REQUEST, detail);
  }

  /** A parameter that fails validation, in FastAPI's 422 shape so existing clients can read it. */
  public static ApiException invalidParameter(String where, String name, String message) {
    return new ApiException(
        StatusCodes.UNPROCESSABLE_ENTITY,
        List.of(new Violations.FieldError(List.of(where, name), message, "value_error")));
  }

  public StatusCode status() {
    return status;
  }

  public Object detail() {
    return detail;
  }
}
