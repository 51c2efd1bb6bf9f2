package org.enms.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.enms.db.Database;
import org.enms.simulator.load.LoadMachines;

/**
 * The benches' own database: dropped and created afresh on each run, so rows counted at the end are
 * exactly the rows the run wrote. Only the bench creates it; the node's schema comes from its
 * migrations when {@link Database#start} runs.
 */
final class BenchDatabase {
  /** The factory the synthetic load machines belong to; fixed so runs are comparable. */
  static final UUID LOAD_FACTORY = UUID.nameUUIDFromBytes("load-factory".getBytes());

  private BenchDatabase() {}

  /** Drops and recreates the database named in {@code jdbcUrl} through the server's postgres db. */
  static void recreate(String jdbcUrl, String user, String password) {
    Loopback.require(jdbcUrl);
    int slash = jdbcUrl.lastIndexOf('/');
    int query = jdbcUrl.indexOf('?', slash);
    String name = jdbcUrl.substring(slash + 1, query < 0 ? jdbcUrl.length() : query);
    if (!name.matches("[a-z0-9_]+")) {
      throw new IllegalArgumentException("bench database name must be [a-z0-9_]+: " + name);
    }
    String admin = jdbcUrl.substring(0, slash + 1) + "postgres";
    try (Connection c = DriverManager.getConnection(admin, user, password);
        var s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot recreate database " + name + ": " + e.getMessage(), e);
    }
  }

  /**
   * Registers load machines {@code 0..count-1} (the load generator's deterministic ids) as active,
   * because ingest rejects readings of unknown machines.
   */
  static void registerLoadMachines(Database database, int count) {
    List<UUID> ids = IntStream.range(0, count).mapToObj(LoadMachines::machineId).toList();
    database
        .jdbi()
        .useTransaction(
            h -> {
              h.createUpdate(
                      """
                      INSERT INTO factories (id, name, location) VALUES (:id, 'Load test', 'bench')
                      ON CONFLICT DO NOTHING
                      """)
                  .bind("id", LOAD_FACTORY)
                  .execute();
              h.createUpdate(
                      """
                      INSERT INTO machines (id, factory_id, name, type, rated_power_kw)
                      SELECT u.id, :factory, 'load-machine-' || (u.n - 1), 'other', 120
                      FROM unnest(CAST(:ids AS uuid[])) WITH ORDINALITY AS u (id, n)
                      ON CONFLICT DO NOTHING
                      """)
                  .bind("factory", LOAD_FACTORY)
                  .bindArray("ids", UUID.class, ids)
                  .execute();
            });
  }

  /**
   * Gives each load machine a robust profile for the hours the bench runs in: the hourly average
   * the load generator draws around (its per-machine base load) for this hour and the next two, in
   * each of the last four weeks. Live detection then scores against a trusted time-of-week level
   * from the first reading, as on a plant with history, instead of waiting for one.
   */
  static void seedProfiles(Database database, int count, Instant now) {
    List<UUID> ids = IntStream.range(0, count).mapToObj(LoadMachines::machineId).toList();
    Double[] kw = ids.stream().map(id -> LoadMachines.baseLoadKw(id)).toArray(Double[]::new);
    database
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO energy_readings_1hour
                          (bucket, machine_id, energy_type, avg_power_kw, reading_count)
                        SELECT CAST(:hour AS timestamptz) - make_interval(weeks => w, hours => -h),
                               u.id, 'electricity', u.kw, 360
                        FROM unnest(CAST(:ids AS uuid[]), CAST(:kws AS float8[])) AS u (id, kw),
                             generate_series(1, 4) AS w, generate_series(0, 2) AS h
                        ON CONFLICT DO NOTHING
                        """)
                    .bind("hour", now.truncatedTo(ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
                    .bindArray("ids", UUID.class, ids)
                    .bindArray("kws", Double.class, kw)
                    .execute());
  }

  /** Rows in {@code anomalies}: what live detection raised. */
  static long countAnomalies(Database database) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("SELECT count(*) FROM anomalies").mapTo(Long.class).one());
  }

  /**
   * Rows in {@code energy_readings}, and how many (machine, time, type) keys occur more than once.
   */
  static RowCount countEnergyRows(Database database) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        """
                        SELECT count(*) AS total,
                               count(*) - count(DISTINCT (machine_id, time, energy_type)) AS dup
                        FROM energy_readings
                        """)
                    .map((rs, ctx) -> new RowCount(rs.getLong("total"), rs.getLong("dup")))
                    .one());
  }

  /** Counted rows; {@code duplicates} is rows beyond the first per key (0 unless dedup broke). */
  record RowCount(long rows, long duplicates) {}
}
