package org.enms.http.baseline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/baseline}: train a machine's energy baseline over any stored period, list and
 * explain its versions, predict with the active one, and the voice client's SEU-name training
 * ({@code train-seu}, which answers 200 with {@code success: false} on business errors, as the
 * original). Responses carry the original's fields plus CV(RMSE), NMBE and the validity verdict.
 * The service's refusals are answered by {@link BaselineErrors}.
 */
public final class BaselineRoutes extends AllDirectives {
  private static final String ELECTRICITY = "electricity";

  private final Baselines baselines;
  private final SeuYearTraining seuYear;

  public BaselineRoutes(Baselines baselines) {
    this(baselines, SeuYearTraining.NONE);
  }

  public BaselineRoutes(Baselines baselines, SeuYearTraining seuYear) {
    this.baselines = baselines;
    this.seuYear = seuYear;
  }

  public Route routes() {
    return handleExceptions(
        BaselineErrors.handler(),
        () ->
            pathPrefix(
                "baseline",
                () ->
                    concat(
                        post("train", TrainingRequest.class, this::train),
                        post("train-seu", SeuTrainingRequest.class, this::trainSeu),
                        post("predict", PredictionRequest.class, this::predict),
                        path("models", () -> get(this::models)),
                        path(
                            PathMatchers.segment("model").slash(PathMatchers.segment()),
                            this::model))));
  }

  /** {@code POST name} with its body read as {@code type}. */
  private <B> Route post(String name, Class<B> type, Function<B, Route> handler) {
    return path(name, () -> post(() -> RequestBodies.body(type, handler)));
  }

  private <T> Route ok(CompletionStage<T> response) {
    return onSuccess(response, body -> completeOK(body, JsonSupport.json()));
  }

  private Route train(TrainingRequest body) {
    Instant start = body.start();
    Instant end = body.end();
    if (!end.isAfter(start)) {
      throw ApiException.badRequest("end_date must be after start_date");
    }
    return ok(
        baselines
            .train(body.machineId(), body.energySource(), start, end, body.spec(), 0)
            .thenApply(TrainingResponse::of));
  }

