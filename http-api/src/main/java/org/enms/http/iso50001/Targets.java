package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.enpi.Cusum;
import org.enms.analytics.enpi.Enpi;
import org.enms.analytics.enpi.TargetProgress;
import org.enms.db.BlockingIo;
import org.enms.db.iso50001.SeuBaselineDao;
import org.enms.db.iso50001.TargetDao;
import org.enms.db.registry.SeuRecord;
import org.enms.http.error.ApiException;

/**
 * Energy targets: a reduction against the baseline energy of an SEU, or of a factory's SEUs with a
 * baseline, and their progress from the days of the target year so far ({@link TargetProgress}).
 */
final class Targets {
  private final SeuPeriods periods;
  private final TargetDao targets;
  private final BlockingIo io;

  Targets(SeuPeriods periods, TargetDao targets, BlockingIo io) {
    this.periods = periods;
    this.targets = targets;
    this.io = io;
  }

  /** An SEU with the baseline the target is measured against. */
  private record Measured(SeuRecord seu, SeuBaselineDao.Row baseline) {}

  CompletionStage<TargetResponse> create(TargetRequest r) {
    return io.call(
        () -> {
          List<Measured> measured =
              measured(r.targetType(), r.seuId(), r.factoryId(), r.baselineYear());
          double baselineEnergy =
              measured.stream().mapToDouble(m -> m.baseline().baselineEnergy()).sum();
          var goal = new TargetProgress(baselineEnergy, r.targetReductionPercent());
          TargetProgress.State s = state(goal, measured, r.targetYear());
          TargetDao.Row row =
              targets.insert(
                  new TargetDao.Row(
                      null,
                      r.targetType(),
                      r.seuId(),
                      r.factoryId(),
                      r.targetYear(),
                      r.targetDescription(),
                      r.baselineYear(),
                      baselineEnergy,
                      r.targetReductionPercent(),
                      goal.targetEnergyKwh(),
                      goal.targetSavingsKwh(),
                      s.currentEnergyKwh(),
                      s.currentSavingsKwh(),
                      s.progressPercent(),
                      s.status(),
                      r.deadlineDay(),
                      r.createdBy() == null ? "api_user" : r.createdBy()));
          return TargetResponse.of(row);
        });
  }

  CompletionStage<TargetResponse> refresh(UUID id) {
    return io.call(
        () -> {
          TargetDao.Row t =
              targets.byId(id).orElseThrow(() -> ApiException.notFound("Target not found"));
          List<Measured> measured =
              measured(t.targetType(), t.seuId(), t.factoryId(), t.baselineYear());
          TargetProgress.State s =
              state(
                  new TargetProgress(t.baselineEnergyKwh(), t.targetReductionPercent()),
                  measured,
                  t.targetYear());
          return TargetResponse.of(
              targets
                  .updateProgress(
                      id,
                      s.currentEnergyKwh(),
                      s.currentSavingsKwh(),
                      s.progressPercent(),
                      s.status())
                  .orElseThrow(() -> ApiException.notFound("Target not found")));
        });
  }

  CompletionStage<TargetResponse> get(UUID id) {
    return io.call(
        () ->
            TargetResponse.of(
                targets.byId(id).orElseThrow(() -> ApiException.notFound("Target not found"))));
  }

  private TargetProgress.State state(TargetProgress goal, List<Measured> measured, int year) {
    LocalDate from = LocalDate.of(year, 1, 1);
    LocalDate to = from.plusYears(1);
    Enpi soFar = Enpi.ZERO;
    for (Measured m : measured) {
      soFar =
          soFar.plus(
              Cusum.total(periods.compared(m.seu(), SeuPeriods.model(m.baseline()), from, to)));
    }
    return goal.state(soFar, periods.today(), year);
  }

  private List<Measured> measured(String type, UUID seuId, UUID factoryId, int baselineYear) {
    List<UUID> seus;
    if ("seu".equals(type)) {
      seus = List.of(periods.seu(seuId).id());
    } else {
      if (!periods.data().factoryExists(factoryId)) {
        throw ApiException.notFound("Factory not found: " + factoryId);
      }
      seus = periods.data().seusOfFactory(factoryId);
    }
    List<Measured> out = new ArrayList<>();
    for (UUID id : seus) {
      SeuRecord seu = periods.seu(id);
      Optional<SeuBaselineDao.Row> row = periods.baselines().ofYear(id, baselineYear);
      if (row.isPresent() && ("seu".equals(type) || "kWh".equals(seu.unit()))) {
        out.add(new Measured(seu, row.get()));
      } else if ("seu".equals(type)) {
        periods.baselineRow(seu, Optional.of(baselineYear));
      }
    }
    if (out.isEmpty()) {
      throw ApiException.badRequest(
          "No SEU baseline of "
              + baselineYear
              + " to measure the target against; train one with"
              + " POST /api/v1/baseline/seu/train");
    }
    return out;
  }
}
