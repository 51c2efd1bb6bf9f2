package org.enms.db;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Raw retention, for both dialects: drops the raw readings ({@code energy_readings}, {@code
 * production_data}, {@code environmental_data}) of the live era once they are older than {@code
 * enms.db.retention-days}, and never a roll-up. The live era starts at {@link
 * RawHorizon#historyBefore}, the first UTC day this database held data (fixed at the first start
 * with this class); readings imported from before it are history and keep their raw rows.
 *
 * <p>Why history keeps its raw rows: on TimescaleDB, {@code drop_chunks} records the dropped range
 * as changed, and any later {@code refresh_continuous_aggregate} over it (an import of another
 * machine's 2018, say) recomputes that range from the raw rows left, deleting every machine's
 * aggregated history there. The refresh policies never reach back there (their {@code start_offset}
 * is at most 7 days and {@code retention-days} at least 8), but imports do. So raw history stays,
 * and imports refuse live-era days already dropped ({@link RawHorizon#isDropped}) on TimescaleDB.
 * The plain dialect's roll-ups are upserted from the raw rows there are and never deleted, so it
 * takes such rows (their raw rows expire at the next run).
 *
 * <p>An import holds {@link #holdForImport} while it writes and refreshes its roll-ups; retention
 * skips its run meanwhile, so no raw row is dropped between its write and its roll-up. Both are
 * advisory locks, so they work across nodes and the command-line import. Thread-safe.
 */
public final class RawRetention {
  private static final Logger log = LoggerFactory.getLogger(RawRetention.class);
  private static final long LOCK_KEY = AdvisoryLocks.RAW_RETENTION;
  private static final List<String> TABLES =
      List.of("energy_readings", "production_data", "environmental_data");

  private final Jdbi jdbi;
  private final Dialect dialect;
  private final PartitionManager partitions;
  private final int retentionDays;

  RawRetention(Jdbi jdbi, Dialect dialect, PartitionManager partitions, int retentionDays) {
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.partitions = partitions;
    this.retentionDays = retentionDays;
  }

  /** Raw readings before this are older than the retention (a UTC midnight). */
  public Instant cutoff(Instant now) {
    return now.minus(Duration.ofDays(retentionDays)).truncatedTo(ChronoUnit.DAYS);
  }

  public int retentionDays() {
    return retentionDays;
  }

  /** The horizon, written first when this database has none yet. */
  public RawHorizon horizon() {
    return jdbi.withHandle(h -> horizon(h, Instant.now()));
  }

  private RawHorizon horizon(Handle h, Instant now) {
    return read(h).orElseGet(() -> initialise(h, now));
  }

  /**
   * The live era begins with the oldest data already stored: before this class existed, imports
   * could not reach past the retention, so everything stored is live era. A new database starts it
   * today. What retention may already have dropped is assumed dropped.
   */
  private RawHorizon initialise(Handle h, Instant now) {
    Instant start = now;
    Optional<Instant> raw =
        dialect == Dialect.PLAIN
            ? partitions.earliestDay(h).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant())
            : h.createQuery(
                    """
                    SELECT min(range_start) FROM timescaledb_information.chunks
                    WHERE hypertable_name IN ('energy_readings', 'production_data',
                                              'environmental_data')
                    """)
                .map((rs, ctx) -> Optional.ofNullable(Rows.instant(rs, "min")))
                .one();
    Optional<Instant> rolledUp =
        h.createQuery(
                """
                SELECT least((SELECT min(bucket) FROM energy_readings_1day),
                             (SELECT min(bucket) FROM production_data_1day),
                             (SELECT min(bucket) FROM environmental_data_1day)) AS min
                """)
            .map((rs, ctx) -> Optional.ofNullable(Rows.instant(rs, "min")))
            .one();
    for (Optional<Instant> t : List.of(raw, rolledUp)) {
      if (t.isPresent() && t.get().isBefore(start)) {
        start = t.get();
      }
    }
    Instant historyBefore = start.truncatedTo(ChronoUnit.DAYS);
    Instant cutoff = cutoff(now);
    Instant droppedBefore = cutoff.isAfter(historyBefore) ? cutoff : historyBefore;
    h.createUpdate(
            """
            INSERT INTO raw_retention (history_before, dropped_before)
            VALUES (:history, :dropped) ON CONFLICT DO NOTHING
            """)
        .bind("history", Rows.utc(historyBefore))
        .bind("dropped", Rows.utc(droppedBefore))
        .execute();
    RawHorizon horizon = read(h).orElseThrow();
    log.info(
        "Raw retention: live era from {} (older raw readings are imported history and stay)",
        horizon.historyBefore());
    return horizon;
  }

  private static Optional<RawHorizon> read(Handle h) {
    return h.createQuery("SELECT history_before, dropped_before FROM raw_retention")
        .map(
            (rs, ctx) ->
                new RawHorizon(
                    Rows.instant(rs, "history_before"), Rows.instant(rs, "dropped_before")))
        .findOne();
  }

  /**
   * Drops the live era's raw partitions (plain) or chunks (TimescaleDB) that lie wholly before the
   * retention cutoff. Skipped, and left to the next run, while an import holds {@link
   * #holdForImport}.
   *
   * @return partitions or chunks dropped; 0 when skipped
   */
  public int expire(Instant now) {
    Instant cutoff = cutoff(now);
    return jdbi.inTransaction(
        h -> {
          RawHorizon horizon = horizon(h, now);
          if (!cutoff.isAfter(horizon.historyBefore())) {
            return 0;
          }
          boolean free =
              h.createQuery("SELECT pg_try_advisory_xact_lock(:key)")
                  .bind("key", LOCK_KEY)
                  .mapTo(Boolean.class)
                  .one();
          if (!free) {
            log.info("Raw retention skipped: an import is running; the next run catches up");
            return 0;
          }
          int dropped =
              dialect == Dialect.PLAIN
                  ? partitions.dropBetween(h, day(horizon.historyBefore()), day(cutoff))
                  : dropChunks(h, horizon.historyBefore(), cutoff);
          h.createUpdate(
                  "UPDATE raw_retention SET dropped_before = greatest(dropped_before, :cutoff)")
              .bind("cutoff", Rows.utc(cutoff))
              .execute();
          return dropped;
        });
  }

  private static int dropChunks(Handle h, Instant from, Instant cutoff) {
    int dropped = 0;
    for (String table : TABLES) {
      dropped +=
          h.createQuery(
                  "SELECT count(*) FROM drop_chunks(CAST(:table AS regclass),"
                      + " older_than => :cutoff, newer_than => :from)")
              .bind("table", table)
              .bind("cutoff", Rows.utc(cutoff))
              .bind("from", Rows.utc(from))
              .mapTo(Integer.class)
              .one();
    }
    if (dropped > 0) {
      log.info("Dropped {} expired raw chunks in [{}, {})", dropped, from, cutoff);
    }
    return dropped;
  }

  private static LocalDate day(Instant midnight) {
    return LocalDate.ofInstant(midnight, ZoneOffset.UTC);
  }

  /**
   * Keeps retention from dropping raw rows until closed, and says where the horizon stands. Holds
   * one pooled connection (a session-level advisory lock, released with the connection should the
   * process die).
   */
  public ImportHold holdForImport() {
    Handle h = jdbi.open();
    try {
      h.execute("SELECT pg_advisory_lock_shared(?)", LOCK_KEY);
      return new ImportHold(h, horizon(h, Instant.now()));
    } catch (RuntimeException e) {
      h.close();
      throw e;
    }
  }

  /** What an import holds while it writes; see {@link #holdForImport}. */
  public static final class ImportHold implements AutoCloseable {
    private final Handle handle;
    private final RawHorizon horizon;

    private ImportHold(Handle handle, RawHorizon horizon) {
      this.handle = handle;
      this.horizon = horizon;
    }

    /** The horizon as it stands while this is held; retention cannot move it meanwhile. */
    public RawHorizon horizon() {
      return horizon;
    }

    @Override
    public void close() {
      try {
        handle.execute("SELECT pg_advisory_unlock_shared(?)", LOCK_KEY);
      } finally {
        handle.close();
      }
    }
  }
}
