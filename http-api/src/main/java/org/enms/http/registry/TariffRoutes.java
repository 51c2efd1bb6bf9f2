package org.enms.http.registry;

import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/tariffs}: every version as a bare array ({@code ?factory_id=}, {@code
 * ?energy_source=}), one by id, and {@code POST} to add a version. There is no update or delete: a
 * tariff changes by a new version from a later date, so the prices of intervals already rolled up
 * stay as they were billed.
 */
public final class TariffRoutes extends AllDirectives {
  private static final String NOT_FOUND = "Tariff not found";

  private final TariffRegistry tariffs;
  private final RegistryReplies replies;

  TariffRoutes(TariffRegistry tariffs, RegistryReplies replies) {
    this.tariffs = tariffs;
    this.replies = replies;
  }

  public Route routes() {
    return pathPrefix("tariffs", () -> concat(reads(), writes()));
  }

  private Route reads() {
    return get(
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        parameterOptional(
                            "factory_id",
                            factory ->
                                parameterOptional(
                                    "energy_source",
                                    source ->
                                        onSuccess(
                                            tariffs.list(
                                                factory.map(
                                                    f ->
                                                        QueryParams.uuid("query", "factory_id", f)),
                                                source.filter(s -> !s.isBlank())),
                                            list -> completeOK(list, JsonSupport.json()))))),
                path(
                    PathMatchers.segment(),
                    id ->
                        onSuccess(
                            tariffs.find(QueryParams.uuid("path", "tariff_id", id)),
                            RegistryReplies.orNotFound(
                                NOT_FOUND, t -> completeOK(t, JsonSupport.json()))))));
  }

  private Route writes() {
    return pathEndOrSingleSlash(
        () ->
            post(
                () ->
                    RequestBodies.body(
                        TariffBody.class,
                        body ->
                            onSuccess(
                                replies.written(tariffs.create(body.toInput())),
                                created ->
                                    complete(StatusCodes.CREATED, created, JsonSupport.json())))));
  }
}
