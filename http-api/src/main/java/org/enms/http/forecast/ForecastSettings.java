package org.enms.http.forecast;

import com.typesafe.config.Config;
import org.enms.analytics.forecast.TimeOfUse;

/**
 * The {@code enms.http.forecast} section, with the flat rate {@code cost_usd} uses everywhere.
 *
 * @param historyDays days of roll-ups a forecast reads
 * @param intervalLevel nominal coverage of the reported prediction intervals
 * @param energyRateUsd price per kWh of forecast costs ({@code enms.http.default-energy-rate-usd})
 * @param scheduleTariff the rates {@code /forecast/optimal-schedule} compares
 */
public record ForecastSettings(
    int historyDays, double intervalLevel, double energyRateUsd, TimeOfUse scheduleTariff) {
  public ForecastSettings {
    if (historyDays < 1) {
      throw new IllegalArgumentException("enms.http.forecast.history-days must be positive");
    }
    if (intervalLevel <= 0 || intervalLevel >= 1) {
      throw new IllegalArgumentException("enms.http.forecast.interval-level must lie in (0, 1)");
    }
  }

  public static ForecastSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.http.forecast");
    return new ForecastSettings(
        c.getInt("history-days"),
        c.getDouble("interval-level"),
        root.getDouble("enms.http.default-energy-rate-usd"),
        new TimeOfUse(
            c.getDouble("peak-rate-usd"),
            c.getDouble("off-peak-rate-usd"),
            c.getInt("peak-start-hour"),
            c.getInt("peak-end-hour")));
  }
}
