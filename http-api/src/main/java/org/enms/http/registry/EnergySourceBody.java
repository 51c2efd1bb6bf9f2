package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.enms.http.support.Violations;

/**
 * The body of {@code POST /energy-sources} and {@code PATCH /energy-sources/{key}}. A create needs
 * {@code name} and {@code unit}. A PATCH changes the fields sent; the price, the carbon factor and
 * the description sent as {@code null} are cleared, a {@code null} name or unit keeps the current
 * one.
 *
 * @param id the new source's id; generated when absent (create only)
 * @param costPerUnit price per {@code unit}, at least 0
 * @param carbonFactor kg CO₂ per {@code unit}, at least 0
 */
record EnergySourceBody(
    UUID id,
    String name,
    String unit,
    Double costPerUnit,
    Double carbonFactor,
    String description) {

  EnergySourceRegistry.Input toNew() {
    check(true);
    return new EnergySourceRegistry.Input(
        Bodies.trimmed(name), Bodies.trimmed(unit), costPerUnit, carbonFactor, description);
  }

  /**
   * @param sent the body's tree, which tells a field sent as null from one left out
   */
  EnergySourceRegistry.Input over(EnergySourceRegistry.Input current, JsonNode sent) {
    check(false);
    return new EnergySourceRegistry.Input(
        name == null ? current.name() : Bodies.trimmed(name),
        unit == null ? current.unit() : Bodies.trimmed(unit),
        sent.has("cost_per_unit") ? costPerUnit : current.costPerUnit(),
        sent.has("carbon_factor") ? carbonFactor : current.carbonFactor(),
        sent.has("description") ? description : current.description());
  }

  private void check(boolean create) {
    Violations v = new Violations();
    if (create) {
      v.name("name", name);
      v.name("unit", unit);
    } else {
      v.notBlank("name", name);
      v.notBlank("unit", unit);
    }
    v.atLeast("cost_per_unit", costPerUnit, 0);
    v.atLeast("carbon_factor", carbonFactor, 0);
    v.check();
  }
}
