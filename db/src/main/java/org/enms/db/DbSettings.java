package org.enms.db;

import com.typesafe.config.Config;
import java.util.Locale;

/**
 * Settings of the {@code enms.db} section.
 *
 * @param poolSize connections in the pool
 * @param retentionDays raw readings of the live era older than this are dropped, days; at least 8,
 *     more than the roll-up refresh window (7 days), so no refresh covers dropped raw rows.
 *     Roll-ups and imported history are kept (see {@link RawRetention})
 * @param compressionAfterDays TimescaleDB raw chunks older than this are compressed, days
 * @param partitionsAheadDays plain dialect: daily partitions kept ready beyond today, days
 * @param rejectsMaxRows upper bound of the {@code ingest_rejects} table, rows
 */
public record DbSettings(
    String url,
    String user,
    String password,
    int poolSize,
    DialectChoice dialect,
    int retentionDays,
    int compressionAfterDays,
    int partitionsAheadDays,
    int rejectsMaxRows) {

  /** The longest {@code start_offset} of the TimescaleDB refresh policies, days. */
  static final int MAX_REFRESH_WINDOW_DAYS = 7;

  /** The configured dialect; {@code AUTO} is resolved against the server at start. */
  public enum DialectChoice {
    AUTO,
    TIMESCALE,
    PLAIN
  }

  public DbSettings {
    if (poolSize < 1) {
      throw new IllegalArgumentException("enms.db.pool-size must be >= 1, was " + poolSize);
    }
    if (retentionDays < 1 || compressionAfterDays < 1 || partitionsAheadDays < 0) {
      throw new IllegalArgumentException("enms.db day settings must be positive");
    }
    if (retentionDays <= MAX_REFRESH_WINDOW_DAYS) {
      throw new IllegalArgumentException(
          "enms.db.retention-days must be more than the roll-up refresh window of "
              + MAX_REFRESH_WINDOW_DAYS
              + " days (a refresh over dropped raw rows would erase their roll-ups), was "
              + retentionDays);
    }
  }

  public static DbSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.db");
    return new DbSettings(
        c.getString("url"),
        c.getString("user"),
        c.getString("password"),
        c.getInt("pool-size"),
        DialectChoice.valueOf(c.getString("dialect").toUpperCase(Locale.ROOT)),
        c.getInt("retention-days"),
        c.getInt("compression-after-days"),
        c.getInt("partitions-ahead-days"),
        c.getInt("rejects-max-rows"));
  }

  public DbSettings withUrl(String newUrl) {
    return new DbSettings(
        newUrl,
        user,
        password,
        poolSize,
        dialect,
        retentionDays,
        compressionAfterDays,
        partitionsAheadDays,
        rejectsMaxRows);
  }

  public DbSettings withCredentials(String newUser, String newPassword) {
    return new DbSettings(
        url,
        newUser,
        newPassword,
        poolSize,
        dialect,
        retentionDays,
        compressionAfterDays,
        partitionsAheadDays,
        rejectsMaxRows);
  }

  public DbSettings withDialect(DialectChoice newDialect) {
    return new DbSettings(
        url,
        user,
        password,
        poolSize,
        newDialect,
        retentionDays,
        compressionAfterDays,
        partitionsAheadDays,
        rejectsMaxRows);
  }

  public DbSettings withPoolSize(int newPoolSize) {
    return new DbSettings(
        url,
        user,
        password,
        newPoolSize,
        dialect,
        retentionDays,
        compressionAfterDays,
        partitionsAheadDays,
        rejectsMaxRows);
  }

  public DbSettings withRejectsMaxRows(int newMax) {
    return new DbSettings(
        url,
        user,
        password,
        poolSize,
        dialect,
        retentionDays,
        compressionAfterDays,
        partitionsAheadDays,
        newMax);
  }
}
