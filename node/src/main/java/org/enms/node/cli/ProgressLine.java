package org.enms.node.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.enms.ingest.importer.ImportProgress;

/**
 * The import's progress on a terminal: a bar redrawn in place when there is a console, otherwise
 * one line per 5 seconds (logs and CI). Rows/s are over the whole run so far.
 */
final class ProgressLine {
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final boolean console;
  private final long started = System.nanoTime();
  private final long everyNanos;
  private long lastPrint;
  private ImportProgress last;

  ProgressLine(PrintStream out, boolean console) {
    this.out = out;
    this.console = console;
    this.everyNanos = console ? 250_000_000L : 5_000_000_000L;
  }

  synchronized void update(ImportProgress p) {
    last = p;
    long now = System.nanoTime();
    if (now - lastPrint >= everyNanos) {
      lastPrint = now;
      print(p, now);
    }
  }

  synchronized void done() {
    if (last != null) {
      print(last, System.nanoTime());
    }
    if (console) {
      out.println();
    }
  }

  private void print(ImportProgress p, long now) {
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    double pct = p.percent();
    String rate =
        String.format(
            Locale.ROOT,
            "%,d rows  %,.0f rows/s  %,d rejected",
            p.rowsRead(),
            p.rowsRead() / seconds,
            p.rowsRejected());
    if (console) {
      int filled = pct < 0 ? 0 : (int) Math.round(pct / 100 * WIDTH);
      out.printf(
          Locale.ROOT,
          "\r[%s%s] %5.1f%%  %s",
          "#".repeat(filled),
          "-".repeat(WIDTH - filled),
          Math.max(0, pct),
          rate);
    } else {
      out.printf(Locale.ROOT, "import %5.1f%%  %s%n", Math.max(0, pct), rate);
    }
    out.flush();
  }
}
