package org.enms.db.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** The {@code energy_sources} table; never deleted, only deactivated. */
public final class EnergySourceDao {
  private static final String SELECT =
      """
      SELECT id, name, unit, cost_per_unit, carbon_factor, description, is_active, created_at,
             updated_at
      FROM energy_sources
      """;

  private final Jdbi jdbi;

  public EnergySourceDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Ordered by name. */
  public List<EnergySourceRecord> list(Optional<Boolean> active) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                          WHERE CAST(:active AS boolean) IS NULL
                             OR is_active = CAST(:active AS boolean)
                          ORDER BY name
                          """)
                .bind("active", active.orElse(null))
                .map(EnergySourceDao::map)
                .list());
  }

  public Optional<EnergySourceRecord> byId(UUID id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  public Optional<EnergySourceRecord> byName(String name) {
    return jdbi.withHandle(h -> byName(h, name));
  }

  /** Inserts a new source; {@code id} is generated when null. */
  public EnergySourceRecord create(UUID id, EnergySourceDraft draft) {
    return write(h -> byId(h, insert(h, id == null ? UUID.randomUUID() : id, draft)).orElseThrow());
  }

  public Optional<EnergySourceRecord> update(UUID id, EnergySourceDraft draft) {
    return write(h -> update(h, id, draft) ? byId(h, id) : Optional.empty());
  }

  public Optional<EnergySourceRecord> setActive(UUID id, boolean active) {
    return write(
        h ->
            h.createUpdate(
                            """
                            UPDATE energy_sources SET is_active = :active, updated_at = now()
                            WHERE id = :id
                            """)
                        .bind("id", id)
                        .bind("active", active)
                        .execute()
                    == 1
                ? byId(h, id)
                : Optional.empty());
  }

  static Optional<EnergySourceRecord> byId(Handle h, UUID id) {
    return h.createQuery(SELECT + "WHERE id = :id")
        .bind("id", id)
        .map(EnergySourceDao::map)
        .findOne();
  }

  static Optional<EnergySourceRecord> byName(Handle h, String name) {
    return h.createQuery(SELECT + "WHERE name = :name")
        .bind("name", name)
        .map(EnergySourceDao::map)
        .findOne();
  }

  static UUID insert(Handle h, UUID id, EnergySourceDraft d) {
    h.createUpdate(
            """
            INSERT INTO energy_sources (id, name, unit, cost_per_unit, carbon_factor, description)
            VALUES (:id, :name, :unit, :cost, :carbon, :description)
            """)
        .bind("id", id)
        .bind("name", d.name())
        .bind("unit", d.unit())
        .bind("cost", d.costPerUnit())
        .bind("carbon", d.carbonFactor())
        .bind("description", d.description())
        .execute();
    return id;
  }

  static boolean update(Handle h, UUID id, EnergySourceDraft d) {
    return h.createUpdate(
                """
                UPDATE energy_sources
                SET name = :name, unit = :unit, cost_per_unit = :cost, carbon_factor = :carbon,
                    description = :description, updated_at = now()
                WHERE id = :id
                """)
            .bind("id", id)
            .bind("name", d.name())
            .bind("unit", d.unit())
            .bind("cost", d.costPerUnit())
            .bind("carbon", d.carbonFactor())
            .bind("description", d.description())
            .execute()
        == 1;
  }

  private <T> T write(HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (RuntimeException e) {
      throw RegistryException.translate(e);
    }
  }

  private static EnergySourceRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new EnergySourceRecord(
        Cols.uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("unit"),
        Cols.nullableDouble(rs, "cost_per_unit"),
        Cols.nullableDouble(rs, "carbon_factor"),
        rs.getString("description"),
        rs.getBoolean("is_active"),
        Cols.instant(rs, "created_at"),
        Cols.instant(rs, "updated_at"));
  }
}
