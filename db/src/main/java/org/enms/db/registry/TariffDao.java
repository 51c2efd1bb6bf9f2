package org.enms.db.registry;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The {@code energy_tariffs} table: versions of each factory's tariffs, written by the plant file
 * and the API. Versions are added, never deleted, and a new one may not start where intervals are
 * already priced (their prices are kept; see {@code energy_costs_15min}).
 */
public final class TariffDao {
  private static final String SELECT =
      """
      SELECT t.id, t.factory_id, f.name AS factory_name, s.name AS energy_source, t.name, t.kind,
             t.rate_per_kwh, t.currency, t.start_hour, t.end_hour, t.applicable_days,
             t.demand_charge_per_kw, t.valid_from, t.valid_to, t.description, t.is_active,
             t.created_at,
             row_number() OVER versions AS version,
             lead(t.valid_from) OVER versions AS superseded_on
      FROM energy_tariffs t
      JOIN factories f ON f.id = t.factory_id
      JOIN energy_sources s ON s.id = t.energy_source_id
      """;
  private static final String WINDOW =
      " WINDOW versions AS (PARTITION BY t.factory_id, t.name ORDER BY t.valid_from)";

  private final Jdbi jdbi;

  public TariffDao(Database database) {
    this.jdbi = database.jdbi();
  }

