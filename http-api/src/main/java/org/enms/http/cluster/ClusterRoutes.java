package org.enms.http.cluster;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.apache.pekko.http.javadsl.model.StatusCodes;
import org.apache.pekko.http.javadsl.server.AllDirectives;
import org.apache.pekko.http.javadsl.server.Route;
import org.enms.http.error.ApiException;
import org.enms.http.support.JsonSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/cluster/entities}: which machine entities this node hosts right now. Any node
 * answers for any machine; this says where each one lives, e.g. to watch the machines spread over
 * the nodes and move when a node is lost.
 */
public final class ClusterRoutes extends AllDirectives {
  private static final Logger log = LoggerFactory.getLogger(ClusterRoutes.class);

  static final String UNAVAILABLE =
      "This node's machine entities could not be listed right now (the node may be starting or"
          + " leaving the cluster); try again shortly";

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

  /**
   * A shard region that does not answer (a node starting or leaving) is a 503 whose detail says so
   * in words; the failure itself (an ask timeout naming actor paths) goes to the log.
   */
  private CompletionStage<List<String>> localMachineIdsOr503() {
    return localMachineIds
        .get()
        .exceptionally(
            e -> {
              log.warn("listing this node's machine entities failed", e);
              throw new ApiException(StatusCodes.SERVICE_UNAVAILABLE, UNAVAILABLE);
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
