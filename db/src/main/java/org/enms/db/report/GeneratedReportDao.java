package org.enms.db.report;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * The table {@code generated_reports}: PDFs made for a later download, with an expiry. Every insert
 * first removes expired rows and the oldest beyond a cap, in the same transaction.
 */
public final class GeneratedReportDao {
  private final Jdbi jdbi;

  public GeneratedReportDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /**
   * A stored report.
   *
   * @param factoryId null for a report of every factory
   */
  public record StoredReport(
      UUID id,
      String reportType,
      UUID factoryId,
      int year,
      int month,
      String fileName,
      byte[] pdf,
      Instant createdAt,
      Instant expiresAt) {}

  /** Stores {@code report}, keeping at most {@code maxStored} reports (this one included). */
  public void insert(StoredReport report, int maxStored) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate("DELETE FROM generated_reports WHERE expires_at <= :now")
              .bind("now", utc(report.createdAt()))
              .execute();
          h.createUpdate(
                  """
                  DELETE FROM generated_reports WHERE id IN (
                    SELECT id FROM generated_reports ORDER BY created_at DESC, id OFFSET :keep)
                  """)
              .bind("keep", Math.max(0, maxStored - 1))
              .execute();
          h.createUpdate(
                  """
                  INSERT INTO generated_reports
                    (id, report_type, factory_id, year, month, file_name, pdf, created_at,
                     expires_at)
                  VALUES (:id, :type, :factory, :year, :month, :fileName, :pdf, :createdAt,
                          :expiresAt)
                  """)
              .bind("id", report.id())
              .bind("type", report.reportType())
              .bind("factory", report.factoryId())
              .bind("year", report.year())
              .bind("month", report.month())
              .bind("fileName", report.fileName())
              .bind("pdf", report.pdf())
              .bind("createdAt", utc(report.createdAt()))
              .bind("expiresAt", utc(report.expiresAt()))
              .execute();
        });
  }

  /** The report, unless unknown or expired at {@code now}. */
  public Optional<StoredReport> find(UUID id, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, report_type, factory_id, year, month, file_name, pdf, created_at,
                           expires_at
                    FROM generated_reports WHERE id = :id AND expires_at > :now
                    """)
                .bind("id", id)
                .bind("now", utc(now))
                .map(
                    (rs, ctx) ->
                        new StoredReport(
                            rs.getObject("id", UUID.class),
                            rs.getString("report_type"),
                            rs.getObject("factory_id", UUID.class),
                            rs.getInt("year"),
                            rs.getInt("month"),
                            rs.getString("file_name"),
                            rs.getBytes("pdf"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .findOne());
  }

  /** How many reports are stored (expired ones included until the next insert). */
  public long count() {
    return jdbi.withHandle(
        h -> h.createQuery("SELECT count(*) FROM generated_reports").mapTo(Long.class).one());
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
