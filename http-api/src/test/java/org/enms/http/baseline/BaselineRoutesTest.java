package org.enms.http.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.enms.http.RouteHarness.assertJson;
import static org.enms.http.RouteHarness.assertJsonAnyKeyOrder;
import static org.enms.http.RouteHarness.failed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.enms.analytics.baseline.BaselineException;
import org.enms.analytics.baseline.ModelType;
import org.enms.analytics.baseline.TrainingSpec;
import org.enms.db.BaselineDao;
import org.enms.http.RouteHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baseline endpoints' exact JSON over a real socket, on an in-memory service: every response
 * shape with its field order, nulls and rounding, the validation problems in FastAPI's shape, and
 * how the service's refusals are answered (HTTP errors, or {@code success: false} for train-seu).
 */
class BaselineRoutesTest {
  static final UUID HVAC = UUID.fromString("c0000000-0000-0000-0000-000000000002");
  static final UUID CONVEYOR = UUID.fromString("c0000000-0000-0000-0000-000000000003");
  static final UUID BOILER = UUID.fromString("c0000000-0000-0000-0000-000000000008");
  static final UUID UNKNOWN = UUID.fromString("c0000000-0000-0000-0000-000000000099");
  static final UUID MODEL = UUID.fromString("b0000000-0000-0000-0000-000000000002");
  static final UUID OLD_MODEL = UUID.fromString("b0000000-0000-0000-0000-000000000001");
  static final UUID ELECTRICITY = UUID.fromString("e0000000-0000-0000-0000-000000000001");
  static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
  static final Instant END = Instant.parse("2026-10-22T00:00:00Z");

  private static RouteHarness api;
  private static final FakeBaselines fake = new FakeBaselines();

  @BeforeAll
  static void start() throws Exception {
    api = new RouteHarness(new BaselineRoutes(fake)::routes);
  }

  @AfterAll
  static void stop() {
    api.close();
  }

  // ---- the in-memory service -------------------------------------------------------------

  static BaselineView active() {
    Map<String, Double> coefficients = new LinkedHashMap<>();
    coefficients.put("total_production_count", 0.0100123456);
    coefficients.put("heating_degree_hours", 1.50123456);
    coefficients.put("cooling_degree_hours", -0.25);
    Map<String, Double> pValues = new LinkedHashMap<>();
    pValues.put("total_production_count", 1.2e-12);
    pValues.put("heating_degree_hours", 0.0004);
    pValues.put("cooling_degree_hours", 0.31);
    Map<String, BaselineDao.FeatureStats> ranges = new LinkedHashMap<>();
    ranges.put("total_production_count", new BaselineDao.FeatureStats(100, 1900, 1000.5, 400));
    ranges.put("heating_degree_hours", new BaselineDao.FeatureStats(0, 10, 2.5, 3));
    ranges.put("cooling_degree_hours", new BaselineDao.FeatureStats(0, 8, 1.25, 0));
    Map<String, Object> sufficiency = new LinkedHashMap<>();
    sufficiency.put("samples", 504);
    sufficiency.put("expected_hours", 504);
    sufficiency.put("hours_present_percent", 100.0);
    sufficiency.put("min_samples", 50);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("data_sufficiency", sufficiency);
    metadata.put("dropped_drivers", List.of("avg_pressure_bar: present in 0 of 504 hours"));
    return DbBaselines.view(
        new BaselineDao.BaselineRow(
            MODEL,
            HVAC,
            "HVAC-Main",
            "hvac",
            ELECTRICITY,
            "electricity",
            "HVAC-Main electricity baseline",
            "linear_regression",
            2,
            START,
            END,
            504,
            coefficients,
            20.123456789,
            0.987654321,
            0.98712345,
            0.512345678,
            0.41234567,
            1.23456,
            -0.005678,
            0.52,
            pValues,
            ranges,
            new BaselineDao.Validity(true, List.of(), List.of("cooling_degree_hours is weak")),
            true,
            "enms",
            Instant.parse("2026-10-22T08:15:30.123456Z"),
            metadata));
  }

  /** An older, poor model as stored before CV(RMSE) and NMBE were kept. */
  static BaselineView poor() {
    Map<String, Double> coefficients = new LinkedHashMap<>();
    coefficients.put("total_production_count", 0.02);
    return DbBaselines.view(
        new BaselineDao.BaselineRow(
            OLD_MODEL,
            HVAC,
            "HVAC-Main",
            "hvac",
            ELECTRICITY,
            "electricity",
            "HVAC-Main electricity baseline",
            "linear_regression",
            1,
            START,
            END,
            60,
            coefficients,
            -3.5,
            0.4,
            null,
            7.25,
            6.5,
            null,
            null,
            7.3,
            Map.of(),
            Map.of(),
            new BaselineDao.Validity(
                false, List.of("R² 0.400 is below 0.5 (EnPI Lite)"), List.of()),
            false,
            "enms",
            Instant.parse("2026-10-01T00:00:00Z"),
            Map.of()));
  }

