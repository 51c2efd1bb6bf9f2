package org.enms.http.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.http.RouteHarness.assertJson;
import static org.enms.http.RouteHarness.assertJsonAnyKeyOrder;
import static org.enms.http.RouteHarness.failed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.http.RouteHarness;
import org.enms.http.baseline.BaselineRefused;
import org.enms.http.baseline.BaselineRefused.Reason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The anomaly endpoints' exact JSON over a real socket, on an in-memory service: detection, the
 * recent, search and active lists with the filters they echo, the validation problems in FastAPI's
 * shape, and the service's refusals.
 */
class AnomalyRoutesTest {
  static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  static final UUID HVAC = UUID.fromString("c0000000-0000-0000-0000-000000000002");
  static final UUID CONVEYOR = UUID.fromString("c0000000-0000-0000-0000-000000000003");
  static final UUID UNKNOWN = UUID.fromString("c0000000-0000-0000-0000-000000000099");

  static final AnomalyView SPIKE =
      new AnomalyView(
          UUID.fromString("a0000000-0000-0000-0000-000000000002"),
          HVAC,
          "HVAC-Main",
          "hvac",
          Instant.parse("2026-11-26T14:00:00Z"),
          "spike",
          "critical",
          "total_energy_kwh",
          45.5,
          40.25,
          13.043478,
          3.41,
          "baseline_residual",
          0.97,
          false,
          null,
          null);
  static final AnomalyView DROP =
      new AnomalyView(
          UUID.fromString("a0000000-0000-0000-0000-000000000001"),
          HVAC,
          "HVAC-Main",
          "hvac",
          Instant.parse("2026-11-26T04:00:00Z"),
          "drop",
          "warning",
          "total_energy_kwh",
          30.0,
          32.5,
          -7.692308,
          -2.2,
          "baseline_residual",
          0.8,
          true,
          Instant.parse("2026-11-26T09:30:00Z"),
          "filter replaced");

  private static RouteHarness api;

