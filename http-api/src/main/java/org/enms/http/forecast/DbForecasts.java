package org.enms.http.forecast;

import com.typesafe.config.Config;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.forecast.Band;
import org.enms.analytics.forecast.Forecast;
import org.enms.analytics.forecast.Forecaster;
import org.enms.analytics.forecast.LoadScheduler;
import org.enms.analytics.forecast.RegularSeries;
import org.enms.analytics.forecast.Window;
import org.enms.analytics.kpi.TariffBook;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.Interval;
import org.enms.db.MachineDao;
import org.enms.db.SeriesPoint;
import org.enms.db.TimeseriesDao;
import org.enms.http.error.ApiException;
import org.enms.http.kpi.TariffPricing;
import org.enms.http.machines.DbMachineDirectory;
import org.enms.http.machines.MachineDirectory;
import org.enms.http.machines.MachineSummary;
import org.enms.http.support.JsonSupport;

/**
 * Forecasts made on request from a machine's electricity roll-ups: average power per hour (per
 * quarter hour for the short horizon) over the last {@code history-days}, up to and including the
 * period in progress, forecast by {@link Forecaster#seasonal()} from the next period on. Days are
 * UTC. Reading and forecasting run on the blocking dispatcher; a machine costs a few milliseconds
 * of CPU.
 */
public final class DbForecasts implements Forecasts {
  static final String MODEL_TYPE = "seasonal_profile";
  private static final String ELECTRICITY = "electricity";
  private static final String USD = TariffBook.DEFAULT_CURRENCY;
  private static final String PLANT_METHOD = "seasonal profile per machine, summed";
  private static final int RECOMMENDATIONS = 3;
  private static final int SCHEDULE_DAYS_AHEAD = 7;
  private static final DateTimeFormatter TIME_OF_DAY = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final MachineDirectory machines;
  private final TimeseriesDao series;
  private final BlockingIo io;
  private final Clock clock;
  private final ForecastSettings settings;
  private final TariffPricing tariffs;

  public DbForecasts(
      MachineDirectory machines,
      TimeseriesDao series,
      BlockingIo io,
      Clock clock,
      ForecastSettings settings,
      TariffPricing tariffs) {
    this.machines = machines;
    this.series = series;
    this.io = io;
    this.clock = clock;
    this.settings = settings;
    this.tariffs = tariffs;
  }

  /**
   * The service over {@code database}, with the {@code enms.http.forecast} settings of {@code
   * config}.
   *
   * @param rollupLag how far the plain dialect's roll-ups trail the clock (the time series read the
   *     rest from the raw readings)
   */
  public static DbForecasts of(
      Database database, BlockingIo io, Clock clock, Duration rollupLag, Config config) {
    return new DbForecasts(
        new DbMachineDirectory(new MachineDao(database), io),
        new TimeseriesDao(database, clock, rollupLag),
        io,
        clock,
        ForecastSettings.fromConfig(config),
        new TariffPricing(database));
  }

  // -- tomorrow

  @Override
  public CompletionStage<TomorrowForecast> tomorrow(
      Optional<UUID> machine, Optional<UUID> factory) {
    Instant now = clock.instant();
    if (machine.isPresent()) {
      return machine(machine.get())
          .thenCompose(
              m ->
                  io.call(
                      () ->
                          tomorrow(m, now, tariffs.now())
                              .orElseThrow(() -> noHistory(m))
                              .single(now)));
    }
    return machines
        .list(Optional.empty(), Optional.of(true))
        .thenCombine(io.call(tariffs::now), PlantPart::new)
        .thenCompose(
            plant -> {
              List<CompletableFuture<Optional<Tomorrow>>> parts = new ArrayList<>();
              for (MachineSummary m : plant.machines()) {
                if (factory.isEmpty() || factory.get().equals(m.factoryId())) {
                  parts.add(io.call(() -> tomorrow(m, now, plant.prices())).toCompletableFuture());
                }
              }
              return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                  .thenApply(
                      done ->
                          plant(
                              parts.stream().flatMap(p -> p.join().stream()).toList(),
                              factory.orElse(null),
                              now));
            });
  }

  private record PlantPart(List<MachineSummary> machines, TariffPricing.Prices prices) {}

  /**
   * One machine's hourly forecast to the end of tomorrow, tomorrow's window of it, and its cost at
   * the tariffs in force.
   */
  private record Tomorrow(
      MachineSummary machine,
      Forecast forecast,
      int from,
      int to,
      Window window,
      int daysWithData,
      ForecastSettings settings,
      TariffPricing.Cost cost) {

    double energyKwh() {
      return window.energyKwh().point();
    }

    MachineTomorrow single(Instant now) {
      return new MachineTomorrow(
          "single_machine",
          day(forecast.time(from)),
          machine.id(),
          machine.name(),
          machine.type(),
          round(energyKwh()),
          round(cost.amount()),
          round(window.averageKw()),
          round(window.peakKw()),
          timeOfDay(window.peakTime()),
          round(window.confidence()),
          daysWithData,
          forecast.method(),
          now,
          round(window.energyKwh().lower()),
          round(window.energyKwh().upper()),
          settings.intervalLevel(),
          cost.currency());
    }

    PlantTomorrow.Line line() {
      return new PlantTomorrow.Line(
          machine.id(),
          machine.name(),
          machine.type(),
          round(energyKwh()),
          round(cost.amount()),
          round(window.peakKw()),
          round(window.confidence()),
          cost.currency());
    }
  }

