package org.enms.ingest.importer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Recognises exports that date the midnight row with the day it closes: {@code …, 2018-03-04 23:45,
 * 2018-03-04 00:00, 2018-03-05 00:15, …}. Read literally, that 00:00 row lands a day early and
 * silently, on the first interval of the 4th. The rule, row by row on the stamps as written: a row
 * at exactly 00:00 that follows a row of the <em>same date</em> in the last two intervals before
 * the next midnight (23:30 or 23:45 for 15-min rows; a gap of one interval is tolerated) is
 * midnight of the next day. A correctly dated file never has that order (its 00:00 follows the
 * previous date's 23:45), so the rule cannot misfire on one; it needs no look-ahead, so the file's
 * last row ({@code 2018-12-31 00:00} closing the year) is recognised too. Epoch stamps have no date
 * to get wrong. One instance per file; not thread-safe.
 */
final class MidnightDating {
  private final LocalTime lastSlots;
  private LocalDateTime previous;
  private long redated;
  private long firstLine;
  private String firstText;

  MidnightDating(Duration interval) {
    long day = Duration.ofDays(1).toNanos();
    long window = Math.min(day, interval.multipliedBy(2).toNanos());
    this.lastSlots = LocalTime.ofNanoOfDay(Math.max(1, day - window));
  }

  /** The stamp as meant; {@code line} and {@code text} name the first row moved, for the note. */
  TimestampLayout.Stamp apply(TimestampLayout.Stamp stamp, long line, String text) {
    LocalDateTime wall = stamp.wall();
    if (wall == null) {
      return stamp;
    }
    TimestampLayout.Stamp meant = stamp;
    if (previous != null
        && wall.toLocalTime().equals(LocalTime.MIDNIGHT)
        && previous.toLocalDate().equals(wall.toLocalDate())
        && !previous.toLocalTime().isBefore(lastSlots)) {
      meant = stamp.nextDay();
      if (redated++ == 0) {
        firstLine = line;
        firstText = text;
      }
    }
    previous = meant.wall();
    return meant;
  }

  /** Rows read as the next day's midnight. */
  long redated() {
    return redated;
  }

  /** The note for the summary, or null when no row was moved. */
  String note() {
    if (redated == 0) {
      return null;
    }
    return String.format(
        java.util.Locale.ROOT,
        "%,d rows stamped 00:00 with the date of the day they close (each after the last"
            + " interval of that same date) were read as midnight of the next day, e.g. line %d"
            + " '%s'.",
        redated,
        firstLine,
        firstText);
  }
}
