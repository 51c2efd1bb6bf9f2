package org.enms.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.enms.db.DbSettings.DialectChoice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides the dialect before migrating. A database keeps the dialect it was first migrated with
 * (read back from Flyway's history, whose dialect migrations have dialect-specific names); a new
 * one gets TimescaleDB under {@code auto} when the extension can be created.
 */
final class DialectResolver {
  private static final Logger log = LoggerFactory.getLogger(DialectResolver.class);

  private DialectResolver() {}

  static Dialect resolve(Connection c, DialectChoice choice) throws SQLException {
    Optional<Dialect> existing = migratedWith(c);
    if (existing.isPresent()) {
      Dialect d = existing.get();
      if (choice != DialectChoice.AUTO && !choice.name().equals(d.name())) {
        throw new IllegalStateException(
            "database was migrated with the " + d + " dialect but enms.db.dialect is " + choice);
      }
      return d;
    }
    return switch (choice) {
      case PLAIN -> Dialect.PLAIN;
      case TIMESCALE -> Dialect.TIMESCALE;
      case AUTO -> timescaleUsable(c) ? Dialect.TIMESCALE : Dialect.PLAIN;
    };
  }

  private static Optional<Dialect> migratedWith(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return Optional.empty();
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT script FROM flyway_schema_history WHERE success AND script LIKE"
                  + " 'V3\\_\\_%'")) {
        while (rs.next()) {
          String script = rs.getString(1);
          if (script.contains("timescale")) {
            return Optional.of(Dialect.TIMESCALE);
          }
          if (script.contains("plain")) {
            return Optional.of(Dialect.PLAIN);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean timescaleUsable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(*) FROM pg_available_extensions WHERE name = 'timescaledb'")) {
        rs.next();
        if (rs.getInt(1) == 0) {
          return false;
        }
      }
      try {
        s.execute("CREATE EXTENSION IF NOT EXISTS timescaledb");
        return true;
      } catch (SQLException e) {
        // Typically: installed but not in shared_preload_libraries.
        log.info(
            "timescaledb is available but cannot be created, using plain dialect: {}",
            e.getMessage());
        return false;
      }
    }
  }
}
