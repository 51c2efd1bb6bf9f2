package org.enms.db;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.reading.EnergyType;
import org.jdbi.v3.core.Jdbi;

/**
 * Electricity time series of one machine, read from the energy roll-ups (the TimescaleDB continuous
 * aggregates or the plain dialect's tables, which look the same). Buckets are returned in time
 * order; buckets without readings are absent, not zero.
 */
public final class TimeseriesDao {
  private static final String SERIES =
      """
      SELECT date_bin(<width>, bucket, timestamptz '2000-01-01 00:00:00+00') AS b,
             <value> AS value
      FROM <source>
      WHERE machine_id = :machine AND energy_type = :energyType
        AND bucket >= :start AND bucket < :end
      GROUP BY 1
      HAVING <value> IS NOT NULL
      ORDER BY 1
      """;

  private final Jdbi jdbi;

  public TimeseriesDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /**
   * Electricity used per bucket, kWh, for buckets starting in {@code [start, end)}. Buckets without
   * interval energy (counter-only meters) are omitted.
   */
  public List<SeriesPoint> energy(UUID machine, Instant start, Instant end, Interval interval) {
    return series(machine, start, end, interval, "sum(total_energy_kwh)");
  }

  /** Average electrical power per bucket, kW, weighted by the readings behind each roll-up row. */
  public List<SeriesPoint> power(UUID machine, Instant start, Instant end, Interval interval) {
    return series(
        machine, start, end, interval, "sum(avg_power_kw * reading_count) / sum(reading_count)");
  }

  private List<SeriesPoint> series(
      UUID machine, Instant start, Instant end, Interval interval, String value) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SERIES)
                .define("width", "interval '" + interval.width().toSeconds() + " seconds'")
                .define("value", value)
                .define("source", interval.energySource())
                .bind("machine", machine)
                .bind("energyType", EnergyType.ELECTRICITY)
                .bind("start", Rows.utc(start))
                .bind("end", Rows.utc(end))
                .map((rs, ctx) -> new SeriesPoint(Rows.instant(rs, "b"), rs.getDouble("value")))
                .list());
  }
}
