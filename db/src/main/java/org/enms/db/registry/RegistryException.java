package org.enms.db.registry;

import java.sql.SQLException;
import java.util.Map;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;

/**
 * A registry write the database refused for a reason the caller can fix: a name already taken
 * ({@link Kind#CONFLICT}), a reference to something that does not exist ({@link
 * Kind#MISSING_REFERENCE}) or a value the registry does not accept ({@link Kind#INVALID}). {@code
 * field} names the offending input in the API's snake_case.
 */
public final class RegistryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the write was refused. */
  public enum Kind {
    CONFLICT,
    MISSING_REFERENCE,
    INVALID
  }

  /** Constraint names of the registry tables, and the input field each one guards. */
  private static final Map<String, String> FIELD_OF_CONSTRAINT =
      Map.ofEntries(
          Map.entry("factories_pkey", "id"),
          Map.entry("factories_name_key", "name"),
          Map.entry("machines_pkey", "id"),
          Map.entry("machines_factory_id_name_key", "name"),
          Map.entry("machines_factory_id_fkey", "factory_id"),
          Map.entry("machines_tariff_id_fkey", "tariff_id"),
          Map.entry("machines_type_check", "type"),
          Map.entry("machine_energy_sources_energy_source_id_fkey", "energy_sources"),
          Map.entry("machine_energy_sources_pkey", "energy_sources"),
          Map.entry("energy_sources_pkey", "id"),
          Map.entry("energy_sources_name_key", "name"),
          Map.entry("seus_pkey", "id"),
          Map.entry("seus_name_key", "name"),
          Map.entry("seus_energy_source_id_fkey", "energy_source_id"),
          Map.entry("seus_machine_ids_check", "machine_ids"),
          Map.entry("seus_baseline_year_check", "baseline_year"),
          Map.entry("energy_tariffs_pkey", "id"),
          Map.entry("energy_tariffs_version_key", "valid_from"),
          Map.entry("energy_tariffs_factory_id_fkey", "factory_id"),
          Map.entry("energy_tariffs_energy_source_id_fkey", "energy_source"),
          Map.entry("energy_tariffs_kind_check", "kind"),
          Map.entry("energy_tariffs_hours_check", "start_hour"),
          Map.entry("energy_tariffs_demand_check", "demand_charge_per_kw"),
          Map.entry("energy_tariffs_start_hour_check", "start_hour"),
          Map.entry("energy_tariffs_end_hour_check", "end_hour"));

  private final Kind kind;
  private final String field;

  public RegistryException(Kind kind, String field, String message) {
    super(message);
    this.kind = kind;
    this.field = field;
  }

  public Kind kind() {
    return kind;
  }

  /** The input field at fault, snake_case. */
  public String field() {
    return field;
  }

  /**
   * The registry's reading of a failed statement: unique, foreign-key and check violations become a
   * {@code RegistryException}; anything else is returned unchanged.
   */
  static RuntimeException translate(RuntimeException e) {
    if (!(e instanceof JdbiException)) {
      return e;
    }
    Throwable cause = e.getCause();
    while (cause != null && !(cause instanceof PSQLException)) {
      cause = cause.getCause();
    }
    if (!(cause instanceof PSQLException psql) || psql.getServerErrorMessage() == null) {
      return e;
    }
    String constraint = psql.getServerErrorMessage().getConstraint();
    String field =
        constraint == null ? "body" : FIELD_OF_CONSTRAINT.getOrDefault(constraint, "body");
    String detail = psql.getServerErrorMessage().getDetail();
    return switch (sqlState(psql)) {
      case "23505" -> new RegistryException(Kind.CONFLICT, field, conflictMessage(field, detail));
      case "23503" ->
          new RegistryException(
              Kind.MISSING_REFERENCE, field, "unknown " + field.replace('_', ' ') + ": " + detail);
      case "23514" -> new RegistryException(Kind.INVALID, field, "invalid " + field);
      default -> e;
    };
  }

  private static String conflictMessage(String field, String detail) {
    return "id".equals(field)
        ? "An entry with this id already exists"
        : "An entry with this "
            + field.replace('_', ' ')
            + " already exists"
            + (detail == null ? "" : " (" + detail + ")");
  }

  private static String sqlState(SQLException e) {
    return e.getSQLState() == null ? "" : e.getSQLState();
  }
}
