package org.enms.db;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.enms.core.reading.EnergyType;
import org.jdbi.v3.core.Jdbi;

/**
 * Electricity time series of one machine, read from the energy roll-ups (the TimescaleDB continuous
 * aggregates or the plain dialect's tables, which look the same). Buckets are returned in time
 * order; buckets without readings are absent, not zero.
 *
 * <p>The series is current up to the last reading, as the original's real-time aggregates are: the
 * bucket still in progress is included and marked partial. TimescaleDB does this itself (real-time
 * aggregation). On plain PostgreSQL the roll-ups trail the clock by {@code rollupLag}, so the
 * recent part is aggregated here: complete coarse buckets from their roll-up, the rest of the last
 * coarse bucket from the 1-minute roll-up, and the minutes after the roll-ups' horizon from the raw
 * readings.
 */
public final class TimeseriesDao {
  private static final String ROLLUPS =
      """
      SELECT date_bin(<width>, bucket, timestamptz '2000-01-01 00:00:00+00') AS b,
             <value> AS value
      FROM (
        SELECT bucket, total_energy_kwh AS energy, avg_power_kw AS power, reading_count AS n
        FROM <source>
        WHERE machine_id = :machine AND energy_type = :energyType
          AND bucket >= :start AND bucket < :end
      ) parts
      GROUP BY 1
      HAVING <value> IS NOT NULL
      ORDER BY 1
      """;

  private static final String ROLLUPS_AND_RECENT =
      """
      SELECT date_bin(<width>, bucket, timestamptz '2000-01-01 00:00:00+00') AS b,
             <value> AS value
      FROM (
        SELECT bucket, total_energy_kwh AS energy, avg_power_kw AS power, reading_count AS n
        FROM <source>
        WHERE machine_id = :machine AND energy_type = :energyType
          AND bucket >= :start AND bucket < LEAST(:end, :coarseEnd)
        UNION ALL
        SELECT bucket, total_energy_kwh, avg_power_kw, reading_count
        FROM energy_readings_1min
        WHERE machine_id = :machine AND energy_type = :energyType
          AND bucket >= GREATEST(:start, :coarseEnd) AND bucket < LEAST(:end, :horizon)
        UNION ALL
        SELECT date_bin(interval '1 minute', time, timestamptz '2000-01-01 00:00:00+00'),
               energy_kwh, power_kw, 1
        FROM energy_readings
        WHERE machine_id = :machine AND energy_type = :energyType
          AND time >= GREATEST(:start, :horizon) AND time < :end
      ) parts
      WHERE bucket >= :start
      GROUP BY 1
      HAVING <value> IS NOT NULL
      ORDER BY 1
      """;

  private static final String ENERGY = "sum(energy)";
  private static final String POWER = "sum(power * n) / sum(n)";

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final Clock clock;
  private final Duration rollupLag;

  /**
   * @param rollupLag how far the plain dialect's roll-ups may trail the clock (settle delay plus
   *     refresh interval, with a margin)
   */
  public TimeseriesDao(Database database, Clock clock, Duration rollupLag) {
    this.jdbi = database.jdbi();
    this.dialect = database.dialect();
    this.clock = clock;
    this.rollupLag = rollupLag;
  }

  /** Reads roll-ups only as they are: for callers that refreshed them themselves. */
  public TimeseriesDao(Database database) {
    this(database, Clock.systemUTC(), Duration.ZERO);
  }

  /**
   * Electricity used per bucket, kWh, for buckets starting in {@code [start, end)}. Buckets without
   * interval energy (counter-only meters) are omitted.
   */
  public List<SeriesPoint> energy(UUID machine, Instant start, Instant end, Interval interval) {
    return series(machine, start, end, interval, ENERGY);
  }

  /** Average electrical power per bucket, kW, weighted by the readings behind each roll-up row. */
  public List<SeriesPoint> power(UUID machine, Instant start, Instant end, Interval interval) {
    return series(machine, start, end, interval, POWER);
  }

  private List<SeriesPoint> series(
      UUID machine, Instant start, Instant end, Interval interval, String value) {
    Instant now = clock.instant();
    boolean recent = dialect == Dialect.PLAIN && !rollupLag.isZero();
    Instant horizon = now.minus(rollupLag).truncatedTo(ChronoUnit.MINUTES);
    Instant coarseEnd = RollupRefresher.floor(horizon, interval.sourceWidth());
    return jdbi.withHandle(
        h ->
            h.createQuery(recent ? ROLLUPS_AND_RECENT : ROLLUPS)
                .define("width", "interval '" + interval.width().toSeconds() + " seconds'")
                .define("value", value)
                .define("source", interval.energySource())
                .bind("machine", machine)
                .bind("energyType", EnergyType.ELECTRICITY)
                .bind("start", Rows.utc(start))
                .bind("end", Rows.utc(end))
                .bind("horizon", Rows.utc(horizon))
                .bind("coarseEnd", Rows.utc(coarseEnd))
                .map(
                    (rs, ctx) -> {
                      Instant bucket = Rows.instant(rs, "b");
                      return new SeriesPoint(
                          bucket,
                          rs.getDouble("value"),
                          bucket.plus(interval.width()).isAfter(now));
                    })
                .list());
  }
}
