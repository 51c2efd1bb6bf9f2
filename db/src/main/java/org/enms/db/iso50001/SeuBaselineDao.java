package org.enms.db.iso50001;

import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.enms.db.Jsonb;
import org.enms.db.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@code seu_baselines}: the versions of each SEU's baseline, one active. Storing a new version
 * also writes the active model's summary into {@code seus} (coefficients, R², dates), which {@code
 * GET /seus} reads as {@code has_baseline}.
 */
public final class SeuBaselineDao {
  private static final String SELECT = "SELECT * FROM seu_baselines ";

  private final Jdbi jdbi;

  public SeuBaselineDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** A model to store; {@code coefficients} in the order trained. */
  public record NewSeuBaseline(
      UUID seuId,
      int baselineYear,
      LocalDate startDate,
      LocalDate endDate,
      Map<String, Double> coefficients,
      double intercept,
      Map<String, Double> featureMeans,
      int samples,
      double baselineEnergy,
      double rSquared,
      double adjustedRSquared,
      double rmse,
      double mae,
      Double cvRmse,
      Double nmbe,
      double residualStd,
      Validity validity,
      String trainedBy) {}

  /** The stored verdict on a model. */
  public record Validity(boolean valid, List<String> reasons, List<String> warnings) {}

  /** A stored version. */
  public record Row(
      UUID id,
      UUID seuId,
      int version,
      int baselineYear,
      LocalDate startDate,
      LocalDate endDate,
      Map<String, Double> coefficients,
      double intercept,
      Map<String, Double> featureMeans,
      int samples,
      double baselineEnergy,
      double rSquared,
      Double adjustedRSquared,
      double rmse,
      double mae,
      Double cvRmse,
      Double nmbe,
      double residualStd,
      Validity validity,
      boolean isActive,
      String trainedBy,
      Instant trainedAt) {}

  /** Stores the model as the SEU's next version and makes it the active one. */
  public Row insertActive(NewSeuBaseline b) {
    return jdbi.inTransaction(
        h -> {
          // Serialises trainings of one SEU: each gets its own version number.
          h.createQuery("SELECT id FROM seus WHERE id = :id FOR UPDATE")
              .bind("id", b.seuId())
              .mapTo(UUID.class)
              .one();
          int version =
              h.createQuery(
                      "SELECT coalesce(max(version), 0) + 1 FROM seu_baselines WHERE seu_id = :id")
                  .bind("id", b.seuId())
                  .mapTo(Integer.class)
                  .one();
          h.createUpdate(
                  "UPDATE seu_baselines SET is_active = false WHERE seu_id = :id AND is_active")
              .bind("id", b.seuId())
              .execute();
          UUID id =
              h.createQuery(
                      """
                      INSERT INTO seu_baselines (seu_id, version, baseline_year, start_date,
                        end_date, features, coefficients, intercept, feature_means, samples,
                        baseline_energy, r_squared, adjusted_r_squared, rmse, mae, cv_rmse, nmbe,
                        residual_std, validity, is_active, trained_by)
                      VALUES (:seu, :version, :year, :start, :end, :features,
                        CAST(:coefficients AS jsonb), :intercept, CAST(:means AS jsonb), :samples,
                        :energy, :r2, :adjR2, :rmse, :mae, :cvRmse, :nmbe, :residualStd,
                        CAST(:validity AS jsonb), true, :by)
                      RETURNING id
                      """)
                  .bind("seu", b.seuId())
                  .bind("version", version)
                  .bind("year", b.baselineYear())
                  .bind("start", b.startDate())
                  .bind("end", b.endDate())
                  .bind("features", b.coefficients().keySet().toArray(String[]::new))
                  .bind("coefficients", Jsonb.write(b.coefficients()))
                  .bind("intercept", b.intercept())
                  .bind("means", Jsonb.write(b.featureMeans()))
                  .bind("samples", b.samples())
                  .bind("energy", b.baselineEnergy())
                  .bind("r2", b.rSquared())
                  .bind("adjR2", b.adjustedRSquared())
                  .bind("rmse", b.rmse())
                  .bind("mae", b.mae())
                  .bind("cvRmse", b.cvRmse())
                  .bind("nmbe", b.nmbe())
                  .bind("residualStd", b.residualStd())
                  .bind("validity", Jsonb.write(b.validity()))
                  .bind("by", b.trainedBy())
                  .mapTo(UUID.class)
                  .one();
          h.createUpdate(
                  """
                  UPDATE seus SET regression_coefficients = CAST(:coefficients AS jsonb),
                    intercept = :intercept, feature_columns = :features, r_squared = :r2,
                    rmse = :rmse, mae = :mae, trained_at = now(), trained_by = :by,
                    baseline_start_date = :start, baseline_end_date = :end,
                    baseline_year = CASE WHEN :year BETWEEN 2020 AND 2100 THEN :year
                                         ELSE baseline_year END,
                    updated_at = now()
                  WHERE id = :seu
                  """)
              .bind("seu", b.seuId())
              .bind("coefficients", Jsonb.write(b.coefficients()))
              .bind("intercept", b.intercept())
              .bind("features", b.coefficients().keySet().toArray(String[]::new))
              .bind("r2", b.rSquared())
              .bind("rmse", b.rmse())
              .bind("mae", b.mae())
              .bind("by", b.trainedBy())
              .bind("start", b.startDate())
              .bind("end", b.endDate())
              .bind("year", b.baselineYear())
              .execute();
          return byId(h, id).orElseThrow();
        });
  }

  /** The SEU's active version, if one was trained. */
  public Optional<Row> active(UUID seuId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "WHERE seu_id = :seu AND is_active")
                .bind("seu", seuId)
                .map(SeuBaselineDao::map)
                .findOne());
  }

  /** The newest version trained for {@code baselineYear}, if any. */
  public Optional<Row> ofYear(UUID seuId, int baselineYear) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + "WHERE seu_id = :seu AND baseline_year = :year"
                        + " ORDER BY version DESC LIMIT 1")
                .bind("seu", seuId)
                .bind("year", baselineYear)
                .map(SeuBaselineDao::map)
                .findOne());
  }

  private static Optional<Row> byId(Handle h, UUID id) {
    return h.createQuery(SELECT + "WHERE id = :id")
        .bind("id", id)
        .map(SeuBaselineDao::map)
        .findOne();
  }

  private static Row map(ResultSet rs, StatementContext ctx) throws SQLException {
    List<String> features = Arrays.asList((String[]) rs.getArray("features").getArray());
    Map<String, Double> coefficients = Jsonb.orderedDoubles(rs.getString("coefficients"), features);
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("seu_id", UUID.class),
        rs.getInt("version"),
        rs.getInt("baseline_year"),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("end_date", LocalDate.class),
        coefficients,
        rs.getDouble("intercept"),
        Jsonb.read(rs.getString("feature_means"), new TypeReference<Map<String, Double>>() {}),
        rs.getInt("samples"),
        rs.getDouble("baseline_energy"),
        rs.getDouble("r_squared"),
        Rows.nullableDouble(rs, "adjusted_r_squared"),
        rs.getDouble("rmse"),
        rs.getDouble("mae"),
        Rows.nullableDouble(rs, "cv_rmse"),
        Rows.nullableDouble(rs, "nmbe"),
        rs.getDouble("residual_std"),
        Jsonb.read(rs.getString("validity"), new TypeReference<Validity>() {}),
        rs.getBoolean("is_active"),
        rs.getString("trained_by"),
        Rows.instant(rs, "trained_at"));
  }
}
