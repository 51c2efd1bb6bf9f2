package org.enms.db;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.postgresql.copy.PGCopyOutputStream;
import org.postgresql.core.BaseConnection;

/**
 * Energy rows sent with {@code COPY ... FROM STDIN (FORMAT binary)}: each value goes as its
 * server-side binary form, so PostgreSQL neither parses array text nor plans a statement, and
 * appends rows in multi-insert buffers. COPY has no {@code ON CONFLICT}: a row already stored fails
 * the whole COPY with a unique violation, which {@link ReadingBatchWriter} answers by rolling back
 * to a savepoint and inserting the batch the idempotent way.
 */
final class EnergyCopy {
  private static final byte[] SIGNATURE =
      "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
  private static final int COLUMNS = 11;

  /** PostgreSQL's timestamps count from 2000-01-01 UTC, in microseconds. */
  private static final long PG_EPOCH_SECONDS = 946_684_800L;

  private static final byte JSONB_VERSION = 1;
  private static final int BUFFER_BYTES = 1 << 16;

  private EnergyCopy() {}

  /**
   * Copies the rows into {@code table} (the parent or one of its partitions; a fixed name, never
   * input).
   *
   * @return rows copied
   * @throws SQLException a unique violation (SQLSTATE 23505) when a row is already stored; the
   *     transaction is then aborted up to the caller's savepoint
   */
  static int copy(Connection c, String table, List<EnergyReading> rows) throws SQLException {
    String sql =
        "COPY "
            + table
            + " (time, machine_id, energy_type, power_kw, energy_kwh, energy_counter_kwh,"
            + " voltage_v, current_a, power_factor, frequency_hz, metadata)"
            + " FROM STDIN (FORMAT binary)";
    var copy = new PGCopyOutputStream(c.unwrap(BaseConnection.class), sql, BUFFER_BYTES);
    try {
      var out = new DataOutputStream(copy);
      out.write(SIGNATURE);
      out.writeInt(0); // flags
      out.writeInt(0); // header extension length
      for (EnergyReading r : rows) {
        out.writeShort(COLUMNS);
        writeTime(out, r.time());
        writeUuid(out, r.machineId());
        writeText(out, r.energyType());
        writeDouble(out, r.powerKw());
        writeDouble(out, r.energyKwh());
        writeDouble(out, r.counterKwh());
        writeDouble(out, r.voltageV());
        writeDouble(out, r.currentA());
        writeDouble(out, r.powerFactor());
        writeDouble(out, r.frequencyHz());
        writeJsonb(out, r.metadataJson());
      }
      out.writeShort(-1);
      out.flush();
      return (int) copy.endCopy();
    } catch (IOException e) {
      throw asSqlException(e);
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }

  /** pgjdbc reports a server error during COPY as an IOException around the SQLException. */
  private static SQLException asSqlException(IOException e) {
    return e.getCause() instanceof SQLException s ? s : new SQLException("COPY failed", e);
  }

  private static void writeTime(DataOutputStream out, Instant t) throws IOException {
    long micros =
        Math.addExact(
            Math.multiplyExact(t.getEpochSecond() - PG_EPOCH_SECONDS, 1_000_000L),
            t.getNano() / 1_000);
    out.writeInt(8);
    out.writeLong(micros);
  }

  private static void writeUuid(DataOutputStream out, UUID id) throws IOException {
    out.writeInt(16);
    out.writeLong(id.getMostSignificantBits());
    out.writeLong(id.getLeastSignificantBits());
  }

  private static void writeDouble(DataOutputStream out, Double v) throws IOException {
    if (v == null) {
      out.writeInt(-1);
    } else {
      out.writeInt(8);
      out.writeDouble(v);
    }
  }

  private static void writeText(DataOutputStream out, String s) throws IOException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static void writeJsonb(DataOutputStream out, String json) throws IOException {
    if (json == null) {
      out.writeInt(-1);
      return;
    }
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length + 1);
    out.writeByte(JSONB_VERSION);
    out.write(bytes);
  }
}
