package org.enms.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the plain dialect's partitions of the three raw tables: daily ({@code
 * energy_readings_pYYYYMMDD}, UTC days) for live data, and monthly ({@code
 * energy_readings_mYYYYMM}) for history that arrives by import, where a year of daily partitions
 * (1,095 tables) took longer to create than the rows took to write. Partitions are created before
 * rows arrive and dropped after the retention period. Days known to be covered are cached, so
 * {@link #ensure} costs a set lookup on the write path. Creation is serialised across nodes by an
 * advisory lock. Under TimescaleDB every method is a no-op: hypertables create and expire their
 * chunks themselves.
 */
public final class PartitionManager {
  private static final Logger log = LoggerFactory.getLogger(PartitionManager.class);
  private static final List<String> TABLES =
      List.of("energy_readings", "production_data", "environmental_data");
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
  private static final long LOCK_KEY = 0x656e6d7350L; // "enmsP"
  private static final DateTimeFormatter MONTH_SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

  /** Days at least this far behind today are history: they get monthly partitions. */
  static final int DAILY_WINDOW_DAYS = 35;

  private final Jdbi jdbi;
  private final boolean enabled;
  private final Set<LocalDate> ready = ConcurrentHashMap.newKeySet();

  PartitionManager(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.enabled = dialect == Dialect.PLAIN;
  }

  /** Makes sure the partitions for this UTC day exist. Idempotent and cheap when cached. */
  public void ensure(LocalDate day) {
    ensureDays(Set.of(day));
  }

  /** Ensures the partitions of every UTC day touched by these instants, in one transaction. */
  public void ensureCovering(Collection<Instant> times) {
    if (!enabled) {
      return;
    }
    Set<LocalDate> days = new TreeSet<>();
    for (Instant t : times) {
      LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
      if (!ready.contains(day)) {
        days.add(day);
      }
    }
    ensureDays(days);
  }

  private void ensureDays(Set<LocalDate> days) {
    if (!enabled || days.isEmpty() || ready.containsAll(days)) {
      return;
    }
    LocalDate historyBefore = LocalDate.now(ZoneOffset.UTC).minusDays(DAILY_WINDOW_DAYS);
    jdbi.useTransaction(
        h -> {
          h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
          Set<YearMonth> months = new TreeSet<>();
          for (LocalDate day : days) {
            if (ready.contains(day)) {
              continue;
            }
            YearMonth month = YearMonth.from(day);
            if (month.atEndOfMonth().isBefore(historyBefore) && !hasDailyPartitions(h, month)) {
              months.add(month);
            } else {
              for (String table : TABLES) {
                createPartition(h, table + "_p" + day.format(SUFFIX), table, day, day.plusDays(1));
              }
            }
          }
          for (YearMonth month : months) {
            for (String table : TABLES) {
              createPartition(
                  h,
                  table + "_m" + month.format(MONTH_SUFFIX),
                  table,
                  month.atDay(1),
                  month.plusMonths(1).atDay(1));
            }
          }
        });
    ready.addAll(days);
  }

  /** A month that already has daily partitions (it was live once) keeps getting daily ones. */
  private static boolean hasDailyPartitions(Handle h, YearMonth month) {
    return h.createQuery(
            "SELECT EXISTS (SELECT 1 FROM pg_class WHERE relname LIKE :pattern AND relkind = 'r')")
        .bind("pattern", "energy_readings_p" + month.format(MONTH_SUFFIX) + "%")
        .mapTo(Boolean.class)
        .one();
  }

  /**
   * Start-up and daily upkeep: partitions for {@code today .. today+daysAhead}, and drops those
   * entirely older than {@code retentionDays} before today.
   */
  public void maintain(LocalDate today, int daysAhead, int retentionDays) {
    if (!enabled) {
      return;
    }
    for (int i = 0; i <= daysAhead; i++) {
      ensure(today.plusDays(i));
    }
    dropBefore(today.minusDays(retentionDays));
  }

  /** Drops the partitions of days before {@code oldestKept}; returns how many tables went. */
  public int dropBefore(LocalDate oldestKept) {
    if (!enabled) {
      return 0;
    }
    return jdbi.inTransaction(
        h -> {
          h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
          List<String> children =
              h.createQuery(
                      """
SELECT c.relname
FROM pg_inherits i
JOIN pg_class c ON c.oid = i.inhrelid
JOIN pg_class p ON p.oid = i.inhparent
WHERE p.relname IN ('energy_readings', 'production_data', 'environmental_data')
  AND (c.relname ~ '_p[0-9]{8}$' OR c.relname ~ '_m[0-9]{6}$')
""")
                  .mapTo(String.class)
                  .list();
          int dropped = 0;
          for (String child : children) {
            // A partition goes when all of it is past retention: its end is at or before the
            // cutoff.
            boolean monthly = child.charAt(child.length() - 7) == 'm';
            LocalDate start =
                monthly
                    ? YearMonth.parse(child.substring(child.length() - 6), MONTH_SUFFIX).atDay(1)
                    : LocalDate.parse(child.substring(child.length() - 8), SUFFIX);
            LocalDate end = monthly ? start.plusMonths(1) : start.plusDays(1);
            if (!end.isAfter(oldestKept)) {
              h.execute("DROP TABLE IF EXISTS " + child);
              ready.removeIf(d -> !d.isBefore(start) && d.isBefore(end));
              dropped++;
            }
          }
          if (dropped > 0) {
            log.info("Dropped {} expired partitions before {}", dropped, oldestKept);
          }
          return dropped;
        });
  }

  private static void createPartition(
      Handle h, String name, String table, LocalDate from, LocalDate to) {
    // Identifiers and bounds come from a fixed table list and dates, never from input.
    h.execute(
        "CREATE TABLE IF NOT EXISTS "
            + name
            + " PARTITION OF "
            + table
            + " FOR VALUES FROM ('"
            + from
            + " 00:00:00+00') TO ('"
            + to
            + " 00:00:00+00')");
  }
}
