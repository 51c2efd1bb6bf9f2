package org.enms.http.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.enms.http.RouteHarness;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/cluster/entities} over a real socket, with the shard region's answer faked.
 */
class ClusterRoutesTest {
  private static final String NODE = "pekko://enms@127.0.0.1:25520";

  @Test
  void listsTheMachineEntitiesOfThisNode() throws Exception {
    List<String> ids =
        List.of("0b0e0c4a-1111-4000-8000-000000000001", "0b0e0c4a-1111-4000-8000-000000000002");
    try (var api =
        new RouteHarness(
            new ClusterRoutes(NODE, () -> CompletableFuture.completedFuture(ids))::routes)) {
      RouteHarness.assertJson(
          api.get("/api/v1/cluster/entities"),
          200,
          "{\"node\": \""
              + NODE
              + "\", \"machine_entities\": 2, \"machine_ids\": [\""
              + ids.get(0)
              + "\", \""
              + ids.get(1)
              + "\"]}");
    }
  }

  @Test
  void aShardRegionThatDoesNotAnswerIs503WithDetail() throws Exception {
    try (var api =
        new RouteHarness(
            new ClusterRoutes(
                    NODE,
                    () -> CompletableFuture.failedFuture(new TimeoutException("ask timed out")))
                ::routes)) {
      var r = api.get("/api/v1/cluster/entities");
      assertThat(r.statusCode()).isEqualTo(503);
      RouteHarness.assertJson(r, 503, "{\"detail\": \"" + ClusterRoutes.UNAVAILABLE + "\"}");
      assertThat(r.body()).doesNotContain("ask timed out");
    }
  }
}
