package org.enms.http.anomaly;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.enms.http.error.ApiException;
import org.enms.http.support.QueryParams;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /anomaly/detect}, as the voice client sends it.
 *
 * @param start start of the period, inclusive, in any form the query parameters accept (ISO with
 *     {@code Z} or an offset, naive as UTC, or a bare date)
 * @param end end of the period, exclusive, likewise
 * @param contamination the original's expected share of anomalies, 0–0.5 (0.1 when not given): the
 *     most the isolation forest may flag; detection against a baseline uses residual thresholds
 * @param useBaseline false to run the isolation forest even when the machine has a baseline
 */
public record DetectionRequest(
    UUID machineId, String start, String end, Double contamination, Boolean useBaseline)
    implements Validated {
  static final double MAX_CONTAMINATION = 0.5;

  public DetectionRequest {
    start = start == null ? null : start.trim();
    end = end == null ? null : end.trim();
    contamination = contamination == null ? 0.1 : contamination;
  }

  @Override
  public void validate(Violations v) {
    v.required("machine_id", machineId);
    datetime(v, "start", start);
    datetime(v, "end", end);
    if (v.atLeast("contamination", contamination, 0) && contamination > MAX_CONTAMINATION) {
      v.invalid("contamination", "ensure this value is less than or equal to 0.5");
    }
  }

  boolean baseline() {
    return useBaseline == null || useBaseline;
  }

  Instant from() {
    return QueryParams.instant("start", start);
  }

  Instant to() {
    return QueryParams.instant("end", end);
  }

  /** A required timestamp: given, not blank, and readable as the query parameters are. */
  private static void datetime(Violations v, String field, String text) {
    if (v.name(field, text) && parse(field, text).isEmpty()) {
      v.invalid(field, "invalid datetime format");
    }
  }

  private static Optional<Instant> parse(String field, String text) {
    try {
      return Optional.of(QueryParams.instant(field, text));
    } catch (ApiException e) {
      return Optional.empty();
    }
  }
}
