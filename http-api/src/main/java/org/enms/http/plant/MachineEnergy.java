package org.enms.http.plant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.enms.core.json.Json;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.PlantDao;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.http.error.ApiException;
import org.enms.http.machines.MachineSummary;
import org.enms.http.support.JsonSupport;

/**
 * One machine's energy carriers: {@code /machines/{id}/energy-types}, {@code /energy-summary} and
 * {@code /energy/{type}}. Gas and steam are stored as kWh equivalents with their own quantities in
 * the readings' metadata; each carrier is read on its own.
 */
final class MachineEnergy {
  /** The carriers the original knows; {@code compressed_air} has no meter in the demo plant. */
  static final List<String> TYPES =
      List.of(EnergyType.ELECTRICITY, EnergyType.NATURAL_GAS, EnergyType.STEAM, "compressed_air");

  private final PlantDao dao;
  private final BlockingIo io;
  private final MachineSelection machines;
  private final CachedTotals totals;
  private final Clock clock;

  MachineEnergy(
      PlantDao dao, BlockingIo io, MachineSelection machines, CachedTotals totals, Clock clock) {
    this.dao = dao;
    this.io = io;
    this.machines = machines;
    this.totals = totals;
    this.clock = clock;
  }

  /** The carrier's own unit. */
  static String unit(String energyType) {
    return switch (energyType) {
      case EnergyType.NATURAL_GAS -> "m³";
      case EnergyType.STEAM -> "kg";
      case "compressed_air" -> "Nm³";
      default -> "kWh";
    };
  }

  /** kWh per unit of the carrier's own quantity. */
  static double kwhPerUnit(String energyType) {
    return switch (energyType) {
      case EnergyType.NATURAL_GAS -> EnergyType.GAS_KWH_PER_M3;
      case EnergyType.STEAM -> EnergyType.STEAM_KWH_PER_KG;
      default -> 1;
    };
  }

  /** The carriers the machine reported in the last {@code hours}; 404 when none. */
  CompletionStage<EnergyTypesResponse> types(String id, int hours) {
    return machines.read(
        id,
        io,
        m -> {
          Instant now = clock.instant();
          List<EnergyTypesResponse.TypeEntry> types =
              dao.energyTypes(m.id(), now.minus(Duration.ofHours(hours)), now).stream()
                  .map(
                      t ->
                          new EnergyTypesResponse.TypeEntry(
                              t.energyType(),
                              t.readings(),
                              JsonSupport.round(t.avgPowerKw(), 3),
                              t.first(),
                              t.last(),
                              unit(t.energyType())))
                  .toList();
          if (types.isEmpty()) {
            throw ApiException.notFound(
                "No energy data found for machine "
                    + m.name()
                    + " in the last "
                    + hours
                    + " hours");
          }
          return new EnergyTypesResponse(m.id(), m.name(), hours, types, types.size(), now);
        });
  }

  /** Each carrier's energy in the window, from the priced intervals (read cache). */
  CompletionStage<EnergySummaryResponse> summary(String id, Window window) {
    return machines
        .one(id)
        .thenCompose(
            m -> totals.of(List.of(m.id()), null, window).thenApply(t -> summary(m, t, window)));
  }

  private EnergySummaryResponse summary(
      MachineSummary m, List<MachineTotals> totals, Window window) {
    List<EnergySummaryResponse.TypeSummary> rows = new ArrayList<>();
    for (MachineTotals t : totals) {
      rows.add(
          new EnergySummaryResponse.TypeSummary(
              t.energyType(),
              t.readings(),
              JsonSupport.round(FactoryViews.meanKw(t), 3),
              JsonSupport.round(t.kwh(), 3),
              "kWh",
              JsonSupport.round(t.kwh() / kwhPerUnit(t.energyType()), 3),
              unit(t.energyType()),
              JsonSupport.round(t.cost(), 2),
              t.currency(),
              JsonSupport.round(t.co2Kg(), 3)));
    }
    rows.sort(java.util.Comparator.comparing(EnergySummaryResponse.TypeSummary::energyType));
    return new EnergySummaryResponse(
        true,
        m.id(),
        m.name(),
        new EnergySummaryResponse.TimePeriod(
            window.start(), window.end(), JsonSupport.round(window.hours(), 2)),
        rows,
        rows.size(),
        clock.instant());
  }

  /** The latest {@code limit} readings of one carrier, newest first; 404 when there are none. */
  CompletionStage<EnergyReadingsResponse> readings(
      String id, String energyType, int limit, boolean includeMetadata) {
    if (!TYPES.contains(energyType)) {
      throw ApiException.badRequest(
          "Invalid energy type. Must be one of: " + String.join(", ", TYPES));
    }
    return machines.read(
        id,
        io,
        m -> {
          List<EnergyReadingsResponse.Reading> data =
              dao.latestReadings(m.id(), energyType, limit).stream()
                  .map(
                      r ->
                          new EnergyReadingsResponse.Reading(
                              r.time(),
                              JsonSupport.round(r.powerKw(), 3),
                              r.energyKwh(),
                              includeMetadata ? metadata(r.metadataJson()) : Map.of()))
                  .toList();
          if (data.isEmpty()) {
            throw ApiException.notFound("No " + energyType + " data found for machine " + m.name());
          }
          return new EnergyReadingsResponse(
              true,
              m.id(),
              m.name(),
              energyType,
              data,
              data.size(),
              unit(energyType),
              clock.instant());
        });
  }

  /** The payload's other fields; the reading's own columns win over a metadata key of that name. */
  private static Map<String, Object> metadata(String json) {
    if (json == null || json.isBlank()) {
      return Map.of();
    }
    try {
      Map<String, Object> fields =
          new LinkedHashMap<>(
              Json.mapper().readValue(json, new TypeReference<Map<String, Object>>() {}));
      fields.keySet().removeAll(List.of("time", "power_kw", "energy_kwh"));
      return fields;
    } catch (JsonProcessingException e) {
      return Map.of();
    }
  }
}
