package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.apache.pekko.http.javadsl.unmarshalling.Unmarshaller;
import org.enms.core.plant.MachineType;
import org.enms.http.error.ApiException;
import org.enms.http.machines.MachineRoutes;
import org.enms.http.support.JsonBody;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;

/**
 * The write side of {@code /api/v1/machines} (reads are {@link MachineRoutes}): {@code POST}
 * creates (201), {@code PATCH /{id}} changes the fields given, {@code POST /{id}/deactivate} and
 * {@code /{id}/activate} set the active flag. Deactivation is a {@code POST} rather than a {@code
 * DELETE} because nothing is deleted: the machine, its readings and roll-ups stay readable, and
 * only ingest stops accepting its data. {@code GET /{id}/registry} shows everything the registry
 * holds about a machine (energy sources, tariff, nameplate).
 */
public final class MachineRegistryRoutes extends AllDirectives {
  private static final String NOT_FOUND = "Machine not found";
  private static final List<MachineRegistry.SourceInput> ELECTRICITY =
      List.of(new MachineRegistry.SourceInput("electricity", "kWh"));

  private final MachineRegistry machines;
  private final RegistryReplies replies;
  private final WriteAccess access;

  MachineRegistryRoutes(MachineRegistry machines, RegistryReplies replies, WriteAccess access) {
    this.machines = machines;
    this.replies = replies;
    this.access = access;
  }

  public Route routes() {
    return pathPrefix("machines", () -> concat(reads(), access.authorize(this::writes)));
  }

  private Route reads() {
    return path(
        PathMatchers.segment().slash("registry"),
        id ->
            get(
                () ->
                    onSuccess(
                        machines.byId(machineId(id)),
                        RegistryReplies.orNotFound(
                            NOT_FOUND, m -> completeOK(m, JsonSupport.json())))));
  }

  private Route writes() {
    return concat(
        pathEndOrSingleSlash(() -> post(() -> body(this::create))),
        path(PathMatchers.segment(), id -> patch(() -> body(b -> update(machineId(id), b)))),
        path(
            PathMatchers.segment().slash("deactivate"),
            id -> post(() -> setActive(machineId(id), false))),
        path(
            PathMatchers.segment().slash("activate"),
            id -> post(() -> setActive(machineId(id), true))));
  }

  private Route create(JsonBody b) {
    UUID id = b.uuid("id", null);
    MachineRegistry.Input input = input(b, null);
    return onSuccess(
        replies.written(machines.create(id, input)),
        m -> complete(StatusCodes.CREATED, m, JsonSupport.json()));
  }

  private Route update(UUID id, JsonBody b) {
    return onSuccess(
        machines
            .byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCompose(
                current ->
                    replies.writtenOne(
                        machines.update(id, input(b, current.toInput())), NOT_FOUND)),
        m -> completeOK(m, JsonSupport.json()));
  }

  private Route setActive(UUID id, boolean active) {
    return onSuccess(
        replies.writtenOne(machines.setActive(id, active), NOT_FOUND),
        m -> completeOK(m, JsonSupport.json()));
  }

  /**
   * The input a body describes; on a create ({@code base} null) {@code name}, {@code
   * rated_power_kw} and a factory ({@code factory_id}, or {@code factory} by name) are required,
   * and the type defaults to {@code other}, the interval to 10 s, the energy sources to electricity
   * in kWh. On an update the fields not given keep their values.
   */
  private static MachineRegistry.Input input(JsonBody b, MachineRegistry.Input base) {
    boolean create = base == null;
    UUID factoryId = b.uuid("factory_id", create ? null : base.factoryId());
    String factoryName = null;
    if (!b.has("factory_id") && b.has("factory")) {
      factoryName = b.name("factory", null);
      factoryId = null;
    }
    if (create && factoryId == null && factoryName == null) {
      b.invalid("factory_id", "field required (or the factory's name as factory)", null);
    }
    String name = b.name("name", create ? null : base.name());
    String type = b.name("type", create ? "other" : base.type());
    if (type != null) {
      try {
        type = MachineType.fromWireName(type).wireName();
      } catch (IllegalArgumentException e) {
        b.invalid("type", "must be one of " + wireNames(), null);
      }
    }
    Double ratedPower = b.requiredNumber("rated_power_kw", create ? null : base.ratedPowerKw(), 0);
    Integer interval =
        b.integer("data_interval_seconds", create ? 10 : base.dataIntervalSeconds(), 1, 86_400);
    List<MachineRegistry.SourceInput> sources =
        b.list("energy_sources", create ? ELECTRICITY : base.energySources(), e -> source(b, e));
    if (sources != null && sources.isEmpty()) {
      b.invalid("energy_sources", "a machine draws at least one energy source", null);
    }
    UUID tariff =
        b.mentions("tariff_id") && !b.has("tariff_id")
            ? null
            : b.uuid("tariff_id", create ? null : base.tariffId());
    var input =
        new MachineRegistry.Input(
            factoryId,
            factoryName,
            name,
            type,
            ratedPower == null ? 0 : ratedPower,
            interval == null ? 10 : interval,
            sources,
            tariff,
            text(b, "description", create ? null : base.description()),
            text(b, "manufacturer", create ? null : base.manufacturer()),
            text(b, "model", create ? null : base.model()),
            text(b, "location_in_factory", create ? null : base.locationInFactory()),
            text(b, "mqtt_topic", create ? null : base.mqttTopic()),
            b.bool("is_critical", !create && base.isCritical()),
            nullableNumber(b, "rated_current_a", create ? null : base.ratedCurrentA()),
            nullableNumber(b, "rated_voltage_v", create ? null : base.ratedVoltageV()));
    b.check();
    return input;
  }

  /** {@code "electricity"} or {@code {"name": "natural_gas", "unit": "m³"}}. */
  private static MachineRegistry.SourceInput source(JsonBody b, JsonNode e) {
    if (e.isTextual() && !e.asText().isBlank()) {
      return new MachineRegistry.SourceInput(e.asText(), null);
    }
    if (e.isObject() && e.path("name").isTextual() && !e.path("name").asText().isBlank()) {
      JsonNode unit = e.path("unit");
      return new MachineRegistry.SourceInput(
          e.get("name").asText(),
          unit.isTextual() && !unit.asText().isBlank() ? unit.asText() : null);
    }
    return b.invalid(
        "energy_sources", "each entry is a source name or {\"name\": ..., \"unit\": ...}", null);
  }

  /** A field that a PATCH can clear with {@code null}. */
  private static String text(JsonBody b, String field, String current) {
    return b.mentions(field) ? b.string(field, null) : current;
  }

  private static Double nullableNumber(JsonBody b, String field, Double current) {
    return b.mentions(field) ? b.number(field, null, 0) : current;
  }

  private static List<String> wireNames() {
    return java.util.Arrays.stream(MachineType.values()).map(MachineType::wireName).toList();
  }

  private Route body(Function<JsonBody, Route> inner) {
    return entity(Unmarshaller.entityToString(), text -> inner.apply(JsonBody.parse(text)));
  }

  private static UUID machineId(String id) {
    return QueryParams.uuid("path", "machine_id", id);
  }
}
