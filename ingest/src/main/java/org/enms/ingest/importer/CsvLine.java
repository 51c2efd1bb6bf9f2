package org.enms.ingest.importer;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line; fields may be double-quoted, with {@code ""} for a quote inside. */
final class CsvLine {
  private CsvLine() {}

  static String[] split(String line, char delimiter) {
    if (line.indexOf('"') < 0) {
      return fastSplit(line, delimiter);
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(field.toString());
    return fields.toArray(String[]::new);
  }

  private static String[] fastSplit(String line, char delimiter) {
    int count = 1;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == delimiter) {
        count++;
      }
    }
    String[] fields = new String[count];
    int start = 0;
    int k = 0;
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) == delimiter) {
        fields[k++] = line.substring(start, i);
        start = i + 1;
      }
    }
    fields[k] = line.substring(start);
    return fields;
  }
}
