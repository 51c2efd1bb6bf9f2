package org.enms.node;

import com.typesafe.config.Config;
import java.time.Clock;
import org.enms.db.Database;
import org.enms.db.RollupRefresher;
import org.enms.http.routes.ImportRoutes;
import org.enms.ingest.importer.DatabaseImporter;
import org.enms.ingest.importer.ImportJobs;
import org.enms.ingest.importer.ImportSettings;
import org.enms.node.adapters.BlockingIo;
import org.enms.node.adapters.ImportJobService;

/** Wires historical imports ({@code /api/v1/import}) for the guardian. */
final class ImportWiring {
  private ImportWiring() {}

  /**
   * The import routes. Jobs run one at a time on {@code enms-import-dispatcher} and write on {@code
   * enms-import-writer-dispatcher}, apart from the pool that commits live ingest: a job waits for
   * its writers, and on a shared pool enough concurrent uploads would take every thread and stall
   * ingest with them. Roll-ups go through the node's own refresher, so its advisory lock serialises
   * them with the periodic refresh.
   */
  static ImportRoutes routes(
      Config config,
      Database database,
      RollupRefresher rollups,
      BlockingIo io,
      BlockingIo jobs,
      BlockingIo writers) {
    ImportSettings settings = ImportSettings.fromConfig(config);
    var importer =
        new DatabaseImporter(
            database, rollups, settings, Clock.systemUTC(), writers.executionContext());
    return new ImportRoutes(
        new ImportJobService(
            importer, new ImportJobs(settings.jobsKept(), Clock.systemUTC()), io, jobs),
        settings.maxUploadBytes());
  }
}
