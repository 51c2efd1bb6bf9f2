package org.enms.http.registry;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonBody;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * {@code /api/v1/factories}: list (bare array), one by id, create, partial update ({@code PATCH}),
 * {@code POST .../deactivate} and {@code .../activate}. Factories are never deleted.
 */
public final class FactoryRoutes extends AllDirectives {
  private static final String NOT_FOUND = "Factory not found";

  private final FactoryRegistry factories;
  private final RegistryReplies replies;
  private final WriteAccess access;

  FactoryRoutes(FactoryRegistry factories, RegistryReplies replies, WriteAccess access) {
    this.factories = factories;
    this.replies = replies;
    this.access = access;
  }

  public Route routes() {
    return pathPrefix("factories", () -> concat(reads(), access.authorize(this::writes)));
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
        pathEndOrSingleSlash(() -> post(() -> body(this::create))),
        path(PathMatchers.segment(), id -> patch(() -> body(b -> update(factoryId(id), b)))),
        path(
            PathMatchers.segment().slash("deactivate"),
            id -> post(() -> setActive(factoryId(id), false))),
        path(
            PathMatchers.segment().slash("activate"),
            id -> post(() -> setActive(factoryId(id), true))));
  }

  private Route create(JsonBody b) {
    UUID id = b.uuid("id", null);
    FactoryRegistry.Input input = input(b, null);
    return onSuccess(
        replies.written(factories.create(id, input)),
        f -> complete(StatusCodes.CREATED, f, JsonSupport.json()));
  }

  private Route update(UUID id, JsonBody b) {
    return onSuccess(
        factories
            .byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCompose(
                current ->
                    replies.writtenOne(
                        factories.update(id, input(b, current.toInput())), NOT_FOUND)),
        f -> completeOK(f, JsonSupport.json()));
  }

  private Route setActive(UUID id, boolean active) {
    return onSuccess(
        replies.writtenOne(factories.setActive(id, active), NOT_FOUND),
        f -> completeOK(f, JsonSupport.json()));
  }

  /** {@code base} null: a create, where {@code name} is required. */
  private static FactoryRegistry.Input input(JsonBody b, FactoryRegistry.Input base) {
    String name = b.name("name", base == null ? null : base.name());
    String location =
        b.mentions("location") ? b.string("location", null) : base == null ? null : base.location();
    String timezone = b.string("timezone", base == null ? "UTC" : base.timezone());
    if (timezone != null) {
      try {
        ZoneId.of(timezone);
      } catch (DateTimeException e) {
        b.invalid("timezone", "unknown time zone " + timezone, null);
      }
    }
    b.check();
    return new FactoryRegistry.Input(name, location, timezone);
  }

  private Route body(Function<JsonBody, Route> inner) {
    return entity(Unmarshaller.entityToString(), text -> inner.apply(JsonBody.parse(text)));
  }

  private static UUID factoryId(String id) {
    return QueryParams.uuid("path", "factory_id", id);
  }
}
