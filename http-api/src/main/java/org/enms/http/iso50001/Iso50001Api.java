package org.enms.http.iso50001;

import java.time.Clock;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.iso50001.ActionPlanDao;
import org.enms.db.iso50001.TargetDao;
import org.enms.http.baseline.SeuYearTraining;
import org.enms.http.cache.ReadCache;

/**
 * The ISO 50001 feature over PostgreSQL, wired: SEU baselines, EnPI and CUSUM, targets, action
 * plans and the performance engine, with their routes ({@link Iso50001Routes}, {@link
 * PerformanceRoutes}, {@link EnpiRoutes}). Blocking work runs on {@code io}.
 */
public final class Iso50001Api extends AllDirectives {
  private final Iso50001Routes iso;
  private final PerformanceRoutes performance;
  private final EnpiRoutes enpi;
  private final SeuYearTraining seuYearTraining;

  private Iso50001Api(
      Iso50001Routes iso,
      PerformanceRoutes performance,
      EnpiRoutes enpi,
      SeuYearTraining seuYearTraining) {
    this.iso = iso;
    this.performance = performance;
    this.enpi = enpi;
    this.seuYearTraining = seuYearTraining;
  }

  /** {@code cache}: keeps the saving opportunities between changes of the data they read. */
  public static Iso50001Api of(Database database, BlockingIo io, Clock clock, ReadCache cache) {
    var periods = new SeuPeriods(database, clock);
    var plans = new ActionPlanDao(database);
    var baselines = new SeuBaselines(periods, io, cache::changedEverything);
    var enpi = new EnpiService(periods, baselines, plans, io, clock);
    return new Iso50001Api(
        new Iso50001Routes(
            enpi,
            new Targets(periods, new TargetDao(database), io),
            new ActionPlans(periods, plans, io)),
        new PerformanceRoutes(
            new PerformanceEngine(periods, io, clock, cache),
            () -> io.call(periods.data()::reachable),
            clock),
        new EnpiRoutes(baselines, enpi),
        new SeuYearBaselines(periods, baselines, io));
  }

  /** What {@code /baseline/train-seu} trains besides the machine's model. */
  public SeuYearTraining seuYearTraining() {
    return seuYearTraining;
  }

  /** Under {@code /api/v1}. */
  public Route routes() {
    return concat(iso.routes(), performance.routes(), enpi.routes());
  }
}
