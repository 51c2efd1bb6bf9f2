package org.enms.http.kpi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.enms.db.Database;
import org.enms.db.kpi.CostRollupDao;
import org.enms.db.kpi.CostRow;
import org.enms.db.kpi.RollupInterval;

/**
 * Prices energy that has not been used yet, such as a forecast of tomorrow, at the tariffs in force
 * now: the same books and rules as the priced roll-ups, so a forecast's cost and the cost the day
 * will be billed at agree unless a tariff changes in between.
 */
public final class TariffPricing {
  private final CostRollupDao costs;

  public TariffPricing(Database database) {
    this.costs = new CostRollupDao(database);
  }

  /** Blocking: reads the tariffs, zones and machines' own tariffs once, for one request. */
  public Prices now() {
    return new Prices(new IntervalPricer(costs.context()), costs.pinnedTariffs());
  }

  /** An amount in a billing currency. */
  public record Cost(double amount, String currency) {}

  /** The prices of one moment's tariffs; safe to share between a request's parallel parts. */
  public static final class Prices {
    private final IntervalPricer pricer;
    private final Map<UUID, String> pinned;

    Prices(IntervalPricer pricer, Map<UUID, String> pinned) {
      this.pricer = pricer;
      this.pinned = pinned;
    }

    /**
     * The energy cost of {@code kwh} drawn at {@code kw} in the interval starting at {@code at}.
     */
    public synchronized Cost cost(
        UUID machine, UUID factory, String energyType, Instant at, double kwh, double kw) {
      CostRow row =
          pricer.price(
              new RollupInterval(at, machine, energyType, kwh, kw, factory, pinned.get(machine)));
      return new Cost(row.energyCost(), row.currency());
    }
  }
}
