package org.enms.db.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plant declared as code (a plant file, or the demo plant): what {@link PlantApplier} makes the
 * registry contain. Entries refer to each other by name; an {@code id} may be null, and is then
 * derived from the natural key ({@link PlantIds}).
 */
public record PlantSpec(
    List<FactorySpec> factories,
    List<EnergySourceSpec> energySources,
    List<TariffSpec> tariffs,
    List<MachineSpec> machines,
    List<SeuSpec> seus) {

  public PlantSpec {
    factories = List.copyOf(factories);
    energySources = List.copyOf(energySources);
    tariffs = List.copyOf(tariffs);
    machines = List.copyOf(machines);
    seus = List.copyOf(seus);
  }

  /**
   * @param timezone IANA zone id; null for UTC
   */
  public record FactorySpec(UUID id, String name, String location, String timezone) {}

  /**
   * @param costPerUnit price per {@code unit}, or null
   * @param carbonFactor kg CO₂ per {@code unit}, or null
   */
  public record EnergySourceSpec(
      UUID id,
      String name,
      String unit,
      Double costPerUnit,
      Double carbonFactor,
      String description) {}

  /** A tariff of the factory named {@code factory}; see {@link TariffDraft} for the fields. */
  public record TariffSpec(UUID id, String factory, TariffDraft tariff) {}

  /**
   * A machine of the factory named {@code factory}.
   *
   * @param ratedPowerKw nameplate electrical power, kW
   * @param intervalSeconds how often it reports, s
   * @param energySources by energy-source name; a null unit means the source's own unit
   * @param tariff name of one of its factory's tariffs, or null
   * @param active null leaves an existing machine's flag as it is (new machines are active)
   * @param ratedCurrentA nameplate current, A, or null
   * @param ratedVoltageV nameplate voltage, V, or null
   */
  public record MachineSpec(
      UUID id,
      String factory,
      String name,
      String type,
      double ratedPowerKw,
      int intervalSeconds,
      List<SourceSpec> energySources,
      String tariff,
      Boolean active,
      String description,
      String manufacturer,
      String model,
      String locationInFactory,
      String mqttTopic,
      boolean critical,
      Double ratedCurrentA,
      Double ratedVoltageV) {}

  /**
   * @param unit the unit the machine reports the source in; null for the source's own unit
   */
  public record SourceSpec(String name, String unit) {}

  /**
   * @param machines machine names; a name used in several factories must be written {@code
   *     "Factory/Machine"}
   */
  public record SeuSpec(
      UUID id,
      String name,
      String description,
      String energySource,
      List<String> machines,
      Integer baselineYear) {}

  /** Start of validity for tariffs declared without one. */
  public static final LocalDate DEFAULT_VALID_FROM = LocalDate.of(2000, 1, 1);
}
