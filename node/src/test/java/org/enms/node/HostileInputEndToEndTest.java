package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.enms.core.plant.DemoPlant;
import org.enms.core.plant.Machine;
import org.enms.node.testing.HostileMessages;
import org.enms.node.testing.HostileMessages.Key;
import org.enms.node.testing.HostileMessages.Kind;
import org.enms.node.testing.HostileMessages.Message;
import org.enms.node.testing.HostileMessages.Table;
import org.enms.node.testing.RawMqttPublisher;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.mqtt.Publisher;
import org.junit.jupiter.api.Test;

/**
 * A storm of generated hostile messages over a real broker, interleaved with good readings, into
 * one node: random bytes with NUL, invalid UTF-8, control characters, truncated and deeply nested
 * JSON, payloads at the size limits, NaN and Infinity, wrong types, negative and absurd values,
 * unknown machines, far-future and far-past times, SQL and markup in strings, broken gateway
 * batches and odd topics ({@link HostileMessages}). Every good reading must be stored exactly once,
 * every bad one recorded as a reject, and the node must stay healthy and keep storing.
 *
 * <p>The generator is seeded; the seed is printed, and {@code -Denms.fuzz.seed=N} (or {@code
 * ENMS_FUZZ_SEED}) repeats a run. {@code -Denms.fuzz.hostile=N} changes the number of hostile
 * messages (100,000 by default).
 */
class HostileInputEndToEndTest {
  private static final int HOSTILE_PER_GOOD = 8;
  private static final int PUBLISHERS = 4;
  private static final Duration DRAIN_TIMEOUT = Duration.ofMinutes(4);

  @Test
  void hostileMessagesAreRejectedOneByOneWhileEveryGoodReadingIsStoredOnce() throws Exception {
    long seed = seed();
    int hostileCount = Integer.getInteger("enms.fuzz.hostile", 100_000);
    System.out.printf(
        "hostile input: seed %d, %,d hostile messages (repeat with -Denms.fuzz.seed=%d)%n",
        seed, hostileCount, seed);
    try (NodeFixture fixture = new NodeFixture()) {
      // The bound on ingest_rejects would trim the storm's rejects; here every one is counted.
      fixture.startNode(Map.of("enms.db.rejects-max-rows", 10_000_000));
      List<UUID> machines = DemoPlant.MACHINES.stream().map(Machine::id).toList();
      var generator =
          new HostileMessages(seed, machines, Instant.now().minus(Duration.ofMinutes(30)));
      var expected = new Expected();
      var health = new HealthWatch(fixture);
      health.start();

      // First what a client other than Paho may send and Paho cannot read: had it stopped the
      // ingest's connection, nothing after it would arrive.
      try (var raw = RawMqttPublisher.connect(fixture.brokerUrl, "fuzz-raw-" + seed)) {
        for (Message m : generator.unreadableByPaho()) {
          expected.add(m);
          raw.publish(m.topic().getBytes(StandardCharsets.UTF_8), m.payload());
        }
      }

      long started = System.nanoTime();
      List<Publisher> publishers = new ArrayList<>();
      for (int i = 0; i < PUBLISHERS; i++) {
        Publisher p =
            Publisher.connect(
                MqttSettings.anonymous(fixture.brokerUrl, "fuzz-" + seed + "-" + i, 500));
        p.connected().toCompletableFuture().get(15, TimeUnit.SECONDS);
        publishers.add(p);
      }
      var atLimits =
          generator.atSizeLimits(NodeFixture.maxPayloadBytes(), fixture.maxPacketBytes());
      Random positions = new Random(seed);
      Set<Integer> limitAt = new HashSet<>();
      while (limitAt.size() < atLimits.size()) {
        limitAt.add(positions.nextInt(hostileCount));
      }
      int sent = 0;
      int limitsSent = 0;
      for (int i = 0; i < hostileCount; i++) {
        if (i % HOSTILE_PER_GOOD == 0) {
          publish(publishers.get(sent++ % PUBLISHERS), generator.good(), expected);
        }
        if (limitAt.contains(i)) {
          publish(publishers.get(sent++ % PUBLISHERS), atLimits.get(limitsSent++), expected);
        }
        publish(publishers.get(sent++ % PUBLISHERS), generator.hostile(), expected);
      }
      for (Publisher p : publishers) {
        assertThat(p.awaitIdle(Duration.ofSeconds(120))).as("broker acknowledged all").isTrue();
      }
      long published = System.nanoTime();
      assertThat(publishers.stream().mapToLong(Publisher::failed).sum())
          .as("publishes the broker refused")
          .isZero();
      publishers.forEach(Publisher::close);
      System.out.printf(
          "hostile input: published %,d messages in %.1f s: %s%n",
          sent, (published - started) / 1e9, new TreeMap<>(generator.counts()));

      oversizedPacketDisconnectsOnlyItsSender(fixture);

      // Wait until the ingest has worked through the storm, then check it exactly.
      awaitIngested(fixture, expected);
      long drained = System.nanoTime();
      System.out.printf(
          "hostile input: ingested %,d messages in %.1f s after the first publish%n",
          sent, (drained - started) / 1e9);
      printRejectReasons(fixture);

      for (Table table : Table.values()) {
        assertThat(storedKeys(fixture, table))
            .as("%s readings stored, each once", table)
            .containsExactlyInAnyOrderElementsOf(expected.keys(table));
      }
      assertThat(fixture.ingestCounter("enms_ingest_rejects_total"))
          .as("rejects counted")
          .isEqualTo(expected.rejects);
      assertThat(fixture.count("SELECT count(*) FROM ingest_rejects"))
          .as("rejects recorded")
          .isEqualTo(expected.rejects);
      assertThat(fixture.ingestCounter("enms_ingest_rejects_refused_total"))
          .as("rejects the database refused")
          .isZero();
      assertThat(
              fixture.count(
                  "SELECT count(*) FROM ingest_rejects"
                      + " WHERE reason LIKE 'the ingest failed%' OR topic = '(database)'"))
          .as("rejects from a parser failure or a database refusal")
          .isZero();
      assertThat(storedPayloadDigests(fixture, expected.samples))
          .as("raw payloads of whole-message rejects, byte-exact")
          .containsAll(expected.samples.stream().map(m -> md5(m.payload())).toList());
      assertThat(fixture.count("SELECT count(*) FROM machines")).isEqualTo(machines.size());

      health.stop();
      assertThat(health.failures).as("/health answers other than 200 during the storm").isEmpty();
      assertThat(health.checks).isPositive();

      Message after = generator.good();
      try (MqttClient client = fixture.publisher()) {
        NodeFixture.publish(client, after.topic(), new String(after.payload(), "UTF-8"));
        Key key = after.stored().iterator().next();
        NodeFixture.await(
            "a good reading published after the storm",
            Duration.ofSeconds(10),
            () ->
                fixture.count(
                        "SELECT count(*) FROM energy_readings WHERE machine_id = '"
                            + key.machine()
                            + "' AND time = '"
                            + key.time()
                            + "'")
                    == 1);
        client.disconnect();
      }
      assertThat(fixture.get("/health").statusCode()).isEqualTo(200);
    }
  }

