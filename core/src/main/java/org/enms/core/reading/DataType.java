package org.enms.core.reading;

import java.util.Arrays;
import java.util.Optional;

/**
 * The last segment of an MQTT topic. The boiler reports its energy carriers separately ({@code
 * electricity}, {@code natural_gas}, {@code steam}) instead of {@code energy}; a gateway packs many
 * readings into one {@code batch} message.
 */
public enum DataType {
  ENERGY("energy"),
  ELECTRICITY("electricity"),
  NATURAL_GAS("natural_gas"),
  STEAM("steam"),
  PRODUCTION("production"),
  ENVIRONMENTAL("environmental"),
  STATUS("status"),
  BATCH("batch");

  private final String wireName;

  DataType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public boolean isEnergy() {
    return this == ENERGY || this == ELECTRICITY || this == NATURAL_GAS || this == STEAM;
  }

  public static Optional<DataType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
