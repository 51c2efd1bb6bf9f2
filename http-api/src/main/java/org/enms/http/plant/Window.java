package org.enms.http.plant;

import java.time.Instant;
import java.util.Optional;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * A period {@code [start, end)} asked for by a plant view, parsed leniently (Z, an offset or naive)
 * with the original's defaults for a missing bound.
 */
record Window(Instant start, Instant end) {
  /** {@code end} must be after {@code start}: 422 naming {@code endName} otherwise. */
  static Window of(
      String startName,
      Optional<String> start,
      Instant defaultStart,
      String endName,
      Optional<String> end,
      Instant defaultEnd) {
    Instant s = start.map(v -> QueryParams.instant(startName, v)).orElse(defaultStart);
    Instant e = end.map(v -> QueryParams.instant(endName, v)).orElse(defaultEnd);
    if (!e.isAfter(s)) {
      throw ApiException.invalidParameter(
          "query", endName, endName + " must be after " + startName);
    }
    return new Window(s, e);
  }

  double hours() {
    return (end.toEpochMilli() - start.toEpochMilli()) / 3.6e6;
  }

  double days() {
    return hours() / 24;
  }

  /** As the original's {@code time_period}: start, end and the length in hours and days. */
  TimePeriod period() {
    return new TimePeriod(start, end, JsonSupport.round(hours(), 2), JsonSupport.round(days(), 2));
  }

  record TimePeriod(Instant start, Instant end, double durationHours, double durationDays) {}
}
