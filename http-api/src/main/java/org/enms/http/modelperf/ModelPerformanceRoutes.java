package org.enms.http.modelperf;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatcher0;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.http.baseline.BaselineErrors;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;
import org.enms.http.support.Violations;

/**
 * {@code /api/v1/model-performance}: the original's paths and parameters over real computations
 * ({@link ModelPerformanceService}). Where the original required what EnMS can work out, it is
 * optional here: {@code model_id} defaults to the machine's active baseline, {@code model_type} to
 * {@code baseline}, the evaluation window to the last {@code window} before now, and the metrics
 * body of {@code record} (which the original trusted) is kept only as {@code reported}. An A/B test
 * judges both models on the same hours (no traffic is split: a baseline serves no requests) and may
 * start in the past ({@code test_start}, not in the original) to compare them on history. Bad input
 * is a 4xx with {@code detail}; the baseline service's refusals are answered by {@link
 * BaselineErrors}.
 */
public final class ModelPerformanceRoutes extends AllDirectives {
  /** The original's training trigger types (model_training_history's CHECK). */
  static final Set<String> TRIGGER_TYPES =
      Set.of("manual", "scheduled", "drift_detected", "performance_degradation");

  static final Set<String> SEVERITIES = Set.of("normal", "warning", "critical");
  static final int MAX_TREND_DAYS = 366;
  static final int MAX_AB_TEST_HOURS = 366 * 24;

  private final ModelPerformanceService service;

  public ModelPerformanceRoutes(ModelPerformanceService service) {
    this.service = service;
  }

  public Route routes() {
    return handleExceptions(
        BaselineErrors.handler(),
        () ->
            pathPrefix(
                "model-performance",
                () ->
                    concat(
                        path(
                            pair("metrics", "record"),
                            () -> post(() -> parameterMap(this::record))),
                        path(pair("metrics", "trend"), () -> get(() -> parameterMap(this::trend))),
                        path(pair("drift", "check"), () -> post(() -> parameterMap(this::check))),
                        path(
                            pair("retrain", "trigger"),
                            () -> post(() -> parameterMap(this::retrain))),
                        path(pair("alerts", "active"), () -> get(() -> parameterMap(this::alerts))),
                        path(
                            pair("ab-test", "start"),
                            () -> post(() -> parameterMap(this::startAbTest))),
                        path(
                            PathMatchers.segment("ab-test")
                                .slash(PathMatchers.segment())
                                .slash("results"),
                            id -> get(() -> abTestResults(id))))));
  }

  private static PathMatcher0 pair(String first, String second) {
    return PathMatchers.segment(first).slash(second);
  }

  private <T> Route ok(CompletionStage<T> answer) {
    return onSuccess(answer, body -> completeOK(body, JsonSupport.json()));
  }

  private Route record(Map<String, String> q) {
    UUID machine = machine(q);
    Optional<UUID> model = optionalUuid(q, "model_id");
    modelType(q);
    Optional<Instant> start =
        optional(q, "evaluation_start").map(v -> QueryParams.instant("evaluation_start", v));
    Optional<Instant> end =
        optional(q, "evaluation_end").map(v -> QueryParams.instant("evaluation_end", v));
    return entity(
        Unmarshaller.entityToString(),
        text -> ok(service.record(machine, model, start, end, reported(text), "api")));
  }

  private Route trend(Map<String, String> q) {
    UUID machine = machine(q);
    String modelType = modelType(q);
    int days = intParam(q, "days", 30, 1, MAX_TREND_DAYS);
    return ok(service.trend(machine, modelType, days));
  }

  private Route check(Map<String, String> q) {
    UUID machine = machine(q);
    modelType(q);
    return ok(service.check(machine, optionalUuid(q, "model_id")));
  }

  private Route retrain(Map<String, String> q) {
    UUID machine = machine(q);
    modelType(q);
    String trigger = optional(q, "trigger_type").orElse("manual");
    if (!TRIGGER_TYPES.contains(trigger)) {
      throw ApiException.badRequest(
          "trigger_type must be one of manual, scheduled, drift_detected, performance_degradation");
    }
    String reason = optional(q, "reason").orElse("retraining requested through the API");
    return ok(service.retrain(machine, trigger, reason));
  }

