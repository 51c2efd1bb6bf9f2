package org.enms.http.anomaly;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.AnomalyDao;
import org.enms.db.BlockingIo;
import org.enms.db.Database;

/** The API's recent-anomaly summary over the anomalies table. */
public final class DbAnomalyQueries implements AnomalyQueries {
  private final AnomalyDao anomalies;
  private final BlockingIo io;

  public DbAnomalyQueries(Database database, BlockingIo io) {
    this.anomalies = new AnomalyDao(database);
    this.io = io;
  }

  @Override
  public CompletionStage<AnomalySummary> since(UUID machineId, Instant since) {
    return io.call(
        () -> {
          var counts = anomalies.countsSince(machineId, since);
          var latest =
              anomalies
                  .latestSince(machineId, since)
                  .map(
                      a ->
                          new AnomalySummary.Latest(
                              a.id(), a.detectedAt(), a.type(), a.severity(), describe(a)))
                  .orElse(null);
          return new AnomalySummary(
              counts.total(), counts.critical(), counts.warning(), counts.normal(), latest);
        });
  }

  private static String describe(AnomalyDao.AnomalyRow a) {
    String metric = a.metricName() == null ? "reading" : a.metricName();
    return a.deviationPercent() == null
        ? a.type() + " on " + metric
        : String.format("%s on %s (%+.1f%% from expected)", a.type(), metric, a.deviationPercent());
  }
}
