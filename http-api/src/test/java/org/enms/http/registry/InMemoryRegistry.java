package org.enms.http.registry;

import static java.util.concurrent.CompletableFuture.completedFuture;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry ports in memory, with the database's rules that the API must surface: unique names
 * (per factory for machines) and known references. Storage itself is tested in {@code db}.
 */
final class InMemoryRegistry implements RegistryChanged {
  static final Instant T = Instant.parse("2026-11-27T12:00:00Z");
  static final UUID ELECTRICITY = UUID.fromString("e0000000-0000-0000-0000-000000000001");

  final Factories factories = new Factories();
  final Machines machines = new Machines();
  final Sources sources = new Sources();
  final Seus seus = new Seus();
  final AtomicInteger changes = new AtomicInteger();

  InMemoryRegistry() {
    sources.map.put(
        ELECTRICITY,
        new EnergySourceRegistry.Entry(
            ELECTRICITY, "electricity", "kWh", 0.15, 0.45, "Grid", true, T, T));
  }

  @Override
  public CompletionStage<Void> registryChanged() {
    changes.incrementAndGet();
    return completedFuture(null);
  }

  private static <T> CompletionStage<T> refuse(
      RegistryRejection.Kind kind, String field, String msg) {
    return CompletableFuture.failedFuture(new RegistryRejection(kind, field, msg));
  }

  final class Factories implements FactoryRegistry {
    final Map<UUID, Entry> map = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<List<Entry>> list(Optional<Boolean> active) {
      return completedFuture(
          map.values().stream()
              .filter(f -> active.map(a -> f.isActive() == a).orElse(true))
              .sorted(Comparator.comparing(Entry::name))
              .toList());
    }

    @Override
    public CompletionStage<Optional<Entry>> byId(UUID id) {
      return completedFuture(Optional.ofNullable(map.get(id)));
    }

    @Override
    public CompletionStage<Entry> create(UUID id, Input in) {
      if (map.values().stream().anyMatch(f -> f.name().equals(in.name()))) {
        return refuse(
            RegistryRejection.Kind.CONFLICT, "name", "An entry with this name already exists");
      }
      var e =
          new Entry(
              id == null ? UUID.randomUUID() : id,
              in.name(),
              in.location(),
              in.timezone(),
              true,
              0,
              T,
              T);
      map.put(e.id(), e);
      return completedFuture(e);
    }

    @Override
    public CompletionStage<Optional<Entry>> update(UUID id, Input in) {
      return completedFuture(
          Optional.ofNullable(
              map.computeIfPresent(
                  id,
                  (k, f) ->
                      new Entry(
                          id, in.name(), in.location(), in.timezone(), f.isActive(), 0, T, T))));
    }

