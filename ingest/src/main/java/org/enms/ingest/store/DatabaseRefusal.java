package org.enms.ingest.store;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells a refusal of the data (retrying cannot help) from a failure of the database (retrying
 * will): SQLSTATE class 22 is a data exception (a NUL in text, a value out of range), class 23 an
 * integrity violation, class 54 a limit the statement exceeds (a value too large for an index row).
 */
final class DatabaseRefusal {
  private DatabaseRefusal() {}

  /**
   * The server's message when {@code failure} is a refusal of the data; empty otherwise. Of a
   * batch's chain of exceptions the last refusal is taken: the driver's batch exception only says
   * which entry was aborted, the server's own message comes after it.
   */
  static Optional<String> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        SQLException refusal = null;
        for (SQLException s = sql; s != null; s = s.getNextException()) {
          if (isRefusal(s.getSQLState())) {
            refusal = s;
          }
        }
        if (refusal != null) {
          return Optional.of(refusal.getSQLState() + " " + firstLine(refusal.getMessage()));
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isRefusal(String state) {
    return state != null
        && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
