package org.enms.db;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code energy_baselines} table: versioned regression baselines per machine and energy source,
 * of which at most one is active. A new model gets the next version and becomes the active one in
 * the same transaction, so readers never see zero or two active models. Also resolves the names
 * callers use for a baseline's target (energy sources, SEUs).
 */
public final class BaselineDao {
  private static final String SELECT =
      """
      SELECT b.*, m.name AS machine_name, m.type AS machine_type, e.name AS energy_source
      FROM energy_baselines b
      JOIN machines m ON m.id = b.machine_id
      JOIN energy_sources e ON e.id = b.energy_source_id
      """;

  private final Jdbi jdbi;

  public BaselineDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Stores {@code b} as the next version for its machine and energy source and activates it. */
  public BaselineRow insertActive(NewBaseline b) {
    return jdbi.inTransaction(
        h -> {
          // Serialises concurrent trainings of one target, so versions never collide.
          h.execute(
              "SELECT pg_advisory_xact_lock(hashtext(?))",
              b.machineId() + "/" + b.energySourceId());
          int version =
              h.createQuery(
                      """
                      SELECT coalesce(max(model_version), 0) + 1 FROM energy_baselines
                      WHERE machine_id = :machine AND energy_source_id = :source
                      """)
                  .bind("machine", b.machineId())
                  .bind("source", b.energySourceId())
                  .mapTo(Integer.class)
                  .one();
          h.createUpdate(
                  """
                  UPDATE energy_baselines SET is_active = false
                  WHERE machine_id = :machine AND energy_source_id = :source AND is_active
                  """)
              .bind("machine", b.machineId())
              .bind("source", b.energySourceId())
              .execute();
          UUID id =
              h.createQuery(
                      """
                      INSERT INTO energy_baselines (machine_id, energy_source_id, model_name,
                          model_version, training_start_date, training_end_date, training_samples,
                          coefficients, intercept, feature_names, r_squared, adjusted_r_squared,
                          rmse, mae, cv_rmse, nmbe, residual_std, p_values, feature_ranges,
                          validity, is_active, trained_by, metadata, model_type)
                      VALUES (:machine, :source, :name, :version, :start, :end, :samples,
                          CAST(:coefficients AS jsonb), :intercept, :features, :r2, :adjR2,
                          :rmse, :mae, :cvRmse, :nmbe, :residualStd, CAST(:pValues AS jsonb),
                          CAST(:ranges AS jsonb), CAST(:validity AS jsonb), true, :trainedBy,
                          CAST(:metadata AS jsonb), :modelType)
                      RETURNING id
                      """)
                  .bind("machine", b.machineId())
                  .bind("source", b.energySourceId())
                  .bind("name", "baseline_v" + version)
                  .bind("version", version)
                  .bind("start", Rows.utc(b.trainingStart()))
                  .bind("end", Rows.utc(b.trainingEnd()))
                  .bind("samples", b.trainingSamples())
                  .bind("coefficients", json(b.coefficients()))
                  .bind("intercept", b.intercept())
                  .bind("features", b.coefficients().keySet().toArray(new String[0]))
                  .bind("r2", b.rSquared())
                  .bind("adjR2", b.adjustedRSquared())
                  .bind("rmse", b.rmse())
                  .bind("mae", b.mae())
                  .bind("cvRmse", b.cvRmse())
                  .bind("nmbe", b.nmbe())
                  .bind("residualStd", b.residualStd())
                  .bind("pValues", json(b.pValues()))
                  .bind("ranges", json(b.featureRanges()))
                  .bind("validity", json(b.validity()))
                  .bind("trainedBy", b.trainedBy())
                  .bind("metadata", json(b.metadata()))
                  .bind("modelType", b.modelType())
                  .mapTo(UUID.class)
                  .one();
          return byId(h, id).orElseThrow();
        });
  }

