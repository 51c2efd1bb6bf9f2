package org.enms.db.registry;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids for registry entries declared without one: derived from their natural keys, so the same plant
 * file gives the same ids in every database (and a meter can be configured before the node first
 * starts).
 */
public final class PlantIds {
  private PlantIds() {}

  public static UUID factory(String name) {
    return of("factory", name);
  }

  public static UUID energySource(String name) {
    return of("energy-source", name);
  }

  /**
   * A tariff version's id. Versions from the default start keep the id tariffs had before they were
   * versioned.
   */
  public static UUID tariff(String factory, String name, java.time.LocalDate validFrom) {
    String key = factory + "/" + name;
    return of(
        "tariff",
        validFrom == null || validFrom.equals(PlantSpec.DEFAULT_VALID_FROM)
            ? key
            : key + "@" + validFrom);
  }

  public static UUID machine(String factory, String name) {
    return of("machine", factory + "/" + name);
  }

  public static UUID seu(String name) {
    return of("seu", name);
  }

  private static UUID of(String kind, String key) {
    return UUID.nameUUIDFromBytes(("enms:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
  }
}
