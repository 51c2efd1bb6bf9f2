package org.enms.machine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.BucketTotals;
import org.enms.analytics.DayTotals;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineHistoryDao;

/** Restores a machine entity from raw rows: the last hour per minute and today's totals. */
public final class DbMachineHistory implements MachineHistoryPort {
  private final MachineHistoryDao history;
  private final BlockingIo io;

  public DbMachineHistory(Database database, BlockingIo io) {
    this.history = new MachineHistoryDao(database);
    this.io = io;
  }

  @Override
  public CompletionStage<MachineHistory> load(UUID machineId, Instant now) {
    return io.call(() -> convert(history.load(machineId, now), now));
  }

  private static MachineHistory convert(org.enms.db.MachineHistory stored, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    var buckets =
        stored.lastHour().stream()
            .map(
                b ->
                    new BucketTotals(
                        b.minute(),
                        (int) b.readingCount(),
                        b.sumPowerKw(),
                        b.minPowerKw(),
                        b.maxPowerKw(),
                        b.energyKwh(),
                        b.productionUnits()))
            .toList();
    DayTotals day =
        new DayTotals(
            today,
            stored.todayEnergyKwh(),
            stored.todayProductionUnits(),
            stored.todayGoodUnits(),
            stored.todayBadUnits(),
            stored.todayPowerReadings(),
            stored.todayAvgPowerKw(),
            stored.todayPeakPowerKw(),
            // Time spent per status is not stored; it restarts from the restore.
            0,
            0,
            0);
    return new MachineHistory(
        buckets,
        day,
        stored.latestEnergy(),
        // Nothing stored: every reading the entity is told about is new.
        stored.restoredUpTo().orElse(Instant.EPOCH),
        stored.latestEnergy().map(e -> e.counterKwh()));
  }
}
