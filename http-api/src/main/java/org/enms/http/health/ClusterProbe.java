package org.enms.http.health;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.StreamSupport;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;

/** This node is an Up member of the cluster, and how many members are up. */
public final class ClusterProbe implements HealthProbe {
  private final Cluster cluster;

  public ClusterProbe(Cluster cluster) {
    this.cluster = cluster;
  }

  @Override
  public String name() {
    return "cluster";
  }

  @Override
  public CompletionStage<Result> check() {
    var state = cluster.state();
    long up =
        StreamSupport.stream(state.getMembers().spliterator(), false)
            .filter(m -> m.status() == MemberStatus.up())
            .count();
    boolean selfUp = cluster.selfMember().status() == MemberStatus.up();
    return CompletableFuture.completedFuture(
        new Result(
            selfUp,
            Map.of(
                "self", cluster.selfMember().address().toString(),
                "self_status", cluster.selfMember().status().toString(),
                "members_up", up)));
  }
}
