package org.enms.ingest.importer;

import java.util.List;
import java.util.OptionalInt;

/**
 * A CSV column named by its header or by its 1-based position (as spreadsheets and {@code cut}
 * count). A purely numeric reference is a position.
 *
 * @param name header text, or null when given by position
 * @param position 1-based index, or 0 when given by name
 */
public record Column(String name, int position) {

  public static Column parse(String text) {
    String t = text.trim();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
      int p = Integer.parseInt(t);
      if (p < 1) {
        throw new IllegalArgumentException("column positions start at 1");
      }
      return new Column(null, p);
    }
    if (t.isEmpty()) {
      throw new IllegalArgumentException("column reference is empty");
    }
    return new Column(t, 0);
  }

  /** The 0-based index of this column in a header, or empty when the header has no such name. */
  public OptionalInt indexIn(List<String> header) {
    if (name == null) {
      return OptionalInt.of(position - 1);
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).trim().equalsIgnoreCase(name)) {
        return OptionalInt.of(i);
      }
    }
    return OptionalInt.empty();
  }

  @Override
  public String toString() {
    return name != null ? name : "#" + position;
  }
}
