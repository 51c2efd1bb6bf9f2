package org.enms.db;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Loads a machine's recent history from the RAW tables (not the roll-ups, which may lag the last
 * commit by a refresh period), so that a machine actor restores exactly what was stored. Energy
 * figures are electricity only; other carriers are not mixed in. All reads run in one
 * repeatable-read transaction, so the parts are mutually consistent.
 */
public final class MachineHistoryDao {
  private static final Duration WINDOW = Duration.ofHours(1);

  private static final String MINUTES =
      """
      SELECT coalesce(e.minute, p.minute) AS minute,
             coalesce(e.n, 0) AS n, coalesce(e.sum_kw, 0) AS sum_kw,
             coalesce(e.min_kw, 0) AS min_kw, coalesce(e.max_kw, 0) AS max_kw,
             coalesce(e.kwh, 0) AS kwh, coalesce(p.units, 0) AS units
      FROM (SELECT date_trunc('minute', time) AS minute, count(*) AS n, sum(power_kw) AS sum_kw,
                   min(power_kw) AS min_kw, max(power_kw) AS max_kw, sum(energy_kwh) AS kwh
            FROM energy_readings
            WHERE machine_id = :machine AND energy_type = :energyType
              AND time > :from AND time <= :now
            GROUP BY 1) e
      FULL JOIN
           (SELECT date_trunc('minute', time) AS minute, sum(production_count) AS units
            FROM production_data
            WHERE machine_id = :machine AND time > :from AND time <= :now
            GROUP BY 1) p
        ON p.minute = e.minute
      ORDER BY 1
      """;

  private final Jdbi jdbi;

  public MachineHistoryDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** History up to and including {@code now}. */
  public MachineHistory load(UUID machine, Instant now) {
    return jdbi.inTransaction(
        org.jdbi.v3.core.transaction.TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          Instant from = now.minus(WINDOW);
          Instant midnight =
              LocalDate.ofInstant(now, ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
          List<MinuteBucket> minutes = minutes(h, machine, from, now);
          var energy =
              h.createQuery(
                      """
                      SELECT coalesce(sum(energy_kwh), 0) AS kwh, count(*) AS n,
                             avg(power_kw) AS avg_kw, max(power_kw) AS max_kw
                      FROM energy_readings
                      WHERE machine_id = :machine AND energy_type = :energyType
                        AND time >= :midnight AND time <= :now
                      """)
                  .bind("machine", machine)
                  .bind("energyType", EnergyType.ELECTRICITY)
                  .bind("midnight", Rows.utc(midnight))
                  .bind("now", Rows.utc(now))
                  .mapToMap()
                  .one();
          var production =
              h.createQuery(
                      """
                      SELECT coalesce(sum(production_count), 0) AS units,
                             coalesce(sum(production_count_good), 0) AS good,
                             coalesce(sum(production_count_bad), 0) AS bad
                      FROM production_data
                      WHERE machine_id = :machine AND time >= :midnight AND time <= :now
                      """)
                  .bind("machine", machine)
                  .bind("midnight", Rows.utc(midnight))
                  .bind("now", Rows.utc(now))
                  .mapToMap()
                  .one();
          Optional<EnergyReading> latest = latestEnergy(h, machine, now);
          Optional<Instant> latestProduction =
              h.createQuery(
                      """
                      SELECT max(time) AS t FROM production_data
                      WHERE machine_id = :machine AND time > :from AND time <= :now
                      """)
                  .bind("machine", machine)
                  .bind("from", Rows.utc(from))
                  .bind("now", Rows.utc(now))
                  .map((rs, ctx) -> Optional.ofNullable(Rows.instant(rs, "t")))
                  .one();
          Optional<Instant> restoredUpTo =
              Stream.of(latest.map(EnergyReading::time), latestProduction)
                  .flatMap(Optional::stream)
                  .max(Comparator.naturalOrder());
          return new MachineHistory(
              machine,
              minutes,
              number(energy.get("kwh")).doubleValue(),
              number(production.get("units")).longValue(),
              number(production.get("good")).longValue(),
              number(production.get("bad")).longValue(),
              number(energy.get("n")).longValue(),
              energy.get("avg_kw") == null ? null : number(energy.get("avg_kw")).doubleValue(),
              energy.get("max_kw") == null ? null : number(energy.get("max_kw")).doubleValue(),
              latest,
              restoredUpTo);
        });
  }

