package org.enms.http.iso50001;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.enms.db.iso50001.SeuBaselineDao;
import org.enms.http.support.JsonSupport;

/**
 * A trained SEU baseline: the original's {@code /baseline/seu/train} fields (R² to 4 places, RMSE
 * and MAE to 2) plus its version, G14 CV(RMSE) and NMBE, the verdict, the variables dropped and the
 * baseline period's energy.
 */
public record SeuBaselineResponse(
    boolean success,
    UUID seuId,
    String seuName,
    int baselineYear,
    String trainingPeriod,
    int samplesCount,
    double rSquared,
    double rmse,
    double mae,
    Map<String, Double> coefficients,
    double intercept,
    String formula,
    Instant trainedAt,
    UUID baselineId,
    int version,
    Double cvRmse,
    Double nmbe,
    SeuBaselineDao.Validity validity,
    List<String> droppedFeatures,
    double baselineEnergyKwh,
    String energyUnit) {

  static SeuBaselineResponse of(
      String seuName, String unit, SeuBaselineDao.Row r, String formula, List<String> dropped) {
    return new SeuBaselineResponse(
        true,
        r.seuId(),
        seuName,
        r.baselineYear(),
        r.startDate() + " to " + r.endDate(),
        r.samples(),
        JsonSupport.round(r.rSquared(), 4),
        JsonSupport.round(r.rmse(), 2),
        JsonSupport.round(r.mae(), 2),
        r.coefficients(),
        r.intercept(),
        formula,
        r.trainedAt(),
        r.id(),
        r.version(),
        r.cvRmse() == null ? null : JsonSupport.round(r.cvRmse(), 2),
        r.nmbe() == null ? null : JsonSupport.round(r.nmbe(), 2),
        r.validity(),
        dropped,
        JsonSupport.round(r.baselineEnergy(), 2),
        unit);
  }
}
