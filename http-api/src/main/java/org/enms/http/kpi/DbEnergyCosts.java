package org.enms.http.kpi;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.kpi.TodayCost;
import org.enms.core.reading.EnergyType;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.kpi.KpiDao;
import org.enms.db.kpi.PricedSince;

/**
 * Live costs from the priced intervals: those since the time asked, plus the energy the roll-ups
 * have not reached yet at the latest interval's price ({@code fallbackRate} when none is priced).
 */
public final class DbEnergyCosts implements EnergyCosts {
  private final KpiDao kpis;
  private final BlockingIo io;
  private final double fallbackRate;

  public DbEnergyCosts(Database database, BlockingIo io, double fallbackRate) {
    this.kpis = new KpiDao(database);
    this.io = io;
    this.fallbackRate = fallbackRate;
  }

  @Override
  public CompletionStage<Double> electricitySince(UUID machine, Instant since, double liveKwh) {
    return io.call(
        () -> {
          PricedSince priced = kpis.pricedSince(machine, EnergyType.ELECTRICITY, since);
          double rate = priced.latestRate() == null ? fallbackRate : priced.latestRate();
          return TodayCost.of(priced.energyKwh(), priced.energyCost(), liveKwh, rate);
        });
  }
}
