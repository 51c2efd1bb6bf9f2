package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.enms.http.error.ApiException;

/**
 * A reporting period of whole UTC days, as the original names them.
 *
 * @param label the original's key: {@code 2026-Q1}, {@code 2026-annual}, {@code 2026-03} or {@code
 *     2026}
 * @param end first day after the period
 */
record ReportPeriod(String label, LocalDate start, LocalDate end) {
  private static final Pattern YEAR_QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern YEAR = Pattern.compile("\\d{4}");

  static ReportPeriod quarter(int year, int quarter) {
    LocalDate start = LocalDate.of(year, 3 * (quarter - 1) + 1, 1);
    return new ReportPeriod(year + "-Q" + quarter, start, start.plusMonths(3));
  }

  static ReportPeriod month(int year, int month) {
    LocalDate start = LocalDate.of(year, month, 1);
    return new ReportPeriod(
        String.format(Locale.ROOT, "%d-%02d", year, month), start, start.plusMonths(1));
  }

  static ReportPeriod year(int year, String label) {
    return new ReportPeriod(label, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
  }

  /** The enpi-report's {@code period}: {@code YYYY-QN} or {@code YYYY}; else a 400. */
  static ReportPeriod ofReport(String period) {
    String p = period.trim();
    Matcher q = YEAR_QUARTER.matcher(p);
    if (q.matches()) {
      return quarter(Integer.parseInt(q.group(1)), Integer.parseInt(q.group(2)));
    }
    if (YEAR.matcher(p).matches()) {
      return year(Integer.parseInt(p), p);
    }
    throw ApiException.badRequest(
        "Invalid period '" + period + "'; use YYYY-QN (e.g. 2026-Q1) or YYYY");
  }

  /**
   * The seu-performance report's {@code period} of {@code year}: {@code Q1}..{@code Q4}, {@code
   * annual}, a month number {@code 1}..{@code 12} or {@code YYYY-MM}; else a 400.
   */
  static ReportPeriod ofSeuReport(int year, String period) {
    String p = period.trim();
    String upper = p.toUpperCase(Locale.ROOT);
    if (upper.matches("Q[1-4]")) {
      return quarter(year, upper.charAt(1) - '0');
    }
    if (upper.equals("ANNUAL")) {
      return year(year, year + "-annual");
    }
    if (p.matches("\\d{1,2}")) {
      int m = Integer.parseInt(p);
      if (m >= 1 && m <= 12) {
        return month(year, m);
      }
    }
    Matcher ym = YEAR_MONTH.matcher(p);
    if (ym.matches()) {
      int m = Integer.parseInt(ym.group(2));
      if (m >= 1 && m <= 12) {
        return month(Integer.parseInt(ym.group(1)), m);
      }
    }
    throw ApiException.badRequest(
        "Invalid period '" + period + "'; use Q1-Q4, annual, 1-12 or YYYY-MM");
  }

  boolean isQuarter() {
    return label.contains("-Q");
  }
}