  public Optional<BaselineRow> byId(UUID id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  /** A machine's models, newest version first; of one energy source when given. */
  public List<BaselineRow> byMachine(UUID machine, Optional<UUID> energySource) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                          WHERE b.machine_id = :machine
                            AND (CAST(:source AS uuid) IS NULL OR b.energy_source_id = CAST(:source AS uuid))
                          ORDER BY e.name, b.model_version DESC
                          """)
                .bind("machine", machine)
                .bind("source", energySource.orElse(null))
                .map(BaselineDao::map)
                .list());
  }

  /** The active model of a machine for an energy source. */
  public Optional<BaselineRow> active(UUID machine, UUID energySource) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + "WHERE b.machine_id = :machine AND b.energy_source_id = :source"
                        + " AND b.is_active")
                .bind("machine", machine)
                .bind("source", energySource)
                .map(BaselineDao::map)
                .findOne());
  }

  /** Every active model of a machine that is active in the registry, by machine name. */
  public List<BaselineRow> allActive() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                          WHERE b.is_active AND m.is_active
                          ORDER BY m.name, e.name
                          """)
                .map(BaselineDao::map)
                .list());
  }

  /** The id of an energy source by its name ({@code electricity}, {@code natural_gas}, …). */
  public Optional<UUID> energySourceId(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id FROM energy_sources WHERE lower(name) = lower(:name)")
                .bind("name", name)
                .mapTo(UUID.class)
                .findOne());
  }

  /**
   * The SEU a caller names, with its first machine. An exact name (ignoring case) wins; otherwise
   * the shortest SEU name containing it, so "Compressor-1" finds "Compressor-1 Electrical System"
   * but never "Compressor-EU-1 …".
   *
   * @param energySource restricts to SEUs of this energy source when present
   */
  public Optional<SeuTarget> seu(String name, Optional<String> energySource) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.id, s.name, s.energy_source_id, e.name AS energy_source,
                           e.unit AS energy_unit, s.machine_ids[1] AS machine_id
                    FROM seus s JOIN energy_sources e ON e.id = s.energy_source_id
                    WHERE strpos(lower(s.name), lower(:name)) > 0
                      AND (CAST(:source AS text) IS NULL
                           OR lower(e.name) = lower(CAST(:source AS text)))
                    ORDER BY lower(s.name) = lower(:name) DESC, length(s.name), s.name
                    LIMIT 1
                    """)
                .bind("name", name)
                .bind("source", energySource.orElse(null))
                .map(
                    (rs, ctx) ->
                        new SeuTarget(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getObject("energy_source_id", UUID.class),
                            rs.getString("energy_source"),
                            rs.getString("energy_unit"),
                            rs.getObject("machine_id", UUID.class)))
                .findOne());
  }

  private static Optional<BaselineRow> byId(Handle h, UUID id) {
    return h.createQuery(SELECT + "WHERE b.id = :id")
        .bind("id", id)
        .map(BaselineDao::map)
        .findOne();
  }

  private static BaselineRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    List<String> features = Arrays.asList((String[]) rs.getArray("feature_names").getArray());
    Map<String, Double> coefficients = Jsonb.orderedDoubles(rs.getString("coefficients"), features);
    return new BaselineRow(
        rs.getObject("id", UUID.class),
        rs.getObject("machine_id", UUID.class),
        rs.getString("machine_name"),
        rs.getString("machine_type"),
        rs.getObject("energy_source_id", UUID.class),
        rs.getString("energy_source"),
        rs.getString("model_name"),
        rs.getString("model_type"),
        rs.getInt("model_version"),
        Rows.instant(rs, "training_start_date"),
        Rows.instant(rs, "training_end_date"),
        rs.getInt("training_samples"),
        coefficients,
        rs.getDouble("intercept"),
        rs.getDouble("r_squared"),
        Rows.nullableDouble(rs, "adjusted_r_squared"),
        rs.getDouble("rmse"),
        rs.getDouble("mae"),
        Rows.nullableDouble(rs, "cv_rmse"),
        Rows.nullableDouble(rs, "nmbe"),
        rs.getDouble("residual_std"),
        read(rs.getString("p_values"), new TypeReference<>() {}),
        read(rs.getString("feature_ranges"), new TypeReference<>() {}),
        read(rs.getString("validity"), new TypeReference<>() {}),
        rs.getBoolean("is_active"),
        rs.getString("trained_by"),
        Rows.instant(rs, "created_at"),
        read(rs.getString("metadata"), new TypeReference<>() {}));
  }

  private static String json(Object value) {
    return Jsonb.write(value);
  }

  private static <T> T read(String json, TypeReference<T> type) {
    return Jsonb.read(json, type);
  }

  /** Training range of one driver, in its unit. */
  public record FeatureStats(double min, double max, double mean, double std) {}

  /** Whether a model passed the baseline thresholds, with the violated ones. */
  public record Validity(boolean valid, List<String> reasons, List<String> warnings) {}

  /**
   * A model to store. {@code coefficients} is in driver order (kWh per driver unit); {@code cvRmse}
   * and {@code nmbe} are percentages. {@code modelType} names its terms ({@code linear_regression},
   * {@code time_of_week}, …); a time-of-week model's hour-of-week levels are coefficients like any
   * other, so no column is needed for them.
   */
  public record NewBaseline(
      UUID machineId,
      UUID energySourceId,
      Instant trainingStart,
      Instant trainingEnd,
      int trainingSamples,
      Map<String, Double> coefficients,
      double intercept,
      double rSquared,
      Double adjustedRSquared,
      double rmse,
      double mae,
      Double cvRmse,
      Double nmbe,
      double residualStd,
      Map<String, Double> pValues,
      Map<String, FeatureStats> featureRanges,
      Validity validity,
      String trainedBy,
      Map<String, Object> metadata,
      String modelType) {}

  /** A stored model with its machine's and energy source's names. */
  public record BaselineRow(
      UUID id,
      UUID machineId,
      String machineName,
      String machineType,
      UUID energySourceId,
      String energySource,
      String modelName,
      String modelType,
      int modelVersion,
      Instant trainingStart,
      Instant trainingEnd,
      int trainingSamples,
      Map<String, Double> coefficients,
      double intercept,
      double rSquared,
      Double adjustedRSquared,
      double rmse,
      double mae,
      Double cvRmse,
      Double nmbe,
      double residualStd,
      Map<String, Double> pValues,
      Map<String, FeatureStats> featureRanges,
      Validity validity,
      boolean isActive,
      String trainedBy,
      Instant createdAt,
      Map<String, Object> metadata) {
    public List<String> featureNames() {
      return List.copyOf(coefficients.keySet());
    }
  }

  /** An SEU resolved for a baseline: its energy source and the machine it is trained on. */
  public record SeuTarget(
      UUID seuId,
      String seuName,
      UUID energySourceId,
      String energySource,
      String energyUnit,
      UUID machineId) {}
}
