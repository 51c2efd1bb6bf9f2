package org.enms.db.kpi;

/**
 * An energy source's list price and emission factor, per its own unit.
 *
 * @param costPerUnit price per {@code unit}, or null
 * @param carbonFactor kg CO₂ per {@code unit}, or null
 */
public record SourcePrice(String name, String unit, Double costPerUnit, Double carbonFactor) {}
