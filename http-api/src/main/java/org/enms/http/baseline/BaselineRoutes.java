package org.enms.http.baseline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.core.json.Json;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonBody;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * {@code /api/v1/baseline}: train a machine's energy baseline over any stored period, list and
 * explain its versions, predict with the active one, and the voice client's SEU-name training
 * ({@code train-seu}, which answers 200 with {@code success: false} on business errors, as the
 * original). Responses carry the original's fields plus CV(RMSE), NMBE and the validity verdict.
 */
public final class BaselineRoutes extends AllDirectives {
  /** The original's {@code meets_quality_threshold}: R² ≥ 0.80. */
  private static final double QUALITY_R2 = 0.80;

  private static final String ELECTRICITY = "electricity";

  private final Baselines baselines;

  public BaselineRoutes(Baselines baselines) {
    this.baselines = baselines;
  }

  public Route routes() {
    return pathPrefix(
        "baseline",
        () ->
            concat(
                path("train", () -> post(() -> body(this::train))),
                path("train-seu", () -> post(() -> body(this::trainSeu))),
                path("predict", () -> post(() -> body(this::predict))),
                path("models", () -> get(this::models)),
                path(PathMatchers.segment("model").slash(PathMatchers.segment()), this::model)));
  }

  private Route body(Function<String, CompletionStage<Map<String, Object>>> handler) {
    return entity(
        Unmarshaller.entityToString(),
        text -> onSuccess(handler.apply(text), b -> completeOK(b, JsonSupport.json())));
  }

  private CompletionStage<Map<String, Object>> train(String text) {
    JsonBody body = JsonBody.parse(text);
    UUID machine = body.uuid("machine_id", null);
    if (!body.has("machine_id")) {
      body.name("machine_id", null);
    }
    Instant start = instant(body, "start_date");
    Instant end = instant(body, "end_date");
    List<String> drivers = body.list("drivers", List.of(), JsonNode::asText);
    String source = body.name("energy_source", ELECTRICITY);
    body.check();
    if (!end.isAfter(start)) {
      throw ApiException.badRequest("end_date must be after start_date");
    }
    return baselines
        .train(machine, source, start, end, drivers, 0)
        .thenApply(
            m -> {
              Map<String, Object> b = new LinkedHashMap<>();
              b.put("model_id", m.id());
              b.put("machine_id", m.machineId());
              b.put("machine_name", m.machineName());
              b.put("energy_source", m.energySource());
              b.put("model_version", m.modelVersion());
              metrics(b, m);
              b.put("training_samples", m.trainingSamples());
              b.put("coefficients", m.coefficients());
              b.put("intercept", m.intercept());
              b.put("feature_names", List.copyOf(m.coefficients().keySet()));
              b.put("p_values", m.pValues());
              b.put("feature_ranges", m.featureRanges());
              b.put("training_start_date", m.trainingStart());
              b.put("training_end_date", m.trainingEnd());
              b.put("trained_at", m.createdAt());
              // Models live in energy_baselines, not in files.
              b.put("model_path", null);
              b.put("meets_quality_threshold", m.rSquared() >= QUALITY_R2);
              b.put("validity", m.validity());
              b.put("data_sufficiency", m.dataSufficiency());
              b.put("dropped_drivers", m.droppedDrivers());
              return b;
            });
  }

