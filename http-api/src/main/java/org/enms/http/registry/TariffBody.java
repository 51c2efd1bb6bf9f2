package org.enms.http.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.enms.http.support.Violations;

/**
 * The body of {@code POST /tariffs}: a new version. {@code name}, {@code valid_from} and the
 * factory ({@code factory_id}, or {@code factory} by name) are required; so is {@code rate_per_kwh}
 * unless the version is a demand charge. {@code kind} defaults to {@code time_of_use} when hours
 * are given, {@code demand_charge} when only {@code demand_charge_per_kw} is, else {@code flat}.
 * The values themselves (hours, days, currency …) are checked by the registry.
 *
 * @param energySource by name; electricity when absent
 * @param repriceHistory allow a start where intervals are already priced, and price them again
 */
record TariffBody(
    UUID id,
    UUID factoryId,
    String factory,
    String energySource,
    String name,
    String kind,
    Double ratePerKwh,
    String currency,
    Integer startHour,
    Integer endHour,
    List<Integer> applicableDays,
    Double demandChargePerKw,
    LocalDate validFrom,
    String description,
    Boolean repriceHistory) {

  TariffRegistry.Input toInput() {
    String k = effectiveKind();
    Violations v = new Violations();
    v.name("name", name);
    v.notBlank("energy_source", energySource);
    if (factoryId == null && (factory == null || factory.isBlank())) {
      v.invalid("factory_id", "field required (or the factory's name as factory)");
    }
    v.required("valid_from", validFrom);
    if (ratePerKwh == null && !"demand_charge".equals(k)) {
      v.missing("rate_per_kwh");
    }
    v.check();
    return new TariffRegistry.Input(
        id,
        factoryId,
        factoryId == null ? Bodies.trimmed(factory) : null,
        energySource == null ? null : Bodies.trimmed(energySource),
        Bodies.trimmed(name),
        k,
        ratePerKwh == null ? 0 : ratePerKwh,
        currency,
        startHour,
        endHour,
        applicableDays,
        demandChargePerKw,
        validFrom,
        description,
        Boolean.TRUE.equals(repriceHistory));
  }

  private String effectiveKind() {
    if (kind != null) {
      return kind;
    }
    if (startHour != null || endHour != null) {
      return "time_of_use";
    }
    return demandChargePerKw != null && ratePerKwh == null ? "demand_charge" : "flat";
  }
}
