package org.enms.http.cluster;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;

/**
 * {@code GET /api/v1/cluster/entities}: which machine entities this node hosts right now. Any node
 * answers for any machine; this says where each one lives, e.g. to watch the machines spread over
 * the nodes and move when a node is lost.
 */
public final class ClusterRoutes extends AllDirectives {
  private final String node;
  private final Supplier<CompletionStage<List<String>>> localMachineIds;

  /**
   * @param node this node's cluster address
   * @param localMachineIds the machine ids of the entities alive on this node
   */
  public ClusterRoutes(String node, Supplier<CompletionStage<List<String>>> localMachineIds) {
    this.node = node;
    this.localMachineIds = localMachineIds;
  }

  /**
   * @param node this node's cluster address
   * @param machineEntities machine entities alive on it
   * @param machineIds their machine ids, sorted
   */
  public record NodeEntities(String node, int machineEntities, List<String> machineIds) {}

  /** A shard region that does not answer (a node starting or leaving) is a 503 with detail. */
  private CompletionStage<List<String>> localMachineIdsOr503() {
    return localMachineIds
        .get()
        .exceptionally(
            e -> {
              throw new ApiException(
                  StatusCodes.SERVICE_UNAVAILABLE,
                  "this node's machine entities could not be listed: " + e.getMessage());
            });
  }

  public Route routes() {
    return pathPrefix(
        "cluster",
        () ->
            path(
                "entities",
                () ->
                    get(
                        () ->
                            onSuccess(
                                localMachineIdsOr503(),
                                ids ->
                                    completeOK(
                                        new NodeEntities(node, ids.size(), ids),
                                        JsonSupport.json())))));
  }
}
