package org.enms.ingest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.CoordinatedShutdown;
import org.apache.pekko.actor.typed.ActorSystem;
import org.enms.ingest.stream.IngestPipeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops ingest in the order that loses and repeats nothing: take no new message (service-unbind),
 * store and acknowledge the ones inside (service-requests-done), then close the MQTT connections
 * (service-stop). Pekko then hands the shards over and leaves the cluster in its later phases, so
 * the entities have seen every stored reading before they move.
 */
final class IngestShutdown {
  private static final Logger log = LoggerFactory.getLogger(IngestShutdown.class);

  /** Inside Pekko's default phase timeout (5 s), so our log says what was left, not Pekko's. */
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(4);

  private IngestShutdown() {}

  static void register(ActorSystem<?> system, IngestPipeline pipeline) {
    CoordinatedShutdown shutdown = CoordinatedShutdown.get(system);
    CompletableFuture<Long> drained = new CompletableFuture<>();
    shutdown.addTask(
        CoordinatedShutdown.PhaseServiceUnbind(),
        "ingest-close-intake",
        () -> {
          log.info("ingest intake closed inside={}", pipeline.inside());
          pipeline.closeIntake().whenComplete((inside, error) -> drained.complete(inside));
          return CompletableFuture.completedFuture(Done.getInstance());
        });
    shutdown.addTask(
        CoordinatedShutdown.PhaseServiceRequestsDone(),
        "ingest-drain",
        () -> {
          long started = System.nanoTime();
          return drained
              .completeOnTimeout(-1L, DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .thenApply(
                  inside -> {
                    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (inside < 0) {
                      log.warn(
                          "ingest drain timed out after {} ms; left to the broker's redelivery={}",
                          ms,
                          pipeline.inside());
                    } else {
                      log.info("ingest drained stored_and_acknowledged={} ms={}", inside, ms);
                    }
                    return Done.getInstance();
                  });
        });
    shutdown.addTask(
        CoordinatedShutdown.PhaseServiceStop(),
        "ingest-disconnect",
        () -> {
          pipeline.stop();
          return pipeline
              .done()
              .toCompletableFuture()
              .completeOnTimeout(
                  Done.getInstance(), DRAIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .thenApply(
                  done -> {
                    log.info("ingest disconnected from the broker");
                    return Done.getInstance();
                  });
        });
  }
}
