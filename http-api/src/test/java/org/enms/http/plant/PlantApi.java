package org.enms.http.plant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.Reading;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.ReadingBatchWriter;
import org.enms.db.RollupRefresher;
import org.enms.db.TimeseriesDao;
import org.enms.http.RouteHarness;
import org.enms.http.cache.ReadCache;
import org.enms.http.kpi.DbKpis;
import org.enms.http.kpi.IntervalPricing;
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

  /** A quarter hour at {@code kw} from {@code start}, rolled up and priced; no cache stamp. */
  static void writeQuarterHour(Database database, UUID machine, Instant start, double kw) {
    List<Reading> readings = new ArrayList<>();
    for (int minute = 0; minute < 15; minute++) {
      readings.add(
          EnergyReading.electricity(machine, start.plusSeconds(60L * minute), kw, kw / 60));
    }
    new ReadingBatchWriter(database).write(readings);
    new RollupRefresher(database, new IntervalPricing(database))
        .refresh(start, start.plusSeconds(840));
  }
}
