package org.enms.http.iso50001;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.http.baseline.SeuYearTraining;
import org.enms.http.error.ApiException;

/** {@link SeuYearTraining} over the SEU baselines: the SEU by name, trained on its whole year. */
final class SeuYearBaselines implements SeuYearTraining {
  private final SeuPeriods periods;
  private final SeuBaselines baselines;
  private final BlockingIo io;

  SeuYearBaselines(SeuPeriods periods, SeuBaselines baselines, BlockingIo io) {
    this.periods = periods;
    this.baselines = baselines;
    this.io = io;
  }

  @Override
  public CompletionStage<Optional<SeuYearBaseline>> train(
      String seuName, String energySource, int year, String trainedBy) {
    return io.call(
        () -> periods.seuByName(seuName, energySource).map(id -> trained(id, year, trainedBy)));
  }

  private SeuYearBaseline trained(UUID seu, int year, String trainedBy) {
    var request = new SeuBaselineRequest(seu, year, year + "-01-01", year + "-12-31", List.of());
    try {
      SeuBaselineResponse r = baselines.trained(request, trainedBy);
      return new SeuYearBaseline(true, r.version(), r.rSquared(), r.validity().valid(), null);
    } catch (ApiException refused) {
      return new SeuYearBaseline(false, null, null, null, refused.getMessage());
    }
  }
}
