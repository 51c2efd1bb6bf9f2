package org.enms.simulator.load;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.enms.core.json.Json;
import org.enms.simulator.mqtt.MqttSettings;
import org.enms.simulator.mqtt.Publisher;

/**
 * Publishes synthetic energy readings at a fixed total rate for capacity tests of the ingest.
 *
 * <p>N machines are dealt round-robin onto K connections; each connection has one sender thread
 * that paces its share of the rate against the monotonic clock (bursting to catch up after a stall,
 * never drifting) and is itself paced by the publisher's in-flight window when the broker is slower
 * than the requested rate. Reading timestamps are the scheduled slot times, so each machine's
 * readings are exactly N/rate seconds apart.
 */
public final class LoadGenerator {
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);
  private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(60);

  private static final ObjectWriter WRITER = Json.mapper().writer();

  /** One reading on its own topic. */
  record EnergyMessage(Instant time, UUID machineId, double powerKw, double energyKwh) {}

  /** One reading inside a gateway batch. */
  record BatchReading(
      String dataType, UUID machineId, Instant time, double powerKw, double energyKwh) {}

  /** A gateway's batch of readings. */
  record BatchMessage(String gatewayId, List<BatchReading> readings) {}

  private final LoadSettings settings;
  private final PrintStream out;
  private final Interleaved interleaved;
  private final LongAdder readings = new LongAdder();

  public LoadGenerator(LoadSettings settings, PrintStream out) {
    this(settings, out, null);
  }

  /** A run that mixes {@code interleaved}'s messages into its readings (none when null). */
  public LoadGenerator(LoadSettings settings, PrintStream out, Interleaved interleaved) {
    this.settings = settings;
    this.out = out;
    this.interleaved = interleaved;
  }

  /** Runs until the count is published or the duration has passed, then reports. */
  public LoadReport run() throws InterruptedException, TimeoutException {
    int k = settings.connections();
    List<Publisher> publishers = new ArrayList<>();
    try {
      for (int c = 0; c < k; c++) {
        publishers.add(
            Publisher.connect(
                MqttSettings.anonymous(
                    settings.brokerUrl(),
                    settings.clientIdPrefix() + "-" + c,
                    settings.maxInflight())));
      }
      for (Publisher p : publishers) {
        try {
          p.connected()
              .toCompletableFuture()
              .get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("cannot connect to " + settings.brokerUrl(), e);
        }
      }

      long start = System.nanoTime();
      long deadline = settings.duration().map(d -> start + d.toNanos()).orElse(Long.MAX_VALUE);
      Instant epoch = Instant.now();
      var progress =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "load-progress");
                t.setDaemon(true);
                return t;
              });
      long[] last = {0, start};
      progress.scheduleAtFixedRate(
          () -> {
            long now = System.nanoTime();
            long total = readings.sum();
            out.printf(
                "published %,d readings, %,.0f readings/s%n",
                total, (total - last[0]) * 1e9 / (now - last[1]));
            last[0] = total;
            last[1] = now;
          },
          PROGRESS_EVERY.toMillis(),
          PROGRESS_EVERY.toMillis(),
          TimeUnit.MILLISECONDS);

      List<Thread> senders = new ArrayList<>();
      for (int c = 0; c < k; c++) {
        var sender = new Sender(c, publishers.get(c), start, deadline, epoch);
        Thread t = new Thread(sender, "load-sender-" + c);
        senders.add(t);
        t.start();
      }
      for (Thread t : senders) {
        t.join();
      }
      for (Publisher p : publishers) {
        if (!p.awaitIdle(DRAIN_TIMEOUT)) {
          throw new TimeoutException("broker did not acknowledge all messages");
        }
      }
      progress.shutdownNow();
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      long messages = publishers.stream().mapToLong(Publisher::published).sum();
      long failed = publishers.stream().mapToLong(Publisher::failed).sum();
      return new LoadReport(readings.sum(), messages, failed, elapsed);
    } finally {
      publishers.forEach(Publisher::close);
    }
  }

  /** Machines dealt to connection {@code c}: indices c, c+K, c+2K, ... */
  static List<UUID> machinesOf(int connection, int machines, int connections) {
    List<UUID> ids = new ArrayList<>();
    for (int i = connection; i < machines; i += connections) {
      ids.add(LoadMachines.machineId(i));
    }
    return ids;
  }

  /** This connection's share of {@code total}, proportional to its machines. */
  static long share(long total, int connection, int machines, int connections) {
    long mine = machinesOf(connection, machines, connections).size();
    long base = total * mine / machines;
    // hand the rounding remainder to the first connections so the shares sum to the total
    long assigned = 0;
    for (int c = 0; c < connections; c++) {
      assigned += total * machinesOf(c, machines, connections).size() / machines;
    }
    return base + (connection < total - assigned ? 1 : 0);
  }

  private final class Sender implements Runnable {
    private final int connection;
    private final Publisher publisher;
    private final long startNanos;
    private final long deadlineNanos;
    private final Instant epoch;
    private final List<UUID> machines;
    private final double rate;
    private final long quota;
    private final double intervalSeconds;

    Sender(
        int connection, Publisher publisher, long startNanos, long deadlineNanos, Instant epoch) {
      this.connection = connection;
      this.publisher = publisher;
      this.startNanos = startNanos;
      this.deadlineNanos = deadlineNanos;
      this.epoch = epoch;
      this.machines = machinesOf(connection, settings.machines(), settings.connections());
      this.rate = settings.ratePerSecond() * machines.size() / settings.machines();
      this.quota =
          settings.count().isPresent()
              ? share(
                  settings.count().getAsLong(),
                  connection,
                  settings.machines(),
                  settings.connections())
              : Long.MAX_VALUE;
      // each machine reports once per N/rate seconds; unpaced runs assume a nominal 1 s
      this.intervalSeconds =
          settings.ratePerSecond() > 0 ? settings.machines() / settings.ratePerSecond() : 1.0;
    }

    @Override
    public void run() {
      long sent = 0;
      int sinceInterleaved = 0;
      try {
        while (sent < quota && System.nanoTime() < deadlineNanos) {
          long due =
              rate > 0
                  ? (long) ((System.nanoTime() - startNanos) * rate / 1e9) + 1
                  : Long.MAX_VALUE;
          if (sent >= due) {
            LockSupport.parkNanos(Math.min(1_000_000L, (long) (1e9 / rate)));
            continue;
          }
          int n = (int) Math.min(settings.batchSize(), quota - sent);
          sent += publishNext(sent, n);
          if (interleaved != null && ++sinceInterleaved >= interleaved.every()) {
            sinceInterleaved = 0;
            Interleaved.Message m = interleaved.next().get();
            publisher
                .publish(m.topic(), m.payload(), settings.qos(), false)
                .thenRun(m.acknowledged());
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /** Publishes readings {@code first .. first+n-1} of this connection; returns n. */
    private int publishNext(long first, int n) throws InterruptedException {
      try {
        if (settings.batchSize() == 1) {
          BatchReading r = reading(first);
          byte[] payload =
              WRITER.writeValueAsBytes(
                  new EnergyMessage(r.time(), r.machineId(), r.powerKw(), r.energyKwh()));
          publisher
              .publish(LoadMachines.energyTopic(r.machineId()), payload, settings.qos(), false)
              .thenRun(readings::increment);
        } else {
          List<BatchReading> batch = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            batch.add(reading(first + i));
          }
          byte[] payload =
              WRITER.writeValueAsBytes(new BatchMessage(LoadMachines.gatewayId(connection), batch));
          publisher
              .publish(LoadMachines.batchTopic(connection), payload, settings.qos(), false)
              .thenRun(() -> readings.add(n));
        }
        return n;
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }

    private BatchReading reading(long index) {
      UUID machine = machines.get((int) (index % machines.size()));
      Instant time = rate > 0 ? epoch.plusNanos((long) (index * 1e9 / rate)) : Instant.now();
      // a steady per-machine base load of 10–100 kW with ±5 % noise
      double base = LoadMachines.baseLoadKw(machine);
      double powerKw =
          Math.round(base * ThreadLocalRandom.current().nextDouble(0.95, 1.05) * 1000) / 1000.0;
      double energyKwh = Math.round(powerKw * intervalSeconds / 3600 * 1e6) / 1e6;
      return new BatchReading("energy", machine, time, powerKw, energyKwh);
    }
  }
}