  /**
   * Waits until the expected rejects and rows are there, or until nothing has changed for 15 s, so
   * that the exact assertions after it say what differs instead of a timeout.
   */
  private static void awaitIngested(NodeFixture fixture, Expected expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
    long changed = System.nanoTime();
    String last = "";
    while (System.nanoTime() < deadline) {
      long rejects = fixture.ingestCounter("enms_ingest_rejects_total");
      List<Long> rows =
          java.util.Arrays.stream(Table.values()).map(t -> countKeys(fixture, t)).toList();
      boolean done = rejects >= expected.rejects;
      for (Table t : Table.values()) {
        done &= rows.get(t.ordinal()) >= expected.keys(t).size();
      }
      if (done) {
        return;
      }
      String now = rejects + " " + rows;
      if (!now.equals(last)) {
        last = now;
        changed = System.nanoTime();
      } else if (System.nanoTime() - changed > TimeUnit.SECONDS.toNanos(15)) {
        System.out.printf("hostile input: no progress for 15 s at rejects and rows %s%n", now);
        return;
      }
      Thread.sleep(500);
    }
  }

  /** A packet above the broker's limit disconnects its sender; the ingest never sees it. */
  private static void oversizedPacketDisconnectsOnlyItsSender(NodeFixture fixture)
      throws MqttException {
    try (MqttClient client =
        new MqttClient(fixture.brokerUrl, "fuzz-oversized", new MemoryPersistence())) {
      var options = new MqttConnectOptions();
      options.setAutomaticReconnect(false);
      client.connect(options);
      client.setTimeToWait(10_000);
      byte[] payload = new byte[fixture.maxPacketBytes() + 1];
      boolean refused;
      try {
        client.publish("factory/fuzz/oversized/energy", payload, 1, false);
        refused = !client.isConnected();
      } catch (MqttException e) {
        refused = true;
      }
      assertThat(refused).as("the broker refused a packet above its limit").isTrue();
      if (client.isConnected()) {
        client.disconnect();
      }
    }
  }

