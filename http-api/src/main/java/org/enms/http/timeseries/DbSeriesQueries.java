package org.enms.http.timeseries;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.enms.db.BlockingIo;
import org.enms.db.Interval;
import org.enms.db.TimeseriesDao;

/** The API's time series over the roll-up tables. */
public final class DbSeriesQueries implements SeriesQueries {
  private final TimeseriesDao series;
  private final BlockingIo io;

  public DbSeriesQueries(TimeseriesDao series, BlockingIo io) {
    this.series = series;
    this.io = io;
  }

  @Override
  public CompletionStage<List<SeriesPoint>> energy(
      UUID machine, Instant start, Instant end, String interval) {
    return io.call(() -> convert(series.energy(machine, start, end, parse(interval))));
  }

  @Override
  public CompletionStage<List<SeriesPoint>> power(
      UUID machine, Instant start, Instant end, String interval) {
    return io.call(() -> convert(series.power(machine, start, end, parse(interval))));
  }

  private static Interval parse(String interval) {
    return Interval.fromWireName(interval)
        .orElseThrow(() -> new IllegalArgumentException("unknown interval " + interval));
  }

  private static List<SeriesPoint> convert(List<org.enms.db.SeriesPoint> points) {
    return points.stream().map(p -> new SeriesPoint(p.bucket(), p.value(), p.partial())).toList();
  }
}