  /** Every version, by factory, energy source, name and start; optionally of one factory/source. */
  public List<TariffRecord> list(Optional<UUID> factory, Optional<String> energySource) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT * FROM ("
                        + SELECT
                        + WINDOW
                        + """
                          ) v
                          WHERE (CAST(:factory AS uuid) IS NULL OR v.factory_id = :factory)
                            AND (CAST(:source AS text) IS NULL OR v.energy_source = :source)
                          ORDER BY v.factory_name, v.energy_source, v.name, v.valid_from
                          """)
                .bind("factory", factory.orElse(null))
                .bind("source", energySource.orElse(null))
                .map(TariffDao::map)
                .list());
  }

  public Optional<TariffRecord> byId(UUID id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  /**
   * Adds a version ({@code id} generated when null).
   *
   * @param overPriced allow a start where intervals are already priced: the caller reprices them
   * @throws RegistryException for an unknown factory or energy source, an invalid value, a currency
   *     other than the factory's, a version that repeats one, or (unless {@code overPriced}) one
   *     that would start where intervals are already priced
   */
  public TariffRecord create(UUID id, UUID factoryId, TariffDraft draft, boolean overPriced) {
    try {
      return jdbi.inTransaction(
          h -> {
            UUID created =
                insert(h, id == null ? UUID.randomUUID() : id, factoryId, draft, overPriced);
            return byId(h, created).orElseThrow();
          });
    } catch (RuntimeException e) {
      throw RegistryException.translate(e);
    }
  }

  private static Optional<TariffRecord> byId(Handle h, UUID id) {
    return h.createQuery("SELECT * FROM (" + SELECT + WINDOW + ") v WHERE v.id = :id")
        .bind("id", id)
        .map(TariffDao::map)
        .findOne();
  }

  /** The first version of the tariff {@code name}: what a machine refers to by that name. */
  static Optional<UUID> idByName(Handle h, UUID factoryId, String name) {
    return h.createQuery(
            """
            SELECT id FROM energy_tariffs WHERE factory_id = :factory AND name = :name
            ORDER BY valid_from LIMIT 1
            """)
        .bind("factory", factoryId)
        .bind("name", name)
        .mapTo(UUID.class)
        .findOne();
  }

  static Optional<UUID> idByKey(Handle h, UUID factoryId, String name, LocalDate validFrom) {
    return h.createQuery(
            """
            SELECT id FROM energy_tariffs
            WHERE factory_id = :factory AND name = :name AND valid_from = :validFrom
            """)
        .bind("factory", factoryId)
        .bind("name", name)
        .bind("validFrom", validFrom)
        .mapTo(UUID.class)
        .findOne();
  }

  static UUID insert(Handle h, UUID id, UUID factoryId, TariffDraft d, boolean overPriced) {
    UUID source = checked(h, factoryId, d);
    Instant start = localStart(h, factoryId, d.validFrom());
    latestPriced(h, factoryId, d.energySourceOrDefault())
        .filter(latest -> !overPriced && !latest.isBefore(start))
        .ifPresent(
            latest -> {
              throw new RegistryException(
                  RegistryException.Kind.CONFLICT,
                  "valid_from",
                  "Intervals up to "
                      + latest
                      + " are already priced and keep their prices; a new version can start on "
                      + localDate(h, factoryId, latest).plusDays(1)
                      + " or later (or reprice the history explicitly)");
            });
    h.createUpdate(
            """
            INSERT INTO energy_tariffs (id, factory_id, energy_source_id, name, description, kind,
                                        rate_per_kwh, currency, is_time_of_use, start_hour,
                                        end_hour, applicable_days, demand_charge_per_kw,
                                        valid_from)
            VALUES (:id, :factory, :source, :name, :description, :kind, :ratePerKwh, :currency,
                    :kind = 'time_of_use', :startHour, :endHour, CAST(:days AS integer[]),
                    :demandChargePerKw, :validFrom)
            """)
        .bind("id", id)
        .bind("factory", factoryId)
        .bind("source", source)
        .bindMethods(d)
        .bind("days", days(d))
        .execute();
    return id;
  }

  /**
   * Changes a version in place (the plant file redeclaring it). Intervals already priced keep their
   * prices; only intervals rolled up from now on see the change.
   */
  static void update(Handle h, UUID id, UUID factoryId, TariffDraft d) {
    UUID source = checked(h, factoryId, d);
    h.createUpdate(
            """
            UPDATE energy_tariffs
            SET energy_source_id = :source, description = :description, kind = :kind,
                rate_per_kwh = :ratePerKwh, currency = :currency,
                is_time_of_use = :kind = 'time_of_use', start_hour = :startHour,
                end_hour = :endHour, applicable_days = CAST(:days AS integer[]),
                demand_charge_per_kw = :demandChargePerKw
            WHERE id = :id
            """)
        .bind("id", id)
        .bind("source", source)
        .bindMethods(d)
        .bind("days", days(d))
        .execute();
  }

  /** Validates the version against the registry; the id of its energy source. */
  private static UUID checked(Handle h, UUID factoryId, TariffDraft d) {
    TariffDraft.Problem problem = d.problem();
    if (problem != null) {
      throw new RegistryException(
          RegistryException.Kind.INVALID, problem.field(), problem.message());
    }
    if (FactoryDao.byId(h, factoryId).isEmpty()) {
      throw new RegistryException(
          RegistryException.Kind.MISSING_REFERENCE, "factory_id", "unknown factory " + factoryId);
    }
    UUID source =
        EnergySourceDao.byName(h, d.energySourceOrDefault())
            .orElseThrow(
                () ->
                    new RegistryException(
                        RegistryException.Kind.MISSING_REFERENCE,
                        "energy_source",
                        "unknown energy source " + d.energySourceOrDefault()))
            .id();
    h.createQuery(
            """
            SELECT s.name FROM energy_tariffs t JOIN energy_sources s ON s.id = t.energy_source_id
            WHERE t.factory_id = :factory AND t.name = :name AND t.energy_source_id <> :source
            LIMIT 1
            """)
        .bind("factory", factoryId)
        .bind("name", d.name())
        .bind("source", source)
        .mapTo(String.class)
        .findOne()
        .ifPresent(
            other -> {
              throw new RegistryException(
                  RegistryException.Kind.INVALID,
                  "energy_source",
                  "tariff " + d.name() + " prices " + other + "; its versions cannot change that");
            });
    h.createQuery(
            """
            SELECT currency FROM energy_tariffs
            WHERE factory_id = :factory AND currency <> :currency LIMIT 1
            """)
        .bind("factory", factoryId)
        .bind("currency", d.currency())
        .mapTo(String.class)
        .findOne()
        .ifPresent(
            billing -> {
              throw new RegistryException(
                  RegistryException.Kind.INVALID,
                  "currency",
                  "the factory's tariffs are in " + billing + "; a factory bills in one currency");
            });
    return source;
  }

  /** The start of the most recent priced interval of the factory's machines for the source. */
  private static Optional<Instant> latestPriced(Handle h, UUID factoryId, String energyType) {
    return h.createQuery(
            """
            SELECT max(x.latest) FROM machines m,
              LATERAL (SELECT max(c.bucket) AS latest FROM energy_costs_15min c
                       WHERE c.machine_id = m.id AND c.energy_type = :energyType) x
            WHERE m.factory_id = :factory
            """)
        .bind("factory", factoryId)
        .bind("energyType", energyType)
        .map((rs, ctx) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)))
        .one()
        .map(OffsetDateTime::toInstant);
  }

  private static ZoneId zone(Handle h, UUID factoryId) {
    return ZoneId.of(
        h.createQuery("SELECT timezone FROM factories WHERE id = :id")
            .bind("id", factoryId)
            .mapTo(String.class)
            .one());
  }

  /** Local midnight of {@code date} in the factory's time zone. */
  public Instant localStart(UUID factoryId, LocalDate date) {
    return jdbi.withHandle(h -> localStart(h, factoryId, date));
  }

  private static Instant localStart(Handle h, UUID factoryId, LocalDate date) {
    return date.atStartOfDay(zone(h, factoryId)).toInstant();
  }

  private static LocalDate localDate(Handle h, UUID factoryId, Instant t) {
    return LocalDate.ofInstant(t, zone(h, factoryId));
  }

  private static Integer[] days(TariffDraft d) {
    return d.applicableDays() == null ? null : d.applicableDays().toArray(new Integer[0]);
  }

  private static TariffRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    Array days = rs.getArray("applicable_days");
    return new TariffRecord(
        Cols.uuid(rs, "id"),
        Cols.uuid(rs, "factory_id"),
        rs.getString("factory_name"),
        rs.getString("energy_source"),
        rs.getString("name"),
        rs.getInt("version"),
        rs.getString("kind"),
        rs.getDouble("rate_per_kwh"),
        rs.getString("currency"),
        Cols.nullableInt(rs, "start_hour"),
        Cols.nullableInt(rs, "end_hour"),
        days == null ? null : List.copyOf(Arrays.asList((Integer[]) days.getArray())),
        Cols.nullableDouble(rs, "demand_charge_per_kw"),
        rs.getObject("valid_from", LocalDate.class),
        rs.getObject("superseded_on", LocalDate.class),
        rs.getObject("valid_to", LocalDate.class),
        rs.getString("description"),
        rs.getBoolean("is_active"),
        Cols.instant(rs, "created_at"));
  }
}
