package org.enms.core.reading;

/**
 * Energy carrier of an energy reading, stored in {@code energy_readings.energy_type}. Gas and steam
 * are stored as kWh equivalents with their native quantities kept in the metadata.
 */
public final class EnergyType {
  public static final String ELECTRICITY = "electricity";
  public static final String NATURAL_GAS = "natural_gas";
  public static final String STEAM = "steam";

  /** kWh per m³ of natural gas (the original's calorific value). */
  public static final double GAS_KWH_PER_M3 = 10.55;

  /** kWh per kg of steam (the original's conversion). */
  public static final double STEAM_KWH_PER_KG = 2.26;

  private EnergyType() {}
}
