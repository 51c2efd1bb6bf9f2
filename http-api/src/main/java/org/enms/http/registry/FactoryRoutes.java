package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

/**
 * {@code /api/v1/factories}: list (bare array), one by id, create, partial update ({@code PATCH}),
 * {@code POST .../deactivate} and {@code .../activate}. Factories are never deleted.
 */
public final class FactoryRoutes extends AllDirectives {
  private static final String NOT_FOUND = "Factory not found";

  private final FactoryRegistry factories;
  private final RegistryReplies replies;

  FactoryRoutes(FactoryRegistry factories, RegistryReplies replies) {
    this.factories = factories;
    this.replies = replies;
  }

  public Route routes() {
    return pathPrefix("factories", () -> concat(reads(), writes()));
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
                                    factories.list(QueryParams.bool("is_active", active)),
                                    list -> completeOK(list, JsonSupport.json())))),
                path(
                    PathMatchers.segment(),
                    id ->
                        onSuccess(
                            factories.byId(factoryId(id)),
                            RegistryReplies.orNotFound(
                                NOT_FOUND, f -> completeOK(f, JsonSupport.json()))))));
  }

  private Route writes() {
    return concat(
        pathEndOrSingleSlash(() -> post(() -> RequestBodies.body(FactoryBody.class, this::create))),
        path(
            PathMatchers.segment(), id -> patch(() -> Bodies.patch(b -> update(factoryId(id), b)))),
        path(
            PathMatchers.segment().slash("deactivate"),
            id -> post(() -> setActive(factoryId(id), false))),
        path(
            PathMatchers.segment().slash("activate"),
            id -> post(() -> setActive(factoryId(id), true))));
  }

  private Route create(FactoryBody body) {
    FactoryRegistry.Input input = body.toNew();
    return onSuccess(
        replies.written(factories.create(body.id(), input)),
        f -> complete(StatusCodes.CREATED, f, JsonSupport.json()));
  }

  /** {@code sent}: the body's tree (see {@link Bodies#patch}). */
  private Route update(UUID id, JsonNode sent) {
    return onSuccess(
        factories
            .byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCompose(
                current -> {
                  FactoryRegistry.Input input =
                      RequestBodies.read(sent, FactoryBody.class).over(current.toInput(), sent);
                  return replies.writtenOne(factories.update(id, input), NOT_FOUND);
                }),
        f -> completeOK(f, JsonSupport.json()));
  }

  private Route setActive(UUID id, boolean active) {
    return onSuccess(
        replies.writtenOne(factories.setActive(id, active), NOT_FOUND),
        f -> completeOK(f, JsonSupport.json()));
  }

  private static UUID factoryId(String id) {
    return QueryParams.uuid("path", "factory_id", id);
  }
}
