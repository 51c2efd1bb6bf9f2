package org.enms.db;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code ingest_rejects} table: messages the ingest could not store, newest kept. The table is
 * bounded to {@code enms.db.rejects-max-rows} plus at most {@link #TRIM_EVERY} rows of slack, so a
 * flood of bad messages cannot fill the disk.
 */
public final class RejectDao {
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
    jdbi.useTransaction(
        h -> {
          var batch =
              h.prepareBatch(
                  """
                  INSERT INTO ingest_rejects (received_at, topic, reason, payload)
                  VALUES (:receivedAt, :topic, :reason, :payload)
                  """);
          for (IngestReject r : rejects) {
            batch
                .bind("receivedAt", Rows.utc(r.receivedAt()))
                .bind("topic", r.topic())
                .bind("reason", r.reason())
                .bind("payload", r.payload())
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
        });
  }

  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM ingest_rejects").mapTo(Long.class).one());
  }

  /** The newest rejects, newest first. */
  public List<RejectRow> latest(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, received_at, topic, reason, payload
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
                            rs.getString("payload")))
                .list());
  }
}
