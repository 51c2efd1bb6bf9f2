package org.enms.node.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.enms.ingest.importer.ImportGap;
import org.enms.ingest.importer.ImportSummary;
import org.enms.ingest.importer.RowIssue;

/** The import summary for people: counts, range, then the first rejects, duplicates and gaps. */
final class SummaryText {
  private static final int SHOWN = 20;

  private SummaryText() {}

  static void print(ImportSummary s, PrintStream out) {
    out.printf(Locale.ROOT, "file            %s%n", s.file());
    out.printf(Locale.ROOT, "rows read       %,d%n", s.rowsRead());
    out.printf(
        Locale.ROOT,
        "rows imported   %,d (%,d readings new, %,d already stored)%n",
        s.rowsImported(),
        s.readingsNew(),
        s.readingsWritten() - s.readingsNew());
    out.printf(Locale.ROOT, "rows rejected   %,d%n", s.rowsRejected());
    out.printf(Locale.ROOT, "duplicate rows  %,d (first kept)%n", s.duplicateRows());
    out.printf(Locale.ROOT, "out of order    %,d (imported)%n", s.outOfOrderRows());
    out.printf(
        Locale.ROOT,
        "midnight        %,d rows read as the next day's 00:00%n",
        s.midnightRowsRedated());
    out.printf(
        Locale.ROOT,
        "gaps            %,d (%,d missing intervals, not filled)%n",
        s.gapCount(),
        s.missingIntervals());
    out.printf(
        Locale.ROOT,
        "range           %s .. %s (interval-ending stamps, interval %s)%n",
        s.rangeFrom(),
        s.rangeTo(),
        s.interval());
    out.printf(
        Locale.ROOT,
        "timestamps      %s, zone %s, stamps at interval %s%n",
        s.timestampLayout(),
        s.timezone(),
        s.stamp());
    out.printf(
        Locale.ROOT,
        "elapsed         %.2f s (%,.0f rows/s), roll-ups %.2f s%n",
        s.elapsed().toNanos() / 1e9,
        s.rowsPerSecond(),
        s.rollupDuration().toNanos() / 1e9);
    for (String note : s.notes()) {
      out.println("note: " + note);
    }
    section(out, "rejected", s.rejects(), s.rowsRejected(), 1000);
    section(out, "duplicates", s.duplicates(), s.duplicateRows(), 1000);
    section(out, "out of order", s.outOfOrder(), s.outOfOrderRows(), s.outOfOrder().size());
    section(out, "counter", s.counterEvents(), s.counterEvents().size(), 1000);
    if (!s.gaps().isEmpty()) {
      out.println("gaps:");
      for (ImportGap g : s.gaps().subList(0, Math.min(SHOWN, s.gaps().size()))) {
        out.printf(
            Locale.ROOT, "  %s .. %s  %,d intervals%n", g.from(), g.to(), g.missingIntervals());
      }
      if (s.gapCount() > SHOWN) {
        out.printf(Locale.ROOT, "  … %,d more (--json lists up to 1000)%n", s.gapCount() - SHOWN);
      }
    }
  }

  /** {@code listed}: how many of them the JSON summary lists. */
  private static void section(
      PrintStream out, String title, java.util.List<RowIssue> issues, long total, int listed) {
    if (issues.isEmpty()) {
      return;
    }
    out.println(title + ":");
    for (RowIssue i : issues.subList(0, Math.min(SHOWN, issues.size()))) {
      out.printf(Locale.ROOT, "  line %d: %s%n", i.line(), i.reason());
    }
    if (total > SHOWN) {
      out.printf(Locale.ROOT, "  … %,d more (--json lists up to %,d)%n", total - SHOWN, listed);
    }
  }
}
