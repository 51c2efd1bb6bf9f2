package org.enms.http.iso50001;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.db.iso50001.ActionPlanDao;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/iso50001}: the original's baseline, performance, target, factory EnPI report and
 * action-plan calls (paths, parameters and fields), one SEU baseline behind them all, plus {@code
 * enpi} and {@code cusum} of an SEU over any period and the action plans' read, update and delete.
 */
public final class Iso50001Routes extends AllDirectives {
  private final EnpiService enpi;
  private final Targets targets;
  private final ActionPlans plans;

  Iso50001Routes(EnpiService enpi, Targets targets, ActionPlans plans) {
    this.enpi = enpi;
    this.targets = targets;
    this.plans = plans;
  }

  public Route routes() {
    return pathPrefix(
        "iso50001",
        () ->
            concat(
                path(
                    "baseline",
                    () ->
                        post(
                            () -> body(IsoBaselineRequest.class, b -> ok(enpi.createBaseline(b))))),
                path(
                    PathMatchers.segment("baseline").slash(PathMatchers.segment()),
                    id ->
                        get(
                            () ->
                                parameterOptional(
                                    "baseline_year",
                                    year ->
                                        ok(
                                            enpi.baseline(
                                                uuid("path", "seu_id", id),
                                                year.map(y -> integer("baseline_year", y))))))),
                path(
                    "performance",
                    () ->
                        post(
                            () -> body(IsoPerformanceRequest.class, b -> ok(enpi.performance(b))))),
                path(
                    "target",
                    () -> post(() -> body(TargetRequest.class, b -> ok(targets.create(b))))),
                path(
                    PathMatchers.segment("target").slash(PathMatchers.segment()),
                    id -> get(() -> ok(targets.get(uuid("path", "target_id", id))))),
                path(
                    PathMatchers.segment("target")
                        .slash(PathMatchers.segment())
                        .slash(PathMatchers.segment("progress")),
                    id -> put(() -> ok(targets.refresh(uuid("path", "target_id", id))))),
                path("enpi-report", () -> get(this::enpiReport)),
                path("enpi", () -> get(() -> period(false))),
                path("cusum", () -> get(() -> period(true))),
                pathPrefix("action-plans", this::actionPlans)));
  }

  private Route enpiReport() {
    return parameter(
        "factory_id",
        factory ->
            parameter(
                "period",
                period ->
                    parameterOptional(
                        "baseline_year",
                        year ->
                            ok(
                                enpi.factoryReport(
                                    uuid("query", "factory_id", factory),
                                    period,
                                    year.map(y -> integer("baseline_year", y)))))));
  }

  /** {@code seu_id}, {@code start_date}, {@code end_date} (exclusive; days or datetimes). */
  private Route period(boolean points) {
    return parameter(
        "seu_id",
        seu ->
            parameter(
                "start_date",
                start ->
                    parameter(
                        "end_date",
                        end ->
                            ok(
                                enpi.enpi(
                                    uuid("query", "seu_id", seu),
                                    day("start_date", start),
                                    day("end_date", end),
                                    points)))));
  }

  private Route actionPlans() {
    return concat(
        pathEndOrSingleSlash(
            () ->
                concat(
                    post(() -> body(ActionPlanRequest.class, b -> ok(plans.create(b)))),
                    get(this::listPlans))),
        path(
            PathMatchers.segment().slash(PathMatchers.segment("progress")),
            id -> update(id, ActionPlanView.Progress::of)),
        path(
            PathMatchers.segment(),
            id ->
                concat(
                    get(() -> ok(plans.get(uuid("path", "id", id)))),
                    update(id, ActionPlanView::of),
                    delete(
                        () ->
                            onSuccess(
                                plans.delete(uuid("path", "id", id)),
                                done -> complete(StatusCodes.NO_CONTENT))))));
  }

  /** {@code PUT} of the plan {@code id}, answered as {@code view} shows the updated plan. */
  private <T> Route update(String id, Function<ActionPlanDao.Row, T> view) {
    return put(
        () ->
            body(
                ActionPlanUpdate.class,
                u -> ok(plans.update(uuid("path", "id", id), u).thenApply(view))));
  }

  private Route listPlans() {
    return parameterOptional(
        "factory_id",
        factory ->
            parameterOptional(
                "seu_id",
                seu ->
                    parameterOptional(
                        "status",
                        status ->
                            parameterOptional(
                                "priority",
                                priority -> {
                                  status.ifPresent(
                                      s -> oneOf("status", s, ActionPlanRequest.STATUSES));
                                  priority.ifPresent(
                                      p -> oneOf("priority", p, ActionPlanRequest.PRIORITIES));
                                  return ok(
                                      plans.list(
                                          factory
                                              .map(f -> uuid("query", "factory_id", f))
                                              .orElse(null),
                                          seu.map(s -> uuid("query", "seu_id", s)).orElse(null),
                                          status.orElse(null),
                                          priority.orElse(null)));
                                }))));
  }

  static void oneOf(String name, String value, java.util.Set<String> allowed) {
    if (!allowed.contains(value)) {
      throw ApiException.invalidParameter(
          "query", name, "value is not a valid enumeration member; permitted: " + allowed);
    }
  }

  private <B> Route body(Class<B> type, Function<B, Route> inner) {
    return RequestBodies.body(type, inner);
  }

  private <T> Route ok(CompletionStage<T> response) {
    return onSuccess(response, body -> completeOK(body, JsonSupport.json()));
  }

  static UUID uuid(String where, String name, String value) {
    return QueryParams.uuid(where, name, value);
  }

  static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.invalidParameter("query", name, "value is not a valid integer");
    }
  }

  static LocalDate day(String name, String value) {
    try {
      return SeuBaselineRequest.parse(value);
    } catch (DateTimeParseException | IndexOutOfBoundsException e) {
      throw ApiException.invalidParameter("query", name, "invalid date format");
    }
  }
}
