package org.enms.http.baseline;

import java.time.Instant;
import java.util.Locale;

/**
 * {@code POST /baseline/train-seu}, the voice client's training by SEU name. As the original, it
 * answers 200 either way and says in {@code success} whether a model was trained; the client speaks
 * {@code message} as it is.
 */
public sealed interface SeuTrainingResponse {

  /** A model was trained and made active. {@code error} and {@code error_details} are null. */
  record Trained(
      boolean success,
      String message,
      String seuName,
      String energySource,
      int modelVersion,
      double rSquared,
      double rmse,
      Double cvRmse,
      Double nmbe,
      String formulaReadable,
      String formulaTechnical,
      int samplesCount,
      Instant trainedAt,
      BaselineView.Validity validity,
      String error,
      BaselineErrors.CodedError errorDetails,
      SeuYearTraining.SeuYearBaseline seuBaseline)
      implements SeuTrainingResponse {}

  /**
   * Nothing was trained: {@code error} is the original's code. The success answer's fields are sent
   * as null, as the original does.
   */
  record Failed(
      boolean success,
      String message,
      String seuName,
      String energySource,
      Double rSquared,
      Double rmse,
      String formulaReadable,
      String formulaTechnical,
      Integer samplesCount,
      Instant trainedAt,
      String error,
      BaselineErrors.CodedError errorDetails)
      implements SeuTrainingResponse {}

  static Trained trained(
      SeuTarget seu, BaselineView m, int year, SeuYearTraining.SeuYearBaseline seuBaseline) {
    String message =
        String.format(
            Locale.ROOT,
            "Baseline for %s trained on %d hours of %d: R² %.2f, CV(RMSE) %.1f%%%s.",
            seu.seuName(),
            m.trainingSamples(),
            year,
            m.rSquared(),
            m.cvRmse() == null ? Double.NaN : m.cvRmse(),
            m.validity().valid() ? "" : " (not valid as a baseline)");
    FitMetrics fit = FitMetrics.of(m);
    return new Trained(
        true,
        message,
        seu.seuName(),
        seu.energySource(),
        m.modelVersion(),
        fit.rSquared(),
        fit.rmse(),
        fit.cvRmse(),
        fit.nmbe(),
        BaselineExplanation.formula(m, true),
        BaselineExplanation.formula(m, false),
        m.trainingSamples(),
        m.createdAt(),
        m.validity(),
        null,
        null,
        seuBaseline);
  }

  static Failed failed(String seuName, String energySource, String code, String why) {
    return new Failed(
        false,
        why,
        seuName,
        energySource,
        null,
        null,
        null,
        null,
        null,
        null,
        code,
        new BaselineErrors.CodedError(code, why));
  }
}
