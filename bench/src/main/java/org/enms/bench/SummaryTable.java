package org.enms.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table of labelled figures, printed once at the end of a bench. */
final class SummaryTable {
  private final String title;
  private final List<String[]> rows = new ArrayList<>();

  SummaryTable(String title) {
    this.title = title;
  }

  SummaryTable row(String label, String value) {
    rows.add(new String[] {label, value});
    return this;
  }

  SummaryTable row(String label, String format, Object... args) {
    return row(label, String.format(java.util.Locale.ROOT, format, args));
  }

  SummaryTable section(String name) {
    rows.add(new String[] {"-- " + name, null});
    return this;
  }

  void print(PrintStream out) {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
    out.println();
    out.println("== " + title + " ==");
    for (String[] r : rows) {
      if (r[1] == null) {
        out.println(r[0]);
      } else {
        out.printf("  %-" + width + "s  %s%n", r[0], r[1]);
      }
    }
    out.flush();
  }
}
