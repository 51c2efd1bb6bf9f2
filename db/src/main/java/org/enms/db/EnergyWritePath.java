package org.enms.db;

/**
 * How {@link ReadingBatchWriter} sends energy rows, the bulk of what the ingest stores. Each step
 * down the list was measured faster (docs/benchmarks.md, "More readings per core"); the earlier
 * ones stay for servers without COPY (PGlite) and for A/B measurement.
 */
public enum EnergyWritePath {
  /** {@code INSERT ... SELECT FROM unnest(...) ON CONFLICT DO NOTHING} into the parent table. */
  INSERT_VIA_PARENT,
  /** The same insert addressed to the UTC day's partition (plain dialect), skipping routing. */
  INSERT_INTO_PARTITION,
  /**
   * Binary {@code COPY} into the day's partition (the hypertable under TimescaleDB); a batch that
   * meets an already stored row is rolled back to a savepoint and inserted as above instead.
   */
  COPY_INTO_PARTITION
}
