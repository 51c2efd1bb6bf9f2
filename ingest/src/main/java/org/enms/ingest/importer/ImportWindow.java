package org.enms.ingest.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Which reading times an import may store: back to the retention limit (older rows would be dropped
 * with their daily partition, so they are refused instead) and at most {@code futureSkew} ahead of
 * the clock, the same bound live data has.
 */
public record ImportWindow(
    Instant earliest, Instant latest, int retentionDays, Duration futureSkew) {

  public static ImportWindow of(Clock clock, int retentionDays, Duration futureSkew) {
    Instant now = clock.instant();
    return new ImportWindow(
        now.minus(Duration.ofDays(retentionDays)), now.plus(futureSkew), retentionDays, futureSkew);
  }

  void check(Instant t) throws RowRejectedException {
    if (t.isBefore(earliest)) {
      throw new RowRejectedException(
          "timestamp " + t + " is older than the retention of " + retentionDays + " days");
    }
    if (t.isAfter(latest)) {
      throw new RowRejectedException(
          "timestamp " + t + " is more than " + futureSkew + " in the future");
    }
  }
}
