package org.enms.http.plant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.StatusClassifier;
import org.enms.db.BlockingIo;
import org.enms.db.kpi.PlantDao;
import org.enms.http.error.ApiException;
import org.enms.http.machines.MachineSummary;
import org.enms.http.support.JsonSupport;
import org.enms.http.timeseries.SeriesQueries;
import org.enms.http.timeseries.TimeseriesResponse;

/**
 * The time series beside {@code /timeseries/energy}: SEC per bucket, several machines' energy, and
 * a machine's latest minute. All from the roll-ups.
 */
final class SeriesViews {
  /** An older latest minute means the machine is not running now. */
  private static final Duration CURRENT = Duration.ofMinutes(5);

  private final PlantDao dao;
  private final BlockingIo io;
  private final MachineSelection machines;
  private final SeriesQueries series;
  private final Clock clock;

  SeriesViews(
      PlantDao dao, BlockingIo io, MachineSelection machines, SeriesQueries series, Clock clock) {
    this.dao = dao;
    this.io = io;
    this.machines = machines;
    this.series = series;
    this.clock = clock;
  }

  /** SEC buckets: 1hour, 1day or 1week (weeks from Monday 00:00 UTC). */
  static Duration secWidth(String interval) {
    return switch (interval) {
      case "1hour" -> Duration.ofHours(1);
      case "1day" -> Duration.ofDays(1);
      case "1week" -> Duration.ofDays(7);
      default ->
          throw ApiException.invalidParameter(
              "query", "interval", "interval must be one of 1hour, 1day, 1week");
    };
  }

  /** Energy over units produced per bucket; buckets without production are left out. */
  CompletionStage<TimeseriesResponse> sec(String id, Window window, String interval) {
    Duration width = secWidth(interval);
    return machines.read(
        id,
        io,
        m -> {
          Instant now = clock.instant();
          List<TimeseriesResponse.DataPoint> points =
              dao.energyAndUnits(m.id(), window.start(), window.end(), width).stream()
                  .filter(p -> p.units() > 0)
                  .map(
                      p ->
                          new TimeseriesResponse.DataPoint(
                              p.bucket(),
                              JsonSupport.round(p.kwh() / p.units(), 6),
                              "kWh/unit",
                              p.bucket().plus(width).isAfter(now)))
                  .toList();
          return new TimeseriesResponse(
              m.id(),
              m.name(),
              "sec",
              interval,
              window.start(),
              window.end(),
              points,
              points.size(),
              "calculated");
        });
  }

  /** Up to ten machines' energy, each as {@code /timeseries/energy} gives it. */
  CompletionStage<MultiMachineResponse> energy(String selection, Window window, String interval) {
    if (!interval.equals("1hour") && !interval.equals("1day")) {
      throw ApiException.invalidParameter(
          "query", "interval", "interval must be one of 1hour, 1day");
    }
    if (MachineSelection.ids(selection).size() > 10) {
      throw ApiException.badRequest("Maximum 10 machines allowed");
    }
    return machines
        .of(selection)
        .thenCompose(
            list -> {
              List<CompletableFuture<MultiMachineResponse.MachineSeries>> each =
                  list.stream().map(m -> one(m, window, interval).toCompletableFuture()).toList();
              return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                  .thenApply(
                      done ->
                          new MultiMachineResponse(
                              interval,
                              window.start(),
                              window.end(),
                              each.stream().map(CompletableFuture::join).toList(),
                              each.size()));
            });
  }

  private CompletionStage<MultiMachineResponse.MachineSeries> one(
      MachineSummary m, Window window, String interval) {
    return series
        .energy(m.id(), window.start(), window.end(), interval)
        .thenApply(
            points ->
                new MultiMachineResponse.MachineSeries(
                    m.id(),
                    m.name(),
                    points.stream()
                        .map(
                            p ->
                                new TimeseriesResponse.DataPoint(
                                    p.bucket(),
                                    JsonSupport.round(p.value(), 6),
                                    "kWh",
                                    p.partial()))
                        .toList(),
                    points.size(),
                    JsonSupport.round(points.stream().mapToDouble(p -> p.value()).sum(), 6)));
  }

  CompletionStage<LatestReadingResponse> latest(String id) {
    return machines.read(
        id,
        io,
        m -> {
          PlantDao.LatestMinute minute =
              dao.latestMinute(m.id())
                  .orElseThrow(
                      () -> ApiException.notFound("No recent data found for machine " + m.name()));
          boolean current = minute.bucket().isAfter(clock.instant().minus(CURRENT));
          return new LatestReadingResponse(
              m.id(),
              m.name(),
              minute.bucket(),
              JsonSupport.round(minute.avgPowerKw(), 3),
              JsonSupport.round(minute.energyKwh(), 6),
              current ? StatusClassifier.classify(minute.avgPowerKw()).wireName() : "stopped");
        });
  }
}
