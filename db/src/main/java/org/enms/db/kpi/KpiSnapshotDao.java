package org.enms.db.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code kpi_daily_snapshots}: the daily KPI snapshot, upserted per machine, type and day. */
public final class KpiSnapshotDao {
  private final Jdbi jdbi;

  public KpiSnapshotDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Stores the snapshot, replacing an earlier one of the same machine, type and day. */
  public void upsert(KpiSnapshot s) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO kpi_daily_snapshots (day, machine_id, energy_type, total_energy_kwh,
                      avg_power_kw, peak_demand_kw, peak_demand_time, load_factor,
                      total_production_units, sec_kwh_per_unit, energy_charge, demand_charge,
                      total_cost, currency, total_co2_kg, intervals, computed_at)
                    VALUES (:day, :machineId, :energyType, :totalEnergyKwh, :avgPowerKw,
                      :peakDemandKw, :peakDemandTime, :loadFactor, :totalProductionUnits,
                      :secKwhPerUnit, :energyCharge, :demandCharge, :totalCost, :currency,
                      :totalCo2Kg, :intervals, :computedAt)
                    ON CONFLICT (machine_id, energy_type, day) DO UPDATE SET
                      total_energy_kwh = excluded.total_energy_kwh,
                      avg_power_kw = excluded.avg_power_kw,
                      peak_demand_kw = excluded.peak_demand_kw,
                      peak_demand_time = excluded.peak_demand_time,
                      load_factor = excluded.load_factor,
                      total_production_units = excluded.total_production_units,
                      sec_kwh_per_unit = excluded.sec_kwh_per_unit,
                      energy_charge = excluded.energy_charge,
                      demand_charge = excluded.demand_charge,
                      total_cost = excluded.total_cost,
                      currency = excluded.currency,
                      total_co2_kg = excluded.total_co2_kg,
                      intervals = excluded.intervals,
                      computed_at = excluded.computed_at
                    """)
                .bind("day", s.day())
                .bind("machineId", s.machineId())
                .bind("energyType", s.energyType())
                .bind("totalEnergyKwh", s.totalEnergyKwh())
                .bind("avgPowerKw", s.avgPowerKw())
                .bind("peakDemandKw", s.peakDemandKw())
                .bind(
                    "peakDemandTime",
                    s.peakDemandTime() == null ? null : s.peakDemandTime().atOffset(ZoneOffset.UTC))
                .bind("loadFactor", s.loadFactor())
                .bind("totalProductionUnits", s.totalProductionUnits())
                .bind("secKwhPerUnit", s.secKwhPerUnit())
                .bind("energyCharge", s.energyCharge())
                .bind("demandCharge", s.demandCharge())
                .bind("totalCost", s.totalCost())
                .bind("currency", s.currency())
                .bind("totalCo2Kg", s.totalCo2Kg())
                .bind("intervals", s.intervals())
                .bind("computedAt", s.computedAt().atOffset(ZoneOffset.UTC))
                .execute());
  }

  /** A machine's snapshots of {@code energyType} for the days in {@code [from, to)}, by day. */
  public List<KpiSnapshot> history(UUID machine, String energyType, LocalDate from, LocalDate to) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT * FROM kpi_daily_snapshots
                    WHERE machine_id = :machine AND energy_type = :energyType
                      AND day >= :from AND day < :to
                    ORDER BY day
                    """)
                .bind("machine", machine)
                .bind("energyType", energyType)
                .bind("from", from)
                .bind("to", to)
                .map(KpiSnapshotDao::row)
                .list());
  }

  private static KpiSnapshot row(ResultSet rs, StatementContext ctx) throws SQLException {
    OffsetDateTime peakAt = rs.getObject("peak_demand_time", OffsetDateTime.class);
    return new KpiSnapshot(
        rs.getObject("day", LocalDate.class),
        rs.getObject("machine_id", UUID.class),
        rs.getString("energy_type"),
        rs.getDouble("total_energy_kwh"),
        nullable(rs, "avg_power_kw"),
        nullable(rs, "peak_demand_kw"),
        peakAt == null ? null : peakAt.toInstant(),
        nullable(rs, "load_factor"),
        rs.getLong("total_production_units"),
        nullable(rs, "sec_kwh_per_unit"),
        rs.getDouble("energy_charge"),
        rs.getDouble("demand_charge"),
        rs.getDouble("total_cost"),
        rs.getString("currency"),
        rs.getDouble("total_co2_kg"),
        rs.getLong("intervals"),
        rs.getObject("computed_at", OffsetDateTime.class).toInstant());
  }

  private static Double nullable(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
