package org.enms.node;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.pekko.actor.typed.ActorSystem;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.RollupHorizon;
import org.enms.db.RollupRefresher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.concurrent.ExecutionContext;

/**
 * The node's periodic database jobs: partition upkeep (plain dialect), raw retention (both
 * dialects; TimescaleDB's own retention policies are not used, see {@code RawRetention}) and
 * roll-up refresh (plain dialect).
 */
final class DatabaseJobs {
  private static final Logger log = LoggerFactory.getLogger(DatabaseJobs.class);
  private static final Duration PARTITION_UPKEEP_EVERY = Duration.ofHours(1);

  /** A crash between a commit and its roll-up leaves recent buckets stale; redone at start. */
  private static final Duration REFRESH_AT_START = Duration.ofHours(3);

  private DatabaseJobs() {}

  static void schedule(
      ActorSystem<?> system,
      BlockingIo io,
      Database database,
      RollupRefresher rollups,
      NodeSettings settings) {
    ExecutionContext blocking = ExecutionContext.fromExecutor(io.executor());
    var db = database.settings();
    // Keep daily partitions ahead of the clock and drop the live era's raw data past retention.
    system
        .scheduler()
        .scheduleWithFixedDelay(
            PARTITION_UPKEEP_EVERY,
            PARTITION_UPKEEP_EVERY,
            () -> {
              try {
                database
                    .partitions()
                    .maintain(LocalDate.now(ZoneOffset.UTC), db.partitionsAheadDays());
                database.retention().expire(Instant.now());
              } catch (RuntimeException e) {
                log.warn("partition upkeep failed, will retry: {}", e.getMessage());
              }
            },
            blocking);

    io.call(
        () -> {
          rollups.refreshRecent(REFRESH_AT_START);
          return null;
        });
    system
        .scheduler()
        .scheduleWithFixedDelay(
            settings.rollupInterval(),
            settings.rollupInterval(),
            () -> {
              try {
                rollups.refreshDirtyBefore(
                    RollupHorizon.settledBefore(Instant.now(), settings.rollupSettle()));
              } catch (RuntimeException e) {
                log.warn("roll-up refresh failed, will retry: {}", e.getMessage());
              }
            },
            blocking);
  }
}
