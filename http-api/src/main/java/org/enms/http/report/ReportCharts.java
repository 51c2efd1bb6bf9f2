package org.enms.http.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The report's two charts, drawn by JFreeChart into images without a display ({@code
 * java.awt.headless}, which {@link ReportPdf} sets before anything of AWT starts).
 */
final class ReportCharts {
  static final Color BRAND = new Color(0x1F, 0x4E, 0x79);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 20);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 24);

  private ReportCharts() {}

  /** Electricity per machine, largest first, at most {@code limit} bars. */
  static BufferedImage machineBars(
      List<MonthlyReport.MachineShare> machines, int limit, int w, int h) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    machines.stream().limit(limit).forEach(m -> data.addValue(m.kwh(), "kWh", m.name()));
    JFreeChart chart =
        ChartFactory.createBarChart(
            "Electricity by machine",
            null,
            "kWh",
            data,
            PlotOrientation.VERTICAL,
            false,
            false,
            false);
    CategoryPlot plot = chart.getCategoryPlot();
    BarRenderer bars = (BarRenderer) plot.getRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setSeriesPaint(0, BRAND);
    bars.setShadowVisible(false);
    plot.getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
    plot.getDomainAxis().setTickLabelFont(LABEL);
    plot.getRangeAxis().setTickLabelFont(LABEL);
    plot.getRangeAxis().setLabelFont(LABEL);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return image(chart, w, h);
  }

  /** Electricity per day over the month. */
  static BufferedImage dailyLine(List<MonthlyReport.DayKwh> days, int w, int h) {
    TimeSeries series = new TimeSeries("kWh");
    for (MonthlyReport.DayKwh d : days) {
      LocalDate date = LocalDate.parse(d.date());
      series.addOrUpdate(
          new Day(date.getDayOfMonth(), date.getMonthValue(), date.getYear()), d.kwh());
    }
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(
            "Electricity per day",
            null,
            "kWh",
            new TimeSeriesCollection(series),
            false,
            false,
            false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, true);
    line.setSeriesPaint(0, BRAND);
    line.setSeriesStroke(0, new BasicStroke(3f));
    plot.setRenderer(line);
    DateAxis axis = (DateAxis) plot.getDomainAxis();
    axis.setDateFormatOverride(new java.text.SimpleDateFormat("MMM d", java.util.Locale.ENGLISH));
    // One label every few days: a month's 31 days would crowd the axis, a few days repeat one.
    axis.setTickUnit(new DateTickUnit(DateTickUnitType.DAY, Math.max(1, days.size() / 8)));
    axis.setTickLabelFont(LABEL);
    plot.getRangeAxis().setTickLabelFont(LABEL);
    plot.getRangeAxis().setLabelFont(LABEL);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    return image(chart, w, h);
  }

  private static BufferedImage image(JFreeChart chart, int w, int h) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(TITLE);
    chart.getPlot().setBackgroundPaint(Color.WHITE);
    return chart.createBufferedImage(w, h);
  }
}
