package org.enms.http.registry;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.enms.core.plant.MachineType;
import org.enms.http.support.Violations;

/**
 * The body of {@code POST /machines} and {@code PATCH /machines/{id}}. The factory is {@code
 * factory_id}, or {@code factory} by name when no id is sent. A create needs {@code name}, {@code
 * rated_power_kw} and a factory; the type defaults to {@code other}, the interval to 10 s, the
 * energy sources to electricity in kWh. A PATCH changes the fields sent; the tariff, the texts and
 * the nameplate current and voltage sent as {@code null} are cleared, any other field sent as
 * {@code null} keeps its value.
 *
 * @param id the new machine's id; generated when absent (create only)
 * @param ratedPowerKw nameplate electrical power, kW, at least 0
 * @param dataIntervalSeconds how often the machine reports, s, 1..86400
 * @param energySources at least one
 * @param ratedCurrentA nameplate current, A, at least 0
 * @param ratedVoltageV nameplate voltage, V, at least 0
 */
record MachineBody(
    UUID id,
    UUID factoryId,
    String factory,
    String name,
    String type,
    Double ratedPowerKw,
    Integer dataIntervalSeconds,
    List<SourceUse> energySources,
    UUID tariffId,
    String description,
    String manufacturer,
    String model,
    String locationInFactory,
    String mqttTopic,
    Boolean isCritical,
    Double ratedCurrentA,
    Double ratedVoltageV) {

  private static final List<MachineRegistry.SourceInput> ELECTRICITY =
      List.of(new MachineRegistry.SourceInput("electricity", "kWh"));
  private static final String SOURCE_SHAPE =
      "each entry is a source name or {\"name\": ..., \"unit\": ...}";

  /**
   * One energy source as sent: {@code "electricity"} or {@code {"name": "natural_gas", "unit":
   * "m³"}}, where a missing or blank unit means the source's own. Any other entry reads as null,
   * which the body refuses with its own message.
   */
  record SourceUse(String name, String unit) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SourceUse of(JsonNode entry) {
      if (entry.isTextual() && !entry.asText().isBlank()) {
        return new SourceUse(entry.asText(), null);
      }
      JsonNode name = entry.path("name");
      if (entry.isObject() && name.isTextual() && !name.asText().isBlank()) {
        JsonNode unit = entry.path("unit");
        return new SourceUse(
            name.asText(), unit.isTextual() && !unit.asText().isBlank() ? unit.asText() : null);
      }
      return null;
    }
  }

  MachineRegistry.Input toNew() {
    check(true);
    return new MachineRegistry.Input(
        factoryId,
        byFactoryName() ? Bodies.trimmed(factory) : null,
        Bodies.trimmed(name),
        type == null ? MachineType.OTHER.wireName() : wireName(type),
        ratedPowerKw,
        dataIntervalSeconds == null ? 10 : dataIntervalSeconds,
        energySources == null ? ELECTRICITY : sources(),
        tariffId,
        description,
        manufacturer,
        model,
        locationInFactory,
        mqttTopic,
        Boolean.TRUE.equals(isCritical),
        ratedCurrentA,
        ratedVoltageV);
  }

  /**
   * @param sent the body's tree, which tells a field sent as null from one left out
   */
  MachineRegistry.Input over(MachineRegistry.Input current, JsonNode sent) {
    check(false);
    boolean byName = byFactoryName();
    return new MachineRegistry.Input(
        byName ? null : factoryId != null ? factoryId : current.factoryId(),
        byName ? Bodies.trimmed(factory) : null,
        name == null ? current.name() : Bodies.trimmed(name),
        type == null ? current.type() : wireName(type),
        ratedPowerKw == null ? current.ratedPowerKw() : ratedPowerKw,
        dataIntervalSeconds == null ? current.dataIntervalSeconds() : dataIntervalSeconds,
        energySources == null ? current.energySources() : sources(),
        sent.has("tariff_id") ? tariffId : current.tariffId(),
        sent.has("description") ? description : current.description(),
        sent.has("manufacturer") ? manufacturer : current.manufacturer(),
        sent.has("model") ? model : current.model(),
        sent.has("location_in_factory") ? locationInFactory : current.locationInFactory(),
        sent.has("mqtt_topic") ? mqttTopic : current.mqttTopic(),
        isCritical == null ? current.isCritical() : isCritical,
        sent.has("rated_current_a") ? ratedCurrentA : current.ratedCurrentA(),
        sent.has("rated_voltage_v") ? ratedVoltageV : current.ratedVoltageV());
  }

  private boolean byFactoryName() {
    return factoryId == null && factory != null;
  }

  private void check(boolean create) {
    Violations v = new Violations();
    boolean factoryNamed = byFactoryName() && v.notBlank("factory", factory);
    if (create && factoryId == null && !factoryNamed) {
      v.invalid("factory_id", "field required (or the factory's name as factory)");
    }
    if (create) {
      v.name("name", name);
    } else {
      v.notBlank("name", name);
    }
    if (type != null && v.notBlank("type", type) && !isMachineType(type)) {
      v.invalid("type", "must be one of " + wireNames());
    }
    if (!create || v.required("rated_power_kw", ratedPowerKw)) {
      v.atLeast("rated_power_kw", ratedPowerKw, 0);
    }
    v.between("data_interval_seconds", dataIntervalSeconds, 1, 86_400);
    if (energySources != null) {
      energySources.stream()
          .filter(s -> s == null)
          .forEach(s -> v.invalid("energy_sources", SOURCE_SHAPE));
      if (energySources.isEmpty()) {
        v.invalid("energy_sources", "a machine draws at least one energy source");
      }
    }
    v.atLeast("rated_current_a", ratedCurrentA, 0);
    v.atLeast("rated_voltage_v", ratedVoltageV, 0);
    v.check();
  }

  private List<MachineRegistry.SourceInput> sources() {
    return energySources.stream()
        .map(s -> new MachineRegistry.SourceInput(s.name(), s.unit()))
        .toList();
  }

  private static boolean isMachineType(String type) {
    return Arrays.stream(MachineType.values())
        .anyMatch(t -> t.wireName().equalsIgnoreCase(type.trim()));
  }

  private static String wireName(String type) {
    return MachineType.fromWireName(type.trim()).wireName();
  }

  private static List<String> wireNames() {
    return Arrays.stream(MachineType.values()).map(MachineType::wireName).toList();
  }
}
