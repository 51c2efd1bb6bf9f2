package org.enms.http.report;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * {@code enms.http.reports}.
 *
 * @param keepFor how long a stored PDF can be downloaded
 * @param maxStored how many stored PDFs are kept at most
 */
public record ReportSettings(EnpiTargets targets, Duration keepFor, int maxStored) {
  public static ReportSettings fromConfig(Config config) {
    Config c = config.getConfig("enms.http.reports");
    return new ReportSettings(
        EnpiTargets.fromConfig(c), c.getDuration("keep-for"), c.getInt("max-stored"));
  }
}
