package org.enms.analytics.kpi;

import java.util.Locale;
import java.util.OptionalDouble;
import org.enms.core.reading.EnergyType;

/**
 * Energy readings are stored in kWh (kWh equivalents for gas and steam), while energy sources are
 * priced and carbon-rated per their own unit. This converts a per-unit figure to a per-kWh one.
 */
public final class EnergyUnits {
  private EnergyUnits() {}

  /** kWh in one {@code unit} of {@code source}, when known. */
  public static OptionalDouble kwhPerUnit(String source, String unit) {
    String u = unit == null ? "" : unit.trim().toLowerCase(Locale.ROOT);
    return switch (u) {
      case "kwh" -> OptionalDouble.of(1);
      case "mwh" -> OptionalDouble.of(1000);
      case "m³", "m3" ->
          EnergyType.NATURAL_GAS.equals(source)
              ? OptionalDouble.of(EnergyType.GAS_KWH_PER_M3)
              : OptionalDouble.empty();
      case "kg" ->
          EnergyType.STEAM.equals(source)
              ? OptionalDouble.of(EnergyType.STEAM_KWH_PER_KG)
              : OptionalDouble.empty();
      default -> OptionalDouble.empty();
    };
  }

  /**
   * A price or emission factor per unit of {@code source} as one per kWh; 0 when the figure is
   * unknown or the unit cannot be converted.
   */
  public static double perKwh(Double perUnit, String source, String unit) {
    if (perUnit == null) {
      return 0;
    }
    OptionalDouble kwh = kwhPerUnit(source, unit);
    return kwh.isPresent() ? perUnit / kwh.getAsDouble() : 0;
  }
}
