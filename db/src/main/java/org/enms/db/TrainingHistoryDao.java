package org.enms.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.json.Json;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code model_training_history} table: one row per training job, which moves through {@code
 * pending → running → completed | failed}. Only an unfinished job changes state, so a job the
 * clean-up already failed stays failed when its node comes back late. Times come from the
 * database's clock, so nodes' clocks need not agree on how old a job is.
 */
public final class TrainingHistoryDao {
  public static final String PENDING = "pending";
  public static final String RUNNING = "running";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  private static final String COLUMNS =
      """
      id, model_id, model_type, machine_id, model_version, training_start, training_end,
      training_duration_seconds, training_status, training_data_start, training_data_end,
      training_samples, feature_names, training_metrics::text AS training_metrics, error_message,
      trigger_type, triggered_by, progress_percent, metadata::text AS metadata, created_at
      """;

  private final Jdbi jdbi;

  public TrainingHistoryDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** A new job, pending; its id. */
  public UUID insertPending(NewTraining t) {
    return jdbi.withHandle(h -> insertPending(h, t));
  }

  private static UUID insertPending(Handle h, NewTraining t) {
    return h.createQuery(
            """
                    INSERT INTO model_training_history
                      (model_type, machine_id, training_data_start, training_data_end,
                       hyperparameters, trigger_type, triggered_by, metadata)
                    VALUES (:modelType, :machine, :dataStart, :dataEnd,
                            CAST(:hyper AS jsonb), :trigger, :triggeredBy, CAST(:metadata AS jsonb))
                    RETURNING id
                    """)
        .bind("modelType", t.modelType())
        .bind("machine", t.machineId())
        .bind("dataStart", Rows.utc(t.dataStart()))
        .bind("dataEnd", Rows.utc(t.dataEnd()))
        .bind("hyper", json(t.hyperparameters()))
        .bind("trigger", t.triggerType())
        .bind("triggeredBy", t.triggeredBy())
        .bind("metadata", json(t.metadata()))
        .mapTo(UUID.class)
        .one();
  }

  /**
   * A new pending job, unless one of the same model type is pending or running for the machine:
   * then that one. Two callers, on any nodes, never both create one (a per-machine advisory lock
   * orders them).
   */
  public PendingClaim insertPendingIfIdle(NewTraining t) {
    return jdbi.inTransaction(
        h -> {
          h.execute(
              "SELECT pg_advisory_xact_lock(?, hashtext(?))",
              AdvisoryLocks.TRAINING_START,
              t.machineId().toString());
          Optional<UUID> unfinished =
              h.createQuery(
                      """
                      SELECT id FROM model_training_history
                      WHERE model_type = :modelType AND machine_id = :machine
                        AND training_status IN ('pending', 'running')
                      ORDER BY created_at LIMIT 1
                      """)
                  .bind("modelType", t.modelType())
                  .bind("machine", t.machineId())
                  .mapTo(UUID.class)
                  .findOne();
          if (unfinished.isPresent()) {
            return new PendingClaim(unfinished.get(), false);
          }
          return new PendingClaim(insertPending(h, t), true);
        });
  }

  /**
   * What {@link #insertPendingIfIdle} did.
   *
   * @param jobId the new job, or the unfinished one that stopped it
   * @param created true when {@code jobId} is a new job
   */
  public record PendingClaim(UUID jobId, boolean created) {}

