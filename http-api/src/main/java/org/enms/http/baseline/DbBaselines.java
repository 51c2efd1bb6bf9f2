package org.enms.http.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.enms.analytics.baseline.BaselineException;
import org.enms.analytics.baseline.BaselineModel;
import org.enms.analytics.baseline.BaselineTrainer;
import org.enms.analytics.baseline.CompleteHours;
import org.enms.analytics.baseline.DataSufficiency;
import org.enms.analytics.baseline.Features;
import org.enms.analytics.baseline.HourlySample;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.TrainingResult;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.core.reading.EnergyType;
import org.enms.db.BaselineDao;
import org.enms.db.BaselineDao.BaselineRow;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.MachineRow;
import org.enms.db.TrainingDataDao;
import org.enms.db.TrainingDataDao.HourlyRow;
import org.enms.http.baseline.BaselineView.DriverRange;
import org.enms.machine.StoredBaselines;
import org.enms.machine.event.BaselineTrained;
import org.enms.machine.event.EventSink;

/**
 * The API's baselines over PostgreSQL: hourly history from the roll-ups, the analytics trainer, and
 * versioned rows in {@code energy_baselines}. All work runs on the blocking dispatcher. Baselines
 * are trained on electricity only: the roll-ups hold other carriers, but no driver catalogue for
 * them exists yet.
 */
public final class DbBaselines implements Baselines {
  private final BaselineDao baselines;
  private final TrainingDataDao history;
  private final MachineDao machines;
  private final BlockingIo io;
  private final BaselineTrainer trainer = new BaselineTrainer();
  private final CompleteHours completeHours;
  private final EventSink events;

  /**
   * @param events where {@code baseline.trained} goes when training stores a new active model, so
   *     the machine's entity swaps it in
   */
  public DbBaselines(
      Database database, BlockingIo io, CompleteHours completeHours, EventSink events) {
    this.completeHours = completeHours;
    this.events = events;
    this.baselines = new BaselineDao(database);
    this.history = new TrainingDataDao(database);
    this.machines = new MachineDao(database);
    this.io = io;
  }

  @Override
  public CompletionStage<BaselineView> train(
      UUID machineId,
      String energySource,
      Instant start,
      Instant end,
      TrainingSpec spec,
      int minDays) {
    return io.call(
        () -> {
          MachineRow machine = machine(machineId);
          UUID sourceId = electricitySource(energySource);
          List<HourlyRow> rows = history.hourly(machineId, start, completeHours.clamp(end));
          long days =
              rows.stream()
                  .map(r -> LocalDate.ofInstant(r.hour(), ZoneOffset.UTC))
                  .distinct()
                  .count();
          if (days < minDays) {
            throw new BaselineRefused(
                BaselineRefused.Reason.INSUFFICIENT_DATA,
                "Insufficient data: "
                    + days
                    + " days with energy data between "
                    + start
                    + " and "
                    + end
                    + ", at least "
                    + minDays
                    + " needed");
          }
          TrainingResult result;
          try {
            result = trainer.train(samples(rows), spec, start, end);
          } catch (BaselineException e) {
            throw BaselineRefused.training(e);
          }
          BaselineRow stored = baselines.insertActive(newBaseline(machineId, sourceId, result));
          // Published after the commit: an entity that reloads on the event finds the new row.
          events.publish(
              new BaselineTrained(
                  stored.id(),
                  machineId,
                  machine.factoryId(),
                  stored.createdAt(),
                  stored.energySource(),
                  stored.modelVersion(),
                  stored.rSquared()));
          return view(stored);
        });
  }

  @Override
  public CompletionStage<List<BaselineView>> models(UUID machineId, Optional<String> energySource) {
    return io.call(
        () -> {
          machine(machineId);
          Optional<UUID> source =
              energySource.map(
                  s ->
                      baselines
                          .energySourceId(s)
                          .orElseThrow(() -> BaselineRefused.unknownEnergySource(s)));
          return baselines.byMachine(machineId, source).stream().map(DbBaselines::view).toList();
        });
  }

  @Override
  public CompletionStage<Optional<BaselineView>> model(UUID id) {
    return io.call(() -> baselines.byId(id).map(DbBaselines::view));
  }

  @Override
  public CompletionStage<BaselinePrediction> predict(
      UUID machineId, String energySource, Map<String, Double> features, Instant hour) {
    return io.call(
        () -> {
          MachineRow machine = machine(machineId);
          BaselineRow active = active(machine, electricitySource(energySource));
          BaselineModel model = model(active);
          Instant at =
              hour == null && model.type() != ModelType.OLS
                  ? Instant.now().truncatedTo(ChronoUnit.HOURS)
                  : hour;
          var p = model.predict(features, at);
          return new BaselinePrediction(
              machineId, active.modelVersion(), p.features(), p.energyKwh(), p.warnings());
        });
  }

  @Override
  public CompletionStage<Optional<SeuTarget>> seu(String name, Optional<String> energySource) {
    return io.call(
        () ->
            baselines
                .seu(name, energySource)
                .map(
                    s ->
                        new SeuTarget(
                            s.seuName(), s.energySource(), s.energyUnit(), s.machineId())));
  }

