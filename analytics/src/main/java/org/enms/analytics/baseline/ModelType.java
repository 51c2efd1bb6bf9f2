package org.enms.analytics.baseline;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of baseline the trainer fits. All are linear in their terms and fitted by OLS; they
 * differ in the terms.
 */
public enum ModelType {
  /** kWh on production and weather drivers (and calendar drivers when asked for). */
  OLS("ols", "linear_regression"),
  /** Time of week: one level per hour of the week (CalTRACK's hourly occupancy terms). */
  TOW("tow", "time_of_week"),
  /** Time of week plus piecewise-linear outdoor temperature (CalTRACK's hourly TOWT). */
  TOWT("towt", "time_of_week_temperature");

  private final String requestName;
  private final String storedName;

  ModelType(String requestName, String storedName) {
    this.requestName = requestName;
    this.storedName = storedName;
  }

  /** The name a request uses ({@code ols}, {@code tow}, {@code towt}). */
  public String requestName() {
    return requestName;
  }

  /** The name stored in {@code energy_baselines.model_type} and shown by the API. */
  public String storedName() {
    return storedName;
  }

  /** The type named by a request or by the store; empty for anything else. */
  public static Optional<ModelType> named(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toLowerCase(Locale.ROOT);
    for (ModelType t : values()) {
      if (t.requestName.equals(n) || t.storedName.equals(n)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
