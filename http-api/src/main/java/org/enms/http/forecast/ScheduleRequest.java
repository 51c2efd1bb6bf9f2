package org.enms.http.forecast;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.enms.http.support.Validated;
import org.enms.http.support.Violations;

/**
 * {@code POST /forecast/optimal-schedule}.
 *
 * @param date the day to schedule, {@code YYYY-MM-DD} (UTC)
 * @param loadKw the extra load, kW, run for one hour
 */
public record ScheduleRequest(UUID machineId, String date, Double loadKw) implements Validated {
  @Override
  public void validate(Violations v) {
    v.required("machine_id", machineId);
    if (v.required("date", date) && parse(date) == null) {
      v.invalid("date", "invalid date format, YYYY-MM-DD expected");
    }
    if (v.required("load_kw", loadKw) && !(loadKw > 0 && Double.isFinite(loadKw))) {
      v.invalid("load_kw", "ensure this value is greater than 0");
    }
  }

  LocalDate day() {
    return parse(date);
  }

  private static LocalDate parse(String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
