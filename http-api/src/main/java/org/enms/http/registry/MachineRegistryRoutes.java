package org.enms.http.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.PathMatchers;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.machines.MachineRoutes;
import org.enms.http.support.JsonSupport;
import org.enms.http.support.QueryParams;
import org.enms.http.support.RequestBodies;

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

  private final MachineRegistry machines;
  private final RegistryReplies replies;

  MachineRegistryRoutes(MachineRegistry machines, RegistryReplies replies) {
    this.machines = machines;
    this.replies = replies;
  }

  public Route routes() {
    return pathPrefix("machines", () -> concat(reads(), writes()));
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
        pathEndOrSingleSlash(() -> post(() -> RequestBodies.body(MachineBody.class, this::create))),
        path(
            PathMatchers.segment(), id -> patch(() -> Bodies.patch(b -> update(machineId(id), b)))),
        path(
            PathMatchers.segment().slash("deactivate"),
            id -> post(() -> setActive(machineId(id), false))),
        path(
            PathMatchers.segment().slash("activate"),
            id -> post(() -> setActive(machineId(id), true))));
  }

  private Route create(MachineBody body) {
    MachineRegistry.Input input = body.toNew();
    return onSuccess(
        replies.written(machines.create(body.id(), input)),
        m -> complete(StatusCodes.CREATED, m, JsonSupport.json()));
  }

  /** {@code sent}: the body's tree (see {@link Bodies#patch}). */
  private Route update(UUID id, JsonNode sent) {
    return onSuccess(
        machines
            .byId(id)
            .thenApply(found -> found.orElseThrow(() -> ApiException.notFound(NOT_FOUND)))
            .thenCompose(
                current -> {
                  MachineRegistry.Input input =
                      RequestBodies.read(sent, MachineBody.class).over(current.toInput(), sent);
                  return replies.writtenOne(machines.update(id, input), NOT_FOUND);
                }),
        m -> completeOK(m, JsonSupport.json()));
  }

  private Route setActive(UUID id, boolean active) {
    return onSuccess(
        replies.writtenOne(machines.setActive(id, active), NOT_FOUND),
        m -> completeOK(m, JsonSupport.json()));
  }

  private static UUID machineId(String id) {
    return QueryParams.uuid("path", "machine_id", id);
  }
}
