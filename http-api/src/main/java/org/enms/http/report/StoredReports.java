package org.enms.http.report;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.report.GeneratedReportDao;
import org.enms.db.report.GeneratedReportDao.StoredReport;
import org.enms.http.error.ApiException;

/**
 * PDFs kept for {@code GET /reports/v2/download/{id}} in the database, so any node of a cluster
 * serves them; they expire after {@code keepFor} and at most {@code maxStored} are kept.
 */
public final class StoredReports {
  private final GeneratedReportDao dao;
  private final BlockingIo io;
  private final Clock clock;
  private final ReportSettings settings;

  public StoredReports(Database database, BlockingIo io, Clock clock, ReportSettings settings) {
    this.dao = new GeneratedReportDao(database);
    this.io = io;
    this.clock = clock;
    this.settings = settings;
  }

  /** Keeps {@code report}; its id. */
  CompletionStage<UUID> keep(String reportType, ReportScope scope, RenderedReport report) {
    return io.call(
        () -> {
          UUID id = UUID.randomUUID();
          Instant now = clock.instant();
          dao.insert(
              new StoredReport(
                  id,
                  reportType,
                  scope.factory(),
                  scope.month().getYear(),
                  scope.month().getMonthValue(),
                  report.fileName(),
                  report.pdf(),
                  now,
                  now.plus(settings.keepFor())),
              settings.maxStored());
          return id;
        });
  }

  /** The stored report; 404 when unknown or expired. */
  CompletionStage<StoredReport> find(UUID id) {
    return io.call(
        () ->
            dao.find(id, clock.instant())
                .orElseThrow(() -> ApiException.notFound("Report not found or expired: " + id)));
  }
}