  private Optional<Tomorrow> tomorrow(MachineSummary m, Instant now, TariffPricing.Prices prices) {
    History h = history(m.id(), Interval.HOUR1, now);
    if (h.isEmpty()) {
      return Optional.empty();
    }
    Instant start =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .plusDays(1)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    int from = h.series().indexOf(start) - h.origin();
    int to = from + 24;
    Forecast f = Forecaster.seasonal().forecast(h.series(), h.origin(), to);
    return Optional.of(
        new Tomorrow(
            m,
            f,
            from,
            to,
            Window.of(f, from, to, settings.intervalLevel()),
            h.daysWithData(),
            settings,
            cost(m, f, from, to, prices)));
  }

  /** Each forecast hour priced at the tariff that applies then (an hour is four intervals). */
  private static TariffPricing.Cost cost(
      MachineSummary m, Forecast f, int from, int to, TariffPricing.Prices prices) {
    double amount = 0;
    String currency = null;
    Duration quarter = Duration.ofMinutes(15);
    long quartersPerStep = f.step().dividedBy(quarter);
    for (int h = from; h < to; h++) {
      double kw = Math.max(0, f.point(h));
      for (int q = 0; q < quartersPerStep; q++) {
        TariffPricing.Cost c =
            prices.cost(
                m.id(),
                m.factoryId(),
                ELECTRICITY,
                f.time(h).plus(quarter.multipliedBy(q)),
                kw * 0.25,
                kw);
        amount += c.amount();
        currency = c.currency();
      }
    }
    return new TariffPricing.Cost(amount, currency);
  }

  private PlantTomorrow plant(List<Tomorrow> parts, UUID factory, Instant now) {
    if (parts.isEmpty()) {
      throw ApiException.notFound(
          "No energy readings of any active machine yet: nothing to forecast");
    }
    Tomorrow first = parts.get(0);
    Forecast total = Forecast.sum(PLANT_METHOD, parts.stream().map(Tomorrow::forecast).toList());
    Window w = Window.of(total, first.from(), first.to(), settings.intervalLevel());
    Tomorrow peakMachine = parts.get(0);
    for (Tomorrow t : parts) {
      if (t.forecast().point(w.peakStep()) > peakMachine.forecast().point(w.peakStep())) {
        peakMachine = t;
      }
    }
    double confidence =
        parts.stream().mapToDouble(t -> t.window().confidence()).average().orElse(0);
    double energy = w.energyKwh().point();
    Map<String, Double> costs = new TreeMap<>();
    parts.forEach(t -> costs.merge(t.cost().currency(), t.cost().amount(), Double::sum));
    costs.replaceAll((currency, amount) -> round(amount));
    return new PlantTomorrow(
        "factory_wide",
        day(total.time(first.from())),
        factory,
        round(energy),
        costs.getOrDefault(USD, 0.0),
        round(w.peakKw()),
        timeOfDay(w.peakTime()),
        peakMachine.machine().name(),
        round(confidence),
        parts.size(),
        parts.stream().map(Tomorrow::line).toList(),
        PLANT_METHOD,
        now,
        round(w.energyKwh().lower()),
        round(w.energyKwh().upper()),
        settings.intervalLevel(),
        costs);
  }

  // -- the next periods

  @Override
  public CompletionStage<DemandForecast> demand(UUID machine, Horizon horizon, int periods) {
    Instant now = clock.instant();
    return machine(machine)
        .thenCompose(
            m ->
                io.call(
                    () -> {
                      Forecast f = forecast(m, horizon.interval(), now, periods);
                      Band band = f.band(settings.intervalLevel());
                      List<Double> predictions = new ArrayList<>();
                      List<Instant> timestamps = new ArrayList<>();
                      List<Double> lower = new ArrayList<>();
                      List<Double> upper = new ArrayList<>();
                      for (int h = 0; h < periods; h++) {
                        predictions.add(round3(f.point(h)));
                        timestamps.add(f.time(h));
                        lower.add(round3(band.lower()[h]));
                        upper.add(round3(band.upper()[h]));
                      }
                      return new DemandForecast(
                          MODEL_TYPE,
                          m.id(),
                          horizon.wireName(),
                          periods,
                          horizon.frequency(),
                          predictions,
                          timestamps,
                          lower,
                          upper,
                          new DemandForecast.ConfidenceIntervals(
                              lower, upper, round3(1 - settings.intervalLevel())),
                          now,
                          "kW",
                          f.method(),
                          f.calibrationRuns());
                    }));
  }

