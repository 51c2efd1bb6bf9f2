package org.enms.ingest.importer;

/**
 * Where a running import stands.
 *
 * @param rowsRead data rows read so far
 * @param rowsAccepted rows turned into readings
 * @param rowsRejected rows rejected with a reason (duplicates not included)
 * @param charsRead characters read, for the percentage
 * @param totalChars size of the file, or 0 when unknown
 */
public record ImportProgress(
    long rowsRead, long rowsAccepted, long rowsRejected, long charsRead, long totalChars) {

  /** 0–100, or -1 when the size is unknown. */
  public double percent() {
    return totalChars <= 0 ? -1 : Math.min(100.0, 100.0 * charsRead / totalChars);
  }
}
