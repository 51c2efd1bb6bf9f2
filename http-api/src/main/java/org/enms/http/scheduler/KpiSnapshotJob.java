package org.enms.http.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.MachineDao;
import org.enms.db.MachineRow;
import org.enms.db.kpi.KpiSnapshot;
import org.enms.db.kpi.KpiSnapshotDao;
import org.enms.db.kpi.PlantDao;
import org.enms.http.kpi.Kpis;
import org.enms.http.kpi.MachineKpiReport;

/**
 * {@code kpi_calculate}: the KPIs of the UTC day before the run, for every active machine, stored
 * in {@code kpi_daily_snapshots} (the original computed them and only logged them). Each machine
 * gets an electricity row (zeros on a day without readings) and one per other energy type it drew
 * that day (a boiler's gas and steam). The figures are the KPI service's, those {@code /kpi/all}
 * gives for that day; a second run for the same day replaces its rows.
 */
final class KpiSnapshotJob implements ScheduledJob {
  private final Kpis kpis;
  private final MachineDao machines;
  private final PlantDao plant;
  private final KpiSnapshotDao snapshots;
  private final BlockingIo io;
  private final Clock clock;

  KpiSnapshotJob(
      Kpis kpis,
      MachineDao machines,
      PlantDao plant,
      KpiSnapshotDao snapshots,
      BlockingIo io,
      Clock clock) {
    this.kpis = kpis;
    this.machines = machines;
    this.plant = plant;
    this.snapshots = snapshots;
    this.io = io;
    this.clock = clock;
  }

  @Override
  public String id() {
    return SchedulerJobs.KPI_CALCULATE;
  }

  @Override
  public String name() {
    return "Daily KPI Calculation";
  }

  /** One snapshot to take: a machine and an energy type. */
  private record Meter(UUID machine, String energyType) {}

  @Override
  public CompletionStage<String> run(Instant dueAt) {
    LocalDate day = LocalDate.ofInstant(dueAt, ZoneOffset.UTC).minusDays(1);
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = start.plusSeconds(86_400);
    return io.call(() -> meters(start, end))
        .thenCompose(
            meters -> {
              CompletionStage<int[]> done = CompletableFuture.completedFuture(new int[2]);
              for (Meter m : meters) {
                done =
                    done.thenCompose(
                        counts ->
                            kpis.machine(m.machine(), m.energyType(), start, end)
                                .thenCompose(r -> io.call(() -> store(day, m.energyType(), r)))
                                .handle(
                                    (ok, error) -> {
                                      counts[error == null ? 0 : 1]++;
                                      return counts;
                                    }));
              }
              return done.thenApply(
                  counts ->
                      "stored "
                          + counts[0]
                          + " KPI snapshots for "
                          + day
                          + (counts[1] == 0 ? "" : ", " + counts[1] + " failed"));
            });
  }

  /** Electricity of every active machine, and every other energy type drawn that day. */
  private List<Meter> meters(Instant start, Instant end) {
    List<UUID> active =
        machines.list(Optional.empty(), Optional.of(true)).stream().map(MachineRow::id).toList();
    Set<Meter> meters = new LinkedHashSet<>();
    active.forEach(id -> meters.add(new Meter(id, EnergyType.ELECTRICITY)));
    plant
        .totals(active, null, start, end)
        .forEach(t -> meters.add(new Meter(t.machineId(), t.energyType())));
    return new ArrayList<>(meters);
  }

  private Void store(LocalDate day, String energyType, MachineKpiReport r) {
    MachineKpis k = r.kpis();
    snapshots.upsert(
        new KpiSnapshot(
            day,
            r.machine().id(),
            energyType,
            k.totalEnergyKwh(),
            k.avgPowerKw(),
            k.peakDemandKw(),
            k.peakAt(),
            k.loadFactor(),
            Math.round(k.productionUnits()),
            k.secKwhPerUnit(),
            k.energyCharge(),
            k.demandCharge(),
            k.totalCost(),
            r.currency(),
            k.co2Kg(),
            k.intervals(),
            clock.instant()));
    return null;
  }
}
