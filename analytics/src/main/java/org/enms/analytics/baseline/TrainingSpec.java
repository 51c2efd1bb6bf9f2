package org.enms.analytics.baseline;

import java.util.List;

/**
 * What a training asks for.
 *
 * @param drivers driver names or aliases for an {@link ModelType#OLS} model; empty for {@link
 *     Features#DEFAULT_DRIVERS}
 * @param modelType the model to fit; null to choose: the driver regression when a driver is usable,
 *     else {@link ModelType#TOWT} when outdoor temperature is, else {@link ModelType#TOW}
 * @param calendar shifts and holidays for the calendar drivers
 */
public record TrainingSpec(List<String> drivers, ModelType modelType, OperatingCalendar calendar) {
  public TrainingSpec {
    drivers = drivers == null ? List.of() : List.copyOf(drivers);
    calendar = calendar == null ? OperatingCalendar.DEFAULT : calendar;
  }

  /** Drivers only, the model chosen automatically, the default calendar. */
  public static TrainingSpec of(List<String> drivers) {
    return new TrainingSpec(drivers, null, OperatingCalendar.DEFAULT);
  }
}
