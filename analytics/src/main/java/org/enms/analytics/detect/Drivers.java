package org.enms.analytics.detect;

/**
 * What the entity knows of a baseline's drivers for the current hour; null when not known.
 *
 * @param productionUnitsLastHour units produced in the last 60 minutes (stands in for the hour's
 *     {@code total_production_count})
 * @param outdoorTempC the latest outdoor temperature, °C
 */
public record Drivers(Double productionUnitsLastHour, Double outdoorTempC) {
  public static final Drivers NONE = new Drivers(null, null);
}
