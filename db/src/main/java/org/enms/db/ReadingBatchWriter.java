package org.enms.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.core.reading.StatusReading;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.postgresql.jdbc.PgConnection;

/**
 * Stores a batch of readings durably and idempotently: all tables in one transaction, each table
 * with one multi-row statement that unnests column arrays ({@code INSERT ... SELECT * FROM
 * unnest(?::timestamptz[], ...) ON CONFLICT DO NOTHING}). A redelivered reading (same machine, time
 * and, for energy, carrier) is a no-op, so the caller may acknowledge the messages once {@link
 * #write} returns and safely retry the whole batch when it throws. Energy rows, the bulk, go by
 * binary COPY into their day's partition by default ({@link EnergyWritePath}); COPY cannot skip a
 * stored row, so a batch holding one (a redelivery) is rolled back to a savepoint and inserted as
 * above: exactly once either way.
 *
 * <p>One statement per table keeps the round trips at four per batch whatever its size, and works
 * in pgjdbc's simple query mode (needed against PGlite). Status readings upsert {@code
 * machine_status} with the latest report per machine; an older report never overwrites a newer one,
 * and reports for unknown machines are ignored. Thread-safe; each call borrows one connection.
 */
public final class ReadingBatchWriter {
  private static final String INSERT_ENERGY =
      """
INSERT INTO %s (time, machine_id, energy_type, power_kw, energy_kwh,
                             energy_counter_kwh, voltage_v, current_a, power_factor,
                             frequency_hz, metadata)
SELECT timestamptz 'epoch' + u.t * interval '1 microsecond', u.m, u.e, u.p, u.k, u.c, u.v, u.a,
       u.pf, u.f, u.md
FROM unnest(?::int8[], ?::uuid[], ?::text[], ?::float8[], ?::float8[], ?::float8[],
            ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::jsonb[])
       AS u (t, m, e, p, k, c, v, a, pf, f, md)
ON CONFLICT DO NOTHING
""";

  private static final String INSERT_PRODUCTION =
      """
      INSERT INTO production_data (time, machine_id, production_count, production_count_good,
                                   production_count_bad, throughput_units_per_hour, operating_mode,
                                   speed_percent, recipe_id, metadata)
      SELECT timestamptz 'epoch' + u.t * interval '1 microsecond', u.m, u.n, u.g, u.b, u.tp, u.o,
             u.sp, u.r, u.md
      FROM unnest(?::int8[], ?::uuid[], ?::int8[], ?::int8[], ?::int8[], ?::float8[],
                  ?::text[], ?::float8[], ?::text[], ?::jsonb[])
             AS u (t, m, n, g, b, tp, o, sp, r, md)
      ON CONFLICT DO NOTHING
      """;

  private static final String INSERT_ENVIRONMENTAL =
      """
      INSERT INTO environmental_data (time, machine_id, outdoor_temp_c, indoor_temp_c,
                                      machine_temp_c, outdoor_humidity_percent,
                                      indoor_humidity_percent, pressure_bar, flow_rate_m3h,
                                      supply_air_temp_c, return_air_temp_c,
                                      chilled_water_supply_temp_c, chilled_water_return_temp_c,
                                      cop, vibration_mm_s, metadata)
      SELECT timestamptz 'epoch' + u.t * interval '1 microsecond', u.m, u.v1, u.v2, u.v3, u.v4,
             u.v5, u.v6, u.v7, u.v8, u.v9, u.v10, u.v11, u.v12, u.v13, u.md
      FROM unnest(?::int8[], ?::uuid[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                  ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[], ?::float8[],
                  ?::float8[], ?::float8[], ?::float8[], ?::jsonb[])
             AS u (t, m, v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, md)
      ON CONFLICT DO NOTHING
      """;

