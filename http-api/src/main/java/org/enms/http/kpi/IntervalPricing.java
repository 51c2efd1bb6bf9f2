package org.enms.http.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.enms.db.Database;
import org.enms.db.RollupRefresher;
import org.enms.db.TimeRange;
import org.enms.db.kpi.CostRollupDao;
import org.enms.db.kpi.CostRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@code energy_costs_15min} in step with the 15-minute energy roll-up: after each roll-up
 * refresh it prices the refreshed intervals at the tariffs in force (new intervals get today's
 * prices, intervals priced before keep theirs), sums the hours it touched at once (the current hour
 * included) and redoes the daily sums of the days it touched once they are over. Both dialects
 * refresh through {@link RollupRefresher}, so both are priced here. A database that has roll-ups
 * but no priced interval (one created before costs were kept) is priced whole once, at the first
 * refresh.
 */
public final class IntervalPricing implements RollupRefresher.Listener {
  private static final Logger log = LoggerFactory.getLogger(IntervalPricing.class);
  private static final Duration WIDTH = Duration.ofMinutes(15);
  private static final Duration DAY = Duration.ofDays(1);
  private static final Duration STEP = Duration.ofDays(7);

  private final CostRollupDao costs;
  private final Clock clock;
  private final AtomicBoolean checkedHistory = new AtomicBoolean();

  public IntervalPricing(Database database) {
    this(new CostRollupDao(database), Clock.systemUTC());
  }

  /** {@code clock}: the days before its current one are over and get daily sums. */
  public IntervalPricing(CostRollupDao costs, Clock clock) {
    this.costs = costs;
    this.clock = clock;
  }

  @Override
  public void refreshed(Instant from, Instant to) {
    if (checkedHistory.compareAndSet(false, true)) {
      priceHistoryIfNeverPriced();
    }
    price(floor(from), floor(to).plus(WIDTH), Optional.empty(), false);
  }

  /**
   * Prices the intervals starting in {@code [from, to)} ({@code from} taken to its interval's
   * start), of every machine or of one factory's.
   *
   * @param reprice price intervals priced before anew, at the versions in force now; otherwise they
   *     keep their prices
   * @return how many intervals were written
   */
  public int price(Instant from, Instant to, Optional<UUID> factory, boolean reprice) {
    int written = 0;
    for (Instant start = floor(from); start.isBefore(to); start = start.plus(STEP)) {
      Instant end = start.plus(STEP).isBefore(to) ? start.plus(STEP) : to;
      var pricer = new IntervalPricer(costs.context());
      List<CostRow> rows =
          costs.intervals(start, end, factory).stream().map(pricer::price).toList();
      costs.write(rows, reprice);
      if (factory.isEmpty()) {
        costs.deleteWithoutRollup(start, end);
      }
      costs.sumHours(start, end);
      costs.markDays(start, end);
      written += rows.size();
    }
    costs.sumDaysBefore(floorDay(clock.instant()));
    return written;
  }

  private void priceHistoryIfNeverPriced() {
    Optional<TimeRange> span = costs.isEmpty() ? costs.rollupSpan() : Optional.empty();
    if (span.isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    Instant from = floor(span.get().from());
    Instant to = floor(span.get().to()).plus(WIDTH);
    log.info("pricing roll-up history {} .. {} (never priced)", from, to);
    int total = 0;
    for (Instant start = from; start.isBefore(to); start = start.plus(STEP.multipliedBy(4))) {
      Instant end = start.plus(STEP.multipliedBy(4));
      total += price(start, end.isBefore(to) ? end : to, Optional.empty(), false);
      log.info("priced history up to {}: {} intervals", end.isBefore(to) ? end : to, total);
    }
    log.info(
        "priced {} historical intervals in {} s",
        total,
        (System.nanoTime() - started) / 1_000_000_000L);
  }

  static Instant floor(Instant t) {
    return floor(t, WIDTH);
  }

  private static Instant floorDay(Instant t) {
    return floor(t, DAY);
  }

  private static Instant floor(Instant t, Duration width) {
    long w = width.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), w) * w);
  }
}
