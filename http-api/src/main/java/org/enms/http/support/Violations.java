package org.enms.http.support;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.enms.http.error.ApiException;

/**
 * The problems found in one request body, answered together as FastAPI does: 422 with one {@code
 * {"loc": ["body", field], "msg": ..., "type": ...}} per problem. The checks return whether the
 * value passed, so a caller can skip checks that depend on it.
 */
public final class Violations {
  private final List<FieldError> errors = new ArrayList<>();

  /** One entry of a 422's {@code detail} list, in FastAPI's shape. */
  public record FieldError(List<Object> loc, String msg, String type) {
    public static FieldError body(String field, String msg, String type) {
      return new FieldError(field == null ? List.of("body") : List.of("body", field), msg, type);
    }
  }

  public void invalid(String field, String message) {
    errors.add(FieldError.body(field, message, "value_error"));
  }

  public void missing(String field) {
    errors.add(FieldError.body(field, "field required", "value_error.missing"));
  }

  /** A value that must be given. */
  public boolean required(String field, Object value) {
    if (value == null) {
      missing(field);
      return false;
    }
    return true;
  }

  /** A name: required, and not blank once given. */
  public boolean name(String field, String value) {
    if (!required(field, value)) {
      return false;
    }
    return notBlank(field, value);
  }

  /** An optional string that, when given, is not blank. */
  public boolean notBlank(String field, String value) {
    if (value != null && value.isBlank()) {
      invalid(field, "must not be blank");
      return false;
    }
    return true;
  }

  /** An optional number that, when given, is finite and at least {@code min}. */
  public boolean atLeast(String field, Double value, double min) {
    if (value == null) {
      return true;
    }
    if (!Double.isFinite(value)) {
      invalid(field, "value is not a valid number");
      return false;
    }
    if (value < min) {
      invalid(field, "ensure this value is greater than or equal to " + plain(min));
      return false;
    }
    return true;
  }

  /** An optional integer that, when given, lies in {@code [min, max]}. */
  public boolean between(String field, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      invalid(field, "ensure this value is between " + min + " and " + max);
      return false;
    }
    return true;
  }

  /** An optional IANA time zone id. */
  public boolean zone(String field, String value) {
    if (value == null) {
      return true;
    }
    try {
      ZoneId.of(value);
      return true;
    } catch (DateTimeException e) {
      invalid(field, "unknown time zone " + value);
      return false;
    }
  }

  public boolean isEmpty() {
    return errors.isEmpty();
  }

  /** Throws the collected problems as one 422, if there are any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new ApiException(StatusCodes.UNPROCESSABLE_ENTITY, List.copyOf(errors));
    }
  }

  private static String plain(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