  private static final String UPSERT_STATUS =
      """
      INSERT INTO machine_status (machine_id, is_running, current_mode, current_power_kw,
                                  last_updated)
      SELECT u.machine_id, u.is_running,
             coalesce(u.mode, CASE WHEN u.is_running THEN 'running' ELSE 'idle' END),
             u.power_kw, timestamptz 'epoch' + u.time * interval '1 microsecond'
      FROM unnest(?::uuid[], ?::bool[], ?::text[], ?::float8[], ?::int8[])
             AS u (machine_id, is_running, mode, power_kw, time)
      JOIN machines m ON m.id = u.machine_id
      ON CONFLICT (machine_id) DO UPDATE
        SET is_running = EXCLUDED.is_running,
            current_mode = EXCLUDED.current_mode,
            current_power_kw = EXCLUDED.current_power_kw,
            last_updated = EXCLUDED.last_updated
        WHERE machine_status.last_updated IS NULL
           OR machine_status.last_updated <= EXCLUDED.last_updated
      """;

  private static final Comparator<Reading> BY_MACHINE_TIME =
      Comparator.comparing(Reading::machineId).thenComparing(Reading::time);

  /** Rows per statement by default: large enough that a normal batch is one statement per table. */
  public static final int DEFAULT_ROWS_PER_STATEMENT = 10_000;

  /** SQLSTATE of a unique violation: a COPY met a row that is already stored. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final Database database;
  private final int rowsPerStatement;
  private final EnergyWritePath energyPath;

  /** Energy rows by binary COPY, falling back to the idempotent insert on a redelivery. */
  public ReadingBatchWriter(Database database) {
    this(database, DEFAULT_ROWS_PER_STATEMENT, EnergyWritePath.COPY_INTO_PARTITION);
  }

  /**
   * @param rowsPerStatement upper bound of rows per INSERT; lower it for servers that cannot take
   *     large messages (PGlite's socket server crashes on a query that arrives in more than one
   *     socket read, and pgjdbc flushes every 8 KB: about 40 rows); energy rows then go by INSERT
   *     too
   */
  public ReadingBatchWriter(Database database, int rowsPerStatement) {
    this(database, rowsPerStatement, EnergyWritePath.INSERT_INTO_PARTITION);
  }

  /**
   * @param rowsPerStatement upper bound of rows per INSERT
   * @param energyPath how energy rows are sent
   */
  public ReadingBatchWriter(Database database, int rowsPerStatement, EnergyWritePath energyPath) {
    if (rowsPerStatement < 1) {
      throw new IllegalArgumentException("rowsPerStatement must be >= 1");
    }
    this.database = database;
    this.rowsPerStatement = rowsPerStatement;
    this.energyPath = energyPath;
  }

  /**
   * Writes the batch in one transaction.
   *
   * @throws org.jdbi.v3.core.JdbiException when the database rejects the batch; nothing of it is
   *     stored then
   */
  public WriteResult write(List<? extends Reading> readings) {
    return write(readings, h -> {});
  }

