package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import org.enms.http.support.Violations;

/**
 * The body of {@code POST /seus} and {@code PATCH /seus/{id}}. The energy source is {@code
 * energy_source_id}, or {@code energy_source} by name when no id is sent. A create needs {@code
 * name}, an energy source and {@code machine_ids}. A PATCH changes the fields sent; the description
 * and the baseline year sent as {@code null} are cleared, any other field sent as {@code null}
 * keeps its value.
 *
 * @param id the new SEU's id; generated when absent (create only)
 * @param machineIds at least one; read as nodes so that each entry that is not a UUID is named in
 *     its own problem, beside the body's other problems
 * @param baselineYear 2020..2100
 */
record SeuBody(
    UUID id,
    String name,
    String description,
    UUID energySourceId,
    String energySource,
    List<JsonNode> machineIds,
    Integer baselineYear) {

  SeuRegistry.Input toNew() {
    check(true);
    return new SeuRegistry.Input(
        Bodies.trimmed(name),
        description,
        energySourceId,
        bySourceName() ? Bodies.trimmed(energySource) : null,
        uuids(),
        baselineYear);
  }

  /**
   * @param sent the body's tree, which tells a field sent as null from one left out
   */
  SeuRegistry.Input over(SeuRegistry.Input current, JsonNode sent) {
    check(false);
    boolean byName = bySourceName();
    return new SeuRegistry.Input(
        name == null ? current.name() : Bodies.trimmed(name),
        sent.has("description") ? description : current.description(),
        byName ? null : energySourceId != null ? energySourceId : current.energySourceId(),
        byName ? Bodies.trimmed(energySource) : null,
        machineIds == null ? current.machineIds() : uuids(),
        sent.has("baseline_year") ? baselineYear : current.baselineYear());
  }

  private boolean bySourceName() {
    return energySourceId == null && energySource != null;
  }

  private void check(boolean create) {
    Violations v = new Violations();
    if (create) {
      v.name("name", name);
    } else {
      v.notBlank("name", name);
    }
    boolean sourceNamed = bySourceName() && v.notBlank("energy_source", energySource);
    if (create && energySourceId == null && !sourceNamed) {
      v.invalid("energy_source_id", "field required (or the source's name as energy_source)");
    }
    if (create && machineIds == null) {
      v.invalid("machine_ids", "field required");
    }
    if (machineIds != null) {
      for (JsonNode entry : machineIds) {
        if (uuid(entry) == null) {
          v.invalid("machine_ids", "value is not a valid uuid: " + text(entry));
        }
      }
      if (machineIds.isEmpty()) {
        v.invalid("machine_ids", "ensure this value has at least 1 items");
      }
    }
    v.between("baseline_year", baselineYear, 2020, 2100);
    v.check();
  }

  private List<UUID> uuids() {
    return machineIds == null ? null : machineIds.stream().map(SeuBody::uuid).toList();
  }

  private static UUID uuid(JsonNode entry) {
    try {
      return UUID.fromString(text(entry));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The entry as the problem names it; a JSON null entry arrives as Java null. */
  private static String text(JsonNode entry) {
    return entry == null ? "null" : entry.asText();
  }
}