  /** The job started; false when it is no longer pending. */
  public boolean markRunning(UUID id, double progressPercent) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE model_training_history
                        SET training_status = 'running', training_start = now(),
                            progress_percent = :progress, updated_at = now()
                        WHERE id = :id AND training_status = 'pending'
                        """)
                    .bind("id", id)
                    .bind("progress", progressPercent)
                    .execute())
        == 1;
  }

  /** The job stored a model; false when it had already finished (e.g. failed by the clean-up). */
  public boolean complete(UUID id, Completed c) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE model_training_history
                        SET training_status = 'completed', model_id = :model,
                            model_version = :version, training_samples = :samples,
                            feature_names = :features, training_metrics = CAST(:metrics AS jsonb),
                            initial_r_squared = :r2, initial_rmse = :rmse, initial_mae = :mae,
                            training_end = now(),
                            training_duration_seconds =
                              extract(epoch FROM now() - coalesce(training_start, created_at)),
                            progress_percent = 100, updated_at = now()
                        WHERE id = :id AND training_status IN ('pending', 'running')
                        """)
                    .bind("id", id)
                    .bind("model", c.modelId())
                    .bind("version", c.modelVersion())
                    .bind("samples", c.trainingSamples())
                    .bind("features", c.featureNames().toArray(String[]::new))
                    .bind("metrics", json(c.metrics()))
                    .bind("r2", c.rSquared())
                    .bind("rmse", c.rmse())
                    .bind("mae", c.mae())
                    .execute())
        == 1;
  }

  /** The job failed with {@code error}; false when it had already finished. */
  public boolean fail(UUID id, String error) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        """
                        UPDATE model_training_history
                        SET training_status = 'failed', error_message = :error,
                            training_end = now(),
                            training_duration_seconds =
                              extract(epoch FROM now() - coalesce(training_start, created_at)),
                            updated_at = now()
                        WHERE id = :id AND training_status IN ('pending', 'running')
                        """)
                    .bind("id", id)
                    .bind("error", error)
                    .execute())
        == 1;
  }

  /**
   * Fails every job pending or running since more than {@code timeout} ago, with {@code error}: its
   * node died or lost its way. The jobs failed now.
   */
  public List<TrainingRow> failStuck(Duration timeout, String error) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    UPDATE model_training_history
                    SET training_status = 'failed', error_message = :error, training_end = now(),
                        training_duration_seconds =
                          extract(epoch FROM now() - coalesce(training_start, created_at)),
                        updated_at = now()
                    WHERE training_status IN ('pending', 'running')
                      AND created_at < now() - CAST(:timeout AS interval)
                    RETURNING
                    """
                        + COLUMNS)
                .bind("error", error)
                .bind("timeout", timeout.toMillis() + " milliseconds")
                .map(TrainingHistoryDao::map)
                .list());
  }

  public Optional<TrainingRow> byId(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM model_training_history WHERE id = :id")
                .bind("id", id)
                .map(TrainingHistoryDao::map)
                .findOne());
  }

  private static TrainingRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    Array features = rs.getArray("feature_names");
    String metrics = rs.getString("training_metrics");
    return new TrainingRow(
        rs.getObject("id", UUID.class),
        rs.getObject("model_id", UUID.class),
        rs.getString("model_type"),
        rs.getObject("machine_id", UUID.class),
        (Integer) rs.getObject("model_version"),
        rs.getString("training_status"),
        Rows.instant(rs, "training_data_start"),
        Rows.instant(rs, "training_data_end"),
        Rows.instant(rs, "training_start"),
        Rows.instant(rs, "training_end"),
        Rows.nullableDouble(rs, "training_duration_seconds"),
        (Integer) rs.getObject("training_samples"),
        features == null ? List.of() : Arrays.asList((String[]) features.getArray()),
        metrics == null ? Map.of() : read(metrics),
        rs.getString("error_message"),
        rs.getString("trigger_type"),
        rs.getString("triggered_by"),
        rs.getDouble("progress_percent"),
        read(rs.getString("metadata")),
        Rows.instant(rs, "created_at"));
  }

  private static String json(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not serialisable as JSON: " + value, e);
    }
  }

  private static Map<String, Object> read(String json) {
    try {
      return Json.mapper().readValue(json, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored JSON unreadable: " + json, e);
    }
  }

  /**
   * A job to record.
   *
   * @param modelType what is trained, e.g. {@code baseline}
   * @param dataStart start of the training data, inclusive
   * @param dataEnd end of the training data, exclusive
   * @param hyperparameters what the training was asked for (drivers, model type, …)
   * @param triggerType manual, scheduled, drift_detected or performance_degradation
   * @param triggeredBy who or what asked, e.g. {@code api} or {@code scheduler}
   */
  public record NewTraining(
      String modelType,
      UUID machineId,
      Instant dataStart,
      Instant dataEnd,
      Map<String, Object> hyperparameters,
      String triggerType,
      String triggeredBy,
      Map<String, Object> metadata) {}

  /**
   * What a completed job stored.
   *
   * @param metrics every fit metric, as stored in {@code training_metrics}
   */
  public record Completed(
      UUID modelId,
      int modelVersion,
      int trainingSamples,
      List<String> featureNames,
      Map<String, Object> metrics,
      double rSquared,
      double rmse,
      double mae) {}

  /**
   * A job as stored.
   *
   * @param status pending, running, completed or failed
   * @param durationSeconds from start (or creation, for one that never ran) to its end
   */
  public record TrainingRow(
      UUID id,
      UUID modelId,
      String modelType,
      UUID machineId,
      Integer modelVersion,
      String status,
      Instant dataStart,
      Instant dataEnd,
      Instant trainingStart,
      Instant trainingEnd,
      Double durationSeconds,
      Integer trainingSamples,
      List<String> featureNames,
      Map<String, Object> metrics,
      String errorMessage,
      String triggerType,
      String triggeredBy,
      double progressPercent,
      Map<String, Object> metadata,
      Instant createdAt) {}
}