  private static Number number(Object value) {
    return (Number) value;
  }

  private static List<MinuteBucket> minutes(Handle h, UUID machine, Instant from, Instant now) {
    return h.createQuery(MINUTES)
        .bind("machine", machine)
        .bind("energyType", EnergyType.ELECTRICITY)
        .bind("from", Rows.utc(from))
        .bind("now", Rows.utc(now))
        .map(
            (rs, ctx) ->
                new MinuteBucket(
                    Rows.instant(rs, "minute"),
                    rs.getLong("n"),
                    rs.getDouble("sum_kw"),
                    rs.getDouble("min_kw"),
                    rs.getDouble("max_kw"),
                    rs.getDouble("kwh"),
                    rs.getLong("units")))
        .list();
  }

  private static Optional<EnergyReading> latestEnergy(Handle h, UUID machine, Instant now) {
    return h.createQuery(
            """
            SELECT time, machine_id, energy_type, power_kw, energy_kwh, energy_counter_kwh,
                   voltage_v, current_a, power_factor, frequency_hz, metadata::text AS metadata
            FROM energy_readings
            WHERE machine_id = :machine AND energy_type = :energyType AND time <= :now
            ORDER BY time DESC
            LIMIT 1
            """)
        .bind("machine", machine)
        .bind("energyType", EnergyType.ELECTRICITY)
        .bind("now", Rows.utc(now))
        .map(
            (rs, ctx) ->
                new EnergyReading(
                    rs.getObject("machine_id", UUID.class),
                    Rows.instant(rs, "time"),
                    rs.getString("energy_type"),
                    rs.getDouble("power_kw"),
                    Rows.nullableDouble(rs, "energy_kwh"),
                    Rows.nullableDouble(rs, "energy_counter_kwh"),
                    Rows.nullableDouble(rs, "voltage_v"),
                    Rows.nullableDouble(rs, "current_a"),
                    Rows.nullableDouble(rs, "power_factor"),
                    Rows.nullableDouble(rs, "frequency_hz"),
                    rs.getString("metadata")))
        .findOne();
  }

  /**
   * Hourly average power of a machine over {@code [from, to)} per energy type ({@code electricity},
   * {@code natural_gas}, …; kWh-equivalent per hour for gas and steam), oldest first, from the
   * hourly roll-up (hours without readings are absent).
   */
  public Map<String, List<HourlyPower>> hourlyPower(UUID machine, Instant from, Instant to) {
    record Row(String energyType, HourlyPower hour) {}
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT energy_type, bucket, avg_power_kw FROM energy_readings_1hour
                        WHERE machine_id = :machine
                          AND bucket >= :from AND bucket < :to AND avg_power_kw IS NOT NULL
                        ORDER BY energy_type, bucket
                        """)
                    .bind("machine", machine)
                    .bind("from", Rows.utc(from))
                    .bind("to", Rows.utc(to))
                    .map(
                        (rs, ctx) ->
                            new Row(
                                rs.getString("energy_type"),
                                new HourlyPower(
                                    Rows.instant(rs, "bucket"), rs.getDouble("avg_power_kw"))))
                    .list())
        .stream()
        .collect(
            Collectors.groupingBy(
                Row::energyType, TreeMap::new, Collectors.mapping(Row::hour, Collectors.toList())));
  }

  /** One hour's average power, kW, by its start. */
  public record HourlyPower(Instant hour, double avgPowerKw) {}
}
