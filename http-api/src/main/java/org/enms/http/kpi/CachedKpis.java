package org.enms.http.kpi;

import com.fasterxml.jackson.databind.JavaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.core.json.Json;
import org.enms.http.cache.ReadCache;

/**
 * A machine's KPIs from the read cache while no data of the period changed: a year's KPIs read
 * hundreds of roll-up rows, a cached answer one key. A factory's answers hold its machines' states
 * now, so they are always computed.
 */
public final class CachedKpis implements Kpis {
  private static final JavaType MACHINE = Json.mapper().constructType(MachineKpiReport.class);
  private static final JavaType COST_BASIS = Json.mapper().constructType(CostBasis.class);

  private final Kpis kpis;
  private final ReadCache cache;

  public CachedKpis(Kpis kpis, ReadCache cache) {
    this.kpis = kpis;
    this.cache = cache;
  }

  @Override
  public CompletionStage<MachineKpiReport> machine(
      UUID machine, String energyType, Instant start, Instant end) {
    return cache.read(
        key("kpi", machine, energyType, start, end),
        start,
        end,
        MACHINE,
        () -> kpis.machine(machine, energyType, start, end));
  }

  @Override
  public CompletionStage<CostBasis> costBasis(
      UUID machine, String energyType, Instant start, Instant end) {
    return cache.read(
        key("cost-basis", machine, energyType, start, end),
        start,
        end,
        COST_BASIS,
        () -> kpis.costBasis(machine, energyType, start, end));
  }

  @Override
  public CompletionStage<FactoryKpiReport> factory(
      UUID factory, String energyType, Instant start, Instant end) {
    return kpis.factory(factory, energyType, start, end);
  }

  @Override
  public CompletionStage<List<FactoryKpiReport>> factories(
      String energyType, Instant start, Instant end) {
    return kpis.factories(energyType, start, end);
  }

  private static String key(
      String what, UUID machine, String energyType, Instant start, Instant end) {
    return what + ":" + machine + ":" + energyType + ":" + start + ":" + end;
  }
}
