package org.enms.db;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Reads the {@code anomalies} table: recent counts per machine for status answers. */
public final class AnomalyDao {
  private final Jdbi jdbi;

  public AnomalyDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Counts by severity of a machine's anomalies detected at or after {@code since}. */
  public AnomalyCounts countsSince(UUID machine, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT count(*) AS total,
                           count(*) FILTER (WHERE severity = 'critical') AS critical,
                           count(*) FILTER (WHERE severity = 'warning') AS warning,
                           count(*) FILTER (WHERE severity = 'normal') AS normal
                    FROM anomalies
                    WHERE machine_id = :machine AND detected_at >= :since
                    """)
                .bind("machine", machine)
                .bind("since", since)
                .map(
                    (rs, ctx) ->
                        new AnomalyCounts(
                            rs.getInt("total"),
                            rs.getInt("critical"),
                            rs.getInt("warning"),
                            rs.getInt("normal")))
                .one());
  }

  /** The newest anomaly of a machine detected at or after {@code since}. */
  public Optional<AnomalyRow> latestSince(UUID machine, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, detected_at, anomaly_type, severity, metric_name, deviation_percent
                    FROM anomalies
                    WHERE machine_id = :machine AND detected_at >= :since
                    ORDER BY detected_at DESC
                    LIMIT 1
                    """)
                .bind("machine", machine)
                .bind("since", since)
                .map(
                    (rs, ctx) ->
                        new AnomalyRow(
                            rs.getObject("id", UUID.class),
                            rs.getObject("detected_at", java.time.OffsetDateTime.class).toInstant(),
                            rs.getString("anomaly_type"),
                            rs.getString("severity"),
                            rs.getString("metric_name"),
                            (Double) rs.getObject("deviation_percent")))
                .findOne());
  }

  /** Anomaly counts by severity. */
  public record AnomalyCounts(int total, int critical, int warning, int normal) {}

  /** One anomaly as the status answer shows it. */
  public record AnomalyRow(
      UUID id,
      Instant detectedAt,
      String type,
      String severity,
      String metricName,
      Double deviationPercent) {}
}
