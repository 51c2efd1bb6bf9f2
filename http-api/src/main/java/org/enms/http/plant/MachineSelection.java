package org.enms.http.plant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.enms.db.BlockingIo;
import org.enms.http.error.ApiException;
import org.enms.http.machines.MachineDirectory;
import org.enms.http.machines.MachineSummary;
import org.enms.http.support.QueryParams;

/**
 * The machines a plant view is about: {@code machine_ids} as comma-separated UUIDs, or {@code all}
 * (every active machine). A UUID that names no machine is a 404; a malformed one a 422.
 */
final class MachineSelection {
  private final MachineDirectory directory;

  MachineSelection(MachineDirectory directory) {
    this.directory = directory;
  }

  /** Every active machine, by name. */
  CompletionStage<List<MachineSummary>> active() {
    return directory.list(Optional.empty(), Optional.of(true));
  }

  /** The machines named by {@code csv} (or all active ones for {@code all}), in the given order. */
  CompletionStage<List<MachineSummary>> of(String csv) {
    if (csv.trim().equalsIgnoreCase("all")) {
      return active();
    }
    List<UUID> ids = ids(csv);
    return directory
        .list(Optional.empty(), Optional.empty())
        .thenApply(
            all -> {
              List<MachineSummary> chosen = new ArrayList<>();
              for (UUID id : ids) {
                chosen.add(
                    all.stream()
                        .filter(m -> m.id().equals(id))
                        .findFirst()
                        .orElseThrow(() -> ApiException.notFound("Machine not found: " + id)));
              }
              return chosen;
            });
  }

  /** One machine by id, 404 when unknown. */
  CompletionStage<MachineSummary> one(String id) {
    UUID uuid = QueryParams.uuid("path", "machine_id", id);
    return directory
        .byId(uuid)
        .thenApply(m -> m.orElseThrow(() -> ApiException.notFound("Machine not found")));
  }

  /** Runs blocking {@code work} on machine {@code id} (404 when unknown) on {@code io}. */
  <T> CompletionStage<T> read(String id, BlockingIo io, Function<MachineSummary, T> work) {
    return one(id).thenCompose(m -> io.call(() -> work.apply(m)));
  }

  /** The constant named {@code name} (any case); 400 with {@code refusal} otherwise. */
  static <E extends Enum<E>> E metric(Class<E> type, String name, String refusal) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(name)) {
        return e;
      }
    }
    throw ApiException.badRequest(refusal);
  }

  /** Distinct UUIDs in the order given; blanks between commas are skipped. */
  static List<UUID> ids(String csv) {
    List<UUID> ids = new ArrayList<>();
    for (String part : csv.split(",")) {
      if (!part.isBlank()) {
        UUID id = QueryParams.uuid("query", "machine_ids", part.trim());
        if (!ids.contains(id)) {
          ids.add(id);
        }
      }
    }
    if (ids.isEmpty()) {
      throw ApiException.badRequest(
          "machine_ids parameter is required (comma-separated UUIDs or 'all')");
    }
    return ids;
  }
}
