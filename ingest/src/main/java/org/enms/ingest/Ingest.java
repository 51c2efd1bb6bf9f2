package org.enms.ingest;

import java.time.Clock;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MqttSessionDao;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RejectDao;
import org.enms.db.RollupRefresher;
import org.enms.db.registry.MachineRegistryDao;
import org.enms.ingest.adopt.AdoptionSettings;
import org.enms.ingest.adopt.SessionAdoption;
import org.enms.ingest.adopt.SessionClaims;
import org.enms.ingest.catalog.AutoRegistration;
import org.enms.ingest.catalog.MachineCatalog;
import org.enms.ingest.entity.ShardedMachineEntities;
import org.enms.ingest.parse.ReadingValidator;
import org.enms.ingest.store.JdbcReadingStore;
import org.enms.ingest.stream.IngestMetrics;
import org.enms.ingest.stream.IngestPipeline;
import org.enms.ingest.stream.IngestProgressLog;
import org.enms.machine.MachineEntitySettings;

/**
 * Live ingest as one piece: the MQTT graph with its validator over the machine catalogue, its store
 * over the database (with the unknown-machine policy), and the machine entities it tells. It also
 * keeps the catalogue current and stops taking messages at shutdown, so the node only has to start
 * it.
 */
public final class Ingest {
  private Ingest() {}

  /**
   * Starts the periodic catalogue refresh and, when {@code settings.enabled()}, the pipeline, its
   * progress log and, on a shared subscription, the claim on this node's MQTT sessions and the
   * adoption of lost nodes' sessions. Returns the running pipeline, or null when ingest is
   * disabled.
   */
  public static IngestPipeline start(
      ActorSystem<?> system,
      IngestSettings settings,
      AdoptionSettings adoption,
      MachineEntitySettings entities,
      Database database,
      RollupRefresher rollups,
      MachineCatalog catalog,
      BlockingIo io,
      IngestMetrics metrics) {
    system
        .scheduler()
        .scheduleWithFixedDelay(
            settings.catalogRefresh(),
            settings.catalogRefresh(),
            () -> catalog.refresh(io),
            system.executionContext());
    if (!settings.enabled()) {
      return null;
    }
    var machines = new ShardedMachineEntities(ClusterSharding.get(system), entities.askTimeout());
    var policy = settings.unknownMachines();
    var store =
        new JdbcReadingStore(
            system,
            io,
            new ReadingBatchWriter(database),
            new RejectDao(database),
            rollups,
            policy.registers()
                ? new AutoRegistration(new MachineRegistryDao(database), catalog, policy.factory())
                : null,
            metrics.progress());
    var validator =
        new ReadingValidator(
            policy.accepted(catalog),
            settings.maxFutureSkew(),
            settings.maxPastAge(),
            Clock.systemUTC());
    IngestPipeline pipeline =
        IngestPipeline.start(system, settings, validator, machines, store, machines, metrics);
    if (adoption.enabled() && !settings.sharedGroup().isBlank()) {
      var sessions = new MqttSessionDao(database);
      SessionClaims.start(system, settings.clientIds(), adoption.renewInterval(), sessions, io);
      SessionAdoption.init(
          system,
          settings,
          adoption,
          IngestPipeline.intake(settings, validator, machines, store, machines, metrics),
          sessions,
          io);
    }
    IngestProgressLog.start(system, metrics, settings.progressInterval());
    IngestShutdown.register(system, pipeline);
    return pipeline;
  }
}
