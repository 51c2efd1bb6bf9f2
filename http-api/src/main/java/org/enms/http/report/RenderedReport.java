package org.enms.http.report;

import java.time.Duration;

/**
 * A report made into a PDF.
 *
 * @param fileName the original's {@code EnPI_Report_{YYYY}-{MM}_{factory_name}.pdf}
 * @param took from the first read to the last byte of the PDF
 */
public record RenderedReport(MonthlyReport figures, String fileName, byte[] pdf, Duration took) {
  static String fileName(MonthlyReport r) {
    String factory = r.factoryName().replaceAll("[^A-Za-z0-9._-]", "_");
    return String.format("EnPI_Report_%d-%02d_%s.pdf", r.year(), r.month(), factory);
  }
}
