package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/energy-sources}: the active sources as a bare array (the original's), one by name
 * or id, create, partial update ({@code PATCH}), {@code POST .../deactivate} and {@code
 * .../activate}.
 */
public final class EnergySourceRoutes extends AllDirectives {
  private static final String NOT_FOUND = "Energy source not found";

  private final EnergySourceRegistry sources;
  private final RegistryReplies replies;

  EnergySourceRoutes(EnergySourceRegistry sources, RegistryReplies replies) {
    this.sources = sources;
    this.replies = replies;
  }

  public Route routes() {
    return pathPrefix("energy-sources", () -> concat(reads(), writes()));
  }

  private Route reads() {
    return get(
        () ->
            concat(
                pathEndOrSingleSlash(
                    () ->
                        parameterOptional(
                            "is_active",
                            active ->
                                onSuccess(
                                    sources.list(
                                        Optional.of(
                                            QueryParams.bool("is_active", active).orElse(true))),
                                    list -> completeOK(list, JsonSupport.json())))),
                path(
                    PathMatchers.segment(),
                    key ->
                        onSuccess(
                            sources.find(key),
                            RegistryReplies.orNotFound(
                                NOT_FOUND, s -> completeOK(s, JsonSupport.json()))))));
  }

  private Route writes() {
    return concat(
        pathEndOrSingleSlash(
            () -> post(() -> RequestBodies.body(EnergySourceBody.class, this::create))),
        path(PathMatchers.segment(), key -> patch(() -> Bodies.patch(b -> update(key, b)))),
        path(PathMatchers.segment().slash("deactivate"), key -> post(() -> setActive(key, false))),
        path(PathMatchers.segment().slash("activate"), key -> post(() -> setActive(key, true))));
  }

  private Route create(EnergySourceBody body) {
    EnergySourceRegistry.Input input = body.toNew();
    return onSuccess(
        replies.written(sources.create(body.id(), input)),
        s -> complete(StatusCodes.CREATED, s, JsonSupport.json()));
  }

  /** {@code sent}: the body's tree (see {@link Bodies#patch}). */
  private Route update(String key, JsonNode sent) {
    return onSuccess(
        existing(key)
            .thenCompose(
                current -> {
                  EnergySourceRegistry.Input input =
                      RequestBodies.read(sent, EnergySourceBody.class)
                          .over(current.toInput(), sent);
                  return replies.writtenOne(sources.update(current.id(), input), NOT_FOUND);
                }),
        s -> completeOK(s, JsonSupport.json()));
  }

  private Route setActive(String key, boolean active) {
    return onSuccess(
        existing(key)
            .thenCompose(
                current -> replies.writtenOne(sources.setActive(current.id(), active), NOT_FOUND)),
        s -> completeOK(s, JsonSupport.json()));
  }

  private CompletionStage<EnergySourceRegistry.Entry> existing(String key) {
    return sources
        .find(key)
        .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)));
  }
}
