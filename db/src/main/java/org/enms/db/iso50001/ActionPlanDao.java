package org.enms.db.iso50001;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.enms.db.Database;
import org.enms.db.Rows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** {@code action_plans}: the energy action plans (ISO 50001 §6.2), with their SEU's name. */
public final class ActionPlanDao {
  private static final String SELECT =
      """
      SELECT a.*, s.name AS seu_name FROM action_plans a LEFT JOIN seus s ON s.id = a.seu_id
      """;

  private final Jdbi jdbi;

  public ActionPlanDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** A plan as stored; {@code id}, {@code seuName} and the times are the database's. */
  public record Row(
      UUID id,
      UUID seuId,
      String seuName,
      UUID factoryId,
      String title,
      String objective,
      String description,
      double targetSavingsKwh,
      Double targetSavingsUsd,
      Double actualSavingsKwh,
      Double actualSavingsUsd,
      String status,
      String priority,
      String responsiblePerson,
      String responsibleDepartment,
      LocalDate startDate,
      LocalDate targetDate,
      LocalDate completionDate,
      double progressPercent,
      String completionNotes,
      Double estimatedInvestmentUsd,
      Double actualInvestmentUsd,
      Double paybackPeriodMonths,
      String createdBy,
      Instant createdAt,
      Instant updatedAt) {}

  public Row insert(Row p) {
    return jdbi.inTransaction(
        h -> {
          UUID id =
              h.createQuery(
                      """
                      INSERT INTO action_plans (seu_id, factory_id, title, objective, description,
                        target_savings_kwh, target_savings_usd, actual_savings_kwh,
                        actual_savings_usd, status, priority, responsible_person,
                        responsible_department, start_date, target_date, completion_date,
                        progress_percent, completion_notes, estimated_investment_usd,
                        actual_investment_usd, payback_period_months, created_by)
                      VALUES (:seu, :factory, :title, :objective, :description, :kwh, :usd,
                        :actualKwh, :actualUsd, :status, :priority, :person, :department, :start,
                        :target, :completion, :progress, :notes, :investment, :actualInvestment,
                        :payback, :by)
                      RETURNING id
                      """)
                  .bind("by", p.createdBy())
                  .bindMethods(new Fields(p))
                  .mapTo(UUID.class)
                  .one();
          return byId(h, id).orElseThrow();
        });
  }

