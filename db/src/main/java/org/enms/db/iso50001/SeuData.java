package org.enms.db.iso50001;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.enms.db.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * What ISO 50001 reads about an SEU's machines from the roll-ups: energy, production and outdoor
 * temperature per UTC day (from the hourly roll-ups, so a day in progress counts its complete
 * hours), their hours, and the prices stored per interval.
 */
public final class SeuData {
  private final Jdbi jdbi;

  public SeuData(Database database) {
    this.jdbi = database.jdbi();
  }

  /**
   * One UTC day of an SEU.
   *
   * @param energyKwh Σ energy of its machines in the energy type
   * @param productionCount Σ units of its machines; null when none reported production
   * @param outdoorTempC mean outdoor temperature reported in its factories; null when none
   * @param hours hours of the day with energy data
   */
  public record Day(
      LocalDate day, double energyKwh, Double productionCount, Double outdoorTempC, int hours) {}

  /** Days with energy in {@code [from, to)}, in order. */
  public List<Day> daily(List<UUID> machines, String energyType, Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            inRange(
                    h.createQuery(
                        """
                    WITH e AS (
                      SELECT (bucket AT TIME ZONE 'UTC')::date AS day,
                             sum(total_energy_kwh) AS kwh, count(DISTINCT bucket) AS hours
                      FROM energy_readings_1hour
                      WHERE machine_id = ANY (CAST(:machines AS uuid[])) AND energy_type = :type
                        AND bucket >= :from AND bucket < :to AND total_energy_kwh IS NOT NULL
                      GROUP BY 1),
                    p AS (
                      SELECT (bucket AT TIME ZONE 'UTC')::date AS day,
                             sum(total_production_count) AS units
                      FROM production_data_1hour
                      WHERE machine_id = ANY (CAST(:machines AS uuid[]))
                        AND bucket >= :from AND bucket < :to
                      GROUP BY 1),
                    t AS (
                      SELECT (bucket AT TIME ZONE 'UTC')::date AS day,
                             avg(avg_outdoor_temp_c) AS temp
                      FROM environmental_data_1hour
                      WHERE machine_id IN (
                              SELECT id FROM machines WHERE factory_id IN (
                                SELECT factory_id FROM machines
                                WHERE id = ANY (CAST(:machines AS uuid[]))))
                        AND bucket >= :from AND bucket < :to
                        AND avg_outdoor_temp_c IS NOT NULL
                      GROUP BY 1)
                    SELECT e.day, e.kwh, e.hours, p.units, t.temp
                    FROM e LEFT JOIN p USING (day) LEFT JOIN t USING (day)
                    ORDER BY e.day
                    """),
                    machines,
                    energyType,
                    from,
                    to)
                .map(
                    (rs, ctx) ->
                        new Day(
                            rs.getObject("day", LocalDate.class),
                            rs.getDouble("kwh"),
                            Rows.nullableDouble(rs, "units"),
                            Rows.nullableDouble(rs, "temp"),
                            rs.getInt("hours")))
                .list());
  }

  /**
   * One hour of one machine.
   *
   * @param zone the machine's factory's time zone (IANA)
   */
  public record MachineHour(
      Instant hour,
      UUID machineId,
      double energyKwh,
      double avgPowerKw,
      double ratedKw,
      String zone) {}

  /** The machines' hours with energy in {@code [from, to)}, in time order. */
  public List<MachineHour> hourly(
      List<UUID> machines, String energyType, Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            inRange(
                    h.createQuery(
                        """
                    SELECT e.bucket, e.machine_id, e.total_energy_kwh, e.avg_power_kw,
                           m.rated_power_kw, f.timezone
                    FROM energy_readings_1hour e
                    JOIN machines m ON m.id = e.machine_id
                    JOIN factories f ON f.id = m.factory_id
                    WHERE e.machine_id = ANY (CAST(:machines AS uuid[])) AND e.energy_type = :type
                      AND e.bucket >= :from AND e.bucket < :to AND e.total_energy_kwh IS NOT NULL
                    ORDER BY e.bucket
                    """),
                    machines,
                    energyType,
                    from,
                    to)
                .map(
                    (rs, ctx) ->
                        new MachineHour(
                            Rows.instant(rs, "bucket"),
                            rs.getObject("machine_id", UUID.class),
                            rs.getDouble("total_energy_kwh"),
                            rs.getDouble("avg_power_kw"),
                            rs.getDouble("rated_power_kw"),
                            rs.getString("timezone")))
                .list());
  }

  /** Energy priced in one currency: what it cost. */
  public record Priced(double energyKwh, double cost, String currency) {
    public double ratePerKwh() {
      return energyKwh > 0 ? cost / energyKwh : 0;
    }
  }

  /**
   * The stored prices of the machines' intervals in {@code [from, to)}, in the currency that priced
   * most of their energy; empty when nothing was priced (no tariff).
   */
  public Optional<Priced> priced(List<UUID> machines, String energyType, Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            inRange(
                    h.createQuery(
                        """
                    SELECT currency, sum(energy_kwh) AS kwh, sum(energy_cost) AS cost
                    FROM energy_costs_15min
                    WHERE machine_id = ANY (CAST(:machines AS uuid[])) AND energy_type = :type
                      AND bucket >= :from AND bucket < :to
                    GROUP BY currency
                    HAVING sum(energy_kwh) > 0
                    ORDER BY sum(energy_kwh) DESC
                    LIMIT 1
                    """),
                    machines,
                    energyType,
                    from,
                    to)
                .map(
                    (rs, ctx) ->
                        new Priced(
                            rs.getDouble("kwh"), rs.getDouble("cost"), rs.getString("currency")))
                .findOne());
  }

  /** The energy source's registered price per unit, if it has one. */
  public Optional<Double> sourcePrice(UUID energySourceId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT cost_per_unit FROM energy_sources WHERE id = :id")
                .bind("id", energySourceId)
                .mapTo(Double.class)
                .findOne());
  }

  /** Active SEUs with a machine in the factory, by name. */
  public List<UUID> seusOfFactory(UUID factoryId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.id FROM seus s
                    WHERE s.is_active AND EXISTS (
                      SELECT 1 FROM machines m
                      WHERE m.id = ANY (s.machine_ids) AND m.factory_id = :factory)
                    ORDER BY s.name
                    """)
                .bind("factory", factoryId)
                .mapTo(UUID.class)
                .list());
  }

  /** Whether the database answers (for the performance engine's health). */
  public boolean reachable() {
    return jdbi.withHandle(h -> h.createQuery("SELECT true").mapTo(Boolean.class).one());
  }

  public boolean factoryExists(UUID factoryId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT EXISTS (SELECT 1 FROM factories WHERE id = :id)")
                .bind("id", factoryId)
                .mapTo(Boolean.class)
                .one());
  }

  /** The query with the machines, energy type and {@code [from, to)} it reads bound. */
  private static Query inRange(
      Query query, List<UUID> machines, String energyType, Instant from, Instant to) {
    return query
        .bindArray("machines", UUID.class, machines)
        .bind("type", energyType)
        .bind("from", Rows.utc(from))
        .bind("to", Rows.utc(to));
  }
}
