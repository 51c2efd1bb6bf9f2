package org.enms.http.forecast;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/forecast}: tomorrow per machine or for the plant ({@code short-term}), the next
 * periods with prediction intervals ({@code demand}, {@code predict}), the next day's peak and the
 * best hours for an extra load ({@code optimal-schedule}), with the original's parameters and
 * fields. Nothing needs training first: every forecast is made on request from the roll-ups.
 */
public final class ForecastRoutes extends AllDirectives {
  private final Forecasts forecasts;

  public ForecastRoutes(Forecasts forecasts) {
    this.forecasts = forecasts;
  }

  public Route routes() {
    return pathPrefix(
        "forecast",
        () ->
            concat(
                path("short-term", () -> get(this::shortTerm)),
                path("demand", () -> get(this::demand)),
                path(
                    "predict",
                    () -> post(() -> RequestBodies.body(PredictRequest.class, this::predict))),
                path("peak", () -> get(this::peak)),
                path(
                    "optimal-schedule",
                    () -> post(() -> RequestBodies.body(ScheduleRequest.class, this::schedule)))));
  }

  private <T> Route ok(CompletionStage<T> response) {
    return onSuccess(response, body -> completeOK(body, JsonSupport.json()));
  }

  private Route shortTerm() {
    return parameterOptional(
        "machine_id",
        machine ->
            parameterOptional(
                "factory_id",
                factory ->
                    ok(
                        forecasts.tomorrow(
                            machine.map(m -> QueryParams.uuid("query", "machine_id", m)),
                            factory.map(f -> QueryParams.uuid("query", "factory_id", f))))));
  }

  private Route demand() {
    return parameter(
        "machine_id",
        machineText ->
            parameterOptional(
                "horizon",
                horizonText ->
                    parameterOptional(
                        "periods",
                        periodsText -> {
                          UUID machine = QueryParams.uuid("query", "machine_id", machineText);
                          Horizon horizon =
                              Horizon.named(horizonText.orElse(Horizon.SHORT.wireName()))
                                  .orElseThrow(
                                      () ->
                                          ApiException.invalidParameter(
                                              "query",
                                              "horizon",
                                              "horizon must be one of short, medium, long"));
                          int periods = periods(periodsText, horizon);
                          return ok(forecasts.demand(machine, horizon, periods));
                        })));
  }

  private static int periods(Optional<String> text, Horizon horizon) {
    if (text.isEmpty()) {
      return horizon.defaultPeriods();
    }
    int periods;
    try {
      periods = Integer.parseInt(text.get().trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("query", "periods", "value is not a valid integer");
    }
    if (periods < 1 || periods > horizon.maxPeriods()) {
      throw ApiException.invalidParameter(
          "query",
          "periods",
          "ensure this value is between 1 and " + horizon.maxPeriods() + " for this horizon");
    }
    return periods;
  }

  private Route predict(PredictRequest body) {
    return ok(forecasts.demand(body.machineId(), body.horizonValue(), body.periodsValue()));
  }

  private Route peak() {
    return parameter(
        "machine_id",
        machine -> ok(forecasts.peak(QueryParams.uuid("query", "machine_id", machine))));
  }

  private Route schedule(ScheduleRequest body) {
    return ok(forecasts.schedule(body.machineId(), body.day(), body.loadKw()));
  }
}
