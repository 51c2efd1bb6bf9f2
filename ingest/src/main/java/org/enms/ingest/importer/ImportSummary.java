package org.enms.ingest.importer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.db.TimeRange;

/**
 * What an import did. Lists are capped ({@link CsvImporter#LIST_LIMIT} entries each); the counts
 * are complete.
 *
 * @param rowsRead data rows in the file (blank lines and the header not counted)
 * @param rowsImported rows turned into readings and handed to storage
 * @param rowsRejected rows refused, each with its line and reason in {@code rejects}
 * @param duplicateRows rows whose timestamp an earlier row already had (the first is kept)
 * @param readingsWritten readings written (energy, and production and drivers when mapped)
 * @param readingsNew readings not stored before; 0 when the same file is imported again
 * @param rangeFrom earliest stored (interval-ending) timestamp
 * @param rangeTo latest stored timestamp
 * @param interval the rows' interval, declared or inferred
 * @param gapCount runs of missing intervals between {@code rangeFrom} and {@code rangeTo}
 * @param missingIntervals intervals missing in all gaps
 * @param irregularRows rows whose stamp is off the interval grid (not used for gap finding)
 * @param counterEvents counter baseline, resets and rollovers, with their lines
 * @param rollupDuration time spent bringing the roll-ups of the range up to date
 * @param rawRetentionDays {@code enms.db.retention-days}: how long the live era's raw rows stay
 * @param historyBefore where this database's live era begins; rows before it are history
 * @param rowsHistory rows before {@code historyBefore}: stored, rolled up and kept raw
 * @param rowsPastRawRetention live-era rows older than the raw retention: rolled up (the roll-ups
 *     are kept); their raw rows go at the next retention run
 * @param rollupRanges the ranges whose roll-ups were recomputed (history and live era apart)
 * @param midnightRowsRedated rows stamped 00:00 with the date of the day they close (after 23:45 of
 *     that date), read as midnight of the next day
 * @param outOfOrderRows rows earlier than a row above them (not in counter files, which reject
 *     them); imported at their own time
 * @param outOfOrder the first of them ({@link CsvImporter#OUT_OF_ORDER_EXAMPLES})
 * @param rowsToday rows of today (UTC), which the machine's live totals include
 * @param liveStateReloaded whether the machine's live state was told to take them up from storage
 *     (imports through the API); false from the command line, which runs without the node
 * @param notes what a reader should know about this import, in sentences
 */
public record ImportSummary(
    String file,
    UUID machineId,
    long rowsRead,
    long rowsImported,
    long rowsRejected,
    long duplicateRows,
    long readingsWritten,
    long readingsNew,
    Instant rangeFrom,
    Instant rangeTo,
    Duration interval,
    String timestampLayout,
    String timezone,
    String stamp,
    String delimiter,
    boolean decimalComma,
    long gapCount,
    long missingIntervals,
    long irregularRows,
    List<RowIssue> rejects,
    List<RowIssue> duplicates,
    List<ImportGap> gaps,
    List<RowIssue> counterEvents,
    Duration elapsed,
    Duration rollupDuration,
    int rawRetentionDays,
    Instant historyBefore,
    long rowsHistory,
    long rowsPastRawRetention,
    List<TimeRange> rollupRanges,
    long midnightRowsRedated,
    long outOfOrderRows,
    List<RowIssue> outOfOrder,
    long rowsToday,
    boolean liveStateReloaded,
    List<String> notes) {

  public ImportSummary {
    rejects = List.copyOf(rejects);
    duplicates = List.copyOf(duplicates);
    gaps = List.copyOf(gaps);
    counterEvents = List.copyOf(counterEvents);
    rollupRanges = List.copyOf(rollupRanges);
    outOfOrder = List.copyOf(outOfOrder);
    notes = List.copyOf(notes);
  }

  /** Rows imported per second of wall time, roll-ups included. */
  public double rowsPerSecond() {
    double s = elapsed.toNanos() / 1e9;
    return s <= 0 ? 0 : rowsImported / s;
  }

  ImportSummary withTiming(Duration newElapsed, Duration newRollup) {
    return copy(newElapsed, newRollup, liveStateReloaded, notes);
  }

  /** With whether the live state was told to reload, and a note saying what that means. */
  ImportSummary withLiveState(boolean reloaded, String note) {
    List<String> more = new java.util.ArrayList<>(notes);
    more.add(note);
    return copy(elapsed, rollupDuration, reloaded, more);
  }

  private ImportSummary copy(
      Duration newElapsed, Duration newRollup, boolean reloaded, List<String> newNotes) {
    return new ImportSummary(
        file,
        machineId,
        rowsRead,
        rowsImported,
        rowsRejected,
        duplicateRows,
        readingsWritten,
        readingsNew,
        rangeFrom,
        rangeTo,
        interval,
        timestampLayout,
        timezone,
        stamp,
        delimiter,
        decimalComma,
        gapCount,
        missingIntervals,
        irregularRows,
        rejects,
        duplicates,
        gaps,
        counterEvents,
        newElapsed,
        newRollup,
        rawRetentionDays,
        historyBefore,
        rowsHistory,
        rowsPastRawRetention,
        rollupRanges,
        midnightRowsRedated,
        outOfOrderRows,
        outOfOrder,
        rowsToday,
        reloaded,
        newNotes);
  }
}
