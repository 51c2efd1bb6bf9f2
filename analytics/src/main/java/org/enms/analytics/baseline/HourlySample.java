package org.enms.analytics.baseline;

import java.time.Instant;
import java.util.Map;

/**
 * One hour of a machine's history as the baseline sees it: the electricity used in the hour and the
 * roll-up columns that may drive it.
 *
 * @param hour start of the hour, UTC
 * @param energyKwh electricity used in the hour, kWh
 * @param columns roll-up values by the original's column names ({@code total_production_count},
 *     {@code avg_outdoor_temp_c}, …, see {@link Features#COLUMNS}); a missing column is absent
 */
public record HourlySample(Instant hour, double energyKwh, Map<String, Double> columns) {
  public HourlySample {
    columns = Map.copyOf(columns);
  }
}
