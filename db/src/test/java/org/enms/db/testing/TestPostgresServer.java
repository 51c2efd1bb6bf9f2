package org.enms.db.testing;

import com.typesafe.config.ConfigFactory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.DbSettings;
import org.enms.db.DbSettings.DialectChoice;

/**
 * The PostgreSQL server shared by every test of the JVM: the one named by {@code ENMS_TEST_DB_URL}
 * ({@code ENMS_TEST_DB_USER}, {@code ENMS_TEST_DB_PASSWORD}), or else one embedded PostgreSQL 16,
 * started on first use and stopped by a shutdown hook. It hands out fresh, randomly named
 * databases.
 */
public final class TestPostgresServer {
  private static TestPostgresServer shared;

  private final String adminUrl;
  private final String user;
  private final String password;

  private TestPostgresServer(String adminUrl, String user, String password) {
    this.adminUrl = adminUrl;
    this.user = user;
    this.password = password;
  }

  public static synchronized TestPostgresServer shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  private static TestPostgresServer start() {
    Optional<String> url = Optional.ofNullable(System.getenv("ENMS_TEST_DB_URL"));
    if (url.isPresent()) {
      return new TestPostgresServer(
          url.get(),
          Optional.ofNullable(System.getenv("ENMS_TEST_DB_USER")).orElse("postgres"),
          Optional.ofNullable(System.getenv("ENMS_TEST_DB_PASSWORD")).orElse(""));
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
      return new TestPostgresServer(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      // The JVM is exiting; the temporary data directory is left to the OS.
    }
  }

  /** Creates an empty database and returns its name. */
  public String createDatabase() {
    String name = "enms_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    execute("CREATE DATABASE " + name);
    return name;
  }

  public void dropDatabase(String name) {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  /** JDBC url of a database on this server. */
  public String urlFor(String database) {
    int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
    int query = adminUrl.indexOf('?');
    String base = adminUrl.substring(0, slash);
    String params = query < 0 ? "" : adminUrl.substring(query);
    return base + "/" + database + params;
  }

  /** The module's defaults pointed at a database on this server, plain dialect, pool of 4. */
  public DbSettings settingsFor(String database) {
    return DbSettings.fromConfig(ConfigFactory.load())
        .withUrl(urlFor(database))
        .withCredentials(user, password)
        .withDialect(DialectChoice.PLAIN)
        .withPoolSize(4);
  }

  public String user() {
    return user;
  }

  public String password() {
    return password;
  }

  private void execute(String sql) {
    try (Connection c = DriverManager.getConnection(adminUrl, user, password);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }
}
