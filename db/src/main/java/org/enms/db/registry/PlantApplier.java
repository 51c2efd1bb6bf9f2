package org.enms.db.registry;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.enms.core.plant.MachineType;
import org.enms.db.Database;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes the registry contain a declared plant, in one transaction: every entry is inserted when its
 * natural key (name; factory and name for machines; factory, name and start for tariff versions) is
 * new, and updated to the declaration otherwise. Applying the same plant twice changes nothing.
 * Entries the plant does not declare are left alone: a plant file adds and updates, it never
 * deactivates what it omits.
 */
public final class PlantApplier {
  private final Jdbi jdbi;

  public PlantApplier(Database database) {
    this.jdbi = database.jdbi();
  }

  /** How many entries of each kind were new and how many already existed. */
  public record Applied(
      int factories, int energySources, int tariffs, int machines, int seus, int created) {}

  /**
   * Applies {@code plant}.
   *
   * @throws IllegalArgumentException when the plant refers to something it does not declare and the
   *     registry does not hold, or declares an invalid value; nothing is written then
   */
  public Applied apply(PlantSpec plant) {
    try {
      return jdbi.inTransaction(h -> new Run(h).apply(plant));
    } catch (RegistryException e) {
      throw new IllegalArgumentException("plant: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      RuntimeException translated = RegistryException.translate(e);
      if (translated instanceof RegistryException r) {
        throw new IllegalArgumentException("plant: " + r.getMessage(), r);
      }
      throw translated;
    }
  }

  /** One application: the names resolved so far, within the transaction's handle. */
  private static final class Run {
    private final Handle h;
    private final Map<String, UUID> factories = new HashMap<>();
    private final Map<String, UUID> sources = new HashMap<>();
    private int created;

    Run(Handle h) {
      this.h = h;
    }

    Applied apply(PlantSpec plant) {
      plant.factories().forEach(this::factory);
      plant.energySources().forEach(this::energySource);
      plant.tariffs().forEach(this::tariff);
      plant.machines().forEach(this::machine);
      plant.seus().forEach(this::seu);
      return new Applied(
          plant.factories().size(),
          plant.energySources().size(),
          plant.tariffs().size(),
          plant.machines().size(),
          plant.seus().size(),
          created);
    }

    private void factory(PlantSpec.FactorySpec f) {
      require(f.name(), "factory name");
      if (f.timezone() != null) {
        try {
          ZoneId.of(f.timezone());
        } catch (DateTimeException e) {
          throw new IllegalArgumentException(
              "factory " + f.name() + ": unknown timezone " + f.timezone());
        }
      }
      var draft = new FactoryDraft(f.name(), f.location(), f.timezone());
      Optional<UUID> existing = FactoryDao.idByName(h, f.name());
      UUID id;
      if (existing.isPresent()) {
        id = existing.get();
        FactoryDao.update(h, id, draft);
      } else {
        id = FactoryDao.insert(h, orDerived(f.id(), PlantIds.factory(f.name())), draft);
        created++;
      }
      factories.put(f.name(), id);
    }

    private void energySource(PlantSpec.EnergySourceSpec s) {
      require(s.name(), "energy source name");
      require(s.unit(), "energy source " + s.name() + " unit");
      var draft =
          new EnergySourceDraft(
              s.name(), s.unit(), s.costPerUnit(), s.carbonFactor(), s.description());
      Optional<EnergySourceRecord> existing = EnergySourceDao.byName(h, s.name());
      if (existing.isPresent()) {
        EnergySourceDao.update(h, existing.get().id(), draft);
        sources.put(s.name(), existing.get().id());
      } else {
        sources.put(
            s.name(),
            EnergySourceDao.insert(h, orDerived(s.id(), PlantIds.energySource(s.name())), draft));
        created++;
      }
    }

    /**
     * A tariff version, matched by factory, name and start. Redeclaring an existing version changes
     * it in place (intervals already priced keep their prices); a new start adds a version.
     */
    private void tariff(PlantSpec.TariffSpec t) {
      TariffDraft d = t.tariff();
      require(d.name(), "tariff name");
      String what = "tariff " + d.name();
      UUID factory = factoryId(t.factory(), what);
      try {
        Optional<UUID> existing = TariffDao.idByKey(h, factory, d.name(), d.validFrom());
        if (existing.isPresent()) {
          TariffDao.update(h, existing.get(), factory, d);
        } else {
          TariffDao.insert(
              h,
              orDerived(t.id(), PlantIds.tariff(t.factory(), d.name(), d.validFrom())),
              factory,
              d,
              false);
          created++;
        }
      } catch (RegistryException e) {
        throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
      }
    }

    private void machine(PlantSpec.MachineSpec m) {
      require(m.name(), "machine name");
      String what = "machine " + m.name();
      try {
        MachineType.fromWireName(m.type());
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException(what + ": unknown type " + m.type());
      }
      if (m.ratedPowerKw() < 0 || m.intervalSeconds() <= 0) {
        throw new IllegalArgumentException(
            what + ": rated power must be >= 0 and the interval > 0");
      }
      UUID factory = factoryId(m.factory(), what);
      UUID tariff =
          m.tariff() == null
              ? null
              : TariffDao.idByName(h, factory, m.tariff())
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              what + ": unknown tariff " + m.tariff() + " of " + m.factory()));
      List<MachineDraft.SourceUse> uses = new ArrayList<>();
      for (PlantSpec.SourceSpec s : m.energySources()) {
        EnergySourceRecord source =
            EnergySourceDao.byName(h, s.name())
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(what + ": unknown energy source " + s.name()));
        uses.add(
            new MachineDraft.SourceUse(source.id(), s.unit() == null ? source.unit() : s.unit()));
      }
      var draft =
          new MachineDraft(
              factory,
              m.name(),
              m.type().toLowerCase(java.util.Locale.ROOT),
              m.ratedPowerKw(),
              m.intervalSeconds(),
              uses,
              tariff,
              m.description(),
              m.manufacturer(),
              m.model(),
              m.locationInFactory(),
              m.mqttTopic(),
              m.critical(),
              m.ratedCurrentA(),
              m.ratedVoltageV());
      Optional<UUID> existing = MachineRegistryDao.idByName(h, factory, m.name());
      UUID id;
      if (existing.isPresent()) {
        id = existing.get();
        MachineRegistryDao.update(h, id, draft);
      } else {
        id =
            MachineRegistryDao.insert(
                h, orDerived(m.id(), PlantIds.machine(m.factory(), m.name())), draft);
        created++;
      }
      if (m.active() != null) {
        MachineRegistryDao.setActive(h, id, m.active());
      }
    }

    private void seu(PlantSpec.SeuSpec s) {
      require(s.name(), "SEU name");
      String what = "SEU " + s.name();
      if (s.machines() == null || s.machines().isEmpty()) {
        throw new IllegalArgumentException(what + ": needs at least one machine");
      }
      UUID source =
          EnergySourceDao.byName(h, s.energySource())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          what + ": unknown energy source " + s.energySource()))
              .id();
      List<UUID> machines = s.machines().stream().map(name -> machineId(name, what)).toList();
      var draft = new SeuDraft(s.name(), s.description(), source, machines, s.baselineYear());
      Optional<UUID> existing = SeuDao.idByName(h, s.name());
      if (existing.isPresent()) {
        SeuDao.update(h, existing.get(), draft);
      } else {
        SeuDao.insert(h, orDerived(s.id(), PlantIds.seu(s.name())), draft);
        created++;
      }
    }

    private UUID factoryId(String name, String what) {
      if (name == null) {
        throw new IllegalArgumentException(what + ": factory is required");
      }
      UUID id = factories.get(name);
      if (id != null) {
        return id;
      }
      id =
          FactoryDao.idByName(h, name)
              .orElseThrow(() -> new IllegalArgumentException(what + ": unknown factory " + name));
      factories.put(name, id);
      return id;
    }

    /**
     * {@code "Machine"} when the name is unique across factories, else {@code "Factory/Machine"}.
     */
    private UUID machineId(String ref, String what) {
      int slash = ref.indexOf('/');
      if (slash > 0) {
        UUID factory = factoryId(ref.substring(0, slash), what);
        return MachineRegistryDao.idByName(h, factory, ref.substring(slash + 1))
            .orElseThrow(() -> new IllegalArgumentException(what + ": unknown machine " + ref));
      }
      List<UUID> ids =
          h.createQuery("SELECT id FROM machines WHERE name = :name")
              .bind("name", ref)
              .mapTo(UUID.class)
              .list();
      if (ids.size() != 1) {
        throw new IllegalArgumentException(
            what
                + (ids.isEmpty()
                    ? ": unknown machine " + ref
                    : ": machine name "
                        + ref
                        + " is used in several factories; write Factory/"
                        + ref));
      }
      return ids.get(0);
    }

    private static UUID orDerived(UUID declared, UUID derived) {
      return declared == null ? derived : declared;
    }

    private static void require(String value, String what) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(what + " is required");
      }
    }
  }
}
