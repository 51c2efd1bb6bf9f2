package org.enms.http.health;

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

  /**
   * @param self this node's address
   * @param selfStatus its membership status (Up, Joining, ...)
   * @param membersUp members of the cluster that are Up
   */
  public record Details(String self, String selfStatus, long membersUp) {}

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
    var details =
        new Details(
            cluster.selfMember().address().toString(),
            cluster.selfMember().status().toString(),
            up);
    return CompletableFuture.completedFuture(
        selfUp
            ? new Result(true, details)
            : Result.unhealthy(
                details, "this node is " + details.selfStatus() + " in the cluster, not Up"));
  }
}
