package org.enms.ingest.importer;

/**
 * Order of day and month in a timestamp without a four-digit leading year ({@code 03/04/2024}).
 * {@code AUTO} decides from the file: a first field above 12 means day first, a second field above
 * 12 means month first; a file where neither occurs is ambiguous and must be declared.
 */
public enum DateOrder {
  AUTO,
  DAY_FIRST,
  MONTH_FIRST
}
