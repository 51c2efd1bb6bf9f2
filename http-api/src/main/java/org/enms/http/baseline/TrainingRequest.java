package org.enms.http.baseline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.enms.http.error.ApiException;
import org.enms.http.support.QueryParams;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /baseline/train}. Strings are trimmed; absent optional fields take their defaults.
 *
 * @param startDate start of the period, inclusive, in any form the query parameters accept (ISO
 *     with {@code Z} or an offset, naive as UTC, or a bare date)
 * @param endDate end of the period, exclusive, likewise
 * @param drivers driver names or aliases; empty for the defaults
 */
public record TrainingRequest(
    UUID machineId, String startDate, String endDate, List<String> drivers, String energySource)
    implements Validated {

  public TrainingRequest {
    startDate = trim(startDate);
    endDate = trim(endDate);
    drivers = drivers == null ? List.of() : drivers;
    energySource = energySource == null ? "electricity" : energySource.trim();
  }

  @Override
  public void validate(Violations v) {
    v.required("machine_id", machineId);
    datetime(v, "start_date", startDate);
    datetime(v, "end_date", endDate);
    names(v, "drivers", drivers);
    v.notBlank("energy_source", energySource);
  }

  Instant start() {
    return QueryParams.instant("start_date", startDate);
  }

  Instant end() {
    return QueryParams.instant("end_date", endDate);
  }

  static String trim(String s) {
    return s == null ? null : s.trim();
  }

  /** A required timestamp: given, not blank, and readable as the query parameters are. */
  static void datetime(Violations v, String field, String text) {
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

  /** A list of names: JSON null is not one. */
  static void names(Violations v, String field, List<String> names) {
    if (names.stream().anyMatch(Objects::isNull)) {
      v.invalid(field, "none is not an allowed value");
    }
  }
}
