package org.enms.db;

/**
 * How the time-series tables are stored. Both dialects expose the same tables, roll-up names and
 * columns, so readers never branch on it; only migrations, partition upkeep and roll-up refresh do.
 */
public enum Dialect {
  /** Plain PostgreSQL: daily range partitions and roll-up tables maintained by this module. */
  PLAIN("plain"),
  /** TimescaleDB: hypertables, continuous aggregates, compression and refresh policies. */
  TIMESCALE("timescale");

  private final String migrationFolder;

  Dialect(String migrationFolder) {
    this.migrationFolder = migrationFolder;
  }

  /** The Flyway location holding this dialect's migrations. */
  String migrationLocation() {
    return "classpath:db/migration/" + migrationFolder;
  }
}
