package org.enms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.reading.EnergyType;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code anomalies} table: recent counts per machine for status answers, idempotent batch
 * inserts from detection (a finding already stored for the same machine, hour, type and method is
 * skipped), and the filtered reads of the anomaly API.
 */
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
                           count(*) FILTER (WHERE severity IN ('normal', 'info')) AS normal
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

  /** Unresolved anomalies of every machine, for the dashboard's periodic stats. */
  public long countUnresolved() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT count(*) FROM anomalies WHERE NOT is_resolved")
                .mapTo(Long.class)
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

  /**
   * Stores the anomalies not stored yet; an existing one with the same machine, time, type and
   * detection method is left as it is.
   *
   * @return how many were inserted
   */
  public int insertNew(List<NewAnomaly> anomalies) {
    if (anomalies.isEmpty()) {
      return 0;
    }
    return jdbi.inTransaction(
        h -> {
          PreparedBatch batch =
              h.prepareBatch(
                  """
                  INSERT INTO anomalies (machine_id, detected_at, anomaly_type, severity,
                      metric_name, metric_value, expected_value, deviation_percent,
                      deviation_std_dev, detection_method, confidence_score, metadata,
                      energy_type)
                  VALUES (:machine, :detectedAt, :type, :severity, :metricName, :metricValue,
                      :expectedValue, :deviationPercent, :deviationStdDev, :method, :confidence,
                      CAST(:metadata AS jsonb), :energyType)
                  ON CONFLICT ON CONSTRAINT anomalies_detection_key DO NOTHING
                  """);
          for (NewAnomaly a : anomalies) {
            batch
                .bind("machine", a.machineId())
                .bind("detectedAt", Rows.utc(a.detectedAt()))
                .bind("type", a.anomalyType())
                .bind("severity", a.severity())
                .bind("metricName", a.metricName())
                .bind("metricValue", a.metricValue())
                .bind("expectedValue", a.expectedValue())
                .bind("deviationPercent", a.deviationPercent())
                .bind("deviationStdDev", a.deviationStdDev())
                .bind("method", a.detectionMethod())
                .bind("confidence", a.confidenceScore())
                .bind("metadata", a.metadataJson() == null ? "{}" : a.metadataJson())
                .bind("energyType", a.energyType())
                .add();
          }
          int inserted = 0;
          for (int n : batch.execute()) {
            inserted += n;
          }
          return inserted;
        });
  }

  /**
   * Stores one anomaly found by live detection under {@code id} (derived by the caller from the
   * machine, onset, type and method, so a retry or a redelivered reading changes nothing).
   *
   * @return true when it was new
   */
  public boolean insertLive(UUID id, NewAnomaly a) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        INSERT INTO anomalies (id, machine_id, detected_at, anomaly_type,
                            severity, metric_name, metric_value, expected_value,
                            deviation_percent, deviation_std_dev, detection_method,
                            confidence_score, metadata, energy_type)
                        VALUES (:id, :machine, :detectedAt, :type, :severity, :metricName,
                            :metricValue, :expectedValue, :deviationPercent, :deviationStdDev,
                            :method, :confidence, CAST(:metadata AS jsonb), :energyType)
                        ON CONFLICT DO NOTHING
                        """)
                    .bind("id", id)
                    .bind("machine", a.machineId())
                    .bind("detectedAt", Rows.utc(a.detectedAt()))
                    .bind("type", a.anomalyType())
                    .bind("severity", a.severity())
                    .bind("metricName", a.metricName())
                    .bind("metricValue", a.metricValue())
                    .bind("expectedValue", a.expectedValue())
                    .bind("deviationPercent", a.deviationPercent())
                    .bind("deviationStdDev", a.deviationStdDev())
                    .bind("method", a.detectionMethod())
                    .bind("confidence", a.confidenceScore())
                    .bind("metadata", a.metadataJson() == null ? "{}" : a.metadataJson())
                    .bind("energyType", a.energyType())
                    .execute())
        == 1;
  }

  /**
   * Raises the severity of an open live anomaly to {@code a.severity()} with the values that made
   * it worse, keeping its onset and identity; its metadata gains {@code a.metadataJson()}'s keys. A
   * resolved anomaly, or one already as severe, is left as it is, so a retry changes nothing and
   * severity never falls.
   *
   * @return true when this call raised it
   */
  public boolean escalateLive(UUID id, NewAnomaly a) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE anomalies
                        SET severity = :severity, metric_value = :metricValue,
                            expected_value = :expectedValue,
                            deviation_percent = :deviationPercent,
                            deviation_std_dev = :deviationStdDev,
                            metadata = metadata || CAST(:metadata AS jsonb)
                        WHERE id = :id AND NOT is_resolved
                          AND CASE severity WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END
                            < CASE CAST(:severity AS text)
                                WHEN 'critical' THEN 2 WHEN 'warning' THEN 1 ELSE 0 END
                        """)
                    .bind("id", id)
                    .bind("severity", a.severity())
                    .bind("metricValue", a.metricValue())
                    .bind("expectedValue", a.expectedValue())
                    .bind("deviationPercent", a.deviationPercent())
                    .bind("deviationStdDev", a.deviationStdDev())
                    .bind("metadata", a.metadataJson() == null ? "{}" : a.metadataJson())
                    .execute())
        == 1;
  }

  /**
   * Marks an anomaly resolved at {@code at} with {@code notes}; one already resolved keeps its
   * first resolution.
   *
   * @return true when this call resolved it
   */
  public boolean resolve(UUID id, Instant at, String notes) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE anomalies
                        SET is_resolved = true, resolved_at = :at, resolution_notes = :notes
                        WHERE id = :id AND NOT is_resolved
                        """)
                    .bind("id", id)
                    .bind("at", Rows.utc(at))
                    .bind("notes", notes)
                    .execute())
        == 1;
  }

  /** One stored anomaly with its machine's name and type. */
  public Optional<AnomalyRecord> byId(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.*, m.name AS machine_name, m.type AS machine_type
                    FROM anomalies a JOIN machines m ON m.id = a.machine_id
                    WHERE a.id = :id
                    """)
                .bind("id", id)
                .map(AnomalyDao::record)
                .findOne());
  }

  /**
   * Stores one anomaly entered by hand, resolved at {@code resolvedAt} when that is given. The same
   * machine, time, type and method stored twice is one row: the second call returns the first id.
   *
   * @return the row's id, and whether this call inserted it
   */
  public Inserted insertOne(NewAnomaly a, Instant resolvedAt) {
    return jdbi.inTransaction(
        h -> {
          Optional<UUID> inserted =
              h.createQuery(
                      """
                      INSERT INTO anomalies (machine_id, detected_at, anomaly_type, severity,
                          metric_name, metric_value, expected_value, deviation_percent,
                          deviation_std_dev, detection_method, confidence_score, metadata,
                          is_resolved, resolved_at, energy_type)
                      VALUES (:machine, :detectedAt, :type, :severity, :metricName, :metricValue,
                          :expectedValue, :deviationPercent, :deviationStdDev, :method,
                          :confidence, CAST(:metadata AS jsonb), :resolved, :resolvedAt,
                          :energyType)
                      ON CONFLICT ON CONSTRAINT anomalies_detection_key DO NOTHING
                      RETURNING id
                      """)
                  .bind("machine", a.machineId())
                  .bind("detectedAt", Rows.utc(a.detectedAt()))
                  .bind("type", a.anomalyType())
                  .bind("severity", a.severity())
                  .bind("metricName", a.metricName())
                  .bind("metricValue", a.metricValue())
                  .bind("expectedValue", a.expectedValue())
                  .bind("deviationPercent", a.deviationPercent())
                  .bind("deviationStdDev", a.deviationStdDev())
                  .bind("method", a.detectionMethod())
                  .bind("confidence", a.confidenceScore())
                  .bind("metadata", a.metadataJson() == null ? "{}" : a.metadataJson())
                  .bind("resolved", resolvedAt != null)
                  .bind("resolvedAt", resolvedAt == null ? null : Rows.utc(resolvedAt))
                  .bind("energyType", a.energyType())
                  .mapTo(UUID.class)
                  .findOne();
          if (inserted.isPresent()) {
            return new Inserted(inserted.get(), true);
          }
          UUID existing =
              h.createQuery(
                      """
                      SELECT id FROM anomalies
                      WHERE machine_id = :machine AND detected_at = :detectedAt
                        AND anomaly_type = :type AND detection_method = :method
                        AND energy_type = :energyType
                      """)
                  .bind("machine", a.machineId())
                  .bind("detectedAt", Rows.utc(a.detectedAt()))
                  .bind("type", a.anomalyType())
                  .bind("method", a.detectionMethod())
                  .bind("energyType", a.energyType())
                  .mapTo(UUID.class)
                  .one();
          return new Inserted(existing, false);
        });
  }

  /** The id of a row {@link #insertOne} stored or found. */
  public record Inserted(UUID id, boolean isNew) {}

  /** A machine's unresolved anomalies that live detection raised, oldest first. */
  public List<OpenAnomaly> openLive(UUID machine) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, detected_at, anomaly_type, detection_method, severity, energy_type
                    FROM anomalies
                    WHERE machine_id = :machine AND NOT is_resolved
                      AND metadata ->> 'source' = 'live'
                    ORDER BY detected_at
                    """)
                .bind("machine", machine)
                .map(
                    (rs, ctx) ->
                        new OpenAnomaly(
                            rs.getObject("id", UUID.class),
                            Rows.instant(rs, "detected_at"),
                            rs.getString("anomaly_type"),
                            rs.getString("detection_method"),
                            rs.getString("severity"),
                            rs.getString("energy_type")))
                .list());
  }

  /** An unresolved anomaly of live detection, at its current severity, on its energy carrier. */
  public record OpenAnomaly(
      UUID id,
      Instant detectedAt,
      String anomalyType,
      String method,
      String severity,
      String energyType) {}

  /**
   * Anomalies matching {@code filter}, newest first, or (for the active list) critical before
   * warning before normal and newest first within a severity.
   */
  public List<AnomalyRecord> find(Filter filter) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.*, m.name AS machine_name, m.type AS machine_type
                    FROM anomalies a JOIN machines m ON m.id = a.machine_id
                    WHERE (CAST(:machine AS uuid) IS NULL OR a.machine_id = CAST(:machine AS uuid))
                      AND (CAST(:severity AS text) IS NULL OR a.severity = CAST(:severity AS text)
                           OR (CAST(:severity AS text) IN ('normal', 'info')
                               AND a.severity IN ('normal', 'info')))
                      AND (CAST(:from AS timestamptz) IS NULL
                           OR a.detected_at >= CAST(:from AS timestamptz))
                      AND (CAST(:to AS timestamptz) IS NULL
                           OR a.detected_at <= CAST(:to AS timestamptz))
                      AND (CAST(:resolved AS boolean) IS NULL
                           OR a.is_resolved = CAST(:resolved AS boolean))
                    ORDER BY <order>
                    LIMIT :limit
                    """)
                .define(
                    "order",
                    filter.severityFirst()
                        ? "CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,"
                            + " a.detected_at DESC, a.id"
                        : "a.detected_at DESC, a.id")
                .bind("machine", filter.machineId().orElse(null))
                .bind("severity", filter.severity().orElse(null))
                .bind("from", filter.from().map(Rows::utc).orElse(null))
                .bind("to", filter.to().map(Rows::utc).orElse(null))
                .bind("resolved", filter.resolved().orElse(null))
                .bind("limit", filter.limit())
                .map(AnomalyDao::record)
                .list());
  }

  private static AnomalyRecord record(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AnomalyRecord(
        rs.getObject("id", UUID.class),
        rs.getObject("machine_id", UUID.class),
        rs.getString("machine_name"),
        rs.getString("machine_type"),
        Rows.instant(rs, "detected_at"),
        rs.getString("anomaly_type"),
        rs.getString("severity"),
        rs.getString("metric_name"),
        Rows.nullableDouble(rs, "metric_value"),
        Rows.nullableDouble(rs, "expected_value"),
        Rows.nullableDouble(rs, "deviation_percent"),
        Rows.nullableDouble(rs, "deviation_std_dev"),
        rs.getString("detection_method"),
        Rows.nullableDouble(rs, "confidence_score"),
        rs.getBoolean("is_resolved"),
        Rows.instant(rs, "resolved_at"),
        rs.getString("resolution_notes"));
  }

  /**
   * An anomaly to store.
   *
   * @param deviationStdDev the deviation in residual standard errors (a z-score)
   * @param confidenceScore 0–1
   * @param metadataJson a JSON object, or null
   * @param energyType the carrier it was found on: {@code electricity}, {@code natural_gas}, …
   */
  public record NewAnomaly(
      UUID machineId,
      Instant detectedAt,
      String anomalyType,
      String severity,
      String metricName,
      Double metricValue,
      Double expectedValue,
      Double deviationPercent,
      Double deviationStdDev,
      String detectionMethod,
      Double confidenceScore,
      String metadataJson,
      String energyType) {

    /** An anomaly of the machine's electricity, as batch detection and the API find them. */
    public NewAnomaly(
        UUID machineId,
        Instant detectedAt,
        String anomalyType,
        String severity,
        String metricName,
        Double metricValue,
        Double expectedValue,
        Double deviationPercent,
        Double deviationStdDev,
        String detectionMethod,
        Double confidenceScore,
        String metadataJson) {
      this(
          machineId,
          detectedAt,
          anomalyType,
          severity,
          metricName,
          metricValue,
          expectedValue,
          deviationPercent,
          deviationStdDev,
          detectionMethod,
          confidenceScore,
          metadataJson,
          EnergyType.ELECTRICITY);
    }
  }

  /** A stored anomaly with its machine's name and type. */
  public record AnomalyRecord(
      UUID id,
      UUID machineId,
      String machineName,
      String machineType,
      Instant detectedAt,
      String anomalyType,
      String severity,
      String metricName,
      Double metricValue,
      Double expectedValue,
      Double deviationPercent,
      Double deviationStdDev,
      String detectionMethod,
      Double confidenceScore,
      boolean isResolved,
      Instant resolvedAt,
      String resolutionNotes) {}

  /**
   * Which anomalies {@link #find} returns; {@code from} and {@code to} bound {@code detected_at}
   * inclusively. A severity of {@code info} or {@code normal} matches both: they name the lowest
   * level (live detection's and the original's).
   */
  public record Filter(
      Optional<UUID> machineId,
      Optional<String> severity,
      Optional<Instant> from,
      Optional<Instant> to,
      Optional<Boolean> resolved,
      int limit,
      boolean severityFirst) {}

  /**
   * Anomaly counts by severity.
   *
   * @param normal the lowest level, stored as {@code info} (live detection) or {@code normal} (the
   *     original's name, still accepted)
   */
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
