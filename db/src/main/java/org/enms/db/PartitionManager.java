package org.enms.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
 * rows arrive; {@link RawRetention} drops those of the live era after the retention period, and
 * nothing here ever drops a roll-up table. Days known to be covered are cached, so {@link #ensure}
 * costs a set lookup on the write path. Creation is serialised across nodes by an advisory lock.
 * Under TimescaleDB every method is a no-op: hypertables create and expire their chunks themselves.
 */
public final class PartitionManager {
  private static final Logger log = LoggerFactory.getLogger(PartitionManager.class);
  private static final List<String> TABLES =
      List.of("energy_readings", "production_data", "environmental_data");
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
  private static final long LOCK_KEY = AdvisoryLocks.PARTITIONS;
  private static final DateTimeFormatter MONTH_SUFFIX = DateTimeFormatter.ofPattern("yyyyMM");

  /** Days at least this far behind today are history: they get monthly partitions. */
  static final int DAILY_WINDOW_DAYS = 35;

  private final Jdbi jdbi;
  private final boolean enabled;
  private final Set<LocalDate> ready = ConcurrentHashMap.newKeySet();

  /** The ready days whose partitions are daily ones, which a writer may address directly. */
  private final Set<LocalDate> daily = ConcurrentHashMap.newKeySet();

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
    Set<LocalDate> created = new TreeSet<>();
    jdbi.useTransaction(
        h -> {
          h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
          created.clear();
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
                createPartition(h, dailyName(table, day), table, day, day.plusDays(1));
              }
              created.add(day);
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
    daily.addAll(created);
    ready.addAll(days);
  }

  /**
   * The daily partition of {@code table} that holds {@code day}, when it is known to exist: an
   * insert addressed to it skips the parent's per-row partition routing. Empty under TimescaleDB,
   * for days not yet ensured, and for days of imported history (monthly partitions).
   */
  public Optional<String> dailyPartition(ReadingTable table, LocalDate day) {
    if (!enabled || !table.isTimeSeries() || !daily.contains(day)) {
      return Optional.empty();
    }
    return Optional.of(dailyName(table.tableName(), day));
  }

  private static String dailyName(String table, LocalDate day) {
    return table + "_p" + day.format(SUFFIX);
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
   * Start-up and hourly upkeep: partitions for {@code today .. today+daysAhead}. Dropping is not
   * done here but by {@link RawRetention}, which knows which days are imported history.
   */
  public void maintain(LocalDate today, int daysAhead) {
    if (!enabled) {
      return;
    }
    for (int i = 0; i <= daysAhead; i++) {
      ensure(today.plusDays(i));
    }
  }

  /**
   * Drops the raw partitions of days before {@code oldestKept}, whatever their age; for tests and
   * operators. Retention uses {@link RawRetention#expire}.
   *
   * @return how many tables went
   */
  public int dropBefore(LocalDate oldestKept) {
    if (!enabled) {
      return 0;
    }
    return jdbi.inTransaction(h -> dropBetween(h, LocalDate.MIN, oldestKept));
  }

  /**
   * Drops the partitions of the three raw tables that lie wholly within {@code [from, oldestKept)};
   * a partition reaching before {@code from} (history) or to {@code oldestKept} and later stays.
   * Roll-up tables are not partitions of the raw tables and are never touched. Runs in the caller's
   * transaction, under the partition lock.
   *
   * @return how many tables went
   */
  int dropBetween(Handle h, LocalDate from, LocalDate oldestKept) {
    if (!enabled) {
      return 0;
    }
    h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
    int dropped = 0;
    for (String child : rawPartitions(h)) {
      LocalDate start = startOf(child);
      LocalDate end =
          child.charAt(child.length() - 7) == 'm' ? start.plusMonths(1) : start.plusDays(1);
      if (!start.isBefore(from) && !end.isAfter(oldestKept)) {
        h.execute("DROP TABLE IF EXISTS " + child);
        daily.removeIf(d -> !d.isBefore(start) && d.isBefore(end));
        ready.removeIf(d -> !d.isBefore(start) && d.isBefore(end));
        dropped++;
      }
    }
    if (dropped > 0) {
      log.info("Dropped {} expired raw partitions in [{}, {})", dropped, from, oldestKept);
    }
    return dropped;
  }

  /** The first UTC day any raw partition covers, if there is one. */
  Optional<LocalDate> earliestDay(Handle h) {
    if (!enabled) {
      return Optional.empty();
    }
    return rawPartitions(h).stream().map(PartitionManager::startOf).min(LocalDate::compareTo);
  }

  /** Daily and monthly partitions of the three raw tables (never a roll-up table). */
  private static List<String> rawPartitions(Handle h) {
    return h.createQuery(
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
  }

  private static LocalDate startOf(String partition) {
    boolean monthly = partition.charAt(partition.length() - 7) == 'm';
    return monthly
        ? YearMonth.parse(partition.substring(partition.length() - 6), MONTH_SUFFIX).atDay(1)
        : LocalDate.parse(partition.substring(partition.length() - 8), SUFFIX);
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
