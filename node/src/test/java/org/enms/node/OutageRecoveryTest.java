package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import org.enms.node.embedded.EmbeddedPostgresServer;
import org.enms.node.testing.MosquittoProcess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Outages during steady QoS 1 ingest: a PostgreSQL stopped for 30 s and started again, and the
 * broker restarted (the embedded HiveMQ and an external Mosquitto). In each case no reading is lost
 * or stored twice, the node stays up, health reports the outage while it lasts, and ingest has
 * caught up within 5 s of the service's return.
 */
class OutageRecoveryTest {
  private static final int RATE = 100;
  private static final Duration DATABASE_OUTAGE = Duration.ofSeconds(30);
  private static final Duration BROKER_OUTAGE = Duration.ofSeconds(5);

  /**
   * Ingest resumes this soon after the service is back. The broker: its reconnect backoff is capped
   * at 3 s. The database: HikariCP retries a lost server with a backoff it caps at 5 s (not
   * configurable), and a commit waiting for it retries at most 1 s later; measured 0.06 to 5.03 s.
   */
  private static final Duration CATCH_UP = Duration.ofSeconds(6);

  private static final String ROWS = "SELECT count(*) FROM energy_readings";
  private static final String DISTINCT_ROWS =
      "SELECT count(DISTINCT (machine_id, time)) FROM energy_readings";

  /** A count query against the database the node writes to. */
  private interface Sql {
    long count(String query);
  }

  @Test
  void aDatabaseStoppedForThirtySecondsLosesNothingAndIngestCatchesUpWithinSeconds()
      throws Exception {
    Path folder = NodeFixture.tempDir("enms-outage-pg");
    int port = NodeFixture.freePort();
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(folder, port, "enms");
    String url = postgres.jdbcUrl();
    Sql sql = query -> count(url, query);
    LongSupplier rows = () -> sql.count(ROWS);
    try (NodeFixture fixture = new NodeFixture()) {
      fixture.startNode(
          Map.of(
              "enms.db.url",
              url,
              "enms.db.user",
              "postgres",
              "enms.db.password",
              "",
              "enms.ingest.stall-after",
              "5s"));
      SteadyPublisher publisher = new SteadyPublisher(fixture.brokerUrl, RATE);
      try {
        awaitSteadyIngest(rows);
        postgres.close();
        long down = System.nanoTime();
        NodeFixture.await(
            "health to report the database down",
            Duration.ofSeconds(15),
            () -> fixture.get("/health").statusCode() == 503);
        assertThat(fixture.getJson("/health").get("database").get("status").asText())
            .isEqualTo("unhealthy");
        // The voice client's health answers 200 and says why; ingest is reported once its commits
        // have failed for longer than stall-after.
        NodeFixture.await(
            "the API's health to report ingest stalled",
            Duration.ofSeconds(20),
            () -> {
              var health = fixture.get("/api/v1/health");
              return health.statusCode() == 200
                  && health.body().contains("\"status\":\"degraded\"")
                  && health.body().contains("\"database: ")
                  && health.body().contains("ingest: commits failing for");
            });
        Thread.sleep(
            Math.max(0, (down + DATABASE_OUTAGE.toNanos() - System.nanoTime()) / 1_000_000));

        long publishedAtReturn = publisher.published();
        postgres = EmbeddedPostgresServer.start(folder, port, "enms");
        awaitResumed("database outage", rows, rows.getAsLong(), publishedAtReturn);
        NodeFixture.await("health to recover", Duration.ofSeconds(10), fixture::apiUp);
      } finally {
        publisher.close();
      }
      assertEveryPublishedReadingStoredOnce(publisher, sql);
    } finally {
      postgres.close();
    }
  }

  @Test
  void anEmbeddedBrokerRestartLosesNothing() throws Exception {
    try (NodeFixture fixture = new NodeFixture(null)) {
      fixture.startNode(Map.of());
      LongSupplier rows = () -> fixture.count(ROWS);
      SteadyPublisher publisher = new SteadyPublisher(fixture.brokerUrl, RATE);
      try {
        awaitSteadyIngest(rows);
        fixture.stopBroker();
        awaitBrokerOutageReported(fixture);
        Thread.sleep(BROKER_OUTAGE.toMillis());
        long storedAtReturn = rows.getAsLong();
        fixture.startBroker();
        awaitResumed("embedded broker restart", rows, storedAtReturn, publisher.published());
        NodeFixture.await("health to recover", Duration.ofSeconds(10), fixture::apiUp);
      } finally {
        publisher.close();
      }
      assertEveryPublishedReadingStoredOnce(publisher, fixture::count);
    }
  }