  @Test
  void passesTheModelTypeHolidaysAndShiftsToTheTrainer() throws Exception {
    var response =
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2026-10-01\", \"end_date\": \"2026-10-22\","
                + " \"model_type\": \"tow\", \"holidays\": [\"2026-10-03\"],"
                + " \"shift_starts\": [7, 19]}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(fake.lastSpec.modelType()).isEqualTo(ModelType.TOW);
    assertThat(fake.lastSpec.calendar().holidays()).containsExactly(LocalDate.of(2026, 10, 3));
    assertThat(fake.lastSpec.calendar().shiftStarts()).containsExactly(7, 19);
  }

  @Test
  void refusesAnUnknownModelTypeAndABadHoliday() throws Exception {
    var response =
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2026-10-01\", \"end_date\": \"2026-10-22\","
                + " \"model_type\": \"neural\", \"holidays\": [\"3 Oct\"]}");

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("model_type").contains("holidays");
  }

  @Test
  void predictsForTheHourOfTheTimestampWhenOneIsGiven() throws Exception {
    var response =
        api.post(
            "/api/v1/baseline/predict",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"features\": {}, \"timestamp\": \"2026-10-05T10:42:00Z\"}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(fake.lastHour).isEqualTo(Instant.parse("2026-10-05T10:00:00Z"));
  }

  /** Answers by the inputs, as the database would for the demo plant. */
  static final class FakeBaselines implements Baselines {
    volatile TrainingSpec lastSpec;
    volatile Instant lastHour;

    @Override
    public CompletionStage<BaselineView> train(
        UUID machineId,
        String energySource,
        Instant start,
        Instant end,
        TrainingSpec spec,
        int minDays) {
      lastSpec = spec;
      List<String> drivers = spec.drivers();
      if (machineId.equals(UNKNOWN)) {
        return failed(Refusals.machineNotFound());
      }
      if (!energySource.equals("electricity")) {
        return failed(Refusals.unsupportedSource(energySource));
      }
      if (drivers.contains("wind")) {
        return failed(Refusals.unknownDrivers());
      }
      if (drivers.contains("avg_pressure_bar")) {
        return failed(Refusals.noUsableDriver());
      }
      if (drivers.contains("throughput")) {
        return failed(Refusals.collinear());
      }
      if (start.isBefore(Instant.parse("2021-01-01T00:00:00Z"))) {
        return failed(Refusals.insufficient(minDays));
      }
      return CompletableFuture.completedFuture(active());
    }

    @Override
    public CompletionStage<List<BaselineView>> models(
        UUID machineId, Optional<String> energySource) {
      if (machineId.equals(UNKNOWN)) {
        return failed(Refusals.machineNotFound());
      }
      if (energySource.isPresent() && !energySource.get().equals("electricity")) {
        return failed(Refusals.unknownSource(energySource.get()));
      }
      return CompletableFuture.completedFuture(List.of(active(), poor()));
    }

    @Override
    public CompletionStage<Optional<BaselineView>> model(UUID id) {
      return CompletableFuture.completedFuture(
          Optional.of(active()).filter(m -> m.id().equals(id)));
    }

    @Override
    public CompletionStage<BaselinePrediction> predict(
        UUID machineId, String energySource, Map<String, Double> features, Instant hour) {
      lastHour = hour;
      if (machineId.equals(CONVEYOR)) {
        return failed(Refusals.noActiveBaseline("Conveyor-A"));
      }
      Map<String, Double> used = new LinkedHashMap<>();
      used.put("total_production_count", features.getOrDefault("total_production_count", 1000.5));
      used.put("heating_degree_hours", 8.0);
      used.put("cooling_degree_hours", 0.0);
      List<String> warnings =
          features.containsKey("total_production_count")
              ? List.of(
                  "total_production_count = 5000 is outside the training range [100, 1900]",
                  "Unknown feature 'avg_load_factor' ignored")
              : List.of("total_production_count not given; its training mean 1000.5 is used");
      return CompletableFuture.completedFuture(
          new BaselinePrediction(machineId, 2, used, 41.987654, warnings));
    }

    @Override
    public CompletionStage<Optional<SeuTarget>> seu(String name, Optional<String> energySource) {
      String source = energySource.orElse("electricity");
      if (name.equals("HVAC-Main") && source.equals("electricity")) {
        return CompletableFuture.completedFuture(
            Optional.of(new SeuTarget("HVAC-Main", "electricity", "kWh", HVAC)));
      }
      if (name.equals("Boiler-Gas") && source.equals("natural_gas")) {
        return CompletableFuture.completedFuture(
            Optional.of(new SeuTarget("Boiler-Gas", "natural_gas", "m³", BOILER)));
      }
      if (name.equals("Conveyor-A") && source.equals("electricity")) {
        return CompletableFuture.completedFuture(
            Optional.of(new SeuTarget("Conveyor-A", "electricity", "kWh", CONVEYOR)));
      }
      return CompletableFuture.completedFuture(Optional.empty());
    }
  }

  /** The service's refusals, with the texts the database-backed service gives. */
  static final class Refusals {
    static RuntimeException machineNotFound() {
      return BaselineRefused.machineNotFound();
    }

    static RuntimeException unsupportedSource(String source) {
      return BaselineRefused.unsupportedEnergySource(source);
    }

    static RuntimeException unknownSource(String source) {
      return BaselineRefused.unknownEnergySource(source);
    }

    static RuntimeException noActiveBaseline(String machine) {
      return BaselineRefused.noActiveBaseline(machine);
    }

    static RuntimeException unknownDrivers() {
      return BaselineRefused.training(
          new BaselineException(
              BaselineException.Kind.UNKNOWN_DRIVER,
              "Unknown drivers [wind]; known drivers are [total_production_count]"));
    }

    static RuntimeException noUsableDriver() {
      return BaselineRefused.training(
          new BaselineException(
              BaselineException.Kind.NO_USABLE_DRIVER,
              "No usable driver among [avg_pressure_bar] in this period"
                  + " ([avg_pressure_bar: present in 0 of 504 hours])"));
    }

    static RuntimeException collinear() {
      return BaselineRefused.training(
          new BaselineException(
              BaselineException.Kind.COLLINEAR_DRIVERS,
              "drivers [avg_throughput_units_per_hour, total_production_count] cannot be"
                  + " separated in this period: singular matrix"));
    }

    static RuntimeException insufficient(int minDays) {
      return new BaselineRefused(
          BaselineRefused.Reason.INSUFFICIENT_DATA,
          "Insufficient data: 0 days with energy data between 2020-01-01T00:00:00Z and"
              + " 2021-01-01T00:00:00Z, at least "
              + minDays
              + " needed");
    }
  }

  // ---- POST /baseline/train ----------------------------------------------------------------

  @Test
  void answersATrainedModelWithTheOriginalsFieldsAndTheValidityVerdict() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2026-10-01T00:00:00Z\","
                + " \"end_date\": \"2026-10-22\", \"drivers\": [\"production_count\"]}"),
        200,
        """
        {
          "model_id" : "b0000000-0000-0000-0000-000000000002",
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "machine_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "model_type" : "linear_regression",
          "model_version" : 2,
          "r_squared" : 0.9877,
          "adjusted_r_squared" : 0.9871,
          "rmse" : 0.5123,
          "mae" : 0.4123,
          "cv_rmse" : 1.23,
          "nmbe" : -0.01,
          "training_samples" : 504,
          "coefficients" : {
            "total_production_count" : 0.0100123456,
            "heating_degree_hours" : 1.50123456,
            "cooling_degree_hours" : -0.25
          },
          "intercept" : 20.123456789,
          "feature_names" : [ "total_production_count", "heating_degree_hours", "cooling_degree_hours" ],
          "p_values" : {
            "total_production_count" : 1.2E-12,
            "heating_degree_hours" : 4.0E-4,
            "cooling_degree_hours" : 0.31
          },
          "feature_ranges" : {
            "total_production_count" : {
              "min" : 100.0,
              "max" : 1900.0,
              "mean" : 1000.5,
              "std" : 400.0
            },
            "heating_degree_hours" : {
              "min" : 0.0,
              "max" : 10.0,
              "mean" : 2.5,
              "std" : 3.0
            },
            "cooling_degree_hours" : {
              "min" : 0.0,
              "max" : 8.0,
              "mean" : 1.25,
              "std" : 0.0
            }
          },
          "training_start_date" : "2026-10-01T00:00:00Z",
          "training_end_date" : "2026-10-22T00:00:00Z",
          "trained_at" : "2026-10-22T08:15:30.123456Z",
          "model_path" : null,
          "meets_quality_threshold" : true,
          "validity" : {
            "valid" : true,
            "reasons" : [ ],
            "warnings" : [ "cooling_degree_hours is weak" ]
          },
          "data_sufficiency" : {
            "samples" : 504,
            "expected_hours" : 504,
            "hours_present_percent" : 100.0,
            "min_samples" : 50
          },
          "dropped_drivers" : [ "avg_pressure_bar: present in 0 of 504 hours" ]
        }
        """);
  }

  @Test
  void refusesATrainingRequestWithEveryMissingOrMalformedField() throws Exception {
    assertJson(
        api.post("/api/v1/baseline/train", "{}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "machine_id" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          }, {
            "loc" : [ "body", "start_date" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          }, {
            "loc" : [ "body", "end_date" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"yesterday\", \"end_date\": \" \","
                + " \"energy_source\": \"\"}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "start_date" ],
            "msg" : "invalid datetime format",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "end_date" ],
            "msg" : "must not be blank",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "energy_source" ],
            "msg" : "must not be blank",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \"nope\", \"start_date\": \"2026-10-01\","
                + " \"end_date\": \"2026-10-22\"}"),
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
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2026-10-01\", \"end_date\": \"2026-10-22\","
                + " \"drivers\": \"production_count\"}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "drivers" ],
            "msg" : "value is not a valid list",
            "type" : "type_error"
          } ]
        }
        """);
    assertJson(
        api.post("/api/v1/baseline/train", "{\"machine_id\": "),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body" ],
            "msg" : "JSON decode error",
            "type" : "value_error.jsondecode"
          } ]
        }
        """);
    assertJson(
        api.post("/api/v1/baseline/train", "[]"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body" ],
            "msg" : "a JSON object is required",
            "type" : "type_error.dict"
          } ]
        }
        """);
  }

  @Test
  void refusesAPeriodThatEndsBeforeItStartsWith400() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2026-10-22\", \"end_date\": \"2026-10-22T00:00:00Z\"}"),
        400,
        """
        {
          "detail" : "end_date must be after start_date"
        }
        """);
  }

  @Test
  void answersTheServicesRefusalsWithTheirStatusAndText() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + UNKNOWN
                + "\", \"start_date\": \"2026-10-01\", \"end_date\": \"2026-10-22\"}"),
        404,
        """
        {
          "detail" : "Machine not found"
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2026-10-01\", \"end_date\": \"2026-10-22\","
                + " \"drivers\": [\"wind\"]}"),
        400,
        """
        {
          "detail" : "Unknown drivers [wind]; known drivers are [total_production_count]"
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2020-01-01\", \"end_date\": \"2021-01-01\"}"),
        400,
        """
        {
          "detail" : "Insufficient data: 0 days with energy data between 2020-01-01T00:00:00Z and 2021-01-01T00:00:00Z, at least 0 needed"
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"start_date\": \"2026-10-01\", \"end_date\": \"2026-10-22\","
                + " \"energy_source\": \" steam \"}"),
        400,
        """
        {
          "detail" : "Baselines are trained on electricity only; 'steam' is not supported yet"
        }
        """);
  }

  // ---- POST /baseline/train-seu --------------------------------------------------------------

  @Test
  void trainsBySeuNameAndSaysHowGoodTheModelIs() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \" HVAC-Main \", \"energy_source\": \"Energy\", \"features\": [],"
                + " \"year\": 2026}"),
        200,
        """
        {
          "success" : true,
          "message" : "Baseline for HVAC-Main trained on 504 hours of 2026: R² 0.99, CV(RMSE) 1.2%.",
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "model_version" : 2,
          "r_squared" : 0.9877,
          "rmse" : 0.5123,
          "cv_rmse" : 1.23,
          "nmbe" : -0.01,
          "formula_readable" : "Energy equals 20.12 plus 0.01001 times production volume plus 1.501 times heating demand (degree hours below 18 °C) minus 0.2500 times cooling demand (degree hours above 18 °C)",
          "formula_technical" : "E = 20.12 + 0.01001*total_production_count + 1.501*heating_degree_hours - 0.2500*cooling_degree_hours",
          "samples_count" : 504,
          "trained_at" : "2026-10-22T08:15:30.123456Z",
          "validity" : {
            "valid" : true,
            "reasons" : [ ],
            "warnings" : [ "cooling_degree_hours is weak" ]
          },
          "error" : null,
          "error_details" : null,
          "seu_baseline" : null
        }
        """);
  }

  @Test
  void answersTrainSeuRefusalsWithSuccessFalseAndAnErrorCode() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"Boiler-1\", \"energy_source\": \"electricity\", \"features\": [],"
                + " \"year\": 2026}"),
        200,
        """
        {
          "success" : false,
          "message" : "SEU 'Boiler-1' with energy source 'electricity' was not found.",
          "seu_name" : "Boiler-1",
          "energy_source" : "electricity",
          "r_squared" : null,
          "rmse" : null,
          "formula_readable" : null,
          "formula_technical" : null,
          "samples_count" : null,
          "trained_at" : null,
          "error" : "SEU_NOT_FOUND",
          "error_details" : {
            "error" : "SEU_NOT_FOUND",
            "message" : "SEU 'Boiler-1' with energy source 'electricity' was not found."
          }
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"features\": [\"wind\"], \"year\": 2026}"),
        200,
        """
        {
          "success" : false,
          "message" : "Unknown drivers [wind]; known drivers are [total_production_count]",
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "r_squared" : null,
          "rmse" : null,
          "formula_readable" : null,
          "formula_technical" : null,
          "samples_count" : null,
          "trained_at" : null,
          "error" : "INVALID_FEATURES",
          "error_details" : {
            "error" : "INVALID_FEATURES",
            "message" : "Unknown drivers [wind]; known drivers are [total_production_count]"
          }
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"features\": [\"avg_pressure_bar\"], \"year\": 2026}"),
        200,
        """
        {
          "success" : false,
          "message" : "No usable driver among [avg_pressure_bar] in this period ([avg_pressure_bar: present in 0 of 504 hours])",
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "r_squared" : null,
          "rmse" : null,
          "formula_readable" : null,
          "formula_technical" : null,
          "samples_count" : null,
          "trained_at" : null,
          "error" : "INVALID_FEATURES",
          "error_details" : {
            "error" : "INVALID_FEATURES",
            "message" : "No usable driver among [avg_pressure_bar] in this period ([avg_pressure_bar: present in 0 of 504 hours])"
          }
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\", \"features\": [],"
                + " \"year\": 2020}"),
        200,
        """
        {
          "success" : false,
          "message" : "Insufficient data: 0 days with energy data between 2020-01-01T00:00:00Z and 2021-01-01T00:00:00Z, at least 7 needed",
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "r_squared" : null,
          "rmse" : null,
          "formula_readable" : null,
          "formula_technical" : null,
          "samples_count" : null,
          "trained_at" : null,
          "error" : "INSUFFICIENT_DATA",
          "error_details" : {
            "error" : "INSUFFICIENT_DATA",
            "message" : "Insufficient data: 0 days with energy data between 2020-01-01T00:00:00Z and 2021-01-01T00:00:00Z, at least 7 needed"
          }
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"features\": [\"throughput\"], \"year\": 2026}"),
        200,
        """
        {
          "success" : false,
          "message" : "drivers [avg_throughput_units_per_hour, total_production_count] cannot be separated in this period: singular matrix",
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "r_squared" : null,
          "rmse" : null,
          "formula_readable" : null,
          "formula_technical" : null,
          "samples_count" : null,
          "trained_at" : null,
          "error" : "TRAINING_FAILED",
          "error_details" : {
            "error" : "TRAINING_FAILED",
            "message" : "drivers [avg_throughput_units_per_hour, total_production_count] cannot be separated in this period: singular matrix"
          }
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"Boiler-Gas\", \"energy_source\": \"natural_gas\", \"year\": 2026}"),
        200,
        """
        {
          "success" : false,
          "message" : "Baselines are trained on electricity only; 'natural_gas' is not supported yet",
          "seu_name" : "Boiler-Gas",
          "energy_source" : "natural_gas",
          "r_squared" : null,
          "rmse" : null,
          "formula_readable" : null,
          "formula_technical" : null,
          "samples_count" : null,
          "trained_at" : null,
          "error" : "TRAINING_FAILED",
          "error_details" : {
            "error" : "TRAINING_FAILED",
            "message" : "Baselines are trained on electricity only; 'natural_gas' is not supported yet"
          }
        }
        """);
  }

  @Test
  void refusesATrainSeuRequestWithoutItsFields() throws Exception {
    assertJson(
        api.post("/api/v1/baseline/train-seu", "{}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "seu_name" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          }, {
            "loc" : [ "body", "energy_source" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          }, {
            "loc" : [ "body", "year" ],
            "msg" : "field required",
            "type" : "value_error.missing"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \" \", \"year\": 1999}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "energy_source" ],
            "msg" : "must not be blank",
            "type" : "value_error"
          }, {
            "loc" : [ "body", "year" ],
            "msg" : "ensure this value is between 2000 and 2100",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/train-seu",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\", \"year\": 2025.5}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "year" ],
            "msg" : "value is not a valid integer",
            "type" : "type_error"
          } ]
        }
        """);
  }

  // ---- POST /baseline/predict ----------------------------------------------------------------

  @Test
  void predictsBySeuNameWithTheSpokenMessage() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\", \"features\":"
                + " {\"total_production_count\": 5000, \"avg_outdoor_temp_c\": 10.0,"
                + " \"avg_load_factor\": 0.85}, \"include_message\": true}"),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "model_version" : 2,
          "features" : {
            "total_production_count" : 5000.0,
            "heating_degree_hours" : 8.0,
            "cooling_degree_hours" : 0.0
          },
          "predicted_energy_kwh" : 41.99,
          "warnings" : [ "total_production_count = 5000 is outside the training range [100, 1900]", "Unknown feature 'avg_load_factor' ignored" ],
          "message" : "HVAC-Main is predicted to consume 41.99 kWh under these conditions. Warning: 1 input(s) outside training range",
          "energy_unit" : "kWh"
        }
        """);
  }

  @Test
  void predictsBySeuNameWithoutTheMessage() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"energy\", \"features\": {}}"),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "seu_name" : "HVAC-Main",
          "energy_source" : "energy",
          "model_version" : 2,
          "features" : {
            "total_production_count" : 1000.5,
            "heating_degree_hours" : 8.0,
            "cooling_degree_hours" : 0.0
          },
          "predicted_energy_kwh" : 41.99,
          "warnings" : [ "total_production_count not given; its training mean 1000.5 is used" ]
        }
        """);
  }

  @Test
  void predictsByMachineIdAloneAsTheVoiceClientsFallbackDoes() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"features\": {\"total_production_count\": 5000},"
                + " \"include_message\": false}"),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "model_version" : 2,
          "features" : {
            "total_production_count" : 5000.0,
            "heating_degree_hours" : 8.0,
            "cooling_degree_hours" : 0.0
          },
          "predicted_energy_kwh" : 41.99,
          "warnings" : [ "total_production_count = 5000 is outside the training range [100, 1900]", "Unknown feature 'avg_load_factor' ignored" ]
        }
        """);
  }

  @Test
  void predictsByMachineIdWhenAnSeuNameIsAlsoGiven() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"machine_id\": \""
                + HVAC
                + "\", \"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"include_message\": true}"),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity",
          "model_version" : 2,
          "features" : {
            "total_production_count" : 1000.5,
            "heating_degree_hours" : 8.0,
            "cooling_degree_hours" : 0.0
          },
          "predicted_energy_kwh" : 41.99,
          "warnings" : [ "total_production_count not given; its training mean 1000.5 is used" ],
          "message" : "HVAC-Main is predicted to consume 41.99 kWh under these conditions",
          "energy_unit" : "kWh"
        }
        """);
  }

  @Test
  void refusesPredictionsWithoutATargetOrWithBadFeatures() throws Exception {
    assertJson(
        api.post("/api/v1/baseline/predict", "{\"features\": {}}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body" ],
            "msg" : "Either machine_id or both seu_name and energy_source must be provided",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"machine_id\": \"" + HVAC + "\", \"seu_name\": \" \", \"features\": {}}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "seu_name" ],
            "msg" : "must not be blank",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post("/api/v1/baseline/predict", "{\"seu_name\": \"HVAC-Main\", \"features\": {}}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body" ],
            "msg" : "Either machine_id or both seu_name and energy_source must be provided",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"features\": [1]}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "features" ],
            "msg" : "value is not a valid dict",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"features\": {\"avg_outdoor_temp_c\": \"warm\"}}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "features" ],
            "msg" : "avg_outdoor_temp_c: value is not a valid number",
            "type" : "value_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"include_message\": \"yes\"}"),
        422,
        """
        {
          "detail" : [ {
            "loc" : [ "body", "include_message" ],
            "msg" : "value could not be parsed to a boolean",
            "type" : "type_error"
          } ]
        }
        """);
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"HVAC-Main\", \"energy_source\": \"electricity\","
                + " \"machine_id\": 7}"),
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
  }

  @Test
  void answersAnUnknownSeuWith404AndTheOriginalsDetailObject() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"Boiler-1\", \"energy_source\": \"electricity\", \"features\": {}}"),
        404,
        """
        {
          "detail" : {
            "error" : "SEU_NOT_FOUND",
            "message" : "SEU 'Boiler-1' with energy source 'electricity' not found",
            "suggestion" : "Check GET /api/v1/seus for SEU names, or pass machine_id for a machine without an SEU"
          }
        }
        """);
  }

  @Test
  void answersAMachineWithoutABaselineWith400() throws Exception {
    assertJson(
        api.post(
            "/api/v1/baseline/predict",
            "{\"seu_name\": \"Conveyor-A\", \"energy_source\": \"electricity\"}"),
        400,
        """
        {
          "detail" : "No active baseline for Conveyor-A (electricity); train one first"
        }
        """);
  }

  // ---- GET /baseline/models and /baseline/model/{id} ---------------------------------------

  @Test
  void listsAMachinesModelsNewestFirst() throws Exception {
    assertJson(
        api.get("/api/v1/baseline/models?machine_id=" + HVAC),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "total_models" : 2,
          "models" : [ {
            "id" : "b0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "energy_source_id" : "e0000000-0000-0000-0000-000000000001",
            "energy_source" : "electricity",
            "model_name" : "HVAC-Main electricity baseline",
            "model_version" : 2,
            "training_samples" : 504,
            "r_squared" : 0.9877,
            "adjusted_r_squared" : 0.9871,
            "rmse" : 0.5123,
            "mae" : 0.4123,
            "cv_rmse" : 1.23,
            "nmbe" : -0.01,
            "is_valid" : true,
            "is_active" : true,
            "created_at" : "2026-10-22T08:15:30.123456Z"
          }, {
            "id" : "b0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "energy_source_id" : "e0000000-0000-0000-0000-000000000001",
            "energy_source" : "electricity",
            "model_name" : "HVAC-Main electricity baseline",
            "model_version" : 1,
            "training_samples" : 60,
            "r_squared" : 0.4,
            "adjusted_r_squared" : null,
            "rmse" : 7.25,
            "mae" : 6.5,
            "cv_rmse" : null,
            "nmbe" : null,
            "is_valid" : false,
            "is_active" : false,
            "created_at" : "2026-10-01T00:00:00Z"
          } ]
        }
        """);
  }

  @Test
  void listsAnSeusModelsWithTheirExplanations() throws Exception {
    assertJson(
        api.get(
            "/api/v1/baseline/models?seu_name=HVAC-Main&energy_source=power"
                + "&include_explanation=true"),
        200,
        """
        {
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "total_models" : 2,
          "models" : [ {
            "id" : "b0000000-0000-0000-0000-000000000002",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "energy_source_id" : "e0000000-0000-0000-0000-000000000001",
            "energy_source" : "electricity",
            "model_name" : "HVAC-Main electricity baseline",
            "model_version" : 2,
            "training_samples" : 504,
            "r_squared" : 0.9877,
            "adjusted_r_squared" : 0.9871,
            "rmse" : 0.5123,
            "mae" : 0.4123,
            "cv_rmse" : 1.23,
            "nmbe" : -0.01,
            "is_valid" : true,
            "is_active" : true,
            "created_at" : "2026-10-22T08:15:30.123456Z",
            "explanation" : {
              "accuracy_explanation" : "The model explains 98.8% of the variation in hourly energy use, which is excellent: its predictions are extremely reliable. Its CV(RMSE) is 1.2% (ASHRAE Guideline 14 allows up to 30% for hourly models).",
              "key_drivers" : [ {
                "feature" : "heating_degree_hours",
                "coefficient" : 1.50123456,
                "absolute_impact" : 4.5037,
                "direction" : "increases",
                "human_name" : "heating demand (degree hours below 18 °C)",
                "rank" : 1
              }, {
                "feature" : "total_production_count",
                "coefficient" : 0.0100123456,
                "absolute_impact" : 4.0049,
                "direction" : "increases",
                "human_name" : "production volume",
                "rank" : 2
              }, {
                "feature" : "cooling_degree_hours",
                "coefficient" : -0.25,
                "absolute_impact" : 0.25,
                "direction" : "decreases",
                "human_name" : "cooling demand (degree hours above 18 °C)",
                "rank" : 3
              } ],
              "formula_explanation" : "Energy equals 20.12 plus 0.01001 times production volume plus 1.501 times heating demand (degree hours below 18 °C) minus 0.2500 times cooling demand (degree hours above 18 °C)",
              "impact_summary" : {
                "positive_impacts" : 2,
                "negative_impacts" : 1,
                "total_features" : 3,
                "increasing_factors" : [ "heating demand (degree hours below 18 °C)", "production volume" ],
                "decreasing_factors" : [ "cooling demand (degree hours above 18 °C)" ]
              },
              "voice_summary" : "The baseline model for HVAC-Main has 99% accuracy. The main energy driver is heating demand (degree hours below 18 °C), which increases energy consumption. The model uses 3 features total."
            }
          }, {
            "id" : "b0000000-0000-0000-0000-000000000001",
            "machine_id" : "c0000000-0000-0000-0000-000000000002",
            "energy_source_id" : "e0000000-0000-0000-0000-000000000001",
            "energy_source" : "electricity",
            "model_name" : "HVAC-Main electricity baseline",
            "model_version" : 1,
            "training_samples" : 60,
            "r_squared" : 0.4,
            "adjusted_r_squared" : null,
            "rmse" : 7.25,
            "mae" : 6.5,
            "cv_rmse" : null,
            "nmbe" : null,
            "is_valid" : false,
            "is_active" : false,
            "created_at" : "2026-10-01T00:00:00Z",
            "explanation" : {
              "accuracy_explanation" : "The model explains 40.0% of the variation in hourly energy use, which is poor: its predictions are not reliable.",
              "key_drivers" : [ {
                "feature" : "total_production_count",
                "coefficient" : 0.02,
                "absolute_impact" : 0.02,
                "direction" : "increases",
                "human_name" : "production volume",
                "rank" : 1
              } ],
              "formula_explanation" : "Energy equals -3.500 plus 0.02000 times production volume",
              "impact_summary" : {
                "positive_impacts" : 1,
                "negative_impacts" : 0,
                "total_features" : 1,
                "increasing_factors" : [ "production volume" ],
                "decreasing_factors" : [ ]
              },
              "voice_summary" : "The baseline model for HVAC-Main has 40% accuracy. The main energy driver is production volume, which increases energy consumption. The model uses 1 features total."
            }
          } ],
          "seu_name" : "HVAC-Main",
          "energy_source" : "electricity"
        }
        """);
  }

  @Test
  void refusesAModelListWithoutOrWithBothIdentifiers() throws Exception {
    assertJson(
        api.get("/api/v1/baseline/models"),
        422,
        """
        {
          "detail" : {
            "error" : "MISSING_IDENTIFIER",
            "message" : "Provide machine_id or seu_name with energy_source"
          }
        }
        """);
    assertJson(
        api.get("/api/v1/baseline/models?machine_id=" + HVAC + "&seu_name=HVAC-Main"),
        422,
        """
        {
          "detail" : {
            "error" : "CONFLICTING_IDENTIFIERS",
            "message" : "Provide either machine_id or seu_name, not both"
          }
        }
        """);
    assertJsonAnyKeyOrder(
        api.get("/api/v1/baseline/models?machine_id=nope"),
        422,
        """
        {
          "detail" : [ {
            "type" : "value_error",
            "msg" : "value is not a valid uuid",
            "loc" : [ "query", "machine_id" ]
          } ]
        }
        """);
    assertJson(
        api.get("/api/v1/baseline/models?seu_name=Boiler-1&energy_source=electricity"),
        404,
        """
        {
          "detail" : {
            "error" : "SEU_NOT_FOUND",
            "message" : "SEU 'Boiler-1' with energy source 'electricity' not found",
            "suggestion" : "Check GET /api/v1/seus for SEU names, or pass machine_id for a machine without an SEU"
          }
        }
        """);
    assertJson(
        api.get("/api/v1/baseline/models?machine_id=" + HVAC + "&energy_source=steam"),
        400,
        """
        {
          "detail" : "Unknown energy source 'steam'"
        }
        """);
    assertJson(
        api.get("/api/v1/baseline/models?machine_id=" + UNKNOWN),
        404,
        """
        {
          "detail" : "Machine not found"
        }
        """);
  }

  @Test
  void showsOneModelWithItsCoefficientsAsJsonTextAndItsExplanation() throws Exception {
    assertJson(
        api.get("/api/v1/baseline/model/" + MODEL + "?include_explanation=true"),
        200,
        """
        {
          "id" : "b0000000-0000-0000-0000-000000000002",
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "model_name" : "HVAC-Main electricity baseline",
          "model_type" : "linear_regression",
          "model_version" : 2,
          "energy_source" : "electricity",
          "training_start_date" : "2026-10-01T00:00:00Z",
          "training_end_date" : "2026-10-22T00:00:00Z",
          "training_samples" : 504,
          "coefficients" : "{\\"total_production_count\\":0.0100123456,\\"heating_degree_hours\\":1.50123456,\\"cooling_degree_hours\\":-0.25}",
          "intercept" : 20.123456789,
          "feature_names" : [ "total_production_count", "heating_degree_hours", "cooling_degree_hours" ],
          "r_squared" : 0.9877,
          "adjusted_r_squared" : 0.9871,
          "rmse" : 0.5123,
          "mae" : 0.4123,
          "cv_rmse" : 1.23,
          "nmbe" : -0.01,
          "p_values" : {
            "total_production_count" : 1.2E-12,
            "heating_degree_hours" : 4.0E-4,
            "cooling_degree_hours" : 0.31
          },
          "feature_ranges" : {
            "total_production_count" : {
              "min" : 100.0,
              "max" : 1900.0,
              "mean" : 1000.5,
              "std" : 400.0
            },
            "heating_degree_hours" : {
              "min" : 0.0,
              "max" : 10.0,
              "mean" : 2.5,
              "std" : 3.0
            },
            "cooling_degree_hours" : {
              "min" : 0.0,
              "max" : 8.0,
              "mean" : 1.25,
              "std" : 0.0
            }
          },
          "validity" : {
            "valid" : true,
            "reasons" : [ ],
            "warnings" : [ "cooling_degree_hours is weak" ]
          },
          "is_active" : true,
          "created_at" : "2026-10-22T08:15:30.123456Z",
          "machine_name" : "HVAC-Main",
          "machine_type" : "hvac",
          "explanation" : {
            "accuracy_explanation" : "The model explains 98.8% of the variation in hourly energy use, which is excellent: its predictions are extremely reliable. Its CV(RMSE) is 1.2% (ASHRAE Guideline 14 allows up to 30% for hourly models).",
            "key_drivers" : [ {
              "feature" : "heating_degree_hours",
              "coefficient" : 1.50123456,
              "absolute_impact" : 4.5037,
              "direction" : "increases",
              "human_name" : "heating demand (degree hours below 18 °C)",
              "rank" : 1
            }, {
              "feature" : "total_production_count",
              "coefficient" : 0.0100123456,
              "absolute_impact" : 4.0049,
              "direction" : "increases",
              "human_name" : "production volume",
              "rank" : 2
            }, {
              "feature" : "cooling_degree_hours",
              "coefficient" : -0.25,
              "absolute_impact" : 0.25,
              "direction" : "decreases",
              "human_name" : "cooling demand (degree hours above 18 °C)",
              "rank" : 3
            } ],
            "formula_explanation" : "Energy equals 20.12 plus 0.01001 times production volume plus 1.501 times heating demand (degree hours below 18 °C) minus 0.2500 times cooling demand (degree hours above 18 °C)",
            "impact_summary" : {
              "positive_impacts" : 2,
              "negative_impacts" : 1,
              "total_features" : 3,
              "increasing_factors" : [ "heating demand (degree hours below 18 °C)", "production volume" ],
              "decreasing_factors" : [ "cooling demand (degree hours above 18 °C)" ]
            },
            "voice_summary" : "The baseline model for HVAC-Main has 99% accuracy. The main energy driver is heating demand (degree hours below 18 °C), which increases energy consumption. The model uses 3 features total."
          }
        }
        """);
    assertJson(
        api.get("/api/v1/baseline/model/" + MODEL),
        200,
        """
        {
          "id" : "b0000000-0000-0000-0000-000000000002",
          "machine_id" : "c0000000-0000-0000-0000-000000000002",
          "model_name" : "HVAC-Main electricity baseline",
          "model_type" : "linear_regression",
          "model_version" : 2,
          "energy_source" : "electricity",
          "training_start_date" : "2026-10-01T00:00:00Z",
          "training_end_date" : "2026-10-22T00:00:00Z",
          "training_samples" : 504,
          "coefficients" : "{\\"total_production_count\\":0.0100123456,\\"heating_degree_hours\\":1.50123456,\\"cooling_degree_hours\\":-0.25}",
          "intercept" : 20.123456789,
          "feature_names" : [ "total_production_count", "heating_degree_hours", "cooling_degree_hours" ],
          "r_squared" : 0.9877,
          "adjusted_r_squared" : 0.9871,
          "rmse" : 0.5123,
          "mae" : 0.4123,
          "cv_rmse" : 1.23,
          "nmbe" : -0.01,
          "p_values" : {
            "total_production_count" : 1.2E-12,
            "heating_degree_hours" : 4.0E-4,
            "cooling_degree_hours" : 0.31
          },
          "feature_ranges" : {
            "total_production_count" : {
              "min" : 100.0,
              "max" : 1900.0,
              "mean" : 1000.5,
              "std" : 400.0
            },
            "heating_degree_hours" : {
              "min" : 0.0,
              "max" : 10.0,
              "mean" : 2.5,
              "std" : 3.0
            },
            "cooling_degree_hours" : {
              "min" : 0.0,
              "max" : 8.0,
              "mean" : 1.25,
              "std" : 0.0
            }
          },
          "validity" : {
            "valid" : true,
            "reasons" : [ ],
            "warnings" : [ "cooling_degree_hours is weak" ]
          },
          "is_active" : true,
          "created_at" : "2026-10-22T08:15:30.123456Z",
          "machine_name" : "HVAC-Main",
          "machine_type" : "hvac"
        }
        """);
  }

  @Test
  void answersAnUnknownOrMalformedModelIdWith404Or422() throws Exception {
    assertJson(
        api.get("/api/v1/baseline/model/" + OLD_MODEL),
        404,
        """
        {
          "detail" : "Baseline model not found"
        }
        """);
    assertJsonAnyKeyOrder(
        api.get("/api/v1/baseline/model/nope"),
        422,
        """
        {
          "detail" : [ {
            "type" : "value_error",
            "loc" : [ "path", "model_id" ],
            "msg" : "value is not a valid uuid"
          } ]
        }
        """);
  }
}
