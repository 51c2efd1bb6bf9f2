package org.enms.http.forecast;

import com.typesafe.config.Config;
import org.enms.analytics.forecast.TimeOfUse;

/**
 * The {@code enms.http.forecast} section. Forecast costs are priced at the plant's tariffs ({@link
 * org.enms.http.kpi.TariffPricing}), not here.
 *
 * @param historyDays days of roll-ups a forecast reads
 * @param intervalLevel nominal coverage of the reported prediction intervals
 * @param scheduleTariff the rates {@code /forecast/optimal-schedule} compares
 */
public record ForecastSettings(int historyDays, double intervalLevel, TimeOfUse scheduleTariff) {
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
        new TimeOfUse(
            c.getDouble("peak-rate-usd"),
            c.getDouble("off-peak-rate-usd"),
            c.getInt("peak-start-hour"),
            c.getInt("peak-end-hour")));
  }
}