  @Test
  void anExternalMosquittoRestartLosesNothing() throws Exception {
    String binary = onPath("mosquitto");
    Assumptions.assumeTrue(
        binary != null, "the mosquitto binary is not installed (Debian package mosquitto)");
    MosquittoProcess broker =
        MosquittoProcess.start(
            binary,
            Path.of("../docker/mosquitto.conf"),
            Files.createTempFile("enms-outage-mosquitto", ".log"));
    try (NodeFixture fixture = new NodeFixture(broker.url())) {
      fixture.startNode(Map.of());
      LongSupplier rows = () -> fixture.count(ROWS);
      SteadyPublisher publisher = new SteadyPublisher(fixture.brokerUrl, RATE);
      try {
        awaitSteadyIngest(rows);
        broker.close();
        awaitBrokerOutageReported(fixture);
        Thread.sleep(BROKER_OUTAGE.toMillis());
        long storedAtReturn = rows.getAsLong();
        broker = broker.startAgain();
        awaitResumed("mosquitto restart", rows, storedAtReturn, publisher.published());
        NodeFixture.await("health to recover", Duration.ofSeconds(10), fixture::apiUp);
      } finally {
        publisher.close();
      }
      assertEveryPublishedReadingStoredOnce(publisher, fixture::count);
    } finally {
      broker.close();
    }
  }

  private static void awaitSteadyIngest(LongSupplier rows) {
    NodeFixture.await(
        "readings stored before the outage",
        Duration.ofSeconds(30),
        () -> rows.getAsLong() >= RATE);
  }

  private static void awaitBrokerOutageReported(NodeFixture fixture) {
    NodeFixture.await(
        "health to report the broker down",
        Duration.ofSeconds(15),
        () -> fixture.get("/health").statusCode() == 503);
    assertThat(fixture.getJson("/health").get("broker").get("status").asText())
        .isEqualTo("unhealthy");
  }

  /**
   * Ingest is back within {@link #CATCH_UP} of the service's return: new rows are committed again.
   * Then the backlog (what was published before the return) is stored, faster than it is published.
   */
  private static void awaitResumed(
      String what, LongSupplier rows, long storedAtReturn, long publishedAtReturn) {
    long back = System.nanoTime();
    NodeFixture.await(
        what + ": ingest committing again",
        Duration.ofSeconds(60),
        () -> rows.getAsLong() > storedAtReturn);
    Duration resumed = Duration.ofNanos(System.nanoTime() - back);
    NodeFixture.await(
        what + ": the backlog of " + publishedAtReturn + " readings stored",
        Duration.ofSeconds(60),
        () -> rows.getAsLong() >= publishedAtReturn);
    Duration cleared = Duration.ofNanos(System.nanoTime() - back);
    long backlog = publishedAtReturn - storedAtReturn;
    System.out.printf(
        "%s: ingest resumed %d ms after the return; backlog of %d readings cleared after %d ms"
            + " (%.0f readings/s while %d/s arrive)%n",
        what,
        resumed.toMillis(),
        backlog,
        cleared.toMillis(),
        (backlog + RATE * cleared.toMillis() / 1000.0)
            / Math.max(0.001, cleared.toMillis() / 1000.0),
        RATE);
    assertThat(resumed)
        .as(what + ": ingest resumed after the return")
        .isLessThanOrEqualTo(CATCH_UP);
  }

  /** Every reading the broker acknowledged to the publisher is stored, and none twice. */
  private static void assertEveryPublishedReadingStoredOnce(SteadyPublisher publisher, Sql sql) {
    long published = publisher.published();
    NodeFixture.await(
        "all " + published + " published readings stored",
        Duration.ofSeconds(60),
        () -> sql.count(ROWS) >= published);
    assertThat(sql.count(ROWS)).isEqualTo(published);
    assertThat(sql.count(DISTINCT_ROWS)).isEqualTo(published);
  }

  /** The dedicated server's superuser, as the embedded server creates it. */
  private static long count(String url, String sql) {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String onPath(String command) {
    String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/usr/local/sbin";
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path p = Path.of(dir, command);
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }
}
