package org.enms.ingest.importer;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * Turns the local wall-clock stamps of one file into instants in its zone, row by row. In the
 * fall-back hour each local time occurs twice; the file's order tells them apart: a stamp whose
 * earlier reading would not move forward from the previous row is the second occurrence and takes
 * the later offset. (A genuinely duplicated row inside that hour is therefore read as the second
 * occurrence.) Local times skipped by the spring-forward change do not exist and are rejected. One
 * instance per file; not thread-safe.
 */
final class LocalTimeResolver {
  private final ZoneId zone;
  private final ZoneRules rules;
  private final ZoneOffset fixed;
  private Instant previous;

  LocalTimeResolver(ZoneId zone) {
    this.zone = zone;
    this.rules = zone.getRules();
    this.fixed = rules.isFixedOffset() ? rules.getOffset(Instant.EPOCH) : null;
  }

  Instant resolve(LocalDateTime local) throws RowRejectedException {
    Instant result;
    if (fixed != null) {
      result = local.toInstant(fixed);
    } else {
      ZoneOffsetTransition t = rules.getTransition(local);
      if (t == null) {
        result = local.toInstant(rules.getOffset(local));
      } else if (t.isGap()) {
        throw new RowRejectedException(
            "local time "
                + local
                + " does not exist in "
                + zone
                + " (clocks went forward from "
                + t.getDateTimeBefore().toLocalTime()
                + " to "
                + t.getDateTimeAfter().toLocalTime()
                + ")");
      } else {
        Instant early = local.toInstant(t.getOffsetBefore());
        result =
            previous != null && !early.isAfter(previous)
                ? local.toInstant(t.getOffsetAfter())
                : early;
      }
    }
    previous = result;
    return result;
  }

  /** An instant given with an offset in the file; it moves the order reference too. */
  void observe(Instant instant) {
    previous = instant;
  }
}