  @Override
  public CompletionStage<PeakForecast> peak(UUID machine) {
    Instant now = clock.instant();
    return machine(machine)
        .thenCompose(
            m ->
                io.call(
                    () -> {
                      Forecast f = forecast(m, Interval.MIN15, now, 96);
                      Window w = Window.of(f, 0, 96, settings.intervalLevel());
                      double average = w.averageKw();
                      return new PeakForecast(
                          m.id(),
                          w.peakTime(),
                          round(w.peakKw()),
                          round(average),
                          average == 0 ? 0 : round(100 * (w.peakKw() - average) / average),
                          now,
                          round(f.band(settings.intervalLevel()).upper()[w.peakStep()]),
                          settings.intervalLevel(),
                          f.method());
                    }));
  }

  // -- optimal schedule

  @Override
  public CompletionStage<ScheduleAdvice> schedule(UUID machine, LocalDate date, double loadKw) {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    if (date.isBefore(today) || date.isAfter(today.plusDays(SCHEDULE_DAYS_AHEAD))) {
      throw ApiException.invalidParameter(
          "body",
          "date",
          "date must lie between today and "
              + SCHEDULE_DAYS_AHEAD
              + " days ahead (UTC): "
              + today
              + " to "
              + today.plusDays(SCHEDULE_DAYS_AHEAD));
    }
    return machine(machine)
        .thenCompose(
            m ->
                io.call(
                    () -> {
                      History h = history(m.id(), Interval.HOUR1, now);
                      if (h.isEmpty()) {
                        throw noHistory(m);
                      }
                      Instant dayStart = date.atStartOfDay().toInstant(ZoneOffset.UTC);
                      int from = Math.max(0, h.series().indexOf(dayStart) - h.origin());
                      int to = h.series().indexOf(dayStart.plus(Duration.ofDays(1))) - h.origin();
                      if (to <= from) {
                        throw ApiException.invalidParameter(
                            "body", "date", "no hour of " + date + " is left to schedule");
                      }
                      Forecast f = Forecaster.seasonal().forecast(h.series(), h.origin(), to);
                      LoadScheduler.Advice advice =
                          new LoadScheduler(settings.scheduleTariff())
                              .advise(f, from, to, loadKw, RECOMMENDATIONS);
                      return new ScheduleAdvice(
                          m.id(),
                          date,
                          loadKw,
                          round(advice.thresholdKw()),
                          advice.best().stream().map(DbForecasts::recommendation).toList(),
                          now,
                          f.method());
                    }));
  }

  private static ScheduleAdvice.Recommendation recommendation(LoadScheduler.Slot s) {
    return new ScheduleAdvice.Recommendation(
        s.start(),
        round(s.predictedKw()),
        s.totalKw() - s.predictedKw(),
        round(s.totalKw()),
        s.peakHour(),
        round(s.costUsd()),
        round(s.savingsUsd()),
        s.withinThreshold());
  }

  // -- history

  /** A machine's history and the index the forecast starts from (the series' end). */
  private record History(RegularSeries series, int origin, int daysWithData) {
    boolean isEmpty() {
      return daysWithData == 0;
    }
  }

  /**
   * Average power per period over the last {@code history-days}, the period in progress included:
   * the forecast starts at the next one.
   */
  private History history(UUID machine, Interval interval, Instant now) {
    long step = interval.width().getSeconds();
    Instant origin = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), step) * step + step);
    Instant start = origin.minus(Duration.ofDays(settings.historyDays()));
    RegularSeries s =
        RegularSeries.empty(
            start, interval.width(), (int) (Duration.between(start, origin).getSeconds() / step));
    Set<Long> days = new HashSet<>();
    for (SeriesPoint p : series.power(machine, start, origin, interval)) {
      s.set(p.bucket(), p.value());
      days.add(Math.floorDiv(p.bucket().getEpochSecond(), 86_400L));
    }
    return new History(s, s.size(), days.size());
  }

  private Forecast forecast(MachineSummary m, Interval interval, Instant now, int periods) {
    History h = history(m.id(), interval, now);
    if (h.isEmpty()) {
      throw noHistory(m);
    }
    return Forecaster.seasonal().forecast(h.series(), h.origin(), periods);
  }

  private CompletionStage<MachineSummary> machine(UUID id) {
    return machines
        .byId(id)
        .thenApply(m -> m.orElseThrow(() -> ApiException.notFound("Machine not found")));
  }

  private static ApiException noHistory(MachineSummary m) {
    return ApiException.notFound(
        "No energy readings of " + m.name() + " yet: a forecast needs at least one");
  }

  private static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  private static String timeOfDay(Instant t) {
    return TIME_OF_DAY.format(t.atZone(ZoneOffset.UTC));
  }

  private static double round(double v) {
    return JsonSupport.round(v, 2);
  }

  private static double round3(double v) {
    return JsonSupport.round(v, 3);
  }
}
