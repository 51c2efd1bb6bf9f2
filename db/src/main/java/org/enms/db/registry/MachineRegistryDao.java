package org.enms.db.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Writes the machine registry: {@code machines}, their {@code machine_energy_sources} and their
 * {@code machine_status} row. Machines are never deleted: deactivating one keeps its readings and
 * roll-ups, and ingest stops accepting its data. ({@link org.enms.db.MachineDao} is the read side
 * the API lists from.)
 */
public final class MachineRegistryDao {
  private static final String SELECT =
      """
      SELECT m.id, m.factory_id, f.name AS factory_name, m.name, m.type, m.rated_power_kw,
             m.data_interval_seconds, m.tariff_id, m.description, m.manufacturer, m.model,
             m.location_in_factory, m.mqtt_topic, m.is_critical, m.rated_current_a,
             m.rated_voltage_v, m.is_active, m.created_at, m.updated_at
      FROM machines m
      JOIN factories f ON f.id = m.factory_id
      """;

  private final Jdbi jdbi;

  public MachineRegistryDao(Database database) {
    this.jdbi = database.jdbi();
  }

  public Optional<MachineRecord> byId(UUID id) {
    return jdbi.withHandle(h -> byId(h, id));
  }

  /** Inserts a new machine (and its status row); {@code id} is generated when null. */
  public MachineRecord create(UUID id, MachineDraft draft) {
    return write(h -> byId(h, insert(h, id == null ? UUID.randomUUID() : id, draft)).orElseThrow());
  }

  /** Replaces every settable field, energy sources included. Empty when there is no such id. */
  public Optional<MachineRecord> update(UUID id, MachineDraft draft) {
    return write(h -> update(h, id, draft) ? byId(h, id) : Optional.empty());
  }

  /** Sets the active flag; readings are kept either way. Empty when there is no such id. */
  public Optional<MachineRecord> setActive(UUID id, boolean active) {
    return write(h -> setActive(h, id, active) ? byId(h, id) : Optional.empty());
  }

  /** Every registered machine id and whether it is active: what ingest accepts and refuses. */
  public Map<UUID, Boolean> activity() {
    return jdbi.withHandle(
        h -> {
          Map<UUID, Boolean> out = new HashMap<>();
          h.createQuery("SELECT id, is_active FROM machines")
              .map((rs, ctx) -> Map.entry(Cols.uuid(rs, "id"), rs.getBoolean("is_active")))
              .forEach(e -> out.put(e.getKey(), e.getValue()));
          return out;
        });
  }

