package org.enms.db;

import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The {@code ingest_rejects} table: messages the ingest could not store, newest kept. The table is
 * bounded to {@code enms.db.rejects-max-rows}: each insert deletes what falls beyond the bound, so
 * a flood of bad messages cannot fill the disk.
 */
public final class RejectDao {
  private final Jdbi jdbi;
  private final int maxRows;

  public RejectDao(Database database) {
    this(database.jdbi(), database.settings().rejectsMaxRows());
  }

  RejectDao(Jdbi jdbi, int maxRows) {
    this.jdbi = jdbi;
    this.maxRows = maxRows;
  }

  /** Stores the rejects and trims the table to its bound, in one transaction. */
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