  private Route trainSeu(SeuTrainingRequest body) {
    String seuName = body.seuName();
    String source = body.energySource();
    int year = body.year();
    String energySource = normalise(source);
    return ok(
        baselines
            .seu(seuName, Optional.of(energySource))
            .thenCompose(
                seu -> {
                  if (seu.isEmpty()) {
                    return CompletableFuture.<SeuTrainingResponse>completedFuture(
                        SeuTrainingResponse.failed(
                            seuName,
                            source,
                            "SEU_NOT_FOUND",
                            "SEU '"
                                + seuName
                                + "' with energy source '"
                                + source
                                + "' was not found."));
                  }
                  Instant start = LocalDate.of(year, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                  Instant end =
                      LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                  return baselines
                      .train(
                          seu.get().machineId(),
                          energySource,
                          start,
                          end,
                          TrainingSpec.of(body.features()),
                          7)
                      .thenCompose(
                          m ->
                              seuYear
                                  .train(seuName, energySource, year, "voice")
                                  .<SeuTrainingResponse>thenApply(
                                      s ->
                                          SeuTrainingResponse.trained(
                                              seu.get(), m, year, s.orElse(null))))
                      .exceptionally(e -> refused(seuName, source, e));
                }));
  }

  /** train-seu's answer to a refusal; any other failure stays one. */
  private static SeuTrainingResponse refused(String seuName, String source, Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (!(cause instanceof BaselineRefused refused)) {
      throw e instanceof RuntimeException r ? r : new CompletionException(e);
    }
    return SeuTrainingResponse.failed(
        seuName, source, BaselineErrors.trainingCode(refused.reason()), refused.getMessage());
  }

  private Route predict(PredictionRequest body) {
    UUID machine = body.machineId();
    String seuName = body.seuName();
    boolean bySeu = seuName != null;
    String source = body.energySource() == null ? "" : body.energySource();
    String energySource = machine != null && !bySeu ? ELECTRICITY : normalise(source);
    CompletionStage<Target> target =
        machine != null
            ? CompletableFuture.completedFuture(new Target(machine, "kWh"))
            : baselines
                .seu(seuName, Optional.of(energySource))
                .thenApply(
                    s ->
                        s.map(t -> new Target(t.machineId(), t.energyUnit()))
                            .orElseThrow(() -> BaselineErrors.seuNotFound(seuName, source)));
    return ok(
        target.thenCompose(
            t ->
                baselines
                    .predict(t.machine(), energySource, body.featureValues(), body.hour())
                    .thenApply(
                        p ->
                            prediction(
                                p,
                                t.unit(),
                                seuName,
                                bySeu ? source : null,
                                body.includeMessage()))));
  }

  /** The machine a prediction is for, and the unit its energy is spoken in. */
  private record Target(UUID machine, String unit) {}

  private static PredictionResponse prediction(
      BaselinePrediction p,
      String unit,
      String seuName,
      String energySource,
      boolean includeMessage) {
    String message = null;
    if (includeMessage) {
      String who = seuName != null ? seuName : "The machine";
      message =
          String.format(
              Locale.ROOT,
              "%s is predicted to consume %.2f %s under these conditions",
              who,
              p.predictedEnergyKwh(),
              unit);
      long outside = p.warnings().stream().filter(w -> w.contains("outside")).count();
      if (outside > 0) {
        message += ". Warning: " + outside + " input(s) outside training range";
      }
    }
    return new PredictionResponse(
        p.machineId(),
        seuName,
        energySource,
        p.modelVersion(),
        p.features(),
        JsonSupport.round(p.predictedEnergyKwh(), 2),
        p.warnings(),
        message,
        includeMessage ? unit : null);
  }

  private Route models() {
    return parameterOptional(
        "machine_id",
        machineText ->
            parameterOptional(
                "seu_name",
                seuName ->
                    parameterOptional(
                        "energy_source",
                        source ->
                            parameterOptional(
                                "include_explanation",
                                explain -> {
                                  boolean withExplanation =
                                      QueryParams.bool("include_explanation", explain)
                                          .orElse(false);
                                  return ok(models(machineText, seuName, source, withExplanation));
                                }))));
  }

  private CompletionStage<ModelList> models(
      Optional<String> machineText,
      Optional<String> seuName,
      Optional<String> source,
      boolean withExplanation) {
    Optional<String> seu = seuName.filter(s -> !s.isBlank());
    if (machineText.isPresent() && seu.isPresent()) {
      throw BaselineErrors.identifierError(
          "CONFLICTING_IDENTIFIERS", "Provide either machine_id or seu_name, not both");
    }
    if (machineText.isEmpty() && seu.isEmpty()) {
      throw BaselineErrors.identifierError(
          "MISSING_IDENTIFIER", "Provide machine_id or seu_name with energy_source");
    }
    Optional<String> energySource = source.filter(s -> !s.isBlank()).map(BaselineRoutes::normalise);
    CompletionStage<UUID> machine =
        machineText.isPresent()
            ? CompletableFuture.completedFuture(
                QueryParams.uuid("query", "machine_id", machineText.get()))
            : baselines
                .seu(seu.get(), energySource)
                .thenApply(
                    s ->
                        s.map(SeuTarget::machineId)
                            .orElseThrow(
                                () ->
                                    BaselineErrors.seuNotFound(
                                        seu.get(), source.orElse(ELECTRICITY))));
    return machine.thenCompose(
        id ->
            baselines
                .models(id, energySource)
                .thenApply(
                    list ->
                        new ModelList(
                            id,
                            list.size(),
                            list.stream().map(m -> ModelSummary.of(m, withExplanation)).toList(),
                            seu.orElse(null),
                            energySource.orElse(null))));
  }

  private Route model(String idText) {
    return get(
        () ->
            parameterOptional(
                "include_explanation",
                explain -> {
                  UUID id = QueryParams.uuid("path", "model_id", idText);
                  boolean withExplanation =
                      QueryParams.bool("include_explanation", explain).orElse(false);
                  return ok(
                      baselines
                          .model(id)
                          .thenApply(
                              found ->
                                  ModelDetail.of(
                                      found.orElseThrow(
                                          () -> ApiException.notFound("Baseline model not found")),
                                      withExplanation)));
                }));
  }

  /** The voice client says {@code energy} for electricity (the original's stored name). */
  public static String normalise(String energySource) {
    String s = energySource.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "energy", "electrical", "electric", "power" -> ELECTRICITY;
      default -> s;
    };
  }
}
