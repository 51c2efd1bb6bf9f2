package org.enms.analytics.kpi;

import java.util.Locale;

/** What a tariff version charges for. */
public enum TariffKind {
  /** One price per kWh at every hour of its days. */
  FLAT("flat"),
  /** A price per kWh within a window of local hours on its days. */
  TIME_OF_USE("time_of_use"),
  /** A price per kW of the billing month's highest 15-minute average demand. */
  DEMAND_CHARGE("demand_charge");

  private final String wireName;

  TariffKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * @throws IllegalArgumentException for an unknown name
   */
  public static TariffKind fromWireName(String name) {
    for (TariffKind k : values()) {
      if (k.wireName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown tariff kind " + name);
  }
}
