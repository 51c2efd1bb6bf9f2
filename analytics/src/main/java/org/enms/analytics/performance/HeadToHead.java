package org.enms.analytics.performance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import smile.stat.hypothesis.TTest;

/**
 * Two models judged on the same hours: which predicts better, and how sure that is. The loss is the
 * squared error; the hourly loss differences are averaged per UTC day (hours of one day are
 * correlated, days much less) and a one-sample t-test asks whether the mean daily difference is
 * zero (a Diebold–Mariano test on daily blocks). The original declared a winner from the difference
 * of mean R² alone, with a confidence of 0.5 + 5·|ΔR²|.
 *
 * @param winner model_a, model_b or no_winner
 * @param confidence 1 − p-value; 0 when the hours span fewer than two days
 * @param pValue two-sided, null when not computed
 * @param days days compared
 * @param a model A's accuracy on the hours both could judge; null without any
 * @param b model B's, likewise
 */
public record HeadToHead(
    String winner,
    double confidence,
    Double pValue,
    int days,
    ModelAccuracy a,
    ModelAccuracy b,
    String recommendation) {

  /** Significance level below which a winner is declared. */
  static final double ALPHA = 0.05;

  /** One hour both models could judge. */
  public record Hour(Instant at, double actual, double expectedA, double expectedB) {}

  public static HeadToHead of(List<Hour> hours) {
    if (hours.isEmpty()) {
      return new HeadToHead(
          "no_winner", 0, null, 0, null, null, "No hour to compare yet; let the test run");
    }
    int n = hours.size();
    double[] actual = new double[n];
    double[] ea = new double[n];
    double[] eb = new double[n];
    Map<Instant, double[]> byDay = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Hour h = hours.get(i);
      actual[i] = h.actual();
      ea[i] = h.expectedA();
      eb[i] = h.expectedB();
      double diff =
          Math.pow(h.actual() - h.expectedA(), 2) - Math.pow(h.actual() - h.expectedB(), 2);
      double[] sum = byDay.computeIfAbsent(h.at().truncatedTo(ChronoUnit.DAYS), d -> new double[2]);
      sum[0] += diff;
      sum[1]++;
    }
    ModelAccuracy a = ModelAccuracy.of(actual, ea);
    ModelAccuracy b = ModelAccuracy.of(actual, eb);
    List<Double> daily = new ArrayList<>();
    byDay.values().forEach(s -> daily.add(s[0] / s[1]));
    if (daily.size() < 2) {
      return new HeadToHead(
          "no_winner", 0, null, daily.size(), a, b, "Fewer than two days to compare; let it run");
    }
    double[] d = daily.stream().mapToDouble(Double::doubleValue).toArray();
    double p = pValue(d);
    // A positive mean difference: A's squared errors are larger, B predicts better.
    String better = a.rmse() > b.rmse() ? "model_b" : "model_a";
    if (p < ALPHA) {
      return new HeadToHead(
          better,
          1 - p,
          p,
          d.length,
          a,
          b,
          better.equals("model_b")
              ? "Model B predicts significantly better. Recommend promotion."
              : "Model A predicts significantly better. Recommend keeping the current model.");
    }
    return new HeadToHead(
        "no_winner",
        1 - p,
        p,
        d.length,
        a,
        b,
        "No significant difference. Consider other factors or a longer test.");
  }

  private static double pValue(double[] d) {
    double first = d[0];
    boolean constant = true;
    for (double v : d) {
      constant &= v == first;
    }
    if (constant) {
      // No spread: identical every day, or the same gap every day.
      return first == 0 ? 1 : 0;
    }
    return TTest.test(d, 0).pvalue;
  }
}
