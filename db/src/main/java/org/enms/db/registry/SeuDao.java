package org.enms.db.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code seus} table (ISO 50001 significant energy uses). Trained baseline columns are owned by
 * the baseline work and left untouched here; SEUs are deactivated, never deleted.
 */
public final class SeuDao {
  private static final String SELECT =
      """
      SELECT s.id, s.name, s.description, s.energy_source_id, e.name AS energy_source, e.unit,
             s.machine_ids, s.baseline_year, s.r_squared, s.is_active, s.created_at, s.updated_at
      FROM seus s
      JOIN energy_sources e ON e.id = s.energy_source_id
      """;

  private final Jdbi jdbi;

  public SeuDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Ordered by name; {@code energySource} filters by the source's name, ignoring case. */
  public List<SeuRecord> list(Optional<String> energySource, Optional<Boolean> active) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                          WHERE (CAST(:source AS text) IS NULL
                                 OR lower(e.name) = lower(CAST(:source AS text)))
                            AND (CAST(:active AS boolean) IS NULL
                                 OR s.is_active = CAST(:active AS boolean))
                          ORDER BY s.name
                          """)
                .bind("source", energySource.orElse(null))
                .bind("active", active.orElse(null))
                .map(SeuDao::map)
                .list());
  }

  public Optional<SeuRecord> byId(UUID id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  /** The SEU's machines, ordered by name. */
  public List<SeuMachine> machinesOf(UUID seuId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT m.id, m.name, m.type, m.rated_power_kw
                    FROM seus s
                    JOIN machines m ON m.id = ANY (s.machine_ids)
                    WHERE s.id = :id
                    ORDER BY m.name
                    """)
                .bind("id", seuId)
                .map(
                    (rs, ctx) ->
                        new SeuMachine(
                            Cols.uuid(rs, "id"),
                            rs.getString("name"),
                            rs.getString("type"),
                            rs.getDouble("rated_power_kw")))
                .list());
  }

  /** Inserts a new SEU; {@code id} is generated when null. */
  public SeuRecord create(UUID id, SeuDraft draft) {
    return write(h -> byId(h, insert(h, id == null ? UUID.randomUUID() : id, draft)).orElseThrow());
  }

  public Optional<SeuRecord> update(UUID id, SeuDraft draft) {
    return write(h -> update(h, id, draft) ? byId(h, id) : Optional.empty());
  }

  public Optional<SeuRecord> setActive(UUID id, boolean active) {
    return write(
        h ->
            h.createUpdate("UPDATE seus SET is_active = :active, updated_at = now() WHERE id = :id")
                        .bind("id", id)
                        .bind("active", active)
                        .execute()
                    == 1
                ? byId(h, id)
                : Optional.empty());
  }

  static Optional<SeuRecord> byId(Handle h, UUID id) {
    return h.createQuery(SELECT + "WHERE s.id = :id").bind("id", id).map(SeuDao::map).findOne();
  }

  static Optional<UUID> idByName(Handle h, String name) {
    return h.createQuery("SELECT id FROM seus WHERE name = :name")
        .bind("name", name)
        .mapTo(UUID.class)
        .findOne();
  }

  static UUID insert(Handle h, UUID id, SeuDraft d) {
    checkMachines(h, d);
    h.createUpdate(
            """
            INSERT INTO seus (id, name, description, energy_source_id, machine_ids, baseline_year)
            VALUES (:id, :name, :description, :source, CAST(:machines AS uuid[]), :year)
            """)
        .bind("id", id)
        .bind("name", d.name())
        .bind("description", d.description())
        .bind("source", d.energySourceId())
        .bindArray("machines", UUID.class, d.machineIds())
        .bind("year", d.baselineYear())
        .execute();
    return id;
  }

  static boolean update(Handle h, UUID id, SeuDraft d) {
    checkMachines(h, d);
    return h.createUpdate(
                """
                UPDATE seus
                SET name = :name, description = :description, energy_source_id = :source,
                    machine_ids = CAST(:machines AS uuid[]), baseline_year = :year,
                    updated_at = now()
                WHERE id = :id
                """)
            .bind("id", id)
            .bind("name", d.name())
            .bind("description", d.description())
            .bind("source", d.energySourceId())
            .bindArray("machines", UUID.class, d.machineIds())
            .bind("year", d.baselineYear())
            .execute()
        == 1;
  }

  /** {@code machine_ids} is an array, so the database cannot check it; the registry does. */
  private static void checkMachines(Handle h, SeuDraft d) {
    var known =
        new HashSet<>(
            h.createQuery("SELECT id FROM machines WHERE id = ANY (CAST(:ids AS uuid[]))")
                .bindArray("ids", UUID.class, d.machineIds())
                .mapTo(UUID.class)
                .list());
    List<UUID> missing = d.machineIds().stream().filter(id -> !known.contains(id)).toList();
    if (!missing.isEmpty()) {
      throw new RegistryException(
          RegistryException.Kind.MISSING_REFERENCE, "machine_ids", "unknown machines: " + missing);
    }
  }

  private <T> T write(HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (RuntimeException e) {
      throw RegistryException.translate(e);
    }
  }

  private static SeuRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new SeuRecord(
        Cols.uuid(rs, "id"),
        rs.getString("name"),
        rs.getString("description"),
        Cols.uuid(rs, "energy_source_id"),
        rs.getString("energy_source"),
        rs.getString("unit"),
        Cols.uuids(rs, "machine_ids"),
        Cols.nullableInt(rs, "baseline_year"),
        Cols.nullableDouble(rs, "r_squared"),
        rs.getBoolean("is_active"),
        Cols.instant(rs, "created_at"),
        Cols.instant(rs, "updated_at"));
  }
}
