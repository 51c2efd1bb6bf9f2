package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A node lost for good: three nodes as separate JVMs on one Mosquitto ({@code
 * docker/mosquitto.conf}) and one PostgreSQL, the simulator publishing QoS 1 readings throughout;
 * the oldest node (also the adopter singleton's host) is killed with SIGKILL and never started
 * again. Mosquitto goes on dealing its share of the shared subscription into its persistent
 * sessions; once the cluster has removed it, the survivor now oldest adopts those sessions, stores
 * what they hold and unsubscribes them. Every reading the broker acknowledged is stored exactly
 * once within a bound after the kill, none left in the broker.
 *
 * <p>Needs the {@code mosquitto} binary (Debian package mosquitto); without it the class is
 * skipped.
 */
class LostNodeSessionAdoptionTest {
  private static final int MACHINES = 30;
  private static final double RATE = 100;

  /** Removal (~20–25 s with stable-after 7 s) + the owner-silence margin + draining, with room. */
  private static final Duration STORED_WITHIN = Duration.ofSeconds(75);

  private ProcessCluster cluster;

  @BeforeEach
  void start() {
    Assumptions.assumeTrue(
        ProcessCluster.available(),
        "the mosquitto binary is not installed (Debian package mosquitto)");
    cluster = new ProcessCluster("enms-lost-node", 3, Map.of("ENMS_SCHEDULER_ENABLED", "false"));
    progress("node logs in %s", cluster.workDir());
  }

  @AfterEach
  void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void storesTheShareOfANodeThatNeverReturnsExactlyOnce() throws Exception {
    List<ClusterNode> nodes = cluster.nodes();
    ClusterNode a = nodes.get(0);
    ClusterNode b = nodes.get(1);
    ClusterNode c = nodes.get(2);
    long started = System.nanoTime();
    cluster.startAll();
    progress("3 nodes up in one cluster after %.0f s", seconds(started));
    cluster.registerLoadMachines(MACHINES);

    SimulatorFeed feed = new SimulatorFeed(cluster.brokerUrl(), MACHINES, RATE);
    NodeFixture.await(
        "each node storing its share",
        Duration.ofSeconds(60),
        () -> nodes.stream().allMatch(n -> n.readingsStored() > 0));
    progress(
        "readings stored per node: a=%d b=%d c=%d",
        a.readingsStored(), b.readingsStored(), c.readingsStored());

    long killed = System.nanoTime();
    a.kill();
    progress("killed node-a (kill -9); it does not come back");
    // Publishing goes on while the broker deals node-a's share to its sessions, and after.
    NodeFixture.await(
        "node-a's sessions adopted, drained and unsubscribed",
        Duration.ofSeconds(90),
        () -> drained(b) + drained(c) == 2);
    progress("node-a's two sessions drained %.1f s after the kill", seconds(killed));
    Thread.sleep(5_000);
    feed.close();
    long published = feed.acknowledged();
    assertThat(feed.failed()).as("publications that failed").isZero();
    progress(
        "feed stopped %.1f s after the kill: %d readings acknowledged by the broker",
        seconds(killed), published);

    NodeFixture.await(
        "every acknowledged reading stored",
        STORED_WITHIN.minusNanos(System.nanoTime() - killed),
        () -> cluster.count("SELECT count(*) FROM energy_readings") >= published);
    double allStored = seconds(killed);
    long stored = cluster.count("SELECT count(*) FROM energy_readings");
    long distinct =
        cluster.count(
            "SELECT count(DISTINCT (machine_id, time, energy_type)) FROM energy_readings");
    progress(
        "readings published (broker-acked) %d, stored %d, distinct %d; all stored %.1f s after"
            + " the kill",
        published, stored, distinct, allStored);
    assertThat(stored).as("stored readings vs acknowledged").isEqualTo(published);
    assertThat(distinct).as("no reading stored twice").isEqualTo(stored);
    assertThat(cluster.count("SELECT count(*) FROM ingest_rejects")).isZero();
    assertThat(
            cluster.count(
                "SELECT count(*) FROM mqtt_sessions WHERE client_id LIKE 'enms-node-a-%'"))
        .as("node-a's claims released after the drain")
        .isZero();
    progress("done in %.0f s", seconds(started));
  }

  /** The adopted sessions this node logged as drained. */
  private static long drained(ClusterNode node) {
    try {
      return node.logLines().stream()
          .filter(
              l -> l.contains("adopted mqtt session drained and unsubscribed client=enms-node-a-"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double seconds(long sinceNanos) {
    return (System.nanoTime() - sinceNanos) / 1e9;
  }

  private static void progress(String format, Object... args) {
    System.out.println(Instant.now() + " [lost node] " + String.format(format, args));
  }
}