  private Route alerts(Map<String, String> q) {
    Optional<UUID> machine = optionalUuid(q, "machine_id");
    Optional<String> severity = optional(q, "severity");
    severity.ifPresent(
        s -> {
          if (!SEVERITIES.contains(s)) {
            throw ApiException.badRequest("severity must be one of normal, warning, critical");
          }
        });
    // Validated as on every other route here: an unknown type is a 400, not an empty list.
    Optional<String> modelType = optional(q, "model_type").map(t -> modelType(q));
    return ok(service.activeAlerts(machine, modelType, severity));
  }

  private Route startAbTest(Map<String, String> q) {
    UUID machine = machine(q);
    modelType(q);
    String name =
        optional(q, "test_name")
            .orElseThrow(
                () -> ApiException.invalidParameter("query", "test_name", "field required"));
    UUID a = requiredUuid(q, "model_a_id");
    UUID b = requiredUuid(q, "model_b_id");
    int hours = intParam(q, "duration_hours", 24, 1, MAX_AB_TEST_HOURS);
    Optional<Instant> start =
        optional(q, "test_start").map(v -> QueryParams.instant("test_start", v));
    return ok(service.startAbTest(name, machine, a, b, Duration.ofHours(hours), start));
  }

  private Route abTestResults(String idText) {
    return ok(service.abTestResults(QueryParams.uuid("path", "test_id", idText)));
  }

  private static UUID requiredUuid(Map<String, String> q, String name) {
    String value =
        optional(q, name)
            .orElseThrow(() -> ApiException.invalidParameter("query", name, "field required"));
    return QueryParams.uuid("query", name, value);
  }

  private static Optional<String> optional(Map<String, String> q, String name) {
    return Optional.ofNullable(q.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static UUID machine(Map<String, String> q) {
    String value =
        optional(q, "machine_id")
            .orElseThrow(
                () -> ApiException.invalidParameter("query", "machine_id", "field required"));
    return QueryParams.uuid("query", "machine_id", value);
  }

  private static Optional<UUID> optionalUuid(Map<String, String> q, String name) {
    return optional(q, name).map(v -> QueryParams.uuid("query", name, v));
  }

  /** Only baselines are stored models; anything else is refused rather than silently empty. */
  private static String modelType(Map<String, String> q) {
    String type = optional(q, "model_type").orElse(ModelPerformanceService.MODEL_TYPE);
    if (!ModelPerformanceService.MODEL_TYPE.equals(type)) {
      throw ApiException.badRequest(
          "Unknown model_type '"
              + type
              + "': only 'baseline' models are stored, evaluated and retrained");
    }
    return type;
  }

  private static int intParam(Map<String, String> q, String name, int fallback, int min, int max) {
    Optional<String> text = optional(q, name);
    if (text.isEmpty()) {
      return fallback;
    }
    int value;
    try {
      value = Integer.parseInt(text.get());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("query", name, "value is not a valid integer");
    }
    if (value < min || value > max) {
      throw ApiException.invalidParameter(
          "query", name, "ensure this value is between " + min + " and " + max);
    }
    return value;
  }

  /** The original's body: metric name → number. Optional here, and only kept as reported. */
  private static Map<String, Object> reported(String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    JsonNode body = RequestBodies.tree(text);
    Map<String, Object> out = new LinkedHashMap<>();
    body.fields()
        .forEachRemaining(
            f -> {
              if (!f.getValue().isNumber() && !f.getValue().isNull()) {
                // As a body that is no object: FastAPI's 422, naming the field.
                throw new ApiException(
                    StatusCodes.UNPROCESSABLE_ENTITY,
                    List.of(
                        Violations.FieldError.body(
                            f.getKey(), "value is not a valid float", "type_error.float")));
              }
              out.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().doubleValue());
            });
    return out;
  }
}
