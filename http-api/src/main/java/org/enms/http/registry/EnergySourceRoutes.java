package org.enms.http.registry;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
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
 * {@code /api/v1/energy-sources}: the active sources as a bare array (the original's), one by name
 * or id, create, partial update ({@code PATCH}), {@code POST .../deactivate} and {@code
 * .../activate}.
 */
public final class EnergySourceRoutes extends AllDirectives {
  private static final String NOT_FOUND = "Energy source not found";

  private final EnergySourceRegistry sources;
  private final RegistryReplies replies;
  private final WriteAccess access;

  EnergySourceRoutes(EnergySourceRegistry sources, RegistryReplies replies, WriteAccess access) {
    this.sources = sources;
    this.replies = replies;
    this.access = access;
  }

  public Route routes() {
    return pathPrefix("energy-sources", () -> concat(reads(), access.authorize(this::writes)));
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
        pathEndOrSingleSlash(() -> post(() -> body(this::create))),
        path(PathMatchers.segment(), key -> patch(() -> body(b -> update(key, b)))),
        path(PathMatchers.segment().slash("deactivate"), key -> post(() -> setActive(key, false))),
        path(PathMatchers.segment().slash("activate"), key -> post(() -> setActive(key, true))));
  }

  private Route create(JsonBody b) {
    UUID id = b.uuid("id", null);
    EnergySourceRegistry.Input input = input(b, null);
    return onSuccess(
        replies.written(sources.create(id, input)),
        s -> complete(StatusCodes.CREATED, s, JsonSupport.json()));
  }

  private Route update(String key, JsonBody b) {
    return onSuccess(
        existing(key)
            .thenCompose(
                current ->
                    replies.writtenOne(
                        sources.update(current.id(), input(b, current.toInput())), NOT_FOUND)),
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

  private static EnergySourceRegistry.Input input(JsonBody b, EnergySourceRegistry.Input base) {
    boolean create = base == null;
    String name = b.name("name", create ? null : base.name());
    String unit = b.name("unit", create ? null : base.unit());
    Double cost =
        b.mentions("cost_per_unit")
            ? b.number("cost_per_unit", null, 0)
            : create ? null : base.costPerUnit();
    Double carbon =
        b.mentions("carbon_factor")
            ? b.number("carbon_factor", null, 0)
            : create ? null : base.carbonFactor();
    String description =
        b.mentions("description")
            ? b.string("description", null)
            : create ? null : base.description();
    b.check();
    return new EnergySourceRegistry.Input(name, unit, cost, carbon, description);
  }

  private Route body(Function<JsonBody, Route> inner) {
    return entity(Unmarshaller.entityToString(), text -> inner.apply(JsonBody.parse(text)));
  }
}
