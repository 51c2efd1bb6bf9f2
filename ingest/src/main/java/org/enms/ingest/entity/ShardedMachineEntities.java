package org.enms.ingest.entity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.Reading;
import org.enms.ingest.port.CounterResolver;
import org.enms.ingest.port.LiveStateListener;
import org.enms.ingest.port.LiveStateReload;
import org.enms.machine.MachineEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest's edge to the machine entities: it asks them to resolve counter-only readings before a
 * batch is stored and tells them stored readings afterwards (one message per machine per batch);
 * imports that reach today have them reload from storage. Asks use the timeout from configuration.
 *
 * <p>A counter resolution that times out is asked again, for a long time, rather than failed: a
 * failed stage stops the ingest, while waiting only stalls it (the broker keeps what is not
 * acknowledged), the same choice the reading store makes for the database. Asking again is safe
 * because the entity answers a repeated question the same way. Timeouts pace the retries, since an
 * unreachable entity fails an ask only when it times out.
 */
public final class ShardedMachineEntities
    implements LiveStateListener, CounterResolver, LiveStateReload {
  private static final Logger log = LoggerFactory.getLogger(ShardedMachineEntities.class);

  /** With the default 5 s ask timeout, about an hour of an unreachable entity. */
  private static final int RESOLVE_ATTEMPTS = 720;

  private final ClusterSharding sharding;
  private final Duration askTimeout;

  public ShardedMachineEntities(ClusterSharding sharding, Duration askTimeout) {
    this.sharding = sharding;
    this.askTimeout = askTimeout;
  }

  @Override
  public void readingsStored(List<Reading> readings) {
    Map<UUID, List<Reading>> byMachine = new HashMap<>();
    for (Reading r : readings) {
      byMachine.computeIfAbsent(r.machineId(), id -> new ArrayList<>()).add(r);
    }
    byMachine.forEach(
        (machine, list) ->
            MachineEntity.ref(sharding, machine).tell(new MachineEntity.RecordReadings(list)));
  }

  /**
   * Has the entity take up storage again: it deduplicates by reading time, so imported readings
   * earlier than its newest live one would be ignored if told as {@link
   * MachineEntity.RecordReadings}; storage already holds both and counts each once.
   */
  @Override
  public void reload(UUID machineId) {
    MachineEntity.ref(sharding, machineId).tell(MachineEntity.ReloadHistory.INSTANCE);
  }

  @Override
  public CompletionStage<List<Reading>> resolve(List<Reading> batch) {
    Map<UUID, List<Integer>> positions = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      if (CounterResolver.isCounterOnly(batch.get(i))) {
        positions.computeIfAbsent(batch.get(i).machineId(), id -> new ArrayList<>()).add(i);
      }
    }
    Reading[] resolved = batch.toArray(Reading[]::new);
    var asks = new ArrayList<CompletableFuture<Void>>(positions.size());
    positions.forEach(
        (machine, indexes) -> {
          var readings = indexes.stream().map(i -> (EnergyReading) batch.get(i)).toList();
          asks.add(
              resolve(machine, readings, 1)
                  .thenAccept(
                      answer -> {
                        if (answer.size() != indexes.size()) {
                          throw new IllegalStateException(
                              "machine "
                                  + machine
                                  + " resolved "
                                  + answer.size()
                                  + " of "
                                  + indexes.size()
                                  + " readings");
                        }
                        for (int k = 0; k < indexes.size(); k++) {
                          resolved[indexes.get(k)] = answer.get(k);
                        }
                      })
                  .toCompletableFuture());
        });
    // each ask writes its own slots; allOf orders those writes before the list is built
    return CompletableFuture.allOf(asks.toArray(CompletableFuture[]::new))
        .thenApply(done -> Arrays.asList(resolved));
  }

  private CompletionStage<List<EnergyReading>> resolve(
      UUID machine, List<EnergyReading> readings, int attempt) {
    return MachineEntity.ref(sharding, machine)
        .<MachineEntity.CountersResolved>ask(
            replyTo -> new MachineEntity.ResolveCounters(readings, replyTo), askTimeout)
        .thenApply(MachineEntity.CountersResolved::readings)
        .handle(
            (answer, failure) -> {
              if (failure == null) {
                return CompletableFuture.completedStage(answer);
              }
              if (attempt >= RESOLVE_ATTEMPTS) {
                return CompletableFuture.<List<EnergyReading>>failedStage(failure);
              }
              log.warn(
                  "machine {}: counter resolution failed (attempt {}), asking again: {}",
                  machine,
                  attempt,
                  failure.toString());
              return resolve(machine, readings, attempt + 1);
            })
        .thenCompose(stage -> stage);
  }
}
