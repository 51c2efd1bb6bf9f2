package org.enms.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.reading.EnergyType;
import org.jdbi.v3.core.Jdbi;

/**
 * Hourly history of one machine for baselines and anomaly detection: electricity per hour from
 * {@code energy_readings_1hour} with the same hour's production and environment from their 1-hour
 * roll-ups (the original's combined data set). Reads live and imported data alike. Unlike the
 * original, no filter on the machine's <em>current</em> status, which emptied the history of any
 * machine that happened to be stopped.
 */
public final class TrainingDataDao {
  private final Jdbi jdbi;

  public TrainingDataDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Hours starting in {@code [start, end)} that have electricity, in time order. */
  public List<HourlyRow> hourly(UUID machine, Instant start, Instant end) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT e.bucket, e.total_energy_kwh, e.avg_power_kw,
                           p.total_production_count, p.avg_throughput,
                           v.avg_outdoor_temp_c, v.avg_indoor_temp_c, v.avg_machine_temp_c,
                           v.avg_pressure_bar
                    FROM energy_readings_1hour e
                    LEFT JOIN production_data_1hour p
                      ON p.machine_id = e.machine_id AND p.bucket = e.bucket
                    LEFT JOIN environmental_data_1hour v
                      ON v.machine_id = e.machine_id AND v.bucket = e.bucket
                    WHERE e.machine_id = :machine AND e.energy_type = :energyType
                      AND e.bucket >= :start AND e.bucket < :end
                      AND e.total_energy_kwh IS NOT NULL
                    ORDER BY e.bucket
                    """)
                .bind("machine", machine)
                .bind("energyType", EnergyType.ELECTRICITY)
                .bind("start", Rows.utc(start))
                .bind("end", Rows.utc(end))
                .map(
                    (rs, ctx) ->
                        new HourlyRow(
                            Rows.instant(rs, "bucket"),
                            rs.getDouble("total_energy_kwh"),
                            Rows.nullableDouble(rs, "avg_power_kw"),
                            Rows.nullableDouble(rs, "total_production_count"),
                            Rows.nullableDouble(rs, "avg_throughput"),
                            Rows.nullableDouble(rs, "avg_outdoor_temp_c"),
                            Rows.nullableDouble(rs, "avg_indoor_temp_c"),
                            Rows.nullableDouble(rs, "avg_machine_temp_c"),
                            Rows.nullableDouble(rs, "avg_pressure_bar")))
                .list());
  }

  /**
   * One hour of a machine.
   *
   * @param energyKwh electricity used, kWh
   * @param avgPowerKw average electrical power, kW
   * @param productionCount units produced; null without production data
   * @param throughput units/h; the other fields °C and bar, null when not reported
   */
  public record HourlyRow(
      Instant hour,
      double energyKwh,
      Double avgPowerKw,
      Double productionCount,
      Double throughput,
      Double outdoorTempC,
      Double indoorTempC,
      Double machineTempC,
      Double pressureBar) {}
}
