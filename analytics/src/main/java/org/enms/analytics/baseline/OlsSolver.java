package org.enms.analytics.baseline;

import java.util.List;
import smile.data.DataFrame;
import smile.data.formula.Formula;
import smile.regression.LinearModel;
import smile.regression.OLS;

/**
 * Ordinary least squares with an intercept, by QR decomposition (Smile's {@code OLS}), which also
 * gives each coefficient's t-test and the model's F-test. The only class that touches Smile, so the
 * library can be replaced here alone.
 */
public final class OlsSolver {
  private static final String TARGET = "__energy_kwh";

  private OlsSolver() {}

  /** Result of a fit; {@code pValues} follow {@code names}' order and may be null. */
  public record Fit(
      double intercept, double[] coefficients, double[] pValues, Double modelPValue) {}

  /**
   * @param x one row per sample, one column per driver (no intercept column)
   * @param y target per sample
   * @param names driver names, one per column
   * @throws BaselineException when the drivers are collinear
   */
  public static Fit fit(double[][] x, double[] y, List<String> names) {
    int n = y.length;
    int k = names.size();
    double[][] data = new double[n][k + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(x[i], 0, data[i], 0, k);
      data[i][k] = y[i];
    }
    String[] columns = names.toArray(new String[k + 1]);
    columns[k] = TARGET;
    LinearModel model;
    try {
      model = OLS.fit(Formula.lhs(TARGET), DataFrame.of(data, columns));
    } catch (RuntimeException e) {
      throw new BaselineException(
          BaselineException.Kind.COLLINEAR_DRIVERS,
          "drivers " + names + " cannot be separated in this period: " + e.getMessage());
    }
    double[] coefficients = model.coefficients();
    double[][] ttest = model.ttest();
    double[] pValues = null;
    if (ttest != null && ttest.length == k + 1) {
      // Row 0 is the intercept; column 3 is Pr(>|t|).
      pValues = new double[k];
      for (int j = 0; j < k; j++) {
        pValues[j] = ttest[j + 1][3];
      }
    }
    double modelP = model.pvalue();
    return new Fit(
        model.intercept(),
        coefficients.length == k
            ? coefficients
            : java.util.Arrays.copyOfRange(coefficients, 1, k + 1),
        pValues,
        Double.isFinite(modelP) ? modelP : null);
  }
}
