package org.enms.db.registry;

/**
 * What a caller sets on an energy source; {@code name} is its natural key.
 *
 * @param unit the unit consumption is counted in (kWh, m³, kg, Nm³)
 * @param costPerUnit price per {@code unit}, in the plant's currency
 * @param carbonFactor kg CO₂ per {@code unit}
 */
public record EnergySourceDraft(
    String name, String unit, Double costPerUnit, Double carbonFactor, String description) {}