  private CompletionStage<Map<String, Object>> trainSeu(String text) {
    JsonBody body = JsonBody.parse(text);
    String seuName = body.name("seu_name", null);
    String source = body.name("energy_source", null);
    List<String> features = body.list("features", List.of(), JsonNode::asText);
    Integer year = body.integer("year", null, 2000, 2100);
    if (!body.has("year")) {
      body.requiredNumber("year", null, 2000);
    }
    body.check();
    String energySource = normalise(source);
    return baselines
        .seu(seuName, Optional.of(energySource))
        .thenCompose(
            seu -> {
              if (seu.isEmpty()) {
                return CompletableFuture.completedFuture(
                    seuFailure(
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
              Instant end = LocalDate.of(year + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
              return baselines
                  .train(seu.get().machineId(), energySource, start, end, features, 7)
                  .thenApply(m -> seuSuccess(seu.get(), m, year))
                  .exceptionally(e -> seuFailure(seuName, source, e));
            });
  }

  private Map<String, Object> seuSuccess(SeuTarget seu, BaselineView m, int year) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("success", true);
    b.put(
        "message",
        String.format(
            Locale.ROOT,
            "Baseline for %s trained on %d hours of %d: R² %.2f, CV(RMSE) %.1f%%%s.",
            seu.seuName(),
            m.trainingSamples(),
            year,
            m.rSquared(),
            m.cvRmse() == null ? Double.NaN : m.cvRmse(),
            Boolean.TRUE.equals(m.validity().get("valid")) ? "" : " (not valid as a baseline)"));
    b.put("seu_name", seu.seuName());
    b.put("energy_source", seu.energySource());
    b.put("model_version", m.modelVersion());
    b.put("r_squared", JsonSupport.round(m.rSquared(), 4));
    b.put("rmse", JsonSupport.round(m.rmse(), 4));
    b.put("cv_rmse", m.cvRmse() == null ? null : JsonSupport.round(m.cvRmse(), 2));
    b.put("nmbe", m.nmbe() == null ? null : JsonSupport.round(m.nmbe(), 2));
    b.put("formula_readable", BaselineExplanation.formula(m, true));
    b.put("formula_technical", BaselineExplanation.formula(m, false));
    b.put("samples_count", m.trainingSamples());
    b.put("trained_at", m.createdAt());
    b.put("validity", m.validity());
    b.put("error", null);
    b.put("error_details", null);
    return b;
  }

  private Map<String, Object> seuFailure(String seuName, String source, Throwable e) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (!(cause instanceof ApiException api)) {
      throw e instanceof RuntimeException r ? r : new CompletionException(e);
    }
    String detail = String.valueOf(api.detail());
    String code =
        detail.startsWith("Unknown drivers") || detail.startsWith("No usable driver")
            ? "INVALID_FEATURES"
            : detail.startsWith("Insufficient data") ? "INSUFFICIENT_DATA" : "TRAINING_FAILED";
    return seuFailure(seuName, source, code, detail);
  }

  private Map<String, Object> seuFailure(String seuName, String source, String code, String why) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("success", false);
    b.put("message", why);
    b.put("seu_name", seuName);
    b.put("energy_source", source);
    b.put("r_squared", null);
    b.put("rmse", null);
    b.put("formula_readable", null);
    b.put("formula_technical", null);
    b.put("samples_count", null);
    b.put("trained_at", null);
    b.put("error", code);
    b.put("error_details", Map.of("error", code, "message", why));
    return b;
  }

  private CompletionStage<Map<String, Object>> predict(String text) {
    JsonBody body = JsonBody.parse(text);
    UUID machine = body.uuid("machine_id", null);
    // Both optional: absent reads as "", but a given one must not be blank.
    String seuName = body.has("seu_name") ? body.name("seu_name", null) : "";
    String source = body.has("energy_source") ? body.name("energy_source", null) : "";
    boolean includeMessage = body.bool("include_message", false);
    body.check();
    Map<String, Double> features = features(text);
    boolean bySeu = !seuName.isEmpty();
    if (machine == null && (!bySeu || source.isEmpty())) {
      throw new ApiException(
          StatusCodes.UNPROCESSABLE_ENTITY,
          List.of(
              Map.of(
                  "loc", List.of("body"),
                  "msg", "Either machine_id or both seu_name and energy_source must be provided",
                  "type", "value_error")));
    }
    String energySource = machine != null && !bySeu ? ELECTRICITY : normalise(source);
    CompletionStage<Target> target =
        machine != null
            ? CompletableFuture.completedFuture(new Target(machine, null, "kWh"))
            : baselines
                .seu(seuName, Optional.of(energySource))
                .thenApply(
                    s ->
                        s.map(t -> new Target(t.machineId(), t.seuName(), t.energyUnit()))
                            .orElseThrow(() -> seuNotFound(seuName, source)));
    return target.thenCompose(
        t ->
            baselines
                .predict(t.machine(), energySource, features)
                .thenApply(p -> prediction(p, t, bySeu ? seuName : null, source, includeMessage)));
  }

  private record Target(UUID machine, String seuName, String unit) {}

  private static Map<String, Object> prediction(
      BaselinePrediction p, Target t, String seuName, String source, boolean includeMessage) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("machine_id", p.machineId());
    if (seuName != null) {
      b.put("seu_name", seuName);
      b.put("energy_source", source);
    }
    b.put("model_version", p.modelVersion());
    b.put("features", p.features());
    b.put("predicted_energy_kwh", JsonSupport.round(p.predictedEnergyKwh(), 2));
    b.put("warnings", p.warnings());
    if (includeMessage) {
      String who = seuName != null ? seuName : "The machine";
      String message =
          String.format(
              Locale.ROOT,
              "%s is predicted to consume %.2f %s under these conditions",
              who,
              p.predictedEnergyKwh(),
              t.unit());
      long outside = p.warnings().stream().filter(w -> w.contains("outside")).count();
      if (outside > 0) {
        message += ". Warning: " + outside + " input(s) outside training range";
      }
      b.put("message", message);
      b.put("energy_unit", t.unit());
    }
    return b;
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
                                  return onSuccess(
                                      models(machineText, seuName, source, withExplanation),
                                      b -> completeOK(b, JsonSupport.json()));
                                }))));
  }

  private CompletionStage<Map<String, Object>> models(
      Optional<String> machineText,
      Optional<String> seuName,
      Optional<String> source,
      boolean withExplanation) {
    Optional<String> seu = seuName.filter(s -> !s.isBlank());
    if (machineText.isPresent() && seu.isPresent()) {
      throw identifierError(
          "CONFLICTING_IDENTIFIERS", "Provide either machine_id or seu_name, not both");
    }
    if (machineText.isEmpty() && seu.isEmpty()) {
      throw identifierError(
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
                            .orElseThrow(() -> seuNotFound(seu.get(), source.orElse(ELECTRICITY))));
    return machine.thenCompose(
        id ->
            baselines
                .models(id, energySource)
                .thenApply(
                    list -> {
                      Map<String, Object> b = new LinkedHashMap<>();
                      b.put("machine_id", id);
                      b.put("total_models", list.size());
                      b.put("models", list.stream().map(m -> summary(m, withExplanation)).toList());
                      seu.ifPresent(s -> b.put("seu_name", s));
                      energySource.ifPresent(s -> b.put("energy_source", s));
                      return b;
                    }));
  }

  private static Map<String, Object> summary(BaselineView m, boolean withExplanation) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("id", m.id());
    b.put("machine_id", m.machineId());
    b.put("energy_source_id", m.energySourceId());
    b.put("energy_source", m.energySource());
    b.put("model_name", m.modelName());
    b.put("model_version", m.modelVersion());
    b.put("training_samples", m.trainingSamples());
    metrics(b, m);
    b.put("is_valid", m.validity().get("valid"));
    b.put("is_active", m.isActive());
    b.put("created_at", m.createdAt());
    if (withExplanation) {
      b.put("explanation", BaselineExplanation.of(m));
    }
    return b;
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
                  return onSuccess(
                      baselines.model(id),
                      found ->
                          completeOK(
                              detail(
                                  found.orElseThrow(
                                      () -> ApiException.notFound("Baseline model not found")),
                                  withExplanation),
                              JsonSupport.json()));
                }));
  }

  private static Map<String, Object> detail(BaselineView m, boolean withExplanation) {
    Map<String, Object> b = new LinkedHashMap<>();
    b.put("id", m.id());
    b.put("machine_id", m.machineId());
    b.put("model_name", m.modelName());
    b.put("model_type", m.modelType());
    b.put("model_version", m.modelVersion());
    b.put("energy_source", m.energySource());
    b.put("training_start_date", m.trainingStart());
    b.put("training_end_date", m.trainingEnd());
    b.put("training_samples", m.trainingSamples());
    // The original sent the JSONB column as a JSON string; clients parse it.
    b.put("coefficients", jsonText(m.coefficients()));
    b.put("intercept", m.intercept());
    b.put("feature_names", List.copyOf(m.coefficients().keySet()));
    metrics(b, m);
    b.put("p_values", m.pValues());
    b.put("feature_ranges", m.featureRanges());
    b.put("validity", m.validity());
    b.put("is_active", m.isActive());
    b.put("created_at", m.createdAt());
    b.put("machine_name", m.machineName());
    b.put("machine_type", m.machineType());
    if (withExplanation) {
      b.put("explanation", BaselineExplanation.of(m));
    }
    return b;
  }

  private static void metrics(Map<String, Object> b, BaselineView m) {
    b.put("r_squared", JsonSupport.round(m.rSquared(), 4));
    b.put(
        "adjusted_r_squared",
        m.adjustedRSquared() == null ? null : JsonSupport.round(m.adjustedRSquared(), 4));
    b.put("rmse", JsonSupport.round(m.rmse(), 4));
    b.put("mae", JsonSupport.round(m.mae(), 4));
    b.put("cv_rmse", m.cvRmse() == null ? null : JsonSupport.round(m.cvRmse(), 2));
    b.put("nmbe", m.nmbe() == null ? null : JsonSupport.round(m.nmbe(), 2));
  }

  private static Map<String, Double> features(String text) {
    try {
      JsonNode features = Json.mapper().readTree(text).get("features");
      Map<String, Double> out = new LinkedHashMap<>();
      if (features == null || features.isNull()) {
        return out;
      }
      if (!features.isObject()) {
        throw featuresInvalid("value is not a valid dict");
      }
      features
          .fields()
          .forEachRemaining(
              f -> {
                if (!f.getValue().isNumber()) {
                  throw featuresInvalid(f.getKey() + ": value is not a valid number");
                }
                out.put(f.getKey(), f.getValue().asDouble());
              });
      return out;
    } catch (JsonProcessingException e) {
      throw featuresInvalid("JSON decode error");
    }
  }

  private static ApiException featuresInvalid(String message) {
    return new ApiException(
        StatusCodes.UNPROCESSABLE_ENTITY,
        List.of(Map.of("loc", List.of("body", "features"), "msg", message, "type", "value_error")));
  }

  private static Instant instant(JsonBody body, String field) {
    String text = body.name(field, null);
    if (text == null) {
      return null;
    }
    try {
      return QueryParams.instant(field, text);
    } catch (ApiException e) {
      return body.invalid(field, "invalid datetime format", null);
    }
  }

  /** The voice client says {@code energy} for electricity (the original's stored name). */
  static String normalise(String energySource) {
    String s = energySource.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "energy", "electrical", "electric", "power" -> ELECTRICITY;
      default -> s;
    };
  }

  static ApiException seuNotFound(String seuName, String source) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("error", "SEU_NOT_FOUND");
    detail.put("message", "SEU '" + seuName + "' with energy source '" + source + "' not found");
    detail.put(
        "suggestion",
        "Check GET /api/v1/seus for SEU names, or pass machine_id for a machine without an SEU");
    return new ApiException(StatusCodes.NOT_FOUND, detail);
  }

  private static ApiException identifierError(String code, String message) {
    return new ApiException(
        StatusCodes.UNPROCESSABLE_ENTITY, Map.of("error", code, "message", message));
  }

  private static String jsonText(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