  /**
   * Writes the batch and, in the same transaction, what {@code alsoWrite} writes (the ingest: the
   * batch's rejects), so both cost one commit.
   *
   * @throws org.jdbi.v3.core.JdbiException when the database rejects either; nothing is stored then
   */
  public WriteResult write(
      List<? extends Reading> readings, HandleConsumer<SQLException> alsoWrite) {
    if (readings.isEmpty()) {
      try {
        database.jdbi().useTransaction(alsoWrite);
      } catch (SQLException e) {
        throw new UnableToExecuteStatementException(e, null);
      }
      return WriteResult.EMPTY;
    }
    var energy = new ArrayList<EnergyReading>();
    var production = new ArrayList<ProductionReading>();
    var environmental = new ArrayList<EnvironmentalReading>();
    var status = new LinkedHashMap<UUID, StatusReading>();
    for (Reading r : readings) {
      if (r instanceof EnergyReading e) {
        energy.add(e);
      } else if (r instanceof ProductionReading p) {
        production.add(p);
      } else if (r instanceof EnvironmentalReading e) {
        environmental.add(e);
      } else if (r instanceof StatusReading s) {
        status.merge(s.machineId(), s, ReadingBatchWriter::later);
      }
    }
    // Sorted by the unique index's leading columns, consecutive rows land on the same index pages.
    energy.sort(BY_MACHINE_TIME);
    production.sort(BY_MACHINE_TIME);
    environmental.sort(BY_MACHINE_TIME);
    database
        .partitions()
        .ensureCovering(
            readings.stream()
                .filter(r -> !(r instanceof StatusReading))
                .map(Reading::time)
                .toList());
    try {
      return database
          .jdbi()
          .inTransaction(
              h -> {
                Connection c = h.getConnection();
                var result = new EnumMap<ReadingTable, TableWrite>(ReadingTable.class);
                if (!energy.isEmpty()) {
                  result.put(ReadingTable.ENERGY, summary(energy, writeEnergy(c, energy)));
                }
                if (!production.isEmpty()) {
                  result.put(
                      ReadingTable.PRODUCTION,
                      summary(production, inChunks(production, rows -> insertProduction(c, rows))));
                }
                if (!environmental.isEmpty()) {
                  result.put(
                      ReadingTable.ENVIRONMENTAL,
                      summary(
                          environmental,
                          inChunks(environmental, rows -> insertEnvironmental(c, rows))));
                }
                if (!status.isEmpty()) {
                  var latest = List.copyOf(status.values());
                  result.put(
                      ReadingTable.STATUS,
                      new TableWrite(
                          countOf(readings, StatusReading.class),
                          upsertStatus(c, latest),
                          latest.stream().map(Reading::time).min(Comparator.naturalOrder()).get(),
                          latest.stream().map(Reading::time).max(Comparator.naturalOrder()).get(),
                          List.of()));
                }
                alsoWrite.useHandle(h);
                return new WriteResult(result);
              });
    } catch (SQLException e) {
      throw new UnableToExecuteStatementException(e, null);
    }
  }

  /** One statement of rows, returning the rows inserted. */
  private interface ChunkWriter<T> {
    int write(List<T> rows) throws SQLException;
  }

  private <T> int inChunks(List<T> rows, ChunkWriter<T> writer) throws SQLException {
    int inserted = 0;
    for (int from = 0; from < rows.size(); from += rowsPerStatement) {
      inserted += writer.write(rows.subList(from, Math.min(rows.size(), from + rowsPerStatement)));
    }
    return inserted;
  }

