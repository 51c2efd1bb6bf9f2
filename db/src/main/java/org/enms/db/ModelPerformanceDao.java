package org.enms.db;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code model_performance_metrics} table (one row per evaluation of a model on a window of
 * recent data) and {@code model_alerts} (one row per drift found, until resolved).
 */
public final class ModelPerformanceDao {
  private static final String EVALUATION_COLUMNS =
      """
      id, model_id, model_type, machine_id, model_version, evaluation_date, evaluation_start,
      evaluation_end, sample_count, metrics::text AS metrics, r_squared, rmse, mae, mape,
      drift_detected, drift_score, drift_threshold, drift_type, recommendation, data_completeness,
      outlier_percentage, evaluation_notes, created_by
      """;

  private final Jdbi jdbi;

  public ModelPerformanceDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Stores an evaluation; its id. */
  public UUID insert(NewEvaluation e) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO model_performance_metrics
                      (model_id, model_type, machine_id, model_version, evaluation_date,
                       evaluation_start, evaluation_end, sample_count, metrics, r_squared, rmse,
                       mae, mape, drift_detected, drift_score, drift_threshold, drift_type,
                       recommendation, data_completeness, outlier_percentage, evaluation_notes,
                       created_by)
                    VALUES (:model, :modelType, :machine, :version, :at, :start, :end, :samples,
                            CAST(:metrics AS jsonb), :r2, :rmse, :mae, :mape, :drift, :score,
                            :threshold, :driftType, :recommendation, :completeness, :outliers,
                            :notes, :createdBy)
                    RETURNING id
                    """)
                .bind("model", e.modelId())
                .bind("modelType", e.modelType())
                .bind("machine", e.machineId())
                .bind("version", e.modelVersion())
                .bind("at", Rows.utc(e.evaluatedAt()))
                .bind("start", Rows.utc(e.start()))
                .bind("end", Rows.utc(e.end()))
                .bind("samples", e.sampleCount())
                .bind("metrics", Jsonb.write(e.metrics()))
                .bind("r2", e.rSquared())
                .bind("rmse", e.rmse())
                .bind("mae", e.mae())
                .bind("mape", e.mape())
                .bind("drift", e.driftDetected())
                .bind("score", e.driftScore())
                .bind("threshold", e.driftThreshold())
                .bind("driftType", e.driftType())
                .bind("recommendation", e.recommendation())
                .bind("completeness", e.dataCompleteness())
                .bind("outliers", e.outlierPercentage())
                .bind("notes", e.notes())
                .bind("createdBy", e.createdBy())
                .mapTo(UUID.class)
                .one());
  }

  /** The machine's evaluations of one model type since {@code since}, oldest first. */
  public List<EvaluationRow> since(UUID machine, String modelType, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + EVALUATION_COLUMNS
                        + """
                        FROM model_performance_metrics
                        WHERE machine_id = :machine AND model_type = :modelType
                          AND evaluation_date >= :since
                        ORDER BY evaluation_date, id
                        """)
                .bind("machine", machine)
                .bind("modelType", modelType)
                .bind("since", Rows.utc(since))
                .map(ModelPerformanceDao::evaluation)
                .list());
  }

  /** Stores an alert; its id. */
  public UUID insertAlert(NewAlert a) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO model_alerts
                      (alert_type, severity, model_id, model_type, machine_id, model_version,
                       metric_id, alert_timestamp, alert_message, alert_details,
                       current_metric_value, threshold_value, baseline_metric_value)
                    VALUES (:type, :severity, :model, :modelType, :machine, :version, :metric,
                            :at, :message, CAST(:details AS jsonb), :current, :threshold,
                            :baseline)
                    RETURNING id
                    """)
                .bind("type", a.alertType())
                .bind("severity", a.severity())
                .bind("model", a.modelId())
                .bind("modelType", a.modelType())
                .bind("machine", a.machineId())
                .bind("version", a.modelVersion())
                .bind("metric", a.metricId())
                .bind("at", Rows.utc(a.at()))
                .bind("message", a.message())
                .bind("details", Jsonb.write(a.details()))
                .bind("current", a.currentValue())
                .bind("threshold", a.thresholdValue())
                .bind("baseline", a.baselineValue())
                .mapTo(UUID.class)
                .one());
  }

  /**
   * Unresolved alerts, most severe and then newest first, each filter applied when given.
   *
   * @param severity normal, warning or critical
   */
  public List<AlertRow> activeAlerts(
      Optional<UUID> machine, Optional<String> modelType, Optional<String> severity) {
    StringBuilder sql =
        new StringBuilder(
            """
            SELECT a.id, a.alert_type, a.severity, a.model_id, a.model_type, a.machine_id,
                   m.name AS machine_name, a.model_version, a.metric_id, a.alert_message,
                   a.alert_timestamp, a.current_metric_value, a.threshold_value,
                   a.baseline_metric_value, a.is_resolved, a.auto_action_taken
            FROM model_alerts a JOIN machines m ON m.id = a.machine_id
            WHERE NOT a.is_resolved
            """);
    machine.ifPresent(m -> sql.append(" AND a.machine_id = :machine"));
    modelType.ifPresent(t -> sql.append(" AND a.model_type = :modelType"));
    severity.ifPresent(s -> sql.append(" AND a.severity = :severity"));
    sql.append(
        """
         ORDER BY CASE a.severity WHEN 'critical' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END,
                  a.alert_timestamp DESC, a.id
        """);
    return jdbi.withHandle(
        h -> {
          Query q = h.createQuery(sql.toString());
          machine.ifPresent(m -> q.bind("machine", m));
          modelType.ifPresent(t -> q.bind("modelType", t));
          severity.ifPresent(s -> q.bind("severity", s));
          return q.map(ModelPerformanceDao::alert).list();
        });
  }

  /**
   * Resolves the machine's unresolved alerts on models of {@code modelType} other than {@code
   * replacement}, which superseded them; how many.
   */
  public int resolveSuperseded(
      UUID machine, String modelType, UUID replacement, String action, String by, Instant at) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    UPDATE model_alerts
                    SET is_resolved = true, resolved_at = :at, resolution_action = :action,
                        resolved_by = :by,
                        resolution_notes = 'superseded by model ' || CAST(:model AS text)
                    WHERE machine_id = :machine AND model_type = :modelType AND NOT is_resolved
                      AND model_id IS DISTINCT FROM :model
                    """)
                .bind("at", Rows.utc(at))
                .bind("action", action)
                .bind("by", by)
                .bind("model", replacement)
                .bind("machine", machine)
                .bind("modelType", modelType)
                .execute());
  }

  /** Stores an A/B test; its id. */
  public UUID insertAbTest(NewAbTest t) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO model_ab_tests
                      (test_name, model_type, machine_id, model_a_id, model_a_version, model_b_id,
                       model_b_version, test_start, test_end, created_by)
                    VALUES (:name, :modelType, :machine, :a, :aVersion, :b, :bVersion, :start,
                            :end, :createdBy)
                    RETURNING id
                    """)
                .bind("name", t.testName())
                .bind("modelType", t.modelType())
                .bind("machine", t.machineId())
                .bind("a", t.modelAId())
                .bind("aVersion", t.modelAVersion())
                .bind("b", t.modelBId())
                .bind("bVersion", t.modelBVersion())
                .bind("start", Rows.utc(t.start()))
                .bind("end", Rows.utc(t.end()))
                .bind("createdBy", t.createdBy())
                .mapTo(UUID.class)
                .one());
  }

  public Optional<AbTestRow> abTest(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id, test_name, model_type, machine_id, model_a_id, model_a_version,
                           model_b_id, model_b_version, test_start, test_end, created_by
                    FROM model_ab_tests WHERE id = :id
                    """)
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new AbTestRow(
                            rs.getObject("id", UUID.class),
                            new NewAbTest(
                                rs.getString("test_name"),
                                rs.getString("model_type"),
                                rs.getObject("machine_id", UUID.class),
                                rs.getObject("model_a_id", UUID.class),
                                rs.getInt("model_a_version"),
                                rs.getObject("model_b_id", UUID.class),
                                rs.getInt("model_b_version"),
                                Rows.instant(rs, "test_start"),
                                Rows.instant(rs, "test_end"),
                                rs.getString("created_by"))))
                .findOne());
  }

  /** An A/B test between two models of one machine over {@code [start, end)}. */
  public record NewAbTest(
      String testName,
      String modelType,
      UUID machineId,
      UUID modelAId,
      int modelAVersion,
      UUID modelBId,
      int modelBVersion,
      Instant start,
      Instant end,
      String createdBy) {}

  /** A stored A/B test. */
  public record AbTestRow(UUID id, NewAbTest test) {}

  private static EvaluationRow evaluation(ResultSet rs, StatementContext ctx) throws SQLException {
    return new EvaluationRow(
        rs.getObject("id", UUID.class),
        rs.getObject("model_id", UUID.class),
        rs.getString("model_type"),
        rs.getObject("machine_id", UUID.class),
        rs.getInt("model_version"),
        Rows.instant(rs, "evaluation_date"),
        Rows.instant(rs, "evaluation_start"),
        Rows.instant(rs, "evaluation_end"),
        rs.getInt("sample_count"),
        Jsonb.read(rs.getString("metrics"), new TypeReference<Map<String, Object>>() {}),
        Rows.nullableDouble(rs, "r_squared"),
        Rows.nullableDouble(rs, "rmse"),
        Rows.nullableDouble(rs, "mae"),
        Rows.nullableDouble(rs, "mape"),
        rs.getBoolean("drift_detected"),
        Rows.nullableDouble(rs, "drift_score"),
        Rows.nullableDouble(rs, "drift_threshold"),
        rs.getString("drift_type"),
        rs.getString("recommendation"),
        Rows.nullableDouble(rs, "data_completeness"),
        Rows.nullableDouble(rs, "outlier_percentage"),
        rs.getString("evaluation_notes"),
        rs.getString("created_by"));
  }

  private static AlertRow alert(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AlertRow(
        rs.getObject("id", UUID.class),
        rs.getString("alert_type"),
        rs.getString("severity"),
        rs.getObject("model_id", UUID.class),
        rs.getString("model_type"),
        rs.getObject("machine_id", UUID.class),
        rs.getString("machine_name"),
        (Integer) rs.getObject("model_version"),
        rs.getObject("metric_id", UUID.class),
        rs.getString("alert_message"),
        Rows.instant(rs, "alert_timestamp"),
        Rows.nullableDouble(rs, "current_metric_value"),
        Rows.nullableDouble(rs, "threshold_value"),
        Rows.nullableDouble(rs, "baseline_metric_value"),
        rs.getBoolean("is_resolved"),
        rs.getBoolean("auto_action_taken"));
  }

  /**
   * An evaluation to store.
   *
   * @param metrics every measure computed, as stored in the {@code metrics} column
   * @param driftType no_drift, data_drift or concept_drift
   * @param recommendation ok, monitor or retrain
   * @param createdBy who asked, e.g. {@code api} or {@code scheduler}
   */
  public record NewEvaluation(
      UUID modelId,
      String modelType,
      UUID machineId,
      int modelVersion,
      Instant evaluatedAt,
      Instant start,
      Instant end,
      int sampleCount,
      Map<String, Object> metrics,
      Double rSquared,
      Double rmse,
      Double mae,
      Double mape,
      boolean driftDetected,
      Double driftScore,
      Double driftThreshold,
      String driftType,
      String recommendation,
      double dataCompleteness,
      Double outlierPercentage,
      String notes,
      String createdBy) {}

  /** A stored evaluation; see {@link NewEvaluation}. */
  public record EvaluationRow(
      UUID id,
      UUID modelId,
      String modelType,
      UUID machineId,
      int modelVersion,
      Instant evaluationDate,
      Instant start,
      Instant end,
      int sampleCount,
      Map<String, Object> metrics,
      Double rSquared,
      Double rmse,
      Double mae,
      Double mape,
      boolean driftDetected,
      Double driftScore,
      Double driftThreshold,
      String driftType,
      String recommendation,
      Double dataCompleteness,
      Double outlierPercentage,
      String notes,
      String createdBy) {}

  /**
   * An alert to store.
   *
   * @param alertType e.g. {@code drift_detected}
   * @param severity normal, warning or critical
   * @param metricId the evaluation that raised it
   * @param currentValue the measure that crossed the threshold (the drift score)
   * @param baselineValue what it is compared with (the training's R²)
   */
  public record NewAlert(
      String alertType,
      String severity,
      UUID modelId,
      String modelType,
      UUID machineId,
      Integer modelVersion,
      UUID metricId,
      Instant at,
      String message,
      Map<String, Object> details,
      Double currentValue,
      Double thresholdValue,
      Double baselineValue) {}

  /** A stored alert with its machine's name. */
  public record AlertRow(
      UUID id,
      String alertType,
      String severity,
      UUID modelId,
      String modelType,
      UUID machineId,
      String machineName,
      Integer modelVersion,
      UUID metricId,
      String message,
      Instant at,
      Double currentValue,
      Double thresholdValue,
      Double baselineValue,
      boolean isResolved,
      boolean autoActionTaken) {}
}
