package org.enms.node;

import com.typesafe.config.Config;
import java.time.Duration;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.enms.db.Database;
import org.enms.db.DbSettings;
import org.enms.db.MachineDao;
import org.enms.ingest.catalog.MachineCatalog;
import org.enms.node.embedded.EmbeddedServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts one EnMS node: embedded services if configured, the database (migrated), then the actor
 * system whose guardian wires the modules. Stops them in reverse order on coordinated shutdown.
 */
public final class Node {
  private static final Logger log = LoggerFactory.getLogger(Node.class);
  private static final int DB_START_ATTEMPTS = 10;

  private Node() {}

  public static ActorSystem<Void> start(Config config) {
    EmbeddedServices services = EmbeddedServices.start(config);
    Config resolved = ClusterSeeds.apply(services.config(), System.getenv("ENMS_SEED_NODES"));
    Database database;
    try {
      database = startDatabase(DbSettings.fromConfig(resolved));
    } catch (RuntimeException e) {
      services.close();
      throw e;
    }
    ActorSystem<Void> system;
    try {
      PlantStartup.apply(NodeSettings.fromConfig(resolved).plantFile(), database);
      // Loaded here, on the main thread, so the guardian never blocks on JDBC.
      MachineCatalog catalog = new MachineCatalog(new MachineDao(database));
      catalog.reload();
      system =
          ActorSystem.create(NodeGuardian.create(resolved, database, catalog), "enms", resolved);
    } catch (RuntimeException e) {
      database.close();
      services.close();
      throw e;
    }
    CoordinatedShutdown.get(system)
        .addJvmShutdownHook(
            () -> {
              database.close();
              services.close();
            });
    return system;
  }

  /** The database may still be starting (a container, a failover): retry with backoff. */
  private static Database startDatabase(DbSettings settings) {
    Duration backoff = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      try {
        return Database.start(settings);
      } catch (RuntimeException e) {
        // Hikari and Flyway fail with their own exception types when the server is not up yet.
        if (attempt >= DB_START_ATTEMPTS) {
          throw e;
        }
        log.warn(
            "database not ready attempt={} retry_in_s={} error={}",
            attempt,
            backoff.toSeconds(),
            e.getMessage());
        sleep(backoff);
        backoff =
            backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
                ? Duration.ofSeconds(30)
                : backoff.multipliedBy(2);
      }
    }
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the database", e);
    }
  }
}