  /**
   * Each UTC day's rows straight into that day's partition where there is one (the parent routes
   * every row otherwise), by COPY when enabled. A COPY that meets a stored row (a redelivered
   * message) is rolled back to its savepoint and the day's rows inserted idempotently instead.
   */
  private int writeEnergy(Connection c, List<EnergyReading> energy) throws SQLException {
    int inserted = 0;
    for (var day : byUtcDay(energy).entrySet()) {
      String table =
          energyPath == EnergyWritePath.INSERT_VIA_PARENT
              ? ReadingTable.ENERGY.tableName()
              : database
                  .partitions()
                  .dailyPartition(ReadingTable.ENERGY, day.getKey())
                  .orElse(ReadingTable.ENERGY.tableName());
      List<EnergyReading> rows = day.getValue();
      if (energyPath == EnergyWritePath.COPY_INTO_PARTITION) {
        Savepoint beforeCopy = c.setSavepoint();
        try {
          inserted += EnergyCopy.copy(c, table, rows);
          continue;
        } catch (SQLException e) {
          if (!UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
          c.rollback(beforeCopy);
        }
      }
      inserted += inChunks(rows, chunk -> insertEnergy(c, table, chunk));
    }
    return inserted;
  }

  /** Rows grouped by UTC day, each group in the order given (the batch is sorted by machine). */
  private static Map<LocalDate, List<EnergyReading>> byUtcDay(List<EnergyReading> rows) {
    LocalDate first = LocalDate.ofInstant(rows.get(0).time(), ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(rows.get(rows.size() - 1).time(), ZoneOffset.UTC);
    Map<LocalDate, List<EnergyReading>> days = new TreeMap<>();
    if (first.equals(last) && allOnDay(rows, first)) {
      days.put(first, rows);
      return days;
    }
    for (EnergyReading r : rows) {
      days.computeIfAbsent(LocalDate.ofInstant(r.time(), ZoneOffset.UTC), d -> new ArrayList<>())
          .add(r);
    }
    return days;
  }

  private static boolean allOnDay(List<EnergyReading> rows, LocalDate day) {
    long from = day.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    long to = from + 86_400;
    for (EnergyReading r : rows) {
      long s = r.time().getEpochSecond();
      if (s < from || s >= to) {
        return false;
      }
    }
    return true;
  }

  private static StatusReading later(StatusReading a, StatusReading b) {
    return b.time().isBefore(a.time()) ? a : b;
  }

  private static int countOf(List<? extends Reading> readings, Class<?> type) {
    return (int) readings.stream().filter(type::isInstance).count();
  }

  private static TableWrite summary(List<? extends Reading> rows, int inserted) {
    long[] millis = new long[rows.size()];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = rows.get(i).time().toEpochMilli();
    }
    List<TimeRange> spans = TimeSpans.of(millis);
    return new TableWrite(
        rows.size(), inserted, spans.get(0).from(), spans.get(spans.size() - 1).to(), spans);
  }

  private static int insertEnergy(Connection c, String table, List<EnergyReading> rows)
      throws SQLException {
    int n = rows.size();
    var time = new long[n];
    var machine = new UUID[n];
    var type = new String[n];
    var power = new double[n];
    var kwh = new Double[n];
    var counter = new Double[n];
    var voltage = new Double[n];
    var current = new Double[n];
    var pf = new Double[n];
    var freq = new Double[n];
    var meta = new String[n];
    for (int i = 0; i < n; i++) {
      EnergyReading r = rows.get(i);
      time[i] = micros(r.time());
      machine[i] = r.machineId();
      type[i] = r.energyType();
      power[i] = r.powerKw();
      kwh[i] = r.energyKwh();
      counter[i] = r.counterKwh();
      voltage[i] = r.voltageV();
      current[i] = r.currentA();
      pf[i] = r.powerFactor();
      freq[i] = r.frequencyHz();
      meta[i] = r.metadataJson();
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_ENERGY.formatted(table))) {
      bindLongs(c, ps, 1, time);
      bind(c, ps, 2, "uuid", machine);
      bind(c, ps, 3, "text", type);
      bindDoubles(c, ps, 4, power);
      bind(c, ps, 5, "float8", kwh);
      bind(c, ps, 6, "float8", counter);
      bind(c, ps, 7, "float8", voltage);
      bind(c, ps, 8, "float8", current);
      bind(c, ps, 9, "float8", pf);
      bind(c, ps, 10, "float8", freq);
      bind(c, ps, 11, "jsonb", meta);
      return ps.executeUpdate();
    }
  }

