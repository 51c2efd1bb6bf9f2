package org.enms.ingest.importer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.enms.db.RawHorizon;

/**
 * Which reading times an import may store, and what becomes of their raw rows. Any age is accepted:
 * bringing in years of history is what an import is for. The limits are the clock ({@code
 * futureSkew} ahead at most, as for live data) and, on TimescaleDB only, the live-era days whose
 * raw readings retention has dropped already ({@code refuseDroppedDays}): refreshing a continuous
 * aggregate over them would erase what it holds there for every machine (see {@code RawRetention}).
 *
 * @param now the clock at the start of the import
 * @param retentionDays {@code enms.db.retention-days}
 * @param horizon where raw retention stands, held for the duration of the import
 */
public record ImportWindow(
    Instant now,
    Duration futureSkew,
    int retentionDays,
    RawHorizon horizon,
    boolean refuseDroppedDays) {

  /** Where a row's raw reading goes. */
  enum Fate {
    /** Before the live era: stored, rolled up, and kept raw. */
    HISTORY,
    /** Live era, older than the retention: rolled up; the raw row is dropped at the next run. */
    PAST_RETENTION,
    /** Live era within the retention. */
    RECENT
  }

  public static ImportWindow of(
      Clock clock,
      Duration futureSkew,
      int retentionDays,
      RawHorizon horizon,
      boolean refuseDroppedDays) {
    return new ImportWindow(clock.instant(), futureSkew, retentionDays, horizon, refuseDroppedDays);
  }

  /**
   * Only the clock as a limit, and no rows to say anything about: a live era since 1970 and a
   * retention of a century. For detecting a file's layout, and for tests.
   */
  public static ImportWindow unrestricted(Instant now, Duration futureSkew) {
    return new ImportWindow(
        now, futureSkew, 36_500, new RawHorizon(Instant.EPOCH, Instant.EPOCH), false);
  }

  /** The newest reading time accepted. */
  public Instant latest() {
    return now.plus(futureSkew);
  }

  /** Raw readings before this (a UTC midnight) are older than the retention. */
  public Instant rawCutoff() {
    return now.minus(Duration.ofDays(retentionDays)).truncatedTo(ChronoUnit.DAYS);
  }

  /** The start of today (UTC). */
  public Instant today() {
    return now.truncatedTo(ChronoUnit.DAYS);
  }

  void check(Instant t) throws RowRejectedException {
    if (t.isAfter(latest())) {
      throw new RowRejectedException(
          "timestamp " + t + " is more than " + futureSkew + " in the future");
    }
    if (refuseDroppedDays && horizon.isDropped(t)) {
      throw new RowRejectedException(
          "timestamp "
              + t
              + " falls on a day whose raw readings retention has dropped (before "
              + horizon.droppedBefore()
              + "); TimescaleDB would recompute that day's roll-ups from the readings left and"
              + " erase the other machines' figures");
    }
  }

  /** {@code rawCutoff}: {@link #rawCutoff()}, computed once by the caller (this runs per row). */
  Fate fate(Instant t, Instant rawCutoff) {
    if (horizon.isHistory(t)) {
      return Fate.HISTORY;
    }
    return t.isBefore(rawCutoff) ? Fate.PAST_RETENTION : Fate.RECENT;
  }
}
