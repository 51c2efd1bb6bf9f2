package org.enms.analytics.enpi;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One day of an SEU: its energy and the relevant variables measured that day.
 *
 * @param energyKwh energy of the SEU's machines in the SEU's energy source, kWh (or the source's
 *     unit)
 * @param productionCount units produced by the SEU's machines; null when none reported production
 * @param outdoorTempC mean outdoor temperature of the day, °C; null when none was reported
 * @param hoursWithData hours of the day with energy data (24 for a complete day)
 */
public record DailySample(
    LocalDate day,
    double energyKwh,
    Double productionCount,
    Double outdoorTempC,
    int hoursWithData) {

  /** Degree days are taken from the day's mean temperature (the original summed per reading). */
  public static final double DEGREE_DAY_BASE_C = 18.0;

  /** The value of a relevant variable ({@link SeuFeatures}) on this day, if it is known. */
  public Optional<Double> value(String feature) {
    return switch (feature) {
      case SeuFeatures.PRODUCTION -> Optional.ofNullable(productionCount);
      case SeuFeatures.OUTDOOR_TEMP -> Optional.ofNullable(outdoorTempC);
      case SeuFeatures.HEATING_DEGREE_DAYS ->
          Optional.ofNullable(outdoorTempC).map(t -> Math.max(0, DEGREE_DAY_BASE_C - t));
      case SeuFeatures.COOLING_DEGREE_DAYS ->
          Optional.ofNullable(outdoorTempC).map(t -> Math.max(0, t - DEGREE_DAY_BASE_C));
      case SeuFeatures.IS_WEEKEND -> Optional.of(weekend() ? 1.0 : 0.0);
      case SeuFeatures.OPERATING_HOURS -> Optional.of((double) hoursWithData);
      default -> Optional.empty();
    };
  }

  private boolean weekend() {
    DayOfWeek d = day.getDayOfWeek();
    return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
  }

  /** The same day with another energy (a projection of a day in progress). */
  public DailySample withEnergy(double kwh) {
    return new DailySample(day, kwh, productionCount, outdoorTempC, hoursWithData);
  }
}
