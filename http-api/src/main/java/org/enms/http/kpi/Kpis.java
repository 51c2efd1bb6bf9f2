package org.enms.http.kpi;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * The KPIs of machines and factories over a period, from the priced intervals. Unknown machines or
 * factories fail the stage with a 404 {@code ApiException}.
 */
public interface Kpis {
  /** One machine's KPIs for one energy source ({@code electricity} unless asked otherwise). */
  CompletionStage<MachineKpiReport> machine(
      UUID machine, String energyType, Instant start, Instant end);

  /** What the cost scenarios of {@code /kpi/energy-cost} need of one machine. */
  CompletionStage<CostBasis> costBasis(UUID machine, String energyType, Instant start, Instant end);

  /** A factory's machines together; 404 when it has no active machine. */
  CompletionStage<FactoryKpiReport> factory(
      UUID factory, String energyType, Instant start, Instant end);

  /** Every factory with active machines, by name. */
  CompletionStage<List<FactoryKpiReport>> factories(String energyType, Instant start, Instant end);
}
