package org.enms.db;

/** The tables a {@link ReadingBatchWriter} writes to. */
public enum ReadingTable {
  ENERGY("energy_readings"),
  PRODUCTION("production_data"),
  ENVIRONMENTAL("environmental_data"),
  /** Current state, upserted; not a time series. */
  STATUS("machine_status");

  private final String tableName;

  ReadingTable(String tableName) {
    this.tableName = tableName;
  }

  public String tableName() {
    return tableName;
  }

  public boolean isTimeSeries() {
    return this != STATUS;
  }
}