  private static void publish(Publisher publisher, Message m, Expected expected)
      throws InterruptedException {
    expected.add(m);
    publisher.publish(m.topic(), m.payload(), 1, false);
  }

  private static long seed() {
    String value = System.getProperty("enms.fuzz.seed", System.getenv("ENMS_FUZZ_SEED"));
    return value == null || value.isBlank() ? new Random().nextLong() : Long.parseLong(value);
  }

  private static String table(Table table) {
    return switch (table) {
      case ENERGY -> "energy_readings";
      case PRODUCTION -> "production_data";
      case ENVIRONMENTAL -> "environmental_data";
    };
  }

  private static long countKeys(NodeFixture fixture, Table table) {
    return fixture.count("SELECT count(*) FROM " + table(table));
  }

  /** Every (machine, time) of the table, duplicates included, so that "once" can be checked. */
  private static List<Key> storedKeys(NodeFixture fixture, Table table) throws SQLException {
    List<Key> keys = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(fixture.jdbcUrl, fixture.dbUser, fixture.dbPassword);
        ResultSet rs =
            c.createStatement().executeQuery("SELECT machine_id, time FROM " + table(table))) {
      while (rs.next()) {
        keys.add(
            new Key(
                table,
                rs.getObject(1, UUID.class),
                rs.getObject(2, OffsetDateTime.class).toInstant()));
      }
    }
    return keys;
  }

  /** MD5s of the stored payloads as long as the samples' (only those rows are read). */
  private static Set<String> storedPayloadDigests(NodeFixture fixture, List<Message> samples)
      throws SQLException {
    String lengths =
        samples.stream()
            .map(m -> String.valueOf(m.payload().length))
            .distinct()
            .collect(java.util.stream.Collectors.joining(","));
    Set<String> digests = new HashSet<>();
    try (Connection c =
            DriverManager.getConnection(fixture.jdbcUrl, fixture.dbUser, fixture.dbPassword);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT md5(payload_bytes) FROM ingest_rejects WHERE payload_length IN ("
                        + lengths
                        + ")")) {
      while (rs.next()) {
        digests.add(rs.getString(1));
      }
    }
    return digests;
  }

  private static String md5(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void printRejectReasons(NodeFixture fixture) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(fixture.jdbcUrl, fixture.dbUser, fixture.dbPassword);
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT left(regexp_replace(reason, '[0-9a-f-]{36}|[0-9]+', '#', 'g'), 60),"
                        + " count(*) FROM ingest_rejects GROUP BY 1 ORDER BY 2 DESC LIMIT 40")) {
      System.out.println("hostile input: rejects by reason");
      while (rs.next()) {
        System.out.printf("  %,9d  %s%n", rs.getLong(2), rs.getString(1));
      }
    }
  }

  /** What the storm must leave behind. */
  private static final class Expected {
    private final Map<Table, Set<Key>> keys = new EnumMap<>(Table.class);
    private final List<Message> samples = new ArrayList<>();
    private final Map<Kind, Integer> sampled = new EnumMap<>(Kind.class);
    long rejects;

    void add(Message m) {
      if (!m.delivered()) {
        return;
      }
      rejects += m.rejects();
      for (Key k : m.stored()) {
        assertThat(keys.computeIfAbsent(k.table(), t -> new HashSet<>()).add(k))
            .as("generated keys are unique")
            .isTrue();
      }
      // A few whole-message rejects of the byte-level kinds, to look for byte-exact.
      boolean byteLevel =
          m.kind() == Kind.RANDOM_BYTES
              || m.kind() == Kind.INVALID_UTF8
              || m.kind() == Kind.CONTROL_CHARACTERS;
      if (byteLevel
          && m.rejects() == 1
          && m.stored().isEmpty()
          && m.payload().length <= 4_096
          && sampled.merge(m.kind(), 1, Integer::sum) <= 10) {
        samples.add(m);
      }
    }

    Set<Key> keys(Table table) {
      return keys.getOrDefault(table, Set.of());
    }
  }

  /** Polls {@code GET /health} while the storm runs. */
  private static final class HealthWatch {
    private final NodeFixture fixture;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile int checks;

    HealthWatch(NodeFixture fixture) {
      this.fixture = fixture;
      this.thread = new Thread(this::run, "fuzz-health");
      thread.setDaemon(true);
    }

    void start() {
      thread.start();
    }

    void stop() throws InterruptedException {
      running.set(false);
      thread.join(15_000);
    }

    private void run() {
      while (running.get()) {
        try {
          var response = fixture.get("/health");
          if (response.statusCode() != 200) {
            failures.add(response.statusCode() + " " + response.body());
          }
        } catch (RuntimeException e) {
          failures.add(e.toString());
        }
        checks++;
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