  public Optional<Row> byId(UUID id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  /**
   * Plans matching every filter given (null: any), most urgent first: priority critical to low,
   * then target date. A factory's plans are its own and those of SEUs with machines in it.
   */
  public List<Row> list(UUID factoryId, UUID seuId, String status, String priority) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                          WHERE (CAST(:factory AS uuid) IS NULL OR a.factory_id = :factory
                                 OR EXISTS (SELECT 1 FROM machines m
                                            WHERE m.id = ANY (s.machine_ids)
                                              AND m.factory_id = :factory))
                            AND (CAST(:seu AS uuid) IS NULL OR a.seu_id = :seu)
                            AND (CAST(:status AS text) IS NULL OR a.status = :status)
                            AND (CAST(:priority AS text) IS NULL OR a.priority = :priority)
                          ORDER BY CASE a.priority WHEN 'critical' THEN 0 WHEN 'high' THEN 1
                                     WHEN 'medium' THEN 2 ELSE 3 END,
                                   a.target_date, a.created_at
                          """)
                .bind("factory", factoryId)
                .bind("seu", seuId)
                .bind("status", status)
                .bind("priority", priority)
                .map(ActionPlanDao::map)
                .list());
  }

  /**
   * Reads the plan, applies {@code change} and stores the result, in one transaction (two updates
   * of one plan never lose each other's fields).
   */
  public Optional<Row> update(UUID id, UnaryOperator<Row> change) {
    return jdbi.inTransaction(
        h -> {
          Optional<Row> current =
              h.createQuery(SELECT + "WHERE a.id = :id FOR UPDATE OF a")
                  .bind("id", id)
                  .map(ActionPlanDao::map)
                  .findOne();
          if (current.isEmpty()) {
            return Optional.empty();
          }
          Row p = change.apply(current.get());
          h.createUpdate(
                  """
                  UPDATE action_plans SET seu_id = :seu, factory_id = :factory, title = :title,
                    objective = :objective, description = :description,
                    target_savings_kwh = :kwh, target_savings_usd = :usd,
                    actual_savings_kwh = :actualKwh, actual_savings_usd = :actualUsd,
                    status = :status, priority = :priority, responsible_person = :person,
                    responsible_department = :department, start_date = :start,
                    target_date = :target, completion_date = :completion,
                    progress_percent = :progress, completion_notes = :notes,
                    estimated_investment_usd = :investment, actual_investment_usd = :actualInvestment,
                    payback_period_months = :payback, updated_at = now()
                  WHERE id = :id
                  """)
              .bind("id", id)
              .bindMethods(new Fields(p))
              .execute();
          return byId(h, id);
        });
  }

  /** Deletes the plan; false when there was none. */
  public boolean delete(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createUpdate("DELETE FROM action_plans WHERE id = :id").bind("id", id).execute()
                == 1);
  }

  private static Optional<Row> byId(Handle h, UUID id) {
    return h.createQuery(SELECT + "WHERE a.id = :id")
        .bind("id", id)
        .map(ActionPlanDao::map)
        .findOne();
  }

  private static Row map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Row(
        rs.getObject("id", UUID.class),
        rs.getObject("seu_id", UUID.class),
        rs.getString("seu_name"),
        rs.getObject("factory_id", UUID.class),
        rs.getString("title"),
        rs.getString("objective"),
        rs.getString("description"),
        rs.getDouble("target_savings_kwh"),
        Rows.nullableDouble(rs, "target_savings_usd"),
        Rows.nullableDouble(rs, "actual_savings_kwh"),
        Rows.nullableDouble(rs, "actual_savings_usd"),
        rs.getString("status"),
        rs.getString("priority"),
        rs.getString("responsible_person"),
        rs.getString("responsible_department"),
        rs.getObject("start_date", LocalDate.class),
        rs.getObject("target_date", LocalDate.class),
        rs.getObject("completion_date", LocalDate.class),
        rs.getDouble("progress_percent"),
        rs.getString("completion_notes"),
        Rows.nullableDouble(rs, "estimated_investment_usd"),
        Rows.nullableDouble(rs, "actual_investment_usd"),
        Rows.nullableDouble(rs, "payback_period_months"),
        rs.getString("created_by"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }

  /** The plan's writable columns under the names both statements use, for {@code bindMethods}. */
  public record Fields(Row p) {
    public UUID seu() {
      return p.seuId();
    }

    public UUID factory() {
      return p.factoryId();
    }

    public String title() {
      return p.title();
    }

    public String objective() {
      return p.objective();
    }

    public String description() {
      return p.description();
    }

    public double kwh() {
      return p.targetSavingsKwh();
    }

    public Double usd() {
      return p.targetSavingsUsd();
    }

    public Double actualKwh() {
      return p.actualSavingsKwh();
    }

    public Double actualUsd() {
      return p.actualSavingsUsd();
    }

    public String status() {
      return p.status();
    }

    public String priority() {
      return p.priority();
    }

    public String person() {
      return p.responsiblePerson();
    }

    public String department() {
      return p.responsibleDepartment();
    }

    public LocalDate start() {
      return p.startDate();
    }

    public LocalDate target() {
      return p.targetDate();
    }

    public LocalDate completion() {
      return p.completionDate();
    }

    public double progress() {
      return p.progressPercent();
    }

    public String notes() {
      return p.completionNotes();
    }

    public Double investment() {
      return p.estimatedInvestmentUsd();
    }

    public Double actualInvestment() {
      return p.actualInvestmentUsd();
    }

    public Double payback() {
      return p.paybackPeriodMonths();
    }
  }
}