  private static int insertProduction(Connection c, List<ProductionReading> rows)
      throws SQLException {
    int n = rows.size();
    var time = new long[n];
    var machine = new UUID[n];
    var count = new Long[n];
    var good = new Long[n];
    var bad = new Long[n];
    var throughput = new Double[n];
    var mode = new String[n];
    var speed = new Double[n];
    var recipe = new String[n];
    var meta = new String[n];
    for (int i = 0; i < n; i++) {
      ProductionReading r = rows.get(i);
      time[i] = micros(r.time());
      machine[i] = r.machineId();
      count[i] = r.productionCount();
      good[i] = r.productionCountGood();
      bad[i] = r.productionCountBad();
      throughput[i] = r.throughputUnitsPerHour();
      mode[i] = r.operatingMode();
      speed[i] = r.speedPercent();
      recipe[i] = r.recipeId();
      meta[i] = r.metadataJson();
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_PRODUCTION)) {
      bindLongs(c, ps, 1, time);
      bind(c, ps, 2, "uuid", machine);
      bind(c, ps, 3, "int8", count);
      bind(c, ps, 4, "int8", good);
      bind(c, ps, 5, "int8", bad);
      bind(c, ps, 6, "float8", throughput);
      bind(c, ps, 7, "text", mode);
      bind(c, ps, 8, "float8", speed);
      bind(c, ps, 9, "text", recipe);
      bind(c, ps, 10, "jsonb", meta);
      return ps.executeUpdate();
    }
  }

  private static int insertEnvironmental(Connection c, List<EnvironmentalReading> rows)
      throws SQLException {
    int n = rows.size();
    var time = new long[n];
    var machine = new UUID[n];
    var values = new Double[13][n];
    var meta = new String[n];
    for (int i = 0; i < n; i++) {
      EnvironmentalReading r = rows.get(i);
      time[i] = micros(r.time());
      machine[i] = r.machineId();
      Double[] v = {
        r.outdoorTempC(), r.indoorTempC(), r.machineTempC(), r.outdoorHumidityPercent(),
        r.indoorHumidityPercent(), r.pressureBar(), r.flowRateM3h(), r.supplyAirTempC(),
        r.returnAirTempC(), r.chilledWaterSupplyTempC(), r.chilledWaterReturnTempC(), r.cop(),
        r.vibrationMmS()
      };
      for (int k = 0; k < v.length; k++) {
        values[k][i] = v[k];
      }
      meta[i] = r.metadataJson();
    }
    try (PreparedStatement ps = c.prepareStatement(INSERT_ENVIRONMENTAL)) {
      bindLongs(c, ps, 1, time);
      bind(c, ps, 2, "uuid", machine);
      for (int k = 0; k < values.length; k++) {
        bind(c, ps, 3 + k, "float8", values[k]);
      }
      bind(c, ps, 16, "jsonb", meta);
      return ps.executeUpdate();
    }
  }

  private static int upsertStatus(Connection c, List<StatusReading> rows) throws SQLException {
    int n = rows.size();
    var machine = new UUID[n];
    var running = new Boolean[n];
    var mode = new String[n];
    var power = new Double[n];
    var time = new long[n];
    for (int i = 0; i < n; i++) {
      StatusReading r = rows.get(i);
      machine[i] = r.machineId();
      running[i] = r.running();
      mode[i] = r.operatingMode();
      power[i] = r.currentPowerKw();
      time[i] = micros(r.time());
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT_STATUS)) {
      bind(c, ps, 1, "uuid", machine);
      bind(c, ps, 2, "bool", running);
      bind(c, ps, 3, "text", mode);
      bind(c, ps, 4, "float8", power);
      bindLongs(c, ps, 5, time);
      return ps.executeUpdate();
    }
  }

  /**
   * Epoch microseconds, PostgreSQL's own resolution: sent as int8 and turned into timestamptz by
   * addition on the server, which is exact and much cheaper than parsing ISO text per row.
   */
  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  private static void bindLongs(Connection c, PreparedStatement ps, int index, long[] v)
      throws SQLException {
    ps.setArray(index, c.unwrap(PgConnection.class).createArrayOf("int8", v));
  }

  private static void bindDoubles(Connection c, PreparedStatement ps, int index, double[] v)
      throws SQLException {
    ps.setArray(index, c.unwrap(PgConnection.class).createArrayOf("float8", v));
  }

  private static void bind(Connection c, PreparedStatement ps, int index, String type, Object[] v)
      throws SQLException {
    Array array = c.createArrayOf(type, v);
    ps.setArray(index, array);
  }
}
