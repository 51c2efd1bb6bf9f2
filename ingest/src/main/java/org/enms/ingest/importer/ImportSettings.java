package org.enms.ingest.importer;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code enms.import} section.
 *
 * @param batchRows readings per database transaction
 * @param writers transactions in flight at once; parsing continues while they commit
 * @param maxFutureSkew how far ahead of the clock an imported reading may be stamped
 * @param maxUploadBytes largest file the API accepts, bytes
 * @param jobsKept finished API jobs kept (in the database, table import_jobs) for their status
 */
public record ImportSettings(
    int batchRows, int writers, Duration maxFutureSkew, long maxUploadBytes, int jobsKept) {

  public ImportSettings {
    if (batchRows < 1 || writers < 1 || jobsKept < 1) {
      throw new IllegalArgumentException("enms.import sizes must be >= 1");
    }
  }

  public static final ImportSettings DEFAULT =
      new ImportSettings(5_000, 2, Duration.ofMinutes(5), 2L << 30, 100);

  public static ImportSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.import");
    return new ImportSettings(
        c.getInt("batch-rows"),
        c.getInt("writers"),
        c.getDuration("max-future-skew"),
        c.getBytes("max-upload-size"),
        c.getInt("jobs-kept"));
  }
}
