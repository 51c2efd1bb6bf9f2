package org.enms.http.report;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.ContentTypes;
import org.apache.pekko.http.javadsl.model.HttpEntities;
import org.apache.pekko.http.javadsl.model.HttpResponse;
import org.apache.pekko.http.javadsl.model.headers.RawHeader;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/v1/reports/*}: the original's {@code types}, {@code preview} and {@code generate}
 * (query parameters {@code report_type}, {@code year}, {@code month}, {@code factory_id}; the
 * factory id is a UUID, where the original typed it as an integer), and the voice client's {@code
 * v2/generate} and {@code v2/download/{report_id}}. Bad values answer 422 in FastAPI's shape, an
 * unknown report type or section 400, an unknown factory or report 404.
 */
public final class ReportRoutes extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(ReportRoutes.class);
  private static final String DOWNLOAD = "/api/v1/reports/v2/download/";

  private final MonthlyReports reports;
  private final StoredReports stored;
  private final Clock clock;

  public ReportRoutes(MonthlyReports reports, StoredReports stored, Clock clock) {
    this.reports = reports;
    this.stored = stored;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix(
        "reports",
        () ->
            concat(
                path("types", () -> get(this::types)),
                path("preview", () -> get(() -> query(this::preview))),
                path("generate", () -> post(() -> query(this::generate))),
                path(
                    PathMatchers.segment("v2").slash("generate"),
                    () ->
                        post(() -> RequestBodies.body(V2GenerateRequest.class, this::generateV2))),
                path(
                    PathMatchers.segment("v2").slash("download").slash(PathMatchers.segment()),
                    id -> get(() -> download(id)))));
  }

  private Route types() {
    return completeOK(
        new ReportResponses.Types(
            true,
            List.of(
                new ReportResponses.ReportType(
                    "monthly_enpi",
                    "Monthly Energy Performance Report",
                    "Comprehensive monthly report with EnPIs, machine consumption, and anomalies",
                    "PDF",
                    MonthlyReports.parameters(),
                    ReportSection.all().stream().map(ReportSection::key).toList())),
            clock.instant()),
        JsonSupport.json());
  }

  /** A v1 request's query: values checked first (422), then the report type (400). */
  private Route query(Function<ReportScope, Route> inner) {
    return parameter(
        "report_type",
        type ->
            parameter(
                "year",
                year ->
                    parameter(
                        "month",
                        month ->
                            parameterOptional(
                                "factory_id",
                                factory -> {
                                  ReportScope scope = scope(year, month, factory);
                                  ReportScope.requireKnownType(type);
                                  return inner.apply(scope);
                                }))));
  }

  private static ReportScope scope(String yearText, String monthText, Optional<String> factory) {
    int year = integer("year", yearText);
    int month = integer("month", monthText);
    if (year < ReportScope.FIRST_YEAR || year > ReportScope.LAST_YEAR) {
      throw ApiException.invalidParameter(
          "query",
          "year",
          "ensure this value is between "
              + ReportScope.FIRST_YEAR
              + " and "
              + ReportScope.LAST_YEAR);
    }
    if (month < 1 || month > 12) {
      throw ApiException.invalidParameter(
          "query", "month", "ensure this value is between 1 and 12");
    }
    UUID id =
        factory
            .filter(f -> !f.isBlank())
            .map(f -> QueryParams.uuid("query", "factory_id", f.trim()))
            .orElse(null);
    return new ReportScope(YearMonth.of(year, month), id);
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("query", name, "value is not a valid integer");
    }
  }

  private Route preview(ReportScope scope) {
    return onSuccess(
        reports.figures(scope),
        r -> completeOK(new ReportResponses.Preview(true, r, clock.instant()), JsonSupport.json()));
  }

  private Route generate(ReportScope scope) {
    return onSuccess(
        reports.pdf(scope, ReportSection.all()),
        r -> {
          log.info(
              "Report {} made in {} ms ({} bytes)",
              r.fileName(),
              r.took().toMillis(),
              r.pdf().length);
          return complete(pdf(r.fileName(), r.pdf()));
        });
  }

  private Route generateV2(V2GenerateRequest body) {
    ReportScope.requireKnownType(body.type());
    var sections = ReportSection.parse(body.includeSections());
    ReportScope scope = new ReportScope(YearMonth.of(body.year(), body.month()), body.factoryId());
    return onSuccess(
        reports
            .pdf(scope, sections)
            .thenCompose(
                r ->
                    stored
                        .keep(body.type(), scope, r)
                        .thenApply(
                            id -> {
                              log.info(
                                  "Report {} ({}) made in {} ms",
                                  id,
                                  r.fileName(),
                                  r.took().toMillis());
                              return new ReportResponses.Generated(
                                  true,
                                  "Report generated for "
                                      + r.figures().period()
                                      + ", "
                                      + r.figures().factoryName(),
                                  id.toString(),
                                  DOWNLOAD + id,
                                  Math.round(r.pdf().length / 1024.0 * 10) / 10.0);
                            })),
        generated -> completeOK(generated, JsonSupport.json()));
  }

  private Route download(String idText) {
    UUID id = QueryParams.uuid("path", "report_id", idText);
    return onSuccess(stored.find(id), r -> complete(pdf(r.fileName(), r.pdf())));
  }

  /** The original's response: the PDF as an attachment named after the month and factory. */
  private static HttpResponse pdf(String fileName, byte[] bytes) {
    return HttpResponse.create()
        .withEntity(
            HttpEntities.create(
                ContentTypes.create(org.apache.pekko.http.javadsl.model.MediaTypes.APPLICATION_PDF),
                bytes))
        .addHeader(
            RawHeader.create("Content-Disposition", "attachment; filename=\"" + fileName + "\""));
  }
}
