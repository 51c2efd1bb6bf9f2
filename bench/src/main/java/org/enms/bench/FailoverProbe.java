package org.enms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * After a node's {@code kill -9}: polls the survivors, in turn, for the live status of a sample of
 * the lost node's machines, and notes for each when it first answered (HTTP 200: its entity runs
 * again somewhere) and when it first showed a reading newer than the kill.
 */
final class FailoverProbe {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Seconds after the kill, per sampled machine that got there; {@code missing} did not. */
  record Outcome(List<Double> answered, List<Double> fresh, int sampled) {}

  private FailoverProbe() {}

  /**
   * @param names the sampled machines' registered names, by machine id
   */
  static Outcome await(
      Map<String, String> names,
      List<CapacityNode> survivors,
      Instant killedAt,
      long killedNanos,
      Duration timeout,
      PrintStream out)
      throws InterruptedException {
    Map<String, Long> answeredAt = new ConcurrentHashMap<>();
    Map<String, Long> freshAt = new ConcurrentHashMap<>();
    Map<String, CompletableFuture<?>> pending = new HashMap<>();
    long deadline = killedNanos + timeout.toNanos();
    long lastPrint = System.nanoTime();
    int turn = 0;
    while (freshAt.size() < names.size() && System.nanoTime() < deadline) {
      for (var machine : names.entrySet()) {
        String id = machine.getKey();
        if (freshAt.containsKey(id) || (pending.containsKey(id) && !pending.get(id).isDone())) {
          continue;
        }
        CapacityNode asked = survivors.get(turn++ % survivors.size());
        pending.put(
            id,
            asked
                .getAsync("/api/v1/machines/status/" + machine.getValue())
                .thenAccept(
                    r -> {
                      if (r.statusCode() == 200) {
                        long now = System.nanoTime();
                        answeredAt.putIfAbsent(id, now);
                        if (readingAfter(r, killedAt)) {
                          freshAt.putIfAbsent(id, now);
                        }
                      }
                    })
                .exceptionally(e -> null));
      }
      if (System.nanoTime() - lastPrint > 5e9) {
        out.printf(
            "%s  failover: %.0f s after the kill, %d/%d sampled machines answer, %d with a fresh reading%n",
            Instant.now(),
            (System.nanoTime() - killedNanos) / 1e9,
            answeredAt.size(),
            names.size(),
            freshAt.size());
        lastPrint = System.nanoTime();
      }
      Thread.sleep(250);
    }
    return new Outcome(
        seconds(answeredAt, killedNanos), seconds(freshAt, killedNanos), names.size());
  }

  private static List<Double> seconds(Map<String, Long> at, long since) {
    List<Double> s = new ArrayList<>();
    at.values().forEach(n -> s.add((n - since) / 1e9));
    s.sort(null);
    return s;
  }

  private static boolean readingAfter(HttpResponse<String> status, Instant instant) {
    try {
      JsonNode last = JSON.readTree(status.body()).path("current_status").path("last_reading");
      return last.isTextual() && Instant.parse(last.asText()).isAfter(instant);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** The {@code p}-th percentile (0..100) of sorted values, nearest rank; NaN when empty. */
  static double percentile(List<Double> sorted, double p) {
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100 * sorted.size());
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
  }
}
