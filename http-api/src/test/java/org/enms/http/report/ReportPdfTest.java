package org.enms.http.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.EnumSet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF of the hand-computed month, opened again with PDFBox and read back as text. */
class ReportPdfTest {
  private static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }

  @Test
  void theWholeReportCarriesTheMonthsFiguresInEverySection() throws IOException {
    MonthlyReport r = MonthlyFigures.of(MonthlyFiguresTest.march(), EnpiTargets.ORIGINAL);

    byte[] pdf = ReportPdf.render(r, ReportSection.all(), Instant.parse("2026-04-01T06:00:00Z"));
    String text = text(pdf);

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF-");
    assertThat(text)
        .contains(ReportPdf.TITLE, "March 2026 - Demo Manufacturing Plant")
        .contains("Total Energy Consumption: 1,000.0 kWh (electricity)")
        .contains("vs Previous Month: +25.0% (800.0 kWh)")
        .contains("Natural gas: 1,000.0 kWh equivalent (not added to electricity)")
        .contains("Energy Cost: 50.00 EUR, 310.00 USD")
        .contains("SEC (kWh/unit) 1.25 1.50 Good")
        .contains("Load Factor (%) 50.00 75.00 ! Below Target")
        .contains("Peak Demand (kW) 80.00 500.00 Good")
        .contains("Compressor-A 600.0 60.0% +20.0%")
        .contains("Avg: 333.3 kWh | Max: 400.0 kWh (2026-03-01) | Min: 250.0 kWh (2026-03-02)")
        .contains("Total: 6 anomalies")
        .contains("8. RECOMMENDATIONS");
  }

  @Test
  void onlyTheSectionsAskedForAreWrittenAndNumberedInOrder() throws IOException {
    MonthlyReport r = MonthlyFigures.of(MonthlyFiguresTest.march(), EnpiTargets.ORIGINAL);

    String text =
        text(
            ReportPdf.render(
                r, EnumSet.of(ReportSection.ENPIS, ReportSection.RECOMMENDATIONS), Instant.now()));

    assertThat(text).contains("1. ENERGY PERFORMANCE INDICATORS", "2. RECOMMENDATIONS");
    assertThat(text).doesNotContain("EXECUTIVE SUMMARY", "DAILY CONSUMPTION TREND");
  }

  @Test
  void aNameHelveticaCannotWriteIsWrittenWithQuestionMarks() throws IOException {
    MonthlyReport r = MonthlyFigures.of(MonthlyFiguresTest.march(), EnpiTargets.ORIGINAL);
    MonthlyReport renamed =
        new MonthlyReport(
            r.year(),
            r.month(),
            r.period(),
            r.factoryId(),
            "Fabrik Ω 東京",
            r.summary(),
            r.enpis(),
            r.machines(),
            r.otherCarriers(),
            r.dailyData(),
            r.dailyStats(),
            r.anomalies(),
            r.costs(),
            r.carbon(),
            r.recommendations());

    assertThat(text(ReportPdf.render(renamed, ReportSection.all(), Instant.now())))
        .contains("March 2026 - Fabrik ? ??");
  }
}
