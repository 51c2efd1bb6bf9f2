package org.enms.http.plant;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.TimeseriesDao;
import org.enms.http.RouteHarness;
import org.enms.http.cache.ReadCache;
import org.enms.http.kpi.DbKpis;
import org.enms.http.machines.DbMachineDirectory;
import org.enms.http.machines.LiveMachines;
import org.enms.http.machines.LiveStatus;
import org.enms.http.timeseries.DbSeriesQueries;

/** The plant routes over a real socket, every machine stopped (its entity says so at once). */
final class PlantApi {
  private PlantApi() {}

  static RouteHarness start(Database database, BlockingIo io, Clock clock, ReadCache cache)
      throws Exception {
    LiveMachines live =
        id ->
            CompletableFuture.completedFuture(
                new LiveStatus("stopped", 0, null, 0, 0, 0, 0, 0, 0, 0));
    return new RouteHarness(
        PlantRoutes.create(
                database,
                io,
                new DbMachineDirectory(new MachineDao(database), io),
                live,
                new DbKpis(database, io, live),
                new DbSeriesQueries(new TimeseriesDao(database, clock, Duration.ZERO), io),
                clock,
                cache)
            ::routes);
  }
}
