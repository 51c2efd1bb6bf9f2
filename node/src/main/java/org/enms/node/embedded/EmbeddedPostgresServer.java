package org.enms.node.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server from binaries on Maven Central, keeping its data in a local folder, so
 * {@code ./enms run} needs no database service. It listens on loopback on its own port.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;
  private final String database;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, String database) {
    this.postgres = postgres;
    this.database = database;
  }

  public static EmbeddedPostgresServer start(Path folder, int port, String database) {
    try {
      Files.createDirectories(folder);
      long started = System.nanoTime();
      EmbeddedPostgres postgres =
          EmbeddedPostgres.builder()
              .setDataDirectory(folder)
              .setCleanDataDirectory(false)
              .setPort(port)
              .setServerConfig("max_connections", "100")
              .setServerConfig("synchronous_commit", "on")
              .start();
      createDatabaseIfMissing(postgres, database);
      log.info(
          "embedded postgres url={} folder={} started_ms={}",
          jdbcUrl(port, database),
          folder,
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedPostgresServer(postgres, database);
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port, e);
    }
  }

  public String jdbcUrl() {
    return jdbcUrl(postgres.getPort(), database);
  }

  private static String jdbcUrl(int port, String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      check.setString(1, database);
      try (var rs = check.executeQuery()) {
        if (!rs.next()) {
          try (var create = c.createStatement()) {
            create.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not create database " + database, e);
    }
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      log.warn("embedded postgres did not stop cleanly", e);
    }
  }
}
