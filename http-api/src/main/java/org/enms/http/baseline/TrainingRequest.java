package org.enms.http.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.OperatingCalendar;
import org.enms.analytics.baseline.TrainingSpec;
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
 * @param modelType {@code ols}, {@code tow} or {@code towt}; absent to let the trainer choose (the
 *     regression when its drivers are usable, else {@code towt} with temperature, else {@code tow})
 * @param holidays ISO dates treated as holidays (a level of their own); absent for none
 * @param shiftStarts hours of day (UTC) at which shifts start; absent for 6, 14 and 22
 */
public record TrainingRequest(
    UUID machineId,
    String startDate,
    String endDate,
    List<String> drivers,
    String energySource,
    String modelType,
    List<String> holidays,
    List<Integer> shiftStarts)
    implements Validated {

  public TrainingRequest {
    startDate = trim(startDate);
    endDate = trim(endDate);
    drivers = drivers == null ? List.of() : drivers;
    energySource = energySource == null ? "electricity" : energySource.trim();
    modelType = trim(modelType);
    holidays = holidays == null ? List.of() : holidays;
    shiftStarts = shiftStarts == null ? List.of() : shiftStarts;
  }

  @Override
  public void validate(Violations v) {
    v.required("machine_id", machineId);
    datetime(v, "start_date", startDate);
    datetime(v, "end_date", endDate);
    names(v, "drivers", drivers);
    v.notBlank("energy_source", energySource);
    if (modelType != null && ModelType.named(modelType).isEmpty()) {
      v.invalid("model_type", "must be one of ols, tow, towt");
    }
    names(v, "holidays", holidays);
    if (holidays.stream().filter(Objects::nonNull).anyMatch(d -> date(d).isEmpty())) {
      v.invalid("holidays", "invalid date format, YYYY-MM-DD expected");
    }
    if (shiftStarts.stream().anyMatch(h -> h == null || h < 0 || h > 23)) {
      v.invalid("shift_starts", "hours of day 0-23 expected");
    }
  }

  /** What the trainer is asked for. */
  TrainingSpec spec() {
    return new TrainingSpec(
        drivers,
        ModelType.named(modelType).orElse(null),
        new OperatingCalendar(
            shiftStarts,
            holidays.stream().map(d -> date(d).orElseThrow()).collect(Collectors.toSet())));
  }

  private static Optional<LocalDate> date(String text) {
    try {
      return Optional.of(LocalDate.parse(text.trim()));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
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
