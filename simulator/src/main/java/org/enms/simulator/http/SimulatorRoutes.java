package org.enms.simulator.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.marshallers.jackson.Jackson;
import org.apache.pekko.http.javadsl.marshalling.Marshaller;
import org.apache.pekko.http.javadsl.model.RequestEntity;
import org.apache.pekko.http.javadsl.model.StatusCode;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.ExceptionHandler;
import org.apache.pekko.http.javadsl.server.MethodRejection;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.RejectionHandler;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.core.json.Json;
import org.enms.simulator.physics.Anomaly;
import org.enms.simulator.physics.AnomalyKind;
import org.enms.simulator.plant.PlantRunner;
import org.enms.simulator.plant.SimulatedMachine;

/**
 * The simulator's control API, as the original's under {@code /simulator} plus {@code /} and {@code
 * /health}. Status and machine reads return their object directly; control operations return the
 * {@code {message, success, data}} envelope; errors are {@code {"detail": ...}} with 400 (body
 * contradicts the path or the machine), 404 (unknown machine) or 422 (malformed body).
 */
public final class SimulatorRoutes extends AllDirectives {
  static final String SERVICE = "EnMS Factory Simulator";
  static final String VERSION = "1.0.0";

  private static final Marshaller<Object, RequestEntity> JSON = Jackson.marshaller(Json.mapper());

  private final PlantRunner plant;

  public SimulatorRoutes(PlantRunner plant) {
    this.plant = plant;
  }

  public Route routes() {
    return handleExceptions(
        exceptionHandler(),
        () ->
            handleRejections(
                rejectionHandler(),
                () ->
                    concat(
                        pathSingleSlash(() -> get(this::root)),
                        path("health", () -> get(this::health)),
                        pathPrefix("simulator", this::simulatorRoutes))));
  }

  private Route simulatorRoutes() {
    return concat(
        path("status", () -> get(() -> json(StatusCodes.OK, plant.status()))),
        path("info", () -> get(this::info)),
        path("start", () -> post(() -> withBody(body -> control(body, true)))),
        path("stop", () -> post(() -> withBody(body -> control(body, false)))),
        pathPrefix(
            "machines",
            () ->
                concat(
                    pathEnd(() -> get(this::machines)),
                    pathPrefix(
                        PathMatchers.segment(),
                        id ->
                            concat(
                                pathEnd(() -> get(() -> withMachine(id, this::machine))),
                                path(
                                    "anomaly",
                                    () ->
                                        concat(
                                            post(
                                                () ->
                                                    withBody(
                                                        body ->
                                                            withMachine(
                                                                id, m -> injectAnomaly(m, body)))),
                                            delete(
                                                () -> withMachine(id, this::clearAnomaly)))))))));
  }

  private Route root() {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("service", SERVICE);
    data.put("version", VERSION);
    data.put("health", "/health");
    data.put("api", "/simulator");
    return json(StatusCodes.OK, ApiResponse.ok(SERVICE, data));
  }

  private Route health() {
    boolean connected = plant.mqttConnected();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", connected ? "healthy" : "degraded");
    body.put("service", SERVICE);
    body.put("version", VERSION);
    body.put("timestamp", plant.clock().instant());
    body.put("mqtt_connected", connected);
    return json(StatusCodes.OK, body);
  }