    @Override
    public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
      return completedFuture(
          Optional.ofNullable(
              map.computeIfPresent(
                  id,
                  (k, f) -> new Entry(id, f.name(), f.location(), f.timezone(), active, 0, T, T))));
    }
  }

  final class Machines implements MachineRegistry {
    final Map<UUID, Entry> map = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Optional<Entry>> byId(UUID id) {
      return completedFuture(Optional.ofNullable(map.get(id)));
    }

    @Override
    public CompletionStage<Entry> create(UUID id, Input in) {
      UUID machineId = id == null ? UUID.randomUUID() : id;
      return write(machineId, in, true, true);
    }

    @Override
    public CompletionStage<Optional<Entry>> update(UUID id, Input in) {
      Entry current = map.get(id);
      return current == null
          ? completedFuture(Optional.empty())
          : write(id, in, current.isActive(), false).thenApply(Optional::of);
    }

    @Override
    public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
      Entry m = map.get(id);
      return m == null
          ? completedFuture(Optional.empty())
          : write(id, m.toInput(), active, false).thenApply(Optional::of);
    }

    private CompletionStage<Entry> write(UUID id, Input in, boolean active, boolean isNew) {
      UUID factory =
          in.factoryId() != null
              ? in.factoryId()
              : factories.map.values().stream()
                  .filter(f -> f.name().equals(in.factoryName()))
                  .map(FactoryRegistry.Entry::id)
                  .findFirst()
                  .orElse(null);
      if (factory == null || !factories.map.containsKey(factory)) {
        return refuse(RegistryRejection.Kind.MISSING_REFERENCE, "factory_id", "unknown factory");
      }
      if (map.values().stream()
          .anyMatch(
              m ->
                  !m.id().equals(id)
                      && m.factoryId().equals(factory)
                      && m.name().equals(in.name()))) {
        return refuse(
            RegistryRejection.Kind.CONFLICT,
            "name",
            "A machine named " + in.name() + " already exists in this factory");
      }
      if (isNew && map.containsKey(id)) {
        return refuse(
            RegistryRejection.Kind.CONFLICT, "id", "An entry with this id already exists");
      }
      var used =
          in.energySources().stream()
              .map(s -> new SourceEntry(ELECTRICITY, s.name(), s.unit() == null ? "kWh" : s.unit()))
              .toList();
      var e =
          new Entry(
              id,
              factory,
              factories.map.get(factory).name(),
              in.name(),
              in.type(),
              in.ratedPowerKw(),
              in.dataIntervalSeconds(),
              used,
              in.tariffId(),
              in.description(),
              in.manufacturer(),
              in.model(),
              in.locationInFactory(),
              in.mqttTopic(),
              in.isCritical(),
              in.ratedCurrentA(),
              in.ratedVoltageV(),
              active,
              T,
              T);
      map.put(id, e);
      return completedFuture(e);
    }
  }

  final class Sources implements EnergySourceRegistry {
    final Map<UUID, Entry> map = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<List<Entry>> list(Optional<Boolean> active) {
      return completedFuture(
          map.values().stream()
              .filter(s -> active.map(a -> s.isActive() == a).orElse(true))
              .sorted(Comparator.comparing(Entry::name))
              .toList());
    }

    @Override
    public CompletionStage<Optional<Entry>> find(String key) {
      return completedFuture(
          map.values().stream()
              .filter(s -> s.name().equals(key) || s.id().toString().equals(key))
              .findFirst());
    }

    @Override
    public CompletionStage<Entry> create(UUID id, Input in) {
      var e =
          new Entry(
              id == null ? UUID.randomUUID() : id,
              in.name(),
              in.unit(),
              in.costPerUnit(),
              in.carbonFactor(),
              in.description(),
              true,
              T,
              T);
      map.put(e.id(), e);
      return completedFuture(e);
    }

    @Override
    public CompletionStage<Optional<Entry>> update(UUID id, Input in) {
      return completedFuture(
          Optional.ofNullable(
              map.computeIfPresent(
                  id,
                  (k, s) ->
                      new Entry(
                          id,
                          in.name(),
                          in.unit(),
                          in.costPerUnit(),
                          in.carbonFactor(),
                          in.description(),
                          s.isActive(),
                          T,
                          T))));
    }

    @Override
    public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
      return completedFuture(
          Optional.ofNullable(
              map.computeIfPresent(
                  id,
                  (k, s) ->
                      new Entry(
                          id,
                          s.name(),
                          s.unit(),
                          s.costPerUnit(),
                          s.carbonFactor(),
                          s.description(),
                          active,
                          T,
                          T))));
    }
  }

  final class Seus implements SeuRegistry {
    final Map<UUID, Entry> map = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<List<Entry>> list(
        Optional<String> energySource, Optional<Boolean> active) {
      return completedFuture(
          map.values().stream()
              .filter(s -> energySource.map(n -> s.energySource().equalsIgnoreCase(n)).orElse(true))
              .filter(s -> active.map(a -> s.isActive() == a).orElse(true))
              .sorted(Comparator.comparing(Entry::name))
              .toList());
    }

    @Override
    public CompletionStage<Optional<Entry>> byId(UUID id) {
      return completedFuture(Optional.ofNullable(map.get(id)));
    }

    @Override
    public CompletionStage<List<MachineRef>> machinesOf(UUID id) {
      Entry s = map.get(id);
      return completedFuture(
          s == null
              ? List.of()
              : s.machineIds().stream()
                  .map(machines.map::get)
                  .map(m -> new MachineRef(m.id(), m.name(), m.type(), m.ratedPowerKw()))
                  .toList());
    }

    @Override
    public CompletionStage<Entry> create(UUID id, Input in) {
      return write(id == null ? UUID.randomUUID() : id, in, true);
    }

    @Override
    public CompletionStage<Optional<Entry>> update(UUID id, Input in) {
      return map.containsKey(id)
          ? write(id, in, map.get(id).isActive()).thenApply(Optional::of)
          : completedFuture(Optional.empty());
    }

    @Override
    public CompletionStage<Optional<Entry>> setActive(UUID id, boolean active) {
      return map.containsKey(id)
          ? write(id, map.get(id).toInput(), active).thenApply(Optional::of)
          : completedFuture(Optional.empty());
    }

    private CompletionStage<Entry> write(UUID id, Input in, boolean active) {
      var missing = in.machineIds().stream().filter(m -> !machines.map.containsKey(m)).toList();
      if (!missing.isEmpty()) {
        return refuse(
            RegistryRejection.Kind.MISSING_REFERENCE,
            "machine_ids",
            "unknown machines: " + missing);
      }
      var e =
          new Entry(
              id,
              in.name(),
              in.description(),
              ELECTRICITY,
              "electricity",
              "kWh",
              in.machineIds(),
              in.baselineYear(),
              null,
              active,
              T,
              T);
      map.put(id, e);
      return completedFuture(e);
    }
  }
}
