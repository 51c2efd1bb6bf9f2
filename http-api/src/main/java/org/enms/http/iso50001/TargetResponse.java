package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.UUID;
import org.enms.db.iso50001.TargetDao;

/**
 * A target: the original's {@code TargetResponse} fields, plus its SEU or factory.
 *
 * @param currentEnergyKwh energy of the target year so far (complete days)
 * @param currentSavingsKwh what the baseline expects for those days minus what they used
 * @param progressPercent those savings over the savings due on them (expected · reduction)
 */
public record TargetResponse(
    UUID id,
    String targetType,
    UUID seuId,
    UUID factoryId,
    int targetYear,
    String targetDescription,
    int baselineYear,
    Double baselineEnergyKwh,
    double targetReductionPercent,
    Double targetEnergyKwh,
    Double targetSavingsKwh,
    Double currentEnergyKwh,
    Double currentSavingsKwh,
    Double progressPercent,
    String status,
    LocalDate deadline) {

  static TargetResponse of(TargetDao.Row t) {
    return new TargetResponse(
        t.id(),
        t.targetType(),
        t.seuId(),
        t.factoryId(),
        t.targetYear(),
        t.targetDescription(),
        t.baselineYear(),
        Figures.kwh(t.baselineEnergyKwh()),
        t.targetReductionPercent(),
        Figures.kwh(t.targetEnergyKwh()),
        Figures.kwh(t.targetSavingsKwh()),
        Figures.kwh(t.currentEnergyKwh()),
        Figures.kwh(t.currentSavingsKwh()),
        t.progressPercent() == null ? null : Figures.percent(t.progressPercent()),
        t.status(),
        t.deadline());
  }
}
