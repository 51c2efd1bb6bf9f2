package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Optional;
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
 * {@code /api/v1/seus}: the original's list ({@code {success, seus, total_count, filtered_by,
 * timestamp}}, active SEUs, {@code ?energy_source=}) and detail ({@code {success, seu,
 * timestamp}}), which the voice client reads, plus create, partial update ({@code PATCH}) and
 * {@code POST .../deactivate} / {@code .../activate}.
 */
public final class SeuRoutes extends AllDirectives {
  private static final String NOT_FOUND = "SEU not found";

  private final SeuRegistry seus;
  private final RegistryReplies replies;
  private final Clock clock;

  SeuRoutes(SeuRegistry seus, RegistryReplies replies, Clock clock) {
    this.seus = seus;
    this.replies = replies;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("seus", () -> concat(reads(), writes()));
  }

  private Route reads() {
    return get(
        () ->
            concat(
                pathEndOrSingleSlash(() -> parameterOptional("energy_source", this::list)),
                path(PathMatchers.segment(), id -> detail(seuId(id)))));
  }

  private Route list(Optional<String> energySource) {
    Optional<String> filter = energySource.filter(s -> !s.isBlank());
    return onSuccess(
        seus.list(filter, Optional.of(true)),
        list ->
            completeOK(
                SeuListResponse.of(list, filter.orElse(null), clock.instant()),
                JsonSupport.json()));
  }

  private Route detail(UUID id) {
    return onSuccess(
        seus.byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCombine(
                seus.machinesOf(id),
                (seu, machines) -> SeuDetailResponse.of(seu, machines, clock.instant())),
        body -> completeOK(body, JsonSupport.json()));
  }

  private Route writes() {
    return concat(
        pathEndOrSingleSlash(() -> post(() -> RequestBodies.body(SeuBody.class, this::create))),
        path(PathMatchers.segment(), id -> patch(() -> Bodies.patch(b -> update(seuId(id), b)))),
        path(
            PathMatchers.segment().slash("deactivate"),
            id -> post(() -> setActive(seuId(id), false))),
        path(
            PathMatchers.segment().slash("activate"),
            id -> post(() -> setActive(seuId(id), true))));
  }

  private Route create(SeuBody body) {
    SeuRegistry.Input input = body.toNew();
    return onSuccess(
        replies.written(seus.create(body.id(), input)),
        s -> complete(StatusCodes.CREATED, s, JsonSupport.json()));
  }

  /** {@code sent}: the body's tree (see {@link Bodies#patch}). */
  private Route update(UUID id, JsonNode sent) {
    return onSuccess(
        seus.byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCompose(
                current -> {
                  SeuRegistry.Input input =
                      RequestBodies.read(sent, SeuBody.class).over(current.toInput(), sent);
                  return replies.writtenOne(seus.update(id, input), NOT_FOUND);
                }),
        s -> completeOK(s, JsonSupport.json()));
  }

  private Route setActive(UUID id, boolean active) {
    return onSuccess(
        replies.writtenOne(seus.setActive(id, active), NOT_FOUND),
        s -> completeOK(s, JsonSupport.json()));
  }

  private static UUID seuId(String id) {
    return QueryParams.uuid("path", "seu_id", id);
  }
}
