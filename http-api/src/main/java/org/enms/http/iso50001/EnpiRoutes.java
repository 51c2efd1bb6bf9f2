package org.enms.http.iso50001;

import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.RequestBodies;

/**
 * The original's SEU calls outside {@code /iso50001}: {@code POST /baseline/seu/train}, {@code GET
 * /analytics/enpi} and {@code POST /reports/seu-performance}.
 */
public final class EnpiRoutes extends AllDirectives {
  private final SeuBaselines baselines;
  private final EnpiService enpi;

  EnpiRoutes(SeuBaselines baselines, EnpiService enpi) {
    this.baselines = baselines;
    this.enpi = enpi;
  }

  public Route routes() {
    return concat(
        path(
            PathMatchers.segment("baseline").slash("seu").slash("train"),
            () ->
                post(
                    () ->
                        RequestBodies.body(
                            SeuBaselineRequest.class, r -> ok(baselines.train(r, "api"))))),
        path(
            PathMatchers.segment("analytics").slash("enpi"),
            () ->
                get(
                    () ->
                        parameter(
                            "seu_id",
                            seu ->
                                parameter(
                                    "start_year",
                                    start ->
                                        parameter(
                                            "end_year",
                                            end ->
                                                ok(
                                                    enpi.trend(
                                                        Iso50001Routes.uuid("query", "seu_id", seu),
                                                        Iso50001Routes.integer("start_year", start),
                                                        Iso50001Routes.integer(
                                                            "end_year", end)))))))),
        path(
            PathMatchers.segment("reports").slash("seu-performance"),
            () ->
                post(
                    () ->
                        RequestBodies.body(
                            SeuPerformanceRequest.class, r -> ok(enpi.seuReport(r))))));
  }

  private <T> Route ok(CompletionStage<T> response) {
    return onSuccess(response, body -> completeOK(body, JsonSupport.json()));
  }
}
