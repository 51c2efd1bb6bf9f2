package org.enms.ingest.store;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a refusal of the data (retrying cannot help) from a failure of the database (retrying
 * will): SQLSTATE class 22 is a data exception (a NUL in text, a value out of range), class 23 an
 * integrity violation.
 */
final class DatabaseRefusal {
  private DatabaseRefusal() {}

  /** The server's message when {@code failure} is a refusal of the data; empty otherwise. */
  static Optional<String> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          String state = s.getSQLState();
          if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
            return Optional.of(state + " " + firstLine(s.getMessage()));
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
