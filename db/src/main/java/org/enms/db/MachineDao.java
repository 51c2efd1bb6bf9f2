package org.enms.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Reads the machine registry ({@code machines} joined with {@code factories}). */
public final class MachineDao {
  private static final String SELECT =
      """
      SELECT m.id, m.factory_id, m.name, m.type, m.rated_power_kw, m.is_active,
             m.data_interval_seconds, f.name AS factory_name, f.location AS factory_location
      FROM machines m
      JOIN factories f ON f.id = m.factory_id
      """;

  private final Jdbi jdbi;

  public MachineDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /**
   * Machines ordered by name, optionally filtered by a case-insensitive substring of the name and
   * by the active flag.
   */
  public List<MachineRow> list(Optional<String> search, Optional<Boolean> isActive) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    SELECT
                        + """
                          WHERE (CAST(:search AS text) IS NULL
                                 OR strpos(lower(m.name), lower(CAST(:search AS text))) > 0)
                            AND (CAST(:active AS boolean) IS NULL
                                 OR m.is_active = CAST(:active AS boolean))
                          ORDER BY m.name
                          """)
                .bind("search", search.orElse(null))
                .bind("active", isActive.orElse(null))
                .map(MachineDao::map)
                .list());
  }

  public Optional<MachineRow> byId(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(SELECT + "WHERE m.id = :id")
                .bind("id", id)
                .map(MachineDao::map)
                .findOne());
  }

  /** Machines whose name contains {@code fragment}, ignoring case, ordered by name. */
  public List<MachineRow> byNameContaining(String fragment) {
    return list(Optional.of(fragment), Optional.empty());
  }

  public Set<UUID> activeIds() {
    return jdbi.withHandle(
        h ->
            new HashSet<>(
                h.createQuery("SELECT id FROM machines WHERE is_active").mapTo(UUID.class).list()));
  }

  /** Registered but deactivated machines: ingest refuses their data under either policy. */
  public Set<UUID> inactiveIds() {
    return jdbi.withHandle(
        h ->
            new HashSet<>(
                h.createQuery("SELECT id FROM machines WHERE NOT is_active")
                    .mapTo(UUID.class)
                    .list()));
  }

  private static MachineRow map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MachineRow(
        rs.getObject("id", UUID.class),
        rs.getObject("factory_id", UUID.class),
        rs.getString("name"),
        rs.getString("type"),
        rs.getDouble("rated_power_kw"),
        rs.getBoolean("is_active"),
        rs.getString("factory_name"),
        rs.getString("factory_location"),
        rs.getInt("data_interval_seconds"));
  }
}
