package org.enms.http.iso50001;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.baseline.BaselineException;
import org.enms.analytics.enpi.SeuBaseline;
import org.enms.analytics.enpi.SeuBaselineTrainer;
import org.enms.db.BlockingIo;
import org.enms.db.iso50001.SeuBaselineDao;
import org.enms.db.registry.SeuRecord;
import org.enms.http.error.ApiException;

/**
 * Trains SEU baselines: the SEU's days from the roll-ups, the analytics trainer, a new active
 * version in {@code seu_baselines} (and the SEU's {@code has_baseline}). Refusals (unknown
 * variables, too few days) are 400s with the trainer's reason, as in the original.
 */
final class SeuBaselines {
  private final SeuPeriods periods;
  private final BlockingIo io;
  private final SeuBaselineTrainer trainer = new SeuBaselineTrainer();
  private final Runnable activated;

  /** {@code activated}: told once a new baseline is active (cached answers built on the old). */
  SeuBaselines(SeuPeriods periods, BlockingIo io, Runnable activated) {
    this.periods = periods;
    this.io = io;
    this.activated = activated;
  }

  CompletionStage<SeuBaselineResponse> train(SeuBaselineRequest request, String trainedBy) {
    return io.call(() -> trained(request, trainedBy));
  }

  /** Blocking: for callers already on the blocking dispatcher. */
  SeuBaselineResponse trained(SeuBaselineRequest request, String trainedBy) {
    SeuRecord seu = periods.seu(request.seuId());
    SeuBaselineTrainer.Result result;
    try {
      result =
          trainer.train(
              periods.days(seu, request.start(), completeDaysUntil(request.end().plusDays(1))),
              request.features(),
              request.start(),
              request.end());
    } catch (BaselineException e) {
      throw ApiException.badRequest(e.getMessage());
    }
    SeuBaseline b = result.baseline();
    var q = b.quality();
    SeuBaselineDao.Row row =
        periods
            .baselines()
            .insertActive(
                new SeuBaselineDao.NewSeuBaseline(
                    seu.id(),
                    request.year(),
                    request.start(),
                    request.end(),
                    b.coefficients(),
                    b.intercept(),
                    b.featureMeans(),
                    b.samples(),
                    b.baselineEnergy(),
                    q.rSquared(),
                    q.adjustedRSquared(),
                    q.rmse(),
                    q.mae(),
                    finite(q.cvRmsePercent()),
                    finite(q.nmbePercent()),
                    q.residualStd(),
                    new SeuBaselineDao.Validity(
                        b.validity().valid(), b.validity().reasons(), b.validity().warnings()),
                    trainedBy));
    activated.run();
    return SeuBaselineResponse.of(
        seu.name(), seu.unit(), row, b.formula(seu.unit()), List.copyOf(result.droppedFeatures()));
  }

  /** Training ends before today: a day in progress would pull the baseline down. */
  private LocalDate completeDaysUntil(LocalDate end) {
    LocalDate today = periods.today();
    return end.isAfter(today) ? today : end;
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
