package org.enms.http.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.enms.core.time.IsoInstants;
import org.enms.http.error.ApiException;

/**
 * Lenient parsing of the query values the original API accepts: UUIDs, booleans and timestamps with
 * {@code Z}, with an offset and up to nine fraction digits, or naive (taken as UTC).
 */
public final class QueryParams {
  private QueryParams() {}

  /**
   * 8-4-4-4-12 hex digits, or the 32 without hyphens, as the original's parser takes them. ({@link
   * UUID#fromString} alone also takes {@code 1-2-3-4-5}.)
   */
  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}");

  /** A UUID; anything else is a 422 naming the parameter ({@code where}: path, query). */
  public static UUID uuid(String where, String name, String value) {
    if (value == null || !UUID_TEXT.matcher(value.trim()).matches()) {
      throw ApiException.invalidParameter(where, name, "value is not a valid uuid");
    }
    String hex = value.trim().replace("-", "");
    return new UUID(
        Long.parseUnsignedLong(hex.substring(0, 16), 16),
        Long.parseUnsignedLong(hex.substring(16), 16));
  }

  public static Optional<Boolean> bool(String name, Optional<String> value) {
    return value.map(
        v ->
            switch (v.toLowerCase(Locale.ROOT)) {
              case "true", "1", "yes", "on" -> true;
              case "false", "0", "no", "off" -> false;
              default ->
                  throw ApiException.invalidParameter(
                      "query", name, "value could not be parsed to a boolean");
            });
  }

  public static Instant instant(String name, String value) {
    // An unencoded "+" of an offset arrives as a space.
    String v = value.trim().replace(' ', '+');
    try {
      if (v.indexOf('T') < 0) {
        return java.time.LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return IsoInstants.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.invalidParameter("query", name, "invalid datetime format");
    }
  }
}
