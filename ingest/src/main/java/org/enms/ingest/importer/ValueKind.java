package org.enms.ingest.importer;

import java.util.Locale;
import java.util.Optional;

/**
 * What the value column of a meter export holds, and in which unit. Power is the average over the
 * row's interval; interval energy is the energy used in that interval; a counter is the meter's
 * cumulative register, turned into interval energy by differences.
 */
public enum ValueKind {
  POWER_W(Nature.POWER, 0.001),
  POWER_KW(Nature.POWER, 1),
  ENERGY_WH(Nature.ENERGY, 0.001),
  ENERGY_KWH(Nature.ENERGY, 1),
  COUNTER_WH(Nature.COUNTER, 0.001),
  COUNTER_KWH(Nature.COUNTER, 1);

  /** How a value relates to the interval it is stamped with. */
  public enum Nature {
    POWER,
    ENERGY,
    COUNTER
  }

  private final Nature nature;
  private final double toKilo;

  ValueKind(Nature nature, double toKilo) {
    this.nature = nature;
    this.toKilo = toKilo;
  }

  public Nature nature() {
    return nature;
  }

  /** The value in kW (power) or kWh (energy, counter). */
  public double toKilo(double value) {
    return value * toKilo;
  }

  /** Accepts {@code power_kw}, {@code POWER_KW}, {@code power-kw}. */
  public static Optional<ValueKind> parse(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (ValueKind k : values()) {
      if (k.name().equals(name)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
