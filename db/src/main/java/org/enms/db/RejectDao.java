package org.enms.db;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code ingest_rejects} table: messages the ingest could not store, newest kept. The table is
 * bounded to {@code enms.db.rejects-max-rows} plus at most {@link #TRIM_EVERY} rows of slack, so a
 * flood of bad messages cannot fill the disk.
 *
 * <p>The payload is stored byte-exact (its first {@link IngestReject#MAX_PAYLOAD_BYTES}) in a
 * {@code bytea} column, whatever it holds. Topic and reason are text: they are made safe for it
 * ({@link PgText}) and cut to {@link #MAX_TEXT_CHARS}, so the database has nothing in a reject to
 * refuse.
 */
public final class RejectDao {
  /** Topic and reason are kept to this many chars; MQTT allows topics of 65,535 bytes. */
  public static final int MAX_TEXT_CHARS = 4_096;

  /**
   * The bound is enforced every this many inserted rejects, not per batch: trimming walks ~max
   * index entries, and reject floods are exactly when commits must stay cheap.
   */
  static final int TRIM_EVERY = 1_000;

  private final Jdbi jdbi;
  private final int maxRows;
  private final int trimEvery;
  private final AtomicInteger insertedSinceTrim;

  public RejectDao(Database database) {
    this(database.jdbi(), database.settings().rejectsMaxRows(), TRIM_EVERY);
  }

  RejectDao(Jdbi jdbi, int maxRows, int trimEvery) {
    this.jdbi = jdbi;
    this.maxRows = maxRows;
    this.trimEvery = trimEvery;
    // The first insert after start trims, whatever an earlier run left.
    this.insertedSinceTrim = new AtomicInteger(trimEvery);
  }

  /** Stores the rejects and, every {@link #TRIM_EVERY} rows, trims the table to its bound. */
  public void insert(List<IngestReject> rejects) {
    if (rejects.isEmpty()) {
      return;
    }
    jdbi.useTransaction(h -> insert(h, rejects));
  }

  /** {@link #insert(List)} within the caller's transaction, e.g. the batch's readings'. */
  public void insert(Handle h, List<IngestReject> rejects) {
    if (rejects.isEmpty()) {
      return;
    }
    var batch =
        h.prepareBatch(
            """
                  INSERT INTO ingest_rejects
                    (received_at, topic, reason, payload_bytes, payload_length)
                  VALUES (:receivedAt, :topic, :reason, :payload, :payloadLength)
                  """);
    for (IngestReject r : rejects) {
      batch
          .bind("receivedAt", Rows.utc(r.receivedAt()))
          .bind("topic", PgText.safe(String.valueOf(r.topic()), MAX_TEXT_CHARS))
          .bind("reason", PgText.safe(String.valueOf(r.reason()), MAX_TEXT_CHARS))
          .bind("payload", r.payload())
          .bind("payloadLength", r.payloadLength())
          .add();
    }
    batch.execute();
    if (insertedSinceTrim.addAndGet(rejects.size()) < trimEvery) {
      return;
    }
    insertedSinceTrim.set(0);
    h.createUpdate(
            """
                  DELETE FROM ingest_rejects
                  WHERE id <= (SELECT id FROM ingest_rejects ORDER BY id DESC
                               OFFSET :max LIMIT 1)
                  """)
        .bind("max", maxRows)
        .execute();
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM ingest_rejects").mapTo(Long.class).one());
  }

  /**
   * The newest rejects, newest first. Rows written before migration V7 have their text payload as
   * UTF-8 bytes.
   */
  public List<RejectRow> latest(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, received_at, topic, reason,
                           coalesce(payload_bytes, convert_to(payload, 'UTF8')) AS payload,
                           coalesce(payload_length, octet_length(payload)) AS payload_length
                    FROM ingest_rejects
                    ORDER BY id DESC
                    LIMIT :limit
                    """)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new RejectRow(
                            rs.getLong("id"),
                            Rows.instant(rs, "received_at"),
                            rs.getString("topic"),
                            rs.getString("reason"),
                            rs.getBytes("payload"),
                            rs.getInt("payload_length")))
                .list());
  }
}
