package org.enms.db.iso50001;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.enms.db.Rows;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code energy_targets}: reduction targets of an SEU or a factory, with their last progress. */
public final class TargetDao {
  private final Jdbi jdbi;

  public TargetDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /**
   * A target as stored; {@code seuId} or {@code factoryId} by {@code targetType}. Progress fields
   * are null until computed.
   */
  public record Row(
      UUID id,
      String targetType,
      UUID seuId,
      UUID factoryId,
      int targetYear,
      String targetDescription,
      int baselineYear,
      double baselineEnergyKwh,
      double targetReductionPercent,
      double targetEnergyKwh,
      double targetSavingsKwh,
      Double currentEnergyKwh,
      Double currentSavingsKwh,
      Double progressPercent,
      String status,
      LocalDate deadline,
      String createdBy) {}

  public Row insert(Row t) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    INSERT INTO energy_targets (target_type, seu_id, factory_id, target_year,
                      target_description, baseline_year, baseline_energy_kwh,
                      target_reduction_percent, target_energy_kwh, target_savings_kwh,
                      current_energy_kwh, current_savings_kwh, progress_percent, status, deadline,
                      created_by)
                    VALUES (:type, :seu, :factory, :year, :description, :baselineYear, :baseline,
                      :pct, :targetEnergy, :targetSavings, :current, :savings, :progress, :status,
                      :deadline, :by)
                    RETURNING *
                    """)
                .bind("type", t.targetType())
                .bind("seu", t.seuId())
                .bind("factory", t.factoryId())
                .bind("year", t.targetYear())
                .bind("description", t.targetDescription())
                .bind("baselineYear", t.baselineYear())
                .bind("baseline", t.baselineEnergyKwh())
                .bind("pct", t.targetReductionPercent())
                .bind("targetEnergy", t.targetEnergyKwh())
                .bind("targetSavings", t.targetSavingsKwh())
                .bind("current", t.currentEnergyKwh())
                .bind("savings", t.currentSavingsKwh())
                .bind("progress", t.progressPercent())
                .bind("status", t.status())
                .bind("deadline", t.deadline())
                .bind("by", t.createdBy())
                .map(TargetDao::map)
                .one());
  }

  public Optional<Row> byId(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM energy_targets WHERE id = :id")
                .bind("id", id)
                .map(TargetDao::map)
                .findOne());
  }

  /** Stores newly computed progress; a cancelled target keeps its status. */
  public Optional<Row> updateProgress(
      UUID id, double currentEnergy, double currentSavings, double progress, String status) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    UPDATE energy_targets SET current_energy_kwh = :current,
                      current_savings_kwh = :savings, progress_percent = :progress,
                      status = CASE WHEN status = 'cancelled' THEN status ELSE :status END,
                      updated_at = now()
                    WHERE id = :id
                    RETURNING *
                    """)
                .bind("id", id)
                .bind("current", currentEnergy)
                .bind("savings", currentSavings)
                .bind("progress", progress)
                .bind("status", status)
                .map(TargetDao::map)
                .findOne());
  }

  private static Row map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getString("target_type"),
        rs.getObject("seu_id", UUID.class),
        rs.getObject("factory_id", UUID.class),
        rs.getInt("target_year"),
        rs.getString("target_description"),
        rs.getInt("baseline_year"),
        rs.getDouble("baseline_energy_kwh"),
        rs.getDouble("target_reduction_percent"),
        rs.getDouble("target_energy_kwh"),
        rs.getDouble("target_savings_kwh"),
        Rows.nullableDouble(rs, "current_energy_kwh"),
        Rows.nullableDouble(rs, "current_savings_kwh"),
        Rows.nullableDouble(rs, "progress_percent"),
        rs.getString("status"),
        rs.getObject("deadline", LocalDate.class),
        rs.getString("created_by"));
  }
}
