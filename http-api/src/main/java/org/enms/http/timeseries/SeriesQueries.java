package org.enms.http.timeseries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

/**
 * Historical series from the roll-ups. {@code interval} is one of 1min, 5min, 15min, 1hour, 1day;
 * {@code end} is exclusive. Energy is summed, power is averaged (weighted by readings).
 */
public interface SeriesQueries {
  CompletionStage<List<SeriesPoint>> energy(
      UUID machine, Instant start, Instant end, String interval);

  CompletionStage<List<SeriesPoint>> power(
      UUID machine, Instant start, Instant end, String interval);
}