  private Route info() {
    Map<String, Object> intervals = new LinkedHashMap<>();
    Map<String, Object> anomalyTypes = new LinkedHashMap<>();
    for (SimulatedMachine m : plant.machines()) {
      String type = m.machine().type().wireName();
      intervals.put(type, m.machine().intervalSeconds());
      anomalyTypes.put(
          type,
          AnomalyKind.forType(m.machine().type()).stream().map(AnomalyKind::wireName).toList());
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("service", SERVICE);
    data.put("version", VERSION);
    data.put("machine_types", List.copyOf(intervals.keySet()));
    data.put("data_intervals", intervals);
    data.put("anomaly_types", anomalyTypes);
    return json(StatusCodes.OK, ApiResponse.ok("Simulator information", data));
  }

  private Route machines() {
    Instant now = plant.clock().instant();
    return json(StatusCodes.OK, plant.machines().stream().map(m -> m.state(now)).toList());
  }

  private Route machine(SimulatedMachine machine) {
    return json(StatusCodes.OK, machine.state(plant.clock().instant()));
  }

  private Route control(Optional<JsonNode> body, boolean start) {
    List<UUID> ids = requestedMachines(body);
    if (start) {
      plant.start(ids);
    } else {
      plant.stop(ids);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("running_machines", plant.runningCount());
    data.put("total_machines", plant.machines().size());
    String message =
        (start ? "Started " : "Stopped ") + ids.size() + " machine" + (ids.size() == 1 ? "" : "s");
    return json(StatusCodes.OK, ApiResponse.ok(message, data));
  }

  private Route injectAnomaly(SimulatedMachine machine, Optional<JsonNode> body) {
    var request = AnomalyRequest.parse(body.orElse(null), machine.machine().id());
    Instant start = request.startAt().orElse(plant.clock().instant());
    Anomaly anomaly =
        machine.injectAnomaly(request.kind(), request.severity(), start, request.duration());
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("machine_id", machine.machine().id());
    data.put("anomaly_type", anomaly.kind().wireName());
    data.put("effect", anomaly.kind().effect().name().toLowerCase(Locale.ROOT));
    data.put("duration_seconds", request.duration().toSeconds());
    data.put("severity", anomaly.severity());
    data.put("started_at", anomaly.startsAt());
    data.put("ends_at", anomaly.endsAt());
    return json(
        StatusCodes.OK, ApiResponse.ok("Anomaly " + anomaly.kind().wireName() + " injected", data));
  }

  private Route clearAnomaly(SimulatedMachine machine) {
    boolean had = machine.clearAnomaly();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("machine_id", machine.machine().id());
    return json(
        StatusCodes.OK, ApiResponse.ok(had ? "Anomaly cleared" : "No anomaly was active", data));
  }

  private List<UUID> requestedMachines(Optional<JsonNode> body) {
    JsonNode ids = body.map(b -> b.get("machine_ids")).orElse(null);
    if (ids == null || ids.isNull()) {
      return plant.machines().stream().map(m -> m.machine().id()).toList();
    }
    if (!ids.isArray()) {
      throw new AnomalyRequest.Invalid("machine_ids must be a list of machine ids");
    }
    List<UUID> result = new ArrayList<>();
    for (JsonNode id : ids) {
      result.add(parseId(id.asText()).orElseThrow(() -> new NoSuchElementException(id.asText())));
    }
    return result;
  }

  private Route withMachine(String id, Function<SimulatedMachine, Route> inner) {
    return parseId(id)
        .flatMap(plant::machine)
        .map(inner)
        .orElseGet(() -> json(StatusCodes.NOT_FOUND, new ErrorDetail("Machine not found")));
  }

  /** An optional JSON body: empty for no body, 422 for one that is not JSON. */
  private Route withBody(Function<Optional<JsonNode>, Route> inner) {
    return entity(
        Unmarshaller.entityToString(),
        text -> {
          if (text.isBlank()) {
            return inner.apply(Optional.empty());
          }
          try {
            return inner.apply(Optional.of(Json.mapper().readTree(text)));
          } catch (JsonProcessingException e) {
            return json(
                StatusCodes.UNPROCESSABLE_ENTITY, new ErrorDetail("body is not valid JSON"));
          }
        });
  }

  private static Optional<UUID> parseId(String text) {
    try {
      return Optional.of(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private Route json(StatusCode status, Object body) {
    return complete(status, body, JSON);
  }

  private ExceptionHandler exceptionHandler() {
    return ExceptionHandler.newBuilder()
        .match(AnomalyRequest.Invalid.class, e -> unprocessable(e.getMessage()))
        .match(AnomalyRequest.Mismatch.class, e -> badRequest(e.getMessage()))
        .match(
            NoSuchElementException.class,
            e -> json(StatusCodes.NOT_FOUND, new ErrorDetail("Machine not found")))
        .match(IllegalArgumentException.class, e -> badRequest(e.getMessage()))
        .matchAny(
            e ->
                json(
                    StatusCodes.INTERNAL_SERVER_ERROR,
                    new ErrorDetail("Internal server error: " + e.getMessage())))
        .build();
  }

  private Route unprocessable(String detail) {
    return json(StatusCodes.UNPROCESSABLE_ENTITY, new ErrorDetail(detail));
  }

  private Route badRequest(String detail) {
    return json(StatusCodes.BAD_REQUEST, new ErrorDetail(detail));
  }

  private RejectionHandler rejectionHandler() {
    return RejectionHandler.newBuilder()
        .handleAll(
            MethodRejection.class,
            rejections ->
                json(StatusCodes.METHOD_NOT_ALLOWED, new ErrorDetail("Method Not Allowed")))
        .handleNotFound(json(StatusCodes.NOT_FOUND, new ErrorDetail("Not Found")))
        .build()
        .withFallback(RejectionHandler.defaultHandler());
  }
}
