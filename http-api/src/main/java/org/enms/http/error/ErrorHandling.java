package org.enms.http.error;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MalformedQueryParamRejection;
import org.apache.pekko.http.javadsl.server.MissingQueryParamRejection;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.scaladsl.model.EntityStreamSizeException;
import org.enms.core.json.Json;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.Violations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns failures and rejections into {@code {"detail": ...}} responses, the
 * original API's error format. Unexpected exceptions are logged with their cause and answered with
 * a 500 that leaks nothing.
 */
public final class ErrorHandling extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  public Route wrap(Route route) {
    return handleRejections(
        rejectionHandler(), () -> handleExceptions(exceptionHandler(), () -> refusingNul(route)));
  }

  static final String NUL_DETAIL =
      "The request's path or query holds a NUL character, which no name, id or value can contain";

  /**
   * A NUL in the path or the query is a 400 before any route sees it: PostgreSQL text cannot hold
   * one, so it names nothing stored, and the query that tried would fail (a 500); {@code trim()}
   * would also quietly drop it, turning {@code ?machine_id=%00} into no filter at all.
   */
  /** Percent-encoded (as the path and the raw query arrive) or, should a layer decode it, raw. */
  private static boolean holdsNul(String text) {
    return text.contains("%00") || text.indexOf('\u0000') >= 0;
  }

  private Route refusingNul(Route route) {
    return extractUri(
        uri ->
            holdsNul(uri.path()) || uri.rawQueryString().map(ErrorHandling::holdsNul).orElse(false)
                ? error(StatusCodes.BAD_REQUEST, NUL_DETAIL)
                : route);
  }

  /**
   * The original API's error body.
   *
   * @param detail a message, or a list of {@link Violations.FieldError}s for a 422
   */
  public record ErrorBody(Object detail) {}

  public Route error(StatusCode status, Object detail) {
    return complete(status, new ErrorBody(detail), JsonSupport.json());
  }

  private ExceptionHandler exceptionHandler() {
    return ExceptionHandler.newBuilder()
        .match(CompletionException.class, e -> fromThrowable(e.getCause()))
        .match(ApiException.class, e -> error(e.status(), e.detail()))
        .matchAny(this::fromThrowable)
        .build();
  }

  private Route fromThrowable(Throwable t) {
    if (t instanceof ApiException api) {
      return error(api.status(), api.detail());
    }
    if (t instanceof CompletionException && t.getCause() != null) {
      return fromThrowable(t.getCause());
    }
    if (t instanceof EntityStreamSizeException tooLarge) {
      return error(
          StatusCodes.PAYLOAD_TOO_LARGE,
          "Request body too large: the limit is " + tooLarge.limit() + " bytes");
    }
    if (t instanceof java.util.concurrent.TimeoutException
        || t instanceof org.apache.pekko.pattern.AskTimeoutException) {
      log.warn("request timed out: {}", t.getMessage());
      return error(StatusCodes.SERVICE_UNAVAILABLE, "Live state did not answer in time");
    }
    log.error("request failed", t);
    return error(StatusCodes.INTERNAL_SERVER_ERROR, "Internal server error");
  }

  private RejectionHandler rejectionHandler() {
    return RejectionHandler.newBuilder()
        .handle(
            MissingQueryParamRejection.class,
            r ->
                error(
                    StatusCodes.UNPROCESSABLE_ENTITY,
                    List.of(
                        new Violations.FieldError(
                            List.of("query", r.parameterName()),
                            "field required",
                            "value_error.missing"))))
        .handle(
            MalformedQueryParamRejection.class,
            r ->
                error(
                    StatusCodes.UNPROCESSABLE_ENTITY,
                    List.of(
                        new Violations.FieldError(
                            List.of("query", r.parameterName()), r.errorMsg(), "value_error"))))
        .handleNotFound(error(StatusCodes.NOT_FOUND, "Not Found"))
        .build()
        .withFallback(RejectionHandler.defaultHandler())
        .mapRejectionResponse(
            response -> {
              // Any default rejection (405, 415, …) keeps its status but speaks the envelope.
              if (response
                  .entity()
                  .getContentType()
                  .mediaType()
                  .toString()
                  .startsWith("text/plain")) {
                return response.withEntity(
                    org.apache.pekko.http.javadsl.model.ContentTypes.APPLICATION_JSON,
                    "{\"detail\":" + quote(response.status().reason()) + "}");
              }
              return response;
            });
  }

  private static String quote(String s) {
    try {
      return Json.mapper().writeValueAsString(s);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return "\"error\"";
    }
  }
}