  @BeforeAll
  static void start() throws Exception {
    api =
        new RouteHarness(
            new AnomalyRoutes(new FakeAnomalies(), Clock.fixed(NOW, ZoneOffset.UTC))::routes);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  static final class FakeAnomalies implements AnomalyService {
    @Override
    public CompletionStage<DetectionResult> detect(
        UUID machineId, Instant start, Instant end, double contamination, boolean useBaseline) {
      if (machineId.equals(UNKNOWN)) {
        return failed(new BaselineRefused(Reason.MACHINE_NOT_FOUND, "Machine not found"));
      }
      if (machineId.equals(CONVEYOR)) {
        return failed(
            new BaselineRefused(
                Reason.NO_ACTIVE_BASELINE,
                "No active baseline for Conveyor-A (electricity); train one first"));
      }
      return CompletableFuture.completedFuture(
          new DetectionResult(
              machineId,
              "HVAC-Main",
              start,
              end,
              2,
              216,
              2,
              1,
              DetectionResponse.METHOD,
              List.of(DROP, SPIKE)));
    }

    @Override
    public CompletionStage<List<AnomalyView>> find(
        Optional<UUID> machineId,
        Optional<String> severity,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<Boolean> resolved,
        int limit,
        boolean severityFirst) {
      if (machineId.equals(Optional.of(CONVEYOR))) {
        return CompletableFuture.completedFuture(
            List.of(lowest(CONVEYOR, "info"), lowest(CONVEYOR, "normal")));
      }
      return CompletableFuture.completedFuture(
          severity
              .map(s -> s.equals("warning") ? List.of(DROP) : List.<AnomalyView>of())
              .orElse(List.of(SPIKE, DROP)));
    }

    @Override
    public CompletionStage<Optional<AnomalyView>> resolve(UUID anomalyId, Optional<String> notes) {
      if (!anomalyId.equals(SPIKE.id())) {
        return CompletableFuture.completedFuture(Optional.empty());
      }
      return CompletableFuture.completedFuture(
          Optional.of(
              new AnomalyView(
                  SPIKE.id(),
                  SPIKE.machineId(),
                  SPIKE.machineName(),
                  SPIKE.machineType(),
                  SPIKE.detectedAt(),
                  SPIKE.anomalyType(),
                  SPIKE.severity(),
                  SPIKE.metricName(),
                  SPIKE.metricValue(),
                  SPIKE.expectedValue(),
                  SPIKE.deviationPercent(),
                  SPIKE.deviationStdDev(),
                  SPIKE.detectionMethod(),
                  SPIKE.confidenceScore(),
                  true,
                  NOW,
                  notes.orElse(null))));
    }

    @Override
    public CompletionStage<CreatedAnomaly> create(CreationRequest anomaly) {
      if (anomaly.machineId().equals(UNKNOWN)) {
        return failed(new BaselineRefused(Reason.MACHINE_NOT_FOUND, "Machine not found"));
      }
      return CompletableFuture.completedFuture(
          new CreatedAnomaly(
              true,
              UUID.fromString("a0000000-0000-0000-0000-000000000009"),
              "HVAC-Main",
              "hvac",
              anomaly.at(),
              anomaly.severity(),
              anomaly.anomalyType(),
              true));
    }
  }

  // ---- POST /anomaly/detect ----------------------------------------------------------------

  @Test
  void detectsOverAPeriodAndEchoesTheContamination() throws Exception {
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start\": \"2026-11-18T00:00:00+00:00\","
                + " \"end\": \"2026-11-27T00:00:00.123456+00:00\", \"contamination\": 0.2}"),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "machine_name" : "HVAC-Main",
          "detection_period" : {
            "start" : "2026-11-18T00:00:00Z",
            "end" : "2026-11-27T00:00:00.123456Z"
          },
          "baseline_model_version" : 2,
          "total_data_points" : 216,
          "anomalies_detected" : 2,
          "anomalies_saved" : 1,
          "contamination" : 0.2,
          "detection_method" : "baseline_residual_zscore+cusum",
          "anomalies" : [ {
            "id" : "a0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T04:00:00Z",
            "anomaly_type" : "drop",
            "severity" : "warning",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 30.0,
            "expected_value" : 32.5,
            "deviation_percent" : -7.692308,
            "deviation_std_dev" : -2.2,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.8,
            "is_resolved" : true,
            "resolved_at" : "2026-11-26T09:30:00Z",
            "resolution_notes" : "filter replaced"
          }, {
            "id" : "a0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T14:00:00Z",
            "anomaly_type" : "spike",
            "severity" : "critical",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 45.5,
            "expected_value" : 40.25,
            "deviation_percent" : 13.043478,
            "deviation_std_dev" : 3.41,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.97,
            "is_resolved" : false,
            "resolved_at" : null,
            "resolution_notes" : null
          } ]
        }
        """);
  }

  @Test
  void detectsWithTheDefaultContaminationWhenNoneIsGiven() throws Exception {
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start\": \"2026-11-18\", \"end\": \"2026-11-27\","
                + " \"contamination\": null, \"use_baseline\": false}"),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "machine_name" : "HVAC-Main",
          "detection_period" : {
            "start" : "2026-11-18T00:00:00Z",
            "end" : "2026-11-27T00:00:00Z"
          },
          "baseline_model_version" : 2,
          "total_data_points" : 216,
          "anomalies_detected" : 2,
          "anomalies_saved" : 1,
          "contamination" : 0.1,
          "detection_method" : "baseline_residual_zscore+cusum",
          "anomalies" : [ {
            "id" : "a0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T04:00:00Z",
            "anomaly_type" : "drop",
            "severity" : "warning",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 30.0,
            "expected_value" : 32.5,
            "deviation_percent" : -7.692308,
            "deviation_std_dev" : -2.2,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.8,
            "is_resolved" : true,
            "resolved_at" : "2026-11-26T09:30:00Z",
            "resolution_notes" : "filter replaced"
          }, {
            "id" : "a0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T14:00:00Z",
            "anomaly_type" : "spike",
            "severity" : "critical",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 45.5,
            "expected_value" : 40.25,
            "deviation_percent" : 13.043478,
            "deviation_std_dev" : 3.41,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.97,
            "is_resolved" : false,
            "resolved_at" : null,
            "resolution_notes" : null
          } ]
        }
        """);
  }

  @Test
  void refusesADetectionRequestWithEveryProblemInFastApisShape() throws Exception {
    assertJson(
        api.post("/api/v1/anomaly/detect", "{}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "machine_id" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          }, {
            "loc" : [ "body", "start" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          }, {
            "loc" : [ "body", "end" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start\": \"soon\", \"end\": \"\", \"contamination\": 0.7}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "start" ],
            "msg" : "invalid datetime format",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "end" ],
            "msg" : "must not be blank",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "contamination" ],
            "msg" : "ensure this value is less than or equal to 0.5",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start\": \"2026-11-18\", \"end\": \"2026-11-27\","
                + " \"contamination\": -0.1}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "contamination" ],
            "msg" : "ensure this value is greater than or equal to 0",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \"nope\", \"start\": \"2026-11-18\", \"end\": \"2026-11-27\"}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "machine_id" ],
            "msg" : "value is not a valid uuid",
            "type" : "type_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start\": \"2026-11-18\", \"end\": \"2026-11-27\","
                + " \"use_baseline\": \"yes\"}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "use_baseline" ],
            "msg" : "value could not be parsed to a boolean",
            "type" : "type_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start\": \"2026-11-18\", \"end\": \"2026-11-27\","
                + " \"contamination\": \"0.1\"}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "contamination" ],
            "msg" : "value is not a valid number",
            "type" : "type_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \"" + HVAC + "\", \"start\": 5, \"end\": \"2026-11-27\"}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "start" ],
            "msg" : "str type expected",
            "type" : "type_error"
          } ]
        }
        """);
  }

  @Test
  void refusesAPeriodThatEndsBeforeItStartsAndAnswersTheServicesRefusals() throws Exception {
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start\": \"2026-11-27\", \"end\": \"2026-11-18\"}"),
        400,
        """
        {
          "detail" : "end must be after start"
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + CONVEYOR
                + "\", \"start\": \"2026-11-18\", \"end\": \"2026-11-27\"}"),
        400,
        """
        {
          "detail" : "No active baseline for Conveyor-A (electricity); train one first"
        }
        """);
    assertJson(
        api.post(
            "/api/v1/anomaly/detect",
            "{\"machine_id\": \""
                + UNKNOWN
                + "\", \"start\": \"2026-11-18\", \"end\": \"2026-11-27\"}"),
        404,
        """
        {
          "detail" : "Machine not found"
        }
        """);
  }

  // ---- GET /anomaly/recent, /search, /active -----------------------------------------------

  @Test
  void listsRecentAnomaliesOfTheLastWeekByDefault() throws Exception {
    assertJson(
        api.get("/api/v1/anomaly/recent"),
        200,
        """
        {
          "total_count" : 2,
          "filters" : {
            "machine_id" : null,
            "severity" : null,
            "start_time" : "2026-11-20T12:00:00Z",
            "end_time" : "2026-11-27T12:00:00Z",
            "time_window" : "7 days",
            "limit" : 50
          },
          "anomalies" : [ {
            "id" : "a0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T14:00:00Z",
            "anomaly_type" : "spike",
            "severity" : "critical",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 45.5,
            "expected_value" : 40.25,
            "deviation_percent" : 13.043478,
            "deviation_std_dev" : 3.41,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.97,
            "is_resolved" : false,
            "resolved_at" : null,
            "resolution_notes" : null
          }, {
            "id" : "a0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T04:00:00Z",
            "anomaly_type" : "drop",
            "severity" : "warning",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 30.0,
            "expected_value" : 32.5,
            "deviation_percent" : -7.692308,
            "deviation_std_dev" : -2.2,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.8,
            "is_resolved" : true,
            "resolved_at" : "2026-11-26T09:30:00Z",
            "resolution_notes" : "filter replaced"
          } ]
        }
        """);
  }

  @Test
  void listsRecentAnomaliesWithTheGivenFiltersEchoed() throws Exception {
    assertJson(
        api.get(
            "/api/v1/anomaly/recent?machine_id="
                + HVAC
                + "&severity=warning&start_time=2026-11-27T00:00:00Z"
                + "&end_time=2026-11-27T06:00:00Z&limit=10&start_date=ignored"),
        200,
        """
        {
          "total_count" : 1,
          "filters" : {
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "severity" : "warning",
            "start_time" : "2026-11-27T00:00:00Z",
            "end_time" : "2026-11-27T06:00:00Z",
            "time_window" : "6 hours",
            "limit" : 10
          },
          "anomalies" : [ {
            "id" : "a0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T04:00:00Z",
            "anomaly_type" : "drop",
            "severity" : "warning",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 30.0,
            "expected_value" : 32.5,
            "deviation_percent" : -7.692308,
            "deviation_std_dev" : -2.2,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.8,
            "is_resolved" : true,
            "resolved_at" : "2026-11-26T09:30:00Z",
            "resolution_notes" : "filter replaced"
          } ]
        }
        """);
  }

  @Test
  void searchesTheLastThirtyDaysByDefaultAndEchoesTheResolvedFilter() throws Exception {
    assertJson(
        api.get("/api/v1/anomaly/search"),
        200,
        """
        {
          "total_count" : 2,
          "filters" : {
            "machine_id" : null,
            "severity" : null,
            "start_date" : "2026-10-28T12:00:00Z",
            "end_date" : "2026-11-27T12:00:00Z",
            "is_resolved" : null,
            "limit" : 100
          },
          "anomalies" : [ {
            "id" : "a0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T14:00:00Z",
            "anomaly_type" : "spike",
            "severity" : "critical",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 45.5,
            "expected_value" : 40.25,
            "deviation_percent" : 13.043478,
            "deviation_std_dev" : 3.41,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.97,
            "is_resolved" : false,
            "resolved_at" : null,
            "resolution_notes" : null
          }, {
            "id" : "a0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T04:00:00Z",
            "anomaly_type" : "drop",
            "severity" : "warning",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 30.0,
            "expected_value" : 32.5,
            "deviation_percent" : -7.692308,
            "deviation_std_dev" : -2.2,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.8,
            "is_resolved" : true,
            "resolved_at" : "2026-11-26T09:30:00Z",
            "resolution_notes" : "filter replaced"
          } ]
        }
        """);
    assertJson(
        api.get(
            "/api/v1/anomaly/search?limit=50&start_date=2026-11-01T00%3A00%3A00%2B00%3A00"
                + "&is_resolved=true"),
        200,
        """
        {
          "total_count" : 2,
          "filters" : {
            "machine_id" : null,
            "severity" : null,
            "start_date" : "2026-11-01T00:00:00Z",
            "end_date" : "2026-11-27T12:00:00Z",
            "is_resolved" : true,
            "limit" : 50
          },
          "anomalies" : [ {
            "id" : "a0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T14:00:00Z",
            "anomaly_type" : "spike",
            "severity" : "critical",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 45.5,
            "expected_value" : 40.25,
            "deviation_percent" : 13.043478,
            "deviation_std_dev" : 3.41,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.97,
            "is_resolved" : false,
            "resolved_at" : null,
            "resolution_notes" : null
          }, {
            "id" : "a0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T04:00:00Z",
            "anomaly_type" : "drop",
            "severity" : "warning",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 30.0,
            "expected_value" : 32.5,
            "deviation_percent" : -7.692308,
            "deviation_std_dev" : -2.2,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.8,
            "is_resolved" : true,
            "resolved_at" : "2026-11-26T09:30:00Z",
            "resolution_notes" : "filter replaced"
          } ]
        }
        """);
  }

  /** An anomaly of the lowest level, stored under live detection's name or the original's. */
  static AnomalyView lowest(UUID machine, String severity) {
    return new AnomalyView(
        UUID.nameUUIDFromBytes(severity.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        machine,
        "Conveyor-A",
        "conveyor",
        Instant.parse("2026-11-26T10:00:00Z"),
        "no_data",
        severity,
        "seconds_since_reading",
        70.0,
        10.0,
        600.0,
        0.0,
        "rule",
        null,
        false,
        null,
        null);
  }

  @Test
  void countsTheLowestLevelAsInfoWhetherStoredAsInfoOrNormal() throws Exception {
    var response = api.get("/api/v1/anomaly/active?machine_id=" + CONVEYOR);
    assertThat(response.statusCode()).isEqualTo(200);
    var body = org.enms.core.json.Json.mapper().readTree(response.body());
    assertThat(body.get("total_count").asInt()).isEqualTo(2);
    assertThat(body.get("by_severity").toString())
        .isEqualTo("{\"critical\":0,\"warning\":0,\"info\":2}");
    assertThat(body.get("anomalies").get(0).get("severity").asText()).isEqualTo("info");
  }

  @Test
  void countsActiveAnomaliesBySeverity() throws Exception {
    assertJson(
        api.get("/api/v1/anomaly/active?machine_id=" + HVAC),
        200,
        """
        {
          "total_count" : 2,
          "by_severity" : {
            "critical" : 1,
            "warning" : 1,
            "info" : 0
          },
          "anomalies" : [ {
            "id" : "a0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T14:00:00Z",
            "anomaly_type" : "spike",
            "severity" : "critical",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 45.5,
            "expected_value" : 40.25,
            "deviation_percent" : 13.043478,
            "deviation_std_dev" : 3.41,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.97,
            "is_resolved" : false,
            "resolved_at" : null,
            "resolution_notes" : null
          }, {
            "id" : "a0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "machine_name" : "HVAC-Main",
            "machine_type" : "hvac",
            "detected_at" : "2026-11-26T04:00:00Z",
            "anomaly_type" : "drop",
            "severity" : "warning",
            "metric_name" : "total_energy_kwh",
            "metric_value" : 30.0,
            "expected_value" : 32.5,
            "deviation_percent" : -7.692308,
            "deviation_std_dev" : -2.2,
            "detection_method" : "baseline_residual",
            "confidence_score" : 0.8,
            "is_resolved" : true,
            "resolved_at" : "2026-11-26T09:30:00Z",
            "resolution_notes" : "filter replaced"
          } ]
        }
        """);
  }

  @Test
  void refusesABadSeverityLimitOrMachineId() throws Exception {
    assertJsonAnyKeyOrder(
        api.get("/api/v1/anomaly/recent?severity=high"),
        422,
        """
        {
          "detail" : [ {
            "type" : "value_error",
            "loc" : [ "query", "severity" ],
            "msg" : "severity must be one of critical, warning, normal, info"
          } ]
        }
        """);
    assertJsonAnyKeyOrder(
        api.get("/api/v1/anomaly/search?limit=501"),
        422,
        """
        {
          "detail" : [ {
            "type" : "value_error",
            "loc" : [ "query", "limit" ],
            "msg" : "ensure this value is between 1 and 500"
          } ]
        }
        """);
    assertJsonAnyKeyOrder(
        api.get("/api/v1/anomaly/recent?limit=ten"),
        422,
        """
        {
          "detail" : [ {
            "type" : "value_error",
            "loc" : [ "query", "limit" ],
            "msg" : "value is not a valid integer"
          } ]
        }
        """);
    assertJsonAnyKeyOrder(
        api.get("/api/v1/anomaly/active?machine_id=nope"),
        422,
        """
        {
          "detail" : [ {
            "type" : "value_error",
            "loc" : [ "query", "machine_id" ],
            "msg" : "value is not a valid uuid"
          } ]
        }
        """);
    assertJsonAnyKeyOrder(
        api.get("/api/v1/anomaly/search?is_resolved=maybe"),
        422,
        """
        {
          "detail" : [ {
            "type" : "value_error",
            "loc" : [ "query", "is_resolved" ],
            "msg" : "value could not be parsed to a boolean"
          } ]
        }
        """);
  }

  // ---- resolve and create ------------------------------------------------------------------

  @Test
  void resolvesAnAnomalyWithItsNotesThroughPutAsTheOriginalAndThroughPost() throws Exception {
    String expected =
        """
        {
          "id" : "a0000000-0000-0000-0000-000000000002",
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "anomaly_type" : "spike",
          "severity" : "critical",
          "detected_at" : "2026-11-26T14:00:00Z",
          "resolved_at" : "2026-11-27T12:00:00Z",
          "is_resolved" : true,
          "resolution_notes" : "compressor valve replaced"
        }
        """;
    String body = "{\"resolution_notes\": \"compressor valve replaced\"}";
    assertJson(api.put("/api/v1/anomaly/" + SPIKE.id() + "/resolve", body), 200, expected);
    assertJson(api.post("/api/v1/anomaly/" + SPIKE.id() + "/resolve", body), 200, expected);
  }

  @Test
  void resolvesWithoutABody() throws Exception {
    assertJsonAnyKeyOrder(
        api.post("/api/v1/anomaly/" + SPIKE.id() + "/resolve", ""),
        200,
        """
        {
          "id" : "a0000000-0000-0000-0000-000000000002",
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "anomaly_type" : "spike",
          "severity" : "critical",
          "detected_at" : "2026-11-26T14:00:00Z",
          "resolved_at" : "2026-11-27T12:00:00Z",
          "is_resolved" : true,
          "resolution_notes" : null
        }
        """);
  }

  @Test
  void answersNotFoundForAnUnknownAnomaly() throws Exception {
    assertJson(
        api.post("/api/v1/anomaly/" + UNKNOWN + "/resolve", "{}"),
        404,
        """
        {"detail" : "Anomaly not found"}
        """);
  }

  @Test
  void createsAnAnomalyWithTheOriginalsDefaults() throws Exception {
    assertJson(
        api.post(
            "/api/v1/anomaly/create",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"detected_at\": \"2026-11-27T10:15:00+00:00\","
                + " \"anomaly_type\": \"spike\", \"severity\": \"warning\"}"),
        200,
        """
        {
          "success" : true,
          "anomaly_id" : "a0000000-0000-0000-0000-000000000009",
          "machine_name" : "HVAC-Main",
          "machine_type" : "hvac",
          "detected_at" : "2026-11-27T10:15:00Z",
          "severity" : "warning",
          "anomaly_type" : "spike",
          "websocket_published" : true
        }
        """);
  }

  @Test
  void refusesACreationWithEveryProblemInFastApisShape() throws Exception {
    assertJson(
        api.post(
            "/api/v1/anomaly/create",
            "{\"detected_at\": \"yesterday\", \"anomaly_type\": \"surge\","
                + " \"severity\": \"info\", \"confidence_score\": 1.5}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "machine_id" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          }, {
            "loc" : [ "body", "detected_at" ],
            "msg" : "invalid datetime format",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "anomaly_type" ],
            "msg" : "value is not a valid enumeration member; permitted: spike, drop, drift, unknown",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "severity" ],
            "msg" : "value is not a valid enumeration member; permitted: critical, warning, normal",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "confidence_score" ],
            "msg" : "ensure this value is less than or equal to 1",
            "type" : "value_error"
          } ]
        }
        """);
  }

  @Test
  void createsNothingForAnUnknownMachine() throws Exception {
    assertJson(
        api.post(
            "/api/v1/anomaly/create",
            "{\"machine_id\": \""
                + UNKNOWN
                + "\", \"detected_at\": \"2026-11-27\","
                + " \"anomaly_type\": \"drop\", \"severity\": \"normal\"}"),
        404,
        """
        {"detail" : "Machine not found"}
        """);
  }
}
