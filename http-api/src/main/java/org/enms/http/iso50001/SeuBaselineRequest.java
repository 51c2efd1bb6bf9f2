package org.enms.http.iso50001;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /baseline/seu/train}: the original's body. Dates are days ({@code 2025-01-01}; a
 * datetime is read as its UTC day); {@code end_date} is the last day trained on.
 *
 * @param baselineYear defaults to the year of {@code start_date}
 * @param features relevant variables; empty or absent for the original's defaults
 */
public record SeuBaselineRequest(
    UUID seuId, Integer baselineYear, String startDate, String endDate, List<String> features)
    implements Validated {

  public SeuBaselineRequest {
    features = features == null ? List.of() : features;
  }

  @Override
  public void validate(Violations v) {
    v.required("seu_id", seuId);
    boolean dates = day(v, "start_date", startDate) & day(v, "end_date", endDate);
    if (dates && !start().isBefore(end())) {
      v.invalid("end_date", "end_date must be after start_date");
    }
    if (baselineYear != null) {
      v.between("baseline_year", baselineYear, 2000, 2100);
    }
    for (String f : features) {
      if (f == null || f.isBlank()) {
        v.invalid("features", "feature names must not be blank");
      }
    }
  }

  LocalDate start() {
    return parse(startDate);
  }

  LocalDate end() {
    return parse(endDate);
  }

  int year() {
    return baselineYear != null ? baselineYear : start().getYear();
  }

  static boolean day(Violations v, String field, String value) {
    if (!v.name(field, value)) {
      return false;
    }
    try {
      parse(value);
      return true;
    } catch (DateTimeParseException e) {
      v.invalid(field, "invalid date format");
      return false;
    }
  }

  static LocalDate parse(String value) {
    String s = value.trim();
    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
  }
}
