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

/**
 * The {@code factories} table. Factories are never deleted: deactivating one keeps it and its
 * history, and is refused while it still has active machines.
 */
public final class FactoryDao {
  private static final String SELECT =
      """
      SELECT f.id, f.name, f.location, f.timezone, f.is_active, f.created_at, f.updated_at,
             (SELECT count(*) FROM machines m WHERE m.factory_id = f.id AND m.is_active)
               AS active_machines
      FROM factories f
      """;

  private final Jdbi jdbi;

  public FactoryDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Ordered by name, optionally only active or only inactive ones. */
  public List<FactoryRecord> list(Optional<Boolean> active) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                          WHERE CAST(:active AS boolean) IS NULL
                             OR f.is_active = CAST(:active AS boolean)
                          ORDER BY f.name
                          """)
                .bind("active", active.orElse(null))
                .map(FactoryDao::map)
                .list());
  }

  public Optional<FactoryRecord> byId(UUID id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  public Optional<FactoryRecord> byName(String name) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "WHERE f.name = :name")
                .bind("name", name)
                .map(FactoryDao::map)
                .findOne());
  }

  /** Inserts a new factory; {@code id} is generated when null. */
  public FactoryRecord create(UUID id, FactoryDraft draft) {
    return write(
        h -> {
          UUID created = insert(h, id == null ? UUID.randomUUID() : id, draft);
          return byId(h, created).orElseThrow();
        });
  }

  public Optional<FactoryRecord> update(UUID id, FactoryDraft draft) {
    return write(h -> update(h, id, draft) ? byId(h, id) : Optional.empty());
  }

  /**
   * Sets the active flag. Deactivating a factory that still has active machines is refused, so
   * ingest never accepts data for machines of a closed site.
   */
  public Optional<FactoryRecord> setActive(UUID id, boolean active) {
    return write(
        h -> {
          Optional<FactoryRecord> current = byId(h, id);
          if (current.isEmpty()) {
            return current;
          }
          if (!active && current.get().activeMachines() > 0) {
            throw new RegistryException(
                RegistryException.Kind.CONFLICT,
                "is_active",
                "Factory has "
                    + current.get().activeMachines()
                    + " active machine(s); deactivate them first");
          }
          h.createUpdate(
                  "UPDATE factories SET is_active = :active, updated_at = now() WHERE id = :id")
              .bind("id", id)
              .bind("active", active)
              .execute();
          return byId(h, id);
        });
  }

  static Optional<FactoryRecord> byId(Handle h, UUID id) {
    return h.createQuery(SELECT + "WHERE f.id = :id").bind("id", id).map(FactoryDao::map).findOne();
  }

  static Optional<UUID> idByName(Handle h, String name) {
    return h.createQuery("SELECT id FROM factories WHERE name = :name")
        .bind("name", name)
        .mapTo(UUID.class)
        .findOne();
  }

  static UUID insert(Handle h, UUID id, FactoryDraft d) {
    h.createUpdate(
            """
            INSERT INTO factories (id, name, location, timezone)
            VALUES (:id, :name, :location, :timezone)
            """)
        .bind("id", id)
        .bind("name", d.name())
        .bind("location", d.location())
        .bind("timezone", d.timezone() == null ? "UTC" : d.timezone())
        .execute();
    return id;
  }

  static boolean update(Handle h, UUID id, FactoryDraft d) {
    return h.createUpdate(
                """
                UPDATE factories
                SET name = :name, location = :location, timezone = :timezone, updated_at = now()
                WHERE id = :id
                """)
            .bind("id", id)
            .bind("name", d.name())
            .bind("location", d.location())
            .bind("timezone", d.timezone() == null ? "UTC" : d.timezone())
            .execute()
        == 1;
  }

  /** The factory named {@code name}, created (active, UTC) if it does not exist yet. */
  static UUID ensure(Handle h, String name) {
    h.createUpdate(
            "INSERT INTO factories (id, name) VALUES (:id, :name) ON CONFLICT (name) DO NOTHING")
        .bind("id", PlantIds.factory(name))
        .bind("name", name)
        .execute();
    return idByName(h, name).orElseThrow();
  }

  private <T> T write(HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (RuntimeException e) {
      throw RegistryException.translate(e);
    }
  }

  private static FactoryRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new FactoryRecord(
        Cols.uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("location"),
        rs.getString("timezone"),
        rs.getBoolean("is_active"),
        rs.getLong("active_machines"),
        Cols.instant(rs, "created_at"),
        Cols.instant(rs, "updated_at"));
  }
}