  public MachineRow machine(UUID id) {
    return machines.byId(id).orElseThrow(BaselineRefused::machineNotFound);
  }

  public UUID electricitySource(String energySource) {
    if (!EnergyType.ELECTRICITY.equals(energySource)) {
      throw BaselineRefused.unsupportedEnergySource(energySource);
    }
    return baselines
        .energySourceId(energySource)
        .orElseThrow(() -> BaselineRefused.unknownEnergySource(energySource));
  }

  public BaselineRow active(MachineRow machine, UUID sourceId) {
    return baselines
        .active(machine.id(), sourceId)
        .orElseThrow(() -> BaselineRefused.noActiveBaseline(machine.name()));
  }

  /** The machine's active model for the energy source, if it has one. */
  public Optional<BaselineRow> activeIfAny(MachineRow machine, UUID sourceId) {
    return baselines.active(machine.id(), sourceId);
  }

  /** The stored row as the analytics model it was trained as. */
  public static BaselineModel model(BaselineRow row) {
    return StoredBaselines.model(row);
  }

  /** Roll-up rows as the trainer's samples, keyed by the catalogue's column names. */
  public static List<HourlySample> samples(List<HourlyRow> rows) {
    return rows.stream()
        .map(
            r -> {
              Map<String, Double> columns = new HashMap<>();
              putIfPresent(columns, Features.PRODUCTION, r.productionCount());
              putIfPresent(columns, Features.THROUGHPUT, r.throughput());
              putIfPresent(columns, Features.OUTDOOR_TEMP, r.outdoorTempC());
              putIfPresent(columns, Features.INDOOR_TEMP, r.indoorTempC());
              putIfPresent(columns, Features.MACHINE_TEMP, r.machineTempC());
              putIfPresent(columns, Features.PRESSURE, r.pressureBar());
              return new HourlySample(r.hour(), r.energyKwh(), columns);
            })
        .toList();
  }

  private static void putIfPresent(Map<String, Double> columns, String name, Double value) {
    if (value != null) {
      columns.put(name, value);
    }
  }

  private static BaselineDao.NewBaseline newBaseline(
      UUID machineId, UUID sourceId, TrainingResult r) {
    var q = r.quality();
    Map<String, BaselineDao.FeatureStats> ranges =
        mapValues(
            r.model().ranges(),
            x -> new BaselineDao.FeatureStats(x.min(), x.max(), x.mean(), x.std()));
    // Stored as jsonb, which keeps no key order; the API reads it back as stored.
    Map<String, Object> metadata =
        Map.of(
            "data_sufficiency",
            Map.of(
                "samples", r.sufficiency().samples(),
                "expected_hours", r.sufficiency().expectedHours(),
                "hours_present_percent", r.sufficiency().hoursPresentPercent(),
                "min_samples", DataSufficiency.MIN_SAMPLES),
            "dropped_drivers",
            r.droppedDrivers(),
            "calendar",
            Map.of(
                "shift_starts",
                r.model().calendar().shiftStarts(),
                "holidays",
                r.model().calendar().holidays().stream().sorted().map(String::valueOf).toList()));
    return new BaselineDao.NewBaseline(
        machineId,
        sourceId,
        r.firstHour(),
        r.lastHour(),
        r.sufficiency().samples(),
        r.model().coefficients(),
        r.model().intercept(),
        q.rSquared(),
        q.adjustedRSquared(),
        q.rmse(),
        q.mae(),
        finite(q.cvRmsePercent()),
        finite(q.nmbePercent()),
        q.residualStd(),
        q.pValues(),
        ranges,
        new BaselineDao.Validity(
            r.validity().valid(), r.validity().reasons(), r.validity().warnings()),
        "enms",
        metadata,
        r.model().type().storedName());
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  @SuppressWarnings("unchecked")
  public static BaselineView view(BaselineRow row) {
    Object sufficiency = row.metadata().get("data_sufficiency");
    Object dropped = row.metadata().get("dropped_drivers");
    return new BaselineView(
        row.id(),
        row.machineId(),
        row.machineName(),
        row.machineType(),
        row.energySourceId(),
        row.energySource(),
        row.modelName(),
        row.modelType(),
        row.modelVersion(),
        row.trainingStart(),
        row.trainingEnd(),
        row.trainingSamples(),
        row.coefficients(),
        row.intercept(),
        row.rSquared(),
        row.adjustedRSquared(),
        row.rmse(),
        row.mae(),
        row.cvRmse(),
        row.nmbe(),
        row.pValues(),
        mapValues(row.featureRanges(), s -> new DriverRange(s.min(), s.max(), s.mean(), s.std())),
        new BaselineView.Validity(
            row.validity().valid(), row.validity().reasons(), row.validity().warnings()),
        sufficiency instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of(),
        dropped instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
        row.isActive(),
        row.createdAt());
  }

  /** The map with each value converted, in the same key order. */
  private static <A, B> Map<String, B> mapValues(Map<String, A> map, Function<A, B> convert) {
    Map<String, B> out = new LinkedHashMap<>();
    map.forEach((key, value) -> out.put(key, convert.apply(value)));
    return out;
  }
}