  /**
   * Registers machines that reported before anyone declared them: under the factory {@code
   * factoryName} (created if missing), named by their id, type {@code other}, rated power 0,
   * electricity in kWh, active. Ids already registered are left alone, so concurrent or repeated
   * calls are harmless.
   *
   * @return the ids that were new
   */
  public List<UUID> registerUnknown(Collection<UUID> ids, String factoryName) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return jdbi.inTransaction(
        h -> {
          UUID factory = FactoryDao.ensure(h, factoryName);
          List<UUID> created =
              h.createQuery(
                      """
                      INSERT INTO machines (id, factory_id, name, type, rated_power_kw, is_active)
                      SELECT u.id, :factory, u.id::text, 'other', 0, true
                      FROM unnest(CAST(:ids AS uuid[])) AS u (id)
                      ON CONFLICT DO NOTHING
                      RETURNING id
                      """)
                  .bind("factory", factory)
                  .bindArray("ids", UUID.class, List.copyOf(ids))
                  .mapTo(UUID.class)
                  .list();
          Optional<UUID> electricity =
              h.createQuery("SELECT id FROM energy_sources WHERE name = 'electricity'")
                  .mapTo(UUID.class)
                  .findOne();
          for (UUID id : created) {
            insertStatus(h, id);
            electricity.ifPresent(
                source ->
                    replaceSources(h, id, List.of(new MachineDraft.SourceUse(source, "kWh"))));
          }
          return created;
        });
  }

  static Optional<MachineRecord> byId(Handle h, UUID id) {
    return h.createQuery(SELECT + "WHERE m.id = :id")
        .bind("id", id)
        .map(MachineRegistryDao::map)
        .findOne()
        .map(m -> withSources(h, m));
  }

  static Optional<UUID> idByName(Handle h, UUID factoryId, String name) {
    return h.createQuery("SELECT id FROM machines WHERE factory_id = :factory AND name = :name")
        .bind("factory", factoryId)
        .bind("name", name)
        .mapTo(UUID.class)
        .findOne();
  }

  static UUID insert(Handle h, UUID id, MachineDraft d) {
    checkTariff(h, d);
    h.createUpdate(
            """
            INSERT INTO machines (id, factory_id, name, type, rated_power_kw,
                                  data_interval_seconds, tariff_id, description, manufacturer,
                                  model, location_in_factory, mqtt_topic, is_critical,
                                  rated_current_a, rated_voltage_v)
            VALUES (:id, :factoryId, :name, :type, :ratedPowerKw, :interval, :tariffId,
                    :description, :manufacturer, :model, :location, :mqttTopic, :critical,
                    :ratedCurrentA, :ratedVoltageV)
            """)
        .bind("id", id)
        .bindMethods(d)
        .bind("interval", d.dataIntervalSeconds())
        .bind("location", d.locationInFactory())
        .execute();
    insertStatus(h, id);
    replaceSources(h, id, d.energySources());
    return id;
  }

  static boolean update(Handle h, UUID id, MachineDraft d) {
    checkTariff(h, d);
    boolean found =
        h.createUpdate(
                    """
                    UPDATE machines
                    SET factory_id = :factoryId, name = :name, type = :type,
                        rated_power_kw = :ratedPowerKw, data_interval_seconds = :interval,
                        tariff_id = :tariffId, description = :description,
                        manufacturer = :manufacturer, model = :model,
                        location_in_factory = :location, mqtt_topic = :mqttTopic,
                        is_critical = :critical, rated_current_a = :ratedCurrentA,
                        rated_voltage_v = :ratedVoltageV, updated_at = now()
                    WHERE id = :id
                    """)
                .bind("id", id)
                .bindMethods(d)
                .bind("interval", d.dataIntervalSeconds())
                .bind("location", d.locationInFactory())
                .execute()
            == 1;
    if (found) {
      replaceSources(h, id, d.energySources());
    }
    return found;
  }

  static boolean setActive(Handle h, UUID id, boolean active) {
    return h.createUpdate(
                "UPDATE machines SET is_active = :active, updated_at = now() WHERE id = :id")
            .bind("id", id)
            .bind("active", active)
            .execute()
        == 1;
  }

  /** A tariff is billed per factory: a machine may only use one of its own factory's tariffs. */
  private static void checkTariff(Handle h, MachineDraft d) {
    if (d.tariffId() == null) {
      return;
    }
    Optional<UUID> owner =
        h.createQuery("SELECT factory_id FROM energy_tariffs WHERE id = :id")
            .bind("id", d.tariffId())
            .mapTo(UUID.class)
            .findOne();
    if (owner.isEmpty()) {
      throw new RegistryException(
          RegistryException.Kind.MISSING_REFERENCE, "tariff_id", "unknown tariff " + d.tariffId());
    }
    if (!owner.get().equals(d.factoryId())) {
      throw new RegistryException(
          RegistryException.Kind.INVALID,
          "tariff_id",
          "tariff " + d.tariffId() + " belongs to another factory");
    }
  }

  private static void insertStatus(Handle h, UUID id) {
    h.createUpdate(
            """
            INSERT INTO machine_status (machine_id, is_running, current_mode)
            VALUES (:id, false, 'offline')
            ON CONFLICT DO NOTHING
            """)
        .bind("id", id)
        .execute();
  }

  private static void replaceSources(Handle h, UUID id, List<MachineDraft.SourceUse> sources) {
    h.createUpdate("DELETE FROM machine_energy_sources WHERE machine_id = :id")
        .bind("id", id)
        .execute();
    var batch =
        h.prepareBatch(
            """
            INSERT INTO machine_energy_sources (machine_id, energy_source_id, unit)
            VALUES (:machine, :source, :unit)
            """);
    for (MachineDraft.SourceUse s : sources) {
      batch.bind("machine", id).bind("source", s.energySourceId()).bind("unit", s.unit()).add();
    }
    if (!sources.isEmpty()) {
      batch.execute();
    }
  }

  private static MachineRecord withSources(Handle h, MachineRecord m) {
    List<MachineRecord.EnergySourceUse> sources =
        h.createQuery(
                """
                SELECT s.energy_source_id, e.name, s.unit
                FROM machine_energy_sources s
                JOIN energy_sources e ON e.id = s.energy_source_id
                WHERE s.machine_id = :id
                ORDER BY e.name
                """)
            .bind("id", m.id())
            .map(
                (rs, ctx) ->
                    new MachineRecord.EnergySourceUse(
                        Cols.uuid(rs, "energy_source_id"),
                        rs.getString("name"),
                        rs.getString("unit")))
            .list();
    return new MachineRecord(
        m.id(),
        m.factoryId(),
        m.factoryName(),
        m.name(),
        m.type(),
        m.ratedPowerKw(),
        m.dataIntervalSeconds(),
        sources,
        m.tariffId(),
        m.description(),
        m.manufacturer(),
        m.model(),
        m.locationInFactory(),
        m.mqttTopic(),
        m.critical(),
        m.ratedCurrentA(),
        m.ratedVoltageV(),
        m.isActive(),
        m.createdAt(),
        m.updatedAt());
  }

  private <T> T write(HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (RuntimeException e) {
      throw RegistryException.translate(e);
    }
  }

  private static MachineRecord map(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MachineRecord(
        Cols.uuid(rs, "id"),
        Cols.uuid(rs, "factory_id"),
        rs.getString("factory_name"),
        rs.getString("name"),
        rs.getString("type"),
        rs.getDouble("rated_power_kw"),
        rs.getInt("data_interval_seconds"),
        List.of(),
        Cols.uuid(rs, "tariff_id"),
        rs.getString("description"),
        rs.getString("manufacturer"),
        rs.getString("model"),
        rs.getString("location_in_factory"),
        rs.getString("mqtt_topic"),
        rs.getBoolean("is_critical"),
        Cols.nullableDouble(rs, "rated_current_a"),
        Cols.nullableDouble(rs, "rated_voltage_v"),
        rs.getBoolean("is_active"),
        Cols.instant(rs, "created_at"),
        Cols.instant(rs, "updated_at"));
  }
}
