package org.enms.http.report;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.enms.http.error.ApiException;

/**
 * What one report covers: a UTC calendar month of one factory, or of every factory ({@code factory}
 * null).
 */
public record ReportScope(YearMonth month, UUID factory) {
  /** Years a report may ask for (the ISO 50001 requests' range). */
  static final int FIRST_YEAR = 2000;

  static final int LAST_YEAR = 2100;

  /** The original's only report type, and the voice client's name for it. */
  static boolean knownType(String type) {
    return "monthly_enpi".equals(type) || "monthly".equals(type);
  }

  static void requireKnownType(String type) {
    if (!knownType(type)) {
      throw ApiException.badRequest("Unsupported report type: " + type);
    }
  }

  public Instant start() {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  public Instant end() {
    return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  ReportScope previous() {
    return new ReportScope(month.minusMonths(1), factory);
  }
}
