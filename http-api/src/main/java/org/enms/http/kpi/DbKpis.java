package org.enms.http.kpi;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.kpi.MachineKpis;
import org.enms.analytics.kpi.MonthTotals;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.kpi.KpiDao;
import org.enms.db.kpi.KpiFactory;
import org.enms.db.kpi.KpiMachine;
import org.enms.db.kpi.MachineKpiData;
import org.enms.db.kpi.MonthRow;
import org.enms.db.kpi.ProductionTotals;
import org.enms.http.error.ApiException;
import org.enms.http.machines.LiveMachines;
import org.enms.http.machines.LiveStatus;

/**
 * The KPIs over {@link KpiDao}: the database sums the priced intervals per billing month, {@link
 * MachineKpis} does the rest. A factory's machine states come from their entities.
 */
public final class DbKpis implements Kpis {
  private final KpiDao dao;
  private final BlockingIo io;
  private final LiveMachines live;

  public DbKpis(Database database, BlockingIo io, LiveMachines live) {
    this.dao = new KpiDao(database);
    this.io = io;
    this.live = live;
  }

  @Override
  public CompletionStage<MachineKpiReport> machine(
      UUID machine, String energyType, Instant start, Instant end) {
    return io.call(
        () -> {
          MachineKpiData data =
              dao.machineData(machine, energyType, start, end)
                  .orElseThrow(() -> ApiException.notFound("Machine not found"));
          return new MachineKpiReport(
              data.machine(),
              MachineKpis.compute(
                  totals(data.months()), data.production().units(), Duration.between(start, end)),
              currency(data.months(), data.machine().factoryId(), energyType));
        });
  }

  @Override
  public CompletionStage<CostBasis> costBasis(
      UUID machine, String energyType, Instant start, Instant end) {
    return io.call(
        () -> {
          KpiMachine m = knownMachine(machine);
          List<MonthRow> months = dao.machineMonths(machine, energyType, start, end);
          return new CostBasis(
              m,
              dao.energyByLocalHour(machine, energyType, start, end, m.timezone()),
              MachineKpis.compute(totals(months), 0, Duration.between(start, end)));
        });
  }

  @Override
  public CompletionStage<FactoryKpiReport> factory(
      UUID factory, String energyType, Instant start, Instant end) {
    return io.call(
            () -> {
              List<UUID> machines = dao.activeMachines(factory);
              if (machines.isEmpty()) {
                throw ApiException.notFound("No machines found for factory_id: " + factory);
              }
              KpiFactory f =
                  dao.factory(factory)
                      .orElseThrow(() -> ApiException.notFound("Factory not found: " + factory));
              return new Summed(f, machines, summed(f, energyType, start, end));
            })
        .thenCompose(this::withStates);
  }

  @Override
  public CompletionStage<List<FactoryKpiReport>> factories(
      String energyType, Instant start, Instant end) {
    return io.call(dao::factories)
        .thenCompose(
            all -> {
              CompletionStage<List<FactoryKpiReport>> reports =
                  CompletableFuture.completedFuture(new ArrayList<>());
              for (KpiFactory f : all) {
                reports =
                    reports.thenCompose(
                        list ->
                            factory(f.id(), energyType, start, end)
                                .handle(
                                    (report, failure) -> {
                                      if (failure == null) {
                                        list.add(report);
                                      } else if (!isNotFound(failure)) {
                                        throw failure instanceof RuntimeException r
                                            ? r
                                            : new IllegalStateException(failure);
                                      }
                                      return list;
                                    }));
              }
              return reports.thenApply(List::copyOf);
            });
  }

  /** A factory's summed figures before its machines' live states are asked. */
  private record Summed(KpiFactory factory, List<UUID> machines, Sums sums) {}

  private record Sums(
      MachineKpis kpis, ProductionTotals production, String currency, int machinesWithData) {}

  private Sums summed(KpiFactory f, String energyType, Instant start, Instant end) {
    List<MonthRow> months = dao.factoryMonths(f.id(), energyType, start, end);
    ProductionTotals production = dao.factoryProduction(f.id(), start, end);
    return new Sums(
        MachineKpis.compute(totals(months), production.units(), Duration.between(start, end)),
        production,
        currency(months, f.id(), energyType),
        dao.machinesWithData(f.id(), energyType, start, end));
  }

  private CompletionStage<FactoryKpiReport> withStates(Summed s) {
    List<CompletableFuture<String>> states =
        s.machines().stream()
            .map(
                id ->
                    live.status(id)
                        .thenApply(LiveStatus::status)
                        .exceptionally(e -> "stopped")
                        .toCompletableFuture())
            .toList();
    return CompletableFuture.allOf(states.toArray(CompletableFuture[]::new))
        .thenApply(
            done -> {
              List<String> now = states.stream().map(CompletableFuture::join).toList();
              int running = (int) now.stream().filter("running"::equals).count();
              int idle = (int) now.stream().filter("idle"::equals).count();
              return new FactoryKpiReport(
                  s.factory(),
                  s.sums().kpis(),
                  s.sums().production(),
                  s.sums().currency(),
                  now.size(),
                  running,
                  idle,
                  now.size() - running - idle,
                  s.sums().machinesWithData());
            });
  }

  private KpiMachine knownMachine(UUID machine) {
    return dao.machine(machine).orElseThrow(() -> ApiException.notFound("Machine not found"));
  }

  private String currency(List<MonthRow> months, UUID factory, String energyType) {
    return months.isEmpty() ? dao.billingCurrency(factory, energyType) : months.get(0).currency();
  }

  static List<MonthTotals> totals(List<MonthRow> months) {
    return months.stream()
        .map(
            m ->
                new MonthTotals(
                    m.month(),
                    m.energyKwh(),
                    m.energyCost(),
                    m.co2Kg(),
                    m.intervals(),
                    m.demandKwSum(),
                    m.peakDemandKw(),
                    m.peakAt(),
                    m.demandRateAtPeak()))
        .toList();
  }

  private static boolean isNotFound(Throwable failure) {
    Throwable cause =
        failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause instanceof ApiException api && api.status().intValue() == 404;
  }
}
