package org.enms.db;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Brings the 1min/15min/1hour/1day roll-ups of energy, production and environmental data up to date
 * for a time range. Plain dialect: recomputes the 1-minute buckets from raw rows, then each coarser
 * level from the level below (averages weighted by reading_count, so they equal the raw average
 * whenever a machine reports the same fields in every reading; sums, minima and maxima are exact),
 * all with {@code INSERT ... ON CONFLICT DO UPDATE}, so a refresh is idempotent. TimescaleDB:
 * {@code refresh_continuous_aggregate} on every aggregate.
 *
 * <p>Writers call {@link #markDirty}; a periodic caller runs {@link #refreshDirty}, which refreshes
 * the coalesced range once. At start-up, {@link #refreshRecent} covers readings committed before a
 * crash but never rolled up. Refreshes are serialised across nodes by an advisory lock. A {@link
 * Listener} hears of every range refreshed (the interval costs are priced from the roll-ups there).
 * Thread-safe.
 */
public final class RollupRefresher {
  private static final long LOCK_KEY = AdvisoryLocks.ROLLUP_REFRESH;
  private static final String ORIGIN = "timestamptz '2000-01-01 00:00:00+00'";

  /** Bucket widths, finest first; each level is computed from the one before. */
  private enum Level {
    MIN1("1min", Duration.ofMinutes(1)),
    MIN15("15min", Duration.ofMinutes(15)),
    HOUR1("1hour", Duration.ofHours(1)),
    DAY1("1day", Duration.ofDays(1));

    final String suffix;
    final Duration width;

    Level(String suffix, Duration width) {
      this.suffix = suffix;
      this.width = width;
    }

    /** SQL interval literal of the width. */
    String interval() {
      return "interval '" + width.toSeconds() + " seconds'";
    }
  }

  private static final List<String> TABLES =
      List.of("energy_readings", "production_data", "environmental_data");

  /**
   * Work that follows the roll-ups: told of each range once its roll-ups are refreshed, on the
   * refreshing thread. Throwing fails the refresh, so the range stays dirty and both are redone.
   */
  public interface Listener {
    /** The roll-ups of every bucket containing a time in {@code [from, to]} are up to date. */
    void refreshed(Instant from, Instant to);
  }

  private final Database database;
  private final Listener listener;
  private final DirtyRanges dirty = new DirtyRanges();

  public RollupRefresher(Database database) {
    this(database, (from, to) -> {});
  }

  public RollupRefresher(Database database, Listener listener) {
    this.database = database;
    this.listener = listener;
  }

  /** Records that readings with times in {@code [from, to]} were written. */
  public synchronized void markDirty(Instant from, Instant to) {
    dirty.add(from, to);
  }

  /**
   * Marks the spans of a batch's time-series rows, even when every row was already stored: a
   * redelivery after a crash may carry readings that were committed but never rolled up, and a
   * refresh is idempotent.
   */
  public void markDirty(WriteResult result) {
    if (result.submitted() > 0) {
      result.spans().forEach(s -> markDirty(s.from(), s.to()));
    }
  }

  /** The ranges awaiting refresh, oldest first; close ranges are merged. */
  public synchronized List<TimeRange> dirtyRanges() {
    return dirty.snapshot();
  }

  /**
   * Refreshes each dirty range and clears them. On failure the ranges not yet refreshed stay dirty
   * (merged with whatever was marked meanwhile) and the exception propagates.
   *
   * @return the ranges refreshed
   */
  public List<TimeRange> refreshDirty() {
    return refreshDirtyBefore(Instant.MAX);
  }

  /**
   * Refreshes the dirty parts before {@code horizon} and keeps the rest dirty. A live caller passes
   * a horizon a minute or so behind the clock, so each bucket of the current minute is computed
   * once when it is complete instead of on every cycle: at 10,000 machines re-aggregating the open
   * minute every few seconds cost PostgreSQL more than the inserts (TimescaleDB's refresh policies
   * keep the same end offset).
   *
   * @return the ranges refreshed
   */
  public List<TimeRange> refreshDirtyBefore(Instant horizon) {
    List<TimeRange> due = new ArrayList<>();
    synchronized (this) {
      for (TimeRange r : dirty.drain()) {
        if (!r.from().isBefore(horizon)) {
          dirty.add(r.from(), r.to());
        } else if (r.to().isBefore(horizon)) {
          due.add(r);
        } else {
          due.add(new TimeRange(r.from(), horizon.minusNanos(1)));
          dirty.add(horizon, r.to());
        }
      }
    }
    for (int i = 0; i < due.size(); i++) {
      try {
        refresh(due.get(i).from(), due.get(i).to());
      } catch (RuntimeException e) {
        due.subList(i, due.size()).forEach(r -> markDirty(r.from(), r.to()));
        throw e;
      }
    }
    return due;
  }

  /** Refreshes everything from {@code now - lookBack} to now; for start-up. */
  public void refreshRecent(Duration lookBack) {
    Instant now = Instant.now();
    refresh(now.minus(lookBack), now);
  }

  /**
   * Recomputes every bucket of every level that contains a reading time in {@code [from, to]} (both
   * ends inclusive: {@code to} is typically the latest reading written).
   */
  public void refresh(Instant from, Instant to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("to before from: " + from + " > " + to);
    }
    if (database.dialect() == Dialect.TIMESCALE) {
      refreshContinuousAggregates(from, to);
    } else {
      database.jdbi().useTransaction(h -> refreshTables(h, from, to));
    }
    listener.refreshed(from, to);
  }

  private void refreshContinuousAggregates(Instant from, Instant to) {
    // refresh_continuous_aggregate cannot run inside a transaction block: autocommit handle.
    database
        .jdbi()
        .useHandle(
            h -> {
              for (Level level : Level.values()) {
                Instant start = floor(from, level.width);
                Instant end = floor(to, level.width).plus(level.width);
                for (String table : TABLES) {
                  h.execute(
                      "CALL refresh_continuous_aggregate('"
                          + table
                          + "_"
                          + level.suffix
                          + "', '"
                          + start
                          + "', '"
                          + end
                          + "')");
                }
              }
            });
  }

  private static void refreshTables(Handle h, Instant from, Instant to) {
    h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
    Level previous = null;
    for (Level level : Level.values()) {
      OffsetDateTime start = utc(floor(from, level.width));
      OffsetDateTime end = utc(floor(to, level.width).plus(level.width));
      String width = level.interval();
      if (previous == null) {
        h.createUpdate(ENERGY_FROM_RAW).bind("from", start).bind("to", end).execute();
        h.createUpdate(PRODUCTION_FROM_RAW).bind("from", start).bind("to", end).execute();
        h.createUpdate(ENVIRONMENTAL_FROM_RAW).bind("from", start).bind("to", end).execute();
      } else {
        for (String sql : List.of(ENERGY_ROLL, PRODUCTION_ROLL, ENVIRONMENTAL_ROLL)) {
          h.createUpdate(sql)
              .define("target", level.suffix)
              .define("source", previous.suffix)
              .define("width", width)
              .bind("from", start)
              .bind("to", end)
              .execute();
        }
      }
      previous = level;
    }
  }

  static Instant floor(Instant t, Duration width) {
    long w = width.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), w) * w);
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static final String ENERGY_FROM_RAW =
      """
      INSERT INTO energy_readings_1min (bucket, machine_id, energy_type, avg_power_kw,
          min_power_kw, max_power_kw, stddev_power_kw, total_energy_kwh, reading_count)
      SELECT date_bin(interval '1 minute', time, %1$s), machine_id, energy_type, avg(power_kw),
             min(power_kw), max(power_kw), stddev(power_kw), sum(energy_kwh), count(*)
      FROM energy_readings
      WHERE time >= :from AND time < :to
      GROUP BY 1, 2, 3
      ON CONFLICT (machine_id, energy_type, bucket) DO UPDATE
        SET avg_power_kw = EXCLUDED.avg_power_kw, min_power_kw = EXCLUDED.min_power_kw,
            max_power_kw = EXCLUDED.max_power_kw, stddev_power_kw = EXCLUDED.stddev_power_kw,
            total_energy_kwh = EXCLUDED.total_energy_kwh, reading_count = EXCLUDED.reading_count
      """
          .formatted(ORIGIN);

  private static final String ENERGY_ROLL =
      """
      INSERT INTO energy_readings_<target> (bucket, machine_id, energy_type, avg_power_kw,
          min_power_kw, max_power_kw, peak_demand_kw, total_energy_kwh, reading_count)
      SELECT date_bin(<width>, bucket, %1$s), machine_id, energy_type,
             sum(avg_power_kw * reading_count) / sum(reading_count), min(min_power_kw),
             max(max_power_kw), max(max_power_kw), sum(total_energy_kwh), sum(reading_count)
      FROM energy_readings_<source>
      WHERE bucket >= :from AND bucket < :to
      GROUP BY 1, 2, 3
      ON CONFLICT (machine_id, energy_type, bucket) DO UPDATE
        SET avg_power_kw = EXCLUDED.avg_power_kw, min_power_kw = EXCLUDED.min_power_kw,
            max_power_kw = EXCLUDED.max_power_kw, peak_demand_kw = EXCLUDED.peak_demand_kw,
            total_energy_kwh = EXCLUDED.total_energy_kwh, reading_count = EXCLUDED.reading_count
      """
          .formatted(ORIGIN);

  private static final String PRODUCTION_FROM_RAW =
      """
      INSERT INTO production_data_1min (bucket, machine_id, total_production_count,
          total_production_good, total_production_bad, avg_throughput, reading_count)
      SELECT date_bin(interval '1 minute', time, %1$s), machine_id, sum(production_count),
             sum(production_count_good), sum(production_count_bad),
             avg(throughput_units_per_hour), count(*)
      FROM production_data
      WHERE time >= :from AND time < :to
      GROUP BY 1, 2
      ON CONFLICT (machine_id, bucket) DO UPDATE
        SET total_production_count = EXCLUDED.total_production_count,
            total_production_good = EXCLUDED.total_production_good,
            total_production_bad = EXCLUDED.total_production_bad,
            avg_throughput = EXCLUDED.avg_throughput, reading_count = EXCLUDED.reading_count
      """
          .formatted(ORIGIN);

  private static final String PRODUCTION_ROLL =
      """
      INSERT INTO production_data_<target> (bucket, machine_id, total_production_count,
          total_production_good, total_production_bad, avg_throughput, reading_count)
      SELECT date_bin(<width>, bucket, %1$s), machine_id, sum(total_production_count),
             sum(total_production_good), sum(total_production_bad),
             sum(avg_throughput * reading_count) / sum(reading_count), sum(reading_count)
      FROM production_data_<source>
      WHERE bucket >= :from AND bucket < :to
      GROUP BY 1, 2
      ON CONFLICT (machine_id, bucket) DO UPDATE
        SET total_production_count = EXCLUDED.total_production_count,
            total_production_good = EXCLUDED.total_production_good,
            total_production_bad = EXCLUDED.total_production_bad,
            avg_throughput = EXCLUDED.avg_throughput, reading_count = EXCLUDED.reading_count
      """
          .formatted(ORIGIN);

  private static final String ENVIRONMENTAL_FROM_RAW =
      """
      INSERT INTO environmental_data_1min (bucket, machine_id, avg_outdoor_temp_c,
          avg_indoor_temp_c, avg_machine_temp_c, avg_pressure_bar, reading_count)
      SELECT date_bin(interval '1 minute', time, %1$s), machine_id, avg(outdoor_temp_c),
             avg(indoor_temp_c), avg(machine_temp_c), avg(pressure_bar), count(*)
      FROM environmental_data
      WHERE time >= :from AND time < :to
      GROUP BY 1, 2
      ON CONFLICT (machine_id, bucket) DO UPDATE
        SET avg_outdoor_temp_c = EXCLUDED.avg_outdoor_temp_c,
            avg_indoor_temp_c = EXCLUDED.avg_indoor_temp_c,
            avg_machine_temp_c = EXCLUDED.avg_machine_temp_c,
            avg_pressure_bar = EXCLUDED.avg_pressure_bar, reading_count = EXCLUDED.reading_count
      """
          .formatted(ORIGIN);

  private static final String ENVIRONMENTAL_ROLL =
      """
      INSERT INTO environmental_data_<target> (bucket, machine_id, avg_outdoor_temp_c,
          avg_indoor_temp_c, avg_machine_temp_c, avg_pressure_bar, reading_count)
      SELECT date_bin(<width>, bucket, %1$s), machine_id,
             sum(avg_outdoor_temp_c * reading_count) / sum(reading_count),
             sum(avg_indoor_temp_c * reading_count) / sum(reading_count),
             sum(avg_machine_temp_c * reading_count) / sum(reading_count),
             sum(avg_pressure_bar * reading_count) / sum(reading_count), sum(reading_count)
      FROM environmental_data_<source>
      WHERE bucket >= :from AND bucket < :to
      GROUP BY 1, 2
      ON CONFLICT (machine_id, bucket) DO UPDATE
        SET avg_outdoor_temp_c = EXCLUDED.avg_outdoor_temp_c,
            avg_indoor_temp_c = EXCLUDED.avg_indoor_temp_c,
            avg_machine_temp_c = EXCLUDED.avg_machine_temp_c,
            avg_pressure_bar = EXCLUDED.avg_pressure_bar, reading_count = EXCLUDED.reading_count
      """
          .formatted(ORIGIN);
}
