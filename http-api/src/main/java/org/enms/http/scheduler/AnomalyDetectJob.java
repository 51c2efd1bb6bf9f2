package org.enms.http.scheduler;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.core.reading.EnergyType;
import org.enms.db.BaselineDao;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.db.BlockingIo;
import org.enms.http.anomaly.AnomalyService;
import org.enms.http.anomaly.DetectionResult;

/**
 * {@code anomaly_detect}: the complete hours of the window before the run are judged, for every
 * active machine with an active electricity baseline, by the same service as {@code POST
 * /anomaly/detect} (findings are stored once, however often a period is judged). A machine that
 * reported nothing in the window (it did not run) is checked and finds nothing. As in the original,
 * machines without a baseline are left out: an isolation forest over one hour has nothing to
 * compare with.
 */
final class AnomalyDetectJob implements ScheduledJob {
  static final String ID = "anomaly_detect";

  /** The original's default share of anomalies; unused against a baseline. */
  private static final double CONTAMINATION = 0.1;

  private final AnomalyService anomalies;
  private final BaselineDao models;
  private final BlockingIo io;
  private final Duration window;

  AnomalyDetectJob(AnomalyService anomalies, BaselineDao models, BlockingIo io, Duration window) {
    this.anomalies = anomalies;
    this.models = models;
    this.io = io;
    this.window = window;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String name() {
    return "Hourly Anomaly Detection";
  }

  /** Detection so far. */
  private record Tally(int withData, int found, int saved, int failed) {
    Tally add(DetectionResult r, Throwable error) {
      if (error != null) {
        return new Tally(withData, found, saved, failed + 1);
      }
      return new Tally(
          withData + (r.totalDataPoints() > 0 ? 1 : 0),
          found + r.anomaliesDetected(),
          saved + r.anomaliesSaved(),
          failed);
    }
  }

  @Override
  public CompletionStage<String> run(Instant dueAt) {
    Instant end = dueAt.truncatedTo(ChronoUnit.HOURS);
    Instant start = end.minus(window);
    return io.call(
            () ->
                models.allActive().stream()
                    .filter(m -> EnergyType.ELECTRICITY.equals(m.energySource()))
                    .map(BaselineRow::machineId)
                    .distinct()
                    .toList())
        .thenCompose(
            machines -> {
              CompletionStage<Tally> tally =
                  CompletableFuture.completedFuture(new Tally(0, 0, 0, 0));
              for (UUID machine : machines) {
                tally =
                    tally.thenCompose(
                        t ->
                            anomalies
                                .detect(machine, start, end, CONTAMINATION, true)
                                .handle(t::add));
              }
              return tally.thenApply(t -> summary(machines, start, end, t));
            });
  }

  private static String summary(List<UUID> machines, Instant start, Instant end, Tally t) {
    return "checked "
        + machines.size()
        + " machines with an active baseline over "
        + start
        + " to "
        + end
        + ": "
        + t.withData()
        + " with data, "
        + t.found()
        + " anomalies ("
        + t.saved()
        + " new)"
        + (t.failed() == 0 ? "" : ", " + t.failed() + " failed");
  }
}
