package org.enms.http.registry;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code /api/v1/seus}: the original's list ({@code {success, seus, total_count, filtered_by,
 * timestamp}}, active SEUs, {@code ?energy_source=}) and detail ({@code {success, seu,
 * timestamp}}), which the voice client reads, plus create, partial update ({@code PATCH}) and
 * {@code POST .../deactivate} / {@code .../activate}.
 */
public final class SeuRoutes extends AllDirectives {
  private static final String NOT_FOUND = "SEU not found";

  private final SeuRegistry seus;
  private final RegistryReplies replies;
  private final WriteAccess access;
  private final Clock clock;

  SeuRoutes(SeuRegistry seus, RegistryReplies replies, WriteAccess access, Clock clock) {
    this.seus = seus;
    this.replies = replies;
    this.access = access;
    this.clock = clock;
  }

  public Route routes() {
    return pathPrefix("seus", () -> concat(reads(), access.authorize(this::writes)));
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
        list -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("success", true);
          body.put("seus", list.stream().map(SeuRoutes::summary).toList());
          body.put("total_count", list.size());
          body.put("filtered_by", filter.orElse(null));
          body.put("timestamp", clock.instant());
          return completeOK(body, JsonSupport.json());
        });
  }

  private static Map<String, Object> summary(SeuRegistry.Entry s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("energy_source", s.energySource());
    m.put("unit", s.unit());
    m.put("machine_count", s.machineIds().size());
    m.put("baseline_year", s.baselineYear());
    m.put("r_squared", s.rSquared());
    m.put("has_baseline", s.rSquared() != null);
    return m;
  }

  private Route detail(UUID id) {
    return onSuccess(
        seus.byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCombine(seus.machinesOf(id), SeuRoutes::detailBody),
        seu -> {
          Map<String, Object> body = new LinkedHashMap<>();
          body.put("success", true);
          body.put("seu", seu);
          body.put("timestamp", clock.instant());
          return completeOK(body, JsonSupport.json());
        });
  }

  private static Map<String, Object> detailBody(
      SeuRegistry.Entry s, List<SeuRegistry.MachineRef> machines) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("description", s.description());
    m.put("energy_source", s.energySource());
    m.put("unit", s.unit());
    m.put("machines", machines);
    m.put("baseline_year", s.baselineYear());
    m.put("r_squared", s.rSquared());
    // The original selects a column its schema lacks here; no target is stored per SEU.
    m.put("target_reduction_percent", null);
    m.put("baseline_model_count", s.rSquared() == null ? 0 : 1);
    m.put("has_baseline", s.rSquared() != null);
    m.put("is_active", s.isActive());
    m.put("created_at", s.createdAt());
    m.put("updated_at", s.updatedAt());
    return m;
  }

  private Route writes() {
    return concat(
        pathEndOrSingleSlash(() -> post(() -> body(this::create))),
        path(PathMatchers.segment(), id -> patch(() -> body(b -> update(seuId(id), b)))),
        path(
            PathMatchers.segment().slash("deactivate"),
            id -> post(() -> setActive(seuId(id), false))),
        path(
            PathMatchers.segment().slash("activate"),
            id -> post(() -> setActive(seuId(id), true))));
  }

  private Route create(JsonBody b) {
    UUID id = b.uuid("id", null);
    SeuRegistry.Input input = input(b, null);
    return onSuccess(
        replies.written(seus.create(id, input)),
        s -> complete(StatusCodes.CREATED, s, JsonSupport.json()));
  }

  private Route update(UUID id, JsonBody b) {
    return onSuccess(
        seus.byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCompose(
                current ->
                    replies.writtenOne(seus.update(id, input(b, current.toInput())), NOT_FOUND)),
        s -> completeOK(s, JsonSupport.json()));
  }

  private Route setActive(UUID id, boolean active) {
    return onSuccess(
        replies.writtenOne(seus.setActive(id, active), NOT_FOUND),
        s -> completeOK(s, JsonSupport.json()));
  }

  /**
   * On a create {@code name}, an energy source (id or name) and {@code machine_ids} are required.
   */
  private static SeuRegistry.Input input(JsonBody b, SeuRegistry.Input base) {
    boolean create = base == null;
    String name = b.name("name", create ? null : base.name());
    String description =
        b.mentions("description")
            ? b.string("description", null)
            : create ? null : base.description();
    UUID sourceId = b.uuid("energy_source_id", create ? null : base.energySourceId());
    String sourceName = null;
    if (!b.has("energy_source_id") && b.has("energy_source")) {
      sourceName = b.name("energy_source", null);
      sourceId = null;
    }
    if (create && sourceId == null && sourceName == null) {
      b.invalid("energy_source_id", "field required (or the source's name as energy_source)", null);
    }
    if (create && !b.has("machine_ids")) {
      b.invalid("machine_ids", "field required", null);
    }
    List<UUID> machineIds =
        b.list(
            "machine_ids",
            create ? List.of() : base.machineIds(),
            e -> {
              try {
                return UUID.fromString(e.asText());
              } catch (IllegalArgumentException ex) {
                return b.invalid("machine_ids", "value is not a valid uuid: " + e.asText(), null);
              }
            });
    if (b.has("machine_ids") && machineIds != null && machineIds.isEmpty()) {
      b.invalid("machine_ids", "ensure this value has at least 1 items", null);
    }
    Integer year =
        b.mentions("baseline_year") && !b.has("baseline_year")
            ? null
            : b.integer("baseline_year", create ? null : base.baselineYear(), 2020, 2100);
    b.check();
    return new SeuRegistry.Input(name, description, sourceId, sourceName, machineIds, year);
  }

  private Route body(Function<JsonBody, Route> inner) {
    return entity(Unmarshaller.entityToString(), text -> inner.apply(JsonBody.parse(text)));
  }

  private static UUID seuId(String id) {
    return QueryParams.uuid("path", "seu_id", id);
  }
}
