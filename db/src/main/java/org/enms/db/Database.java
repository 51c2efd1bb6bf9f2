package org.enms.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's one connection to PostgreSQL: owns the connection pool, the {@link Jdbi} instance, the
 * {@link PartitionManager} and {@link RawRetention}. {@link #start} resolves the dialect, migrates
 * the schema to the latest version, (plain dialect) prepares the daily partitions and applies raw
 * retention, so a started {@code Database} is ready for writes. Close it once, at shutdown; it
 * closes the pool.
 */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  private static final java.time.Duration CONNECTION_TIMEOUT = java.time.Duration.ofSeconds(5);

  private final HikariDataSource dataSource;
  private final Jdbi jdbi;
  private final Dialect dialect;
  private final DbSettings settings;
  private final PartitionManager partitions;
  private final RawRetention retention;

  private Database(
      HikariDataSource dataSource,
      Jdbi jdbi,
      Dialect dialect,
      DbSettings settings,
      PartitionManager partitions,
      RawRetention retention) {
    this.dataSource = dataSource;
    this.jdbi = jdbi;
    this.dialect = dialect;
    this.settings = settings;
    this.partitions = partitions;
    this.retention = retention;
  }

  /**
   * Connects, migrates and prepares partitions.
   *
   * @throws IllegalStateException when the server is unreachable, a migration fails or the
   *     configured dialect contradicts the one the database was created with
   */
  public static Database start(DbSettings settings) {
    HikariDataSource pool = new HikariDataSource(poolConfig(settings));
    try {
      Dialect dialect;
      try (Connection c = pool.getConnection()) {
        dialect = DialectResolver.resolve(c, settings.dialect());
        migrate(c, dialect, settings);
      }
      Jdbi jdbi = Jdbi.create(pool).installPlugin(new PostgresPlugin());
      PartitionManager partitions = new PartitionManager(jdbi, dialect);
      partitions.maintain(LocalDate.now(ZoneOffset.UTC), settings.partitionsAheadDays());
      RawRetention retention =
          new RawRetention(jdbi, dialect, partitions, settings.retentionDays());
      retention.expire(Instant.now());
      log.info("Database ready ({} dialect, pool {})", dialect, settings.poolSize());
      return new Database(pool, jdbi, dialect, settings, partitions, retention);
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException("cannot start database: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static HikariConfig poolConfig(DbSettings settings) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setMaximumPoolSize(settings.poolSize());
    config.setPoolName("enms-db");
    // Hikari waits 30 s for a connection by default. While the server is down that would hold
    // every caller (an API request, a health check, a retried ingest commit) for 30 s; 5 s fails
    // them fast enough to answer and to retry soon after the server is back.
    config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
    // Roll-up buckets and "today" are UTC; never let the server's zone leak into date_trunc.
    config.setConnectionInitSql("SET TIME ZONE 'UTC'");
    return config;
  }

  /**
   * Runs Flyway on one borrowed connection, so that migration also works against servers that
   * accept a single connection at a time (the pool may be of size 1).
   */
  private static void migrate(Connection connection, Dialect dialect, DbSettings settings) {
    Flyway.configure()
        .dataSource(new SingleConnectionDataSource(connection))
        .locations("classpath:db/migration/common", dialect.migrationLocation())
        .placeholders(
            Map.of("compression_after_days", Integer.toString(settings.compressionAfterDays())))
        .load()
        .migrate();
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  public DbSettings settings() {
    return settings;
  }

  /** Daily partitions of the raw tables (a no-op under TimescaleDB). */
  public PartitionManager partitions() {
    return partitions;
  }

  /** Raw retention: drops the live era's old raw readings, keeps imported history. */
  public RawRetention retention() {
    return retention;
  }

  /** True when a connection can be borrowed and answers a trivial query within 2 s. */
  public boolean ping() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      log.debug("ping failed", e);
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }
}
