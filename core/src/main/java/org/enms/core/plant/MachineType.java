package org.enms.core.plant;

import java.util.Arrays;
import java.util.Locale;

/** Machine kinds, with the wire names the original schema uses. */
public enum MachineType {
  COMPRESSOR,
  HVAC,
  MOTOR,
  PUMP,
  INJECTION_MOLDING,
  CONVEYOR,
  BOILER,
  OTHER;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static MachineType fromWireName(String name) {
    return Arrays.stream(values())
        .filter(t -> t.wireName().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown machine type: " + name));
  }
}
