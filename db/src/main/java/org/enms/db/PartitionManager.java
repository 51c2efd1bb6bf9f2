package org.enms.db;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the plain dialect's daily partitions ({@code energy_readings_pYYYYMMDD}, UTC days) of the
 * three raw tables: creates them before rows arrive and drops them after the retention period. Days
 * known to exist are cached, so {@link #ensure} costs a set lookup on the write path. Creation is
 * serialised across nodes by an advisory lock. Under TimescaleDB every method is a no-op:
 * hypertables create and expire their chunks themselves.
 */
public final class PartitionManager {
  private static final Logger log = LoggerFactory.getLogger(PartitionManager.class);
  private static final List<String> TABLES =
      List.of("energy_readings", "production_data", "environmental_data");
  private static final DateTimeFormatter SUFFIX = DateTimeFormatter.BASIC_ISO_DATE;
  private static final long LOCK_KEY = 0x656e6d7350L; // "enmsP"

  private final Jdbi jdbi;
  private final boolean enabled;
  private final Set<LocalDate> ready = ConcurrentHashMap.newKeySet();

  PartitionManager(Jdbi jdbi, Dialect dialect) {
    this.jdbi = jdbi;
    this.enabled = dialect == Dialect.PLAIN;
  }

  /** Makes sure the partitions for this UTC day exist. Idempotent and cheap when cached. */
  public void ensure(LocalDate day) {
    if (!enabled || ready.contains(day)) {
      return;
    }
    jdbi.useTransaction(
        h -> {
          h.execute("SELECT pg_advisory_xact_lock(?)", LOCK_KEY);
          for (String table : TABLES) {
            createPartition(h, table, day);
          }
        });
    ready.add(day);
  }

  /** Ensures the partitions of every UTC day touched by these instants. */
  public void ensureCovering(Collection<Instant> times) {
    if (!enabled) {
      return;
    }
    times.stream()
        .map(t -> LocalDate.ofInstant(t, ZoneOffset.UTC))
        .distinct()
        .forEach(this::ensure);
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
WHERE p.relname IN ('energy_readings', 'production_data', 'environmental_data') AND c.relname ~ '_p[0-9]{8}$'
""")
                  .mapTo(String.class)
                  .list();
          int dropped = 0;
          for (String child : children) {
            LocalDate day = LocalDate.parse(child.substring(child.length() - 8), SUFFIX);
            if (day.isBefore(oldestKept)) {
              h.execute("DROP TABLE IF EXISTS " + child);
              ready.remove(day);
              dropped++;
            }
          }
          if (dropped > 0) {
            log.info("Dropped {} expired daily partitions before {}", dropped, oldestKept);
          }
          return dropped;
        });
  }

  private static void createPartition(Handle h, String table, LocalDate day) {
    // Identifiers and bounds come from a fixed table list and a LocalDate, never from input.
    String name = table + "_p" + day.format(SUFFIX);
    h.execute(
        "CREATE TABLE IF NOT EXISTS "
            + name
            + " PARTITION OF "
            + table
            + " FOR VALUES FROM ('"
            + day
            + " 00:00:00+00') TO ('"
            + day.plusDays(1)
            + " 00:00:00+00')");
  }
}
