package org.enms.http.plant;

import com.fasterxml.jackson.databind.JavaType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.core.json.Json;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.PlantDao;
import org.enms.db.kpi.PlantDao.MachineTotals;
import org.enms.http.cache.ReadCache;

/**
 * Machines' totals over a window ({@link PlantDao#totals}) from the read cache while no data of the
 * window changed. The totals sum the 15-minute intervals that overlap the window, so windows
 * overlapping the same intervals share one key: "today until now" asked every second is one entry
 * until the next roll-up refresh.
 */
final class CachedTotals {
  private static final long INTERVAL = Duration.ofMinutes(15).toMillis();
  private static final JavaType TOTALS =
      Json.mapper().getTypeFactory().constructCollectionType(List.class, MachineTotals.class);

  private final PlantDao dao;
  private final BlockingIo io;
  private final ReadCache cache;

  CachedTotals(PlantDao dao, BlockingIo io, ReadCache cache) {
    this.dao = dao;
    this.io = io;
    this.cache = cache;
  }

  CompletionStage<List<MachineTotals>> electricity(List<UUID> machines, Window window) {
    return of(machines, EnergyType.ELECTRICITY, window);
  }

  /** {@code energyType} null: every type. */
  CompletionStage<List<MachineTotals>> of(List<UUID> machines, String energyType, Window window) {
    Instant from = Instant.ofEpochMilli(floor(window.start().toEpochMilli()));
    Instant to = Instant.ofEpochMilli(floor(window.end().toEpochMilli() - 1) + INTERVAL);
    return cache.read(
        "totals:" + key(machines) + ":" + energyType + ":" + from + ":" + to,
        from,
        to,
        TOTALS,
        () -> io.call(() -> dao.totals(machines, energyType, window.start(), window.end())));
  }

  /** A short key part standing for a list of machines. */
  static UUID key(List<UUID> machines) {
    return UUID.nameUUIDFromBytes(machines.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static long floor(long millis) {
    return Math.floorDiv(millis, INTERVAL) * INTERVAL;
  }
}
