package org.enms.ingest.stream;

import java.time.Duration;
import org.apache.pekko.actor.Cancellable;
import org.apache.pekko.actor.typed.ActorSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs ingest totals and rates at a fixed interval, so a running node shows its progress. */
public final class IngestProgressLog {
  private static final Logger log = LoggerFactory.getLogger("org.enms.ingest.progress");

  private IngestProgressLog() {}

  public static Cancellable start(ActorSystem<?> system, IngestMetrics metrics, Duration every) {
    long[] last = {0, System.nanoTime()};
    return system
        .scheduler()
        .scheduleAtFixedRate(
            every,
            every,
            () -> {
              long total = metrics.readingsTotal();
              long now = System.nanoTime();
              double seconds = (now - last[1]) / 1e9;
              double rate = (total - last[0]) / seconds;
              last[0] = total;
              last[1] = now;
              log.info(
                  "ingest readings_total={} rate_per_s={} rejects_total={} mean_batch_rows={}"
                      + " mean_write_ms={}",
                  total,
                  Math.round(rate),
                  metrics.rejectsTotal(),
                  Math.round(metrics.meanBatchRows()),
                  String.format("%.1f", metrics.meanWriteMillis()));
            },
            system.executionContext());
  }
}
