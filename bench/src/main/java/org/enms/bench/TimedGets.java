package org.enms.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Timed GETs: one repeated, one at a time, or a mix of them from many clients at once; untimed
 * warm-up ones first. A mix runs closed-loop (each client sends its next GET as soon as the last is
 * answered) or open-loop (GETs due at a fixed rate, each timed from when it was due, so a queue
 * that builds up behind slow answers shows in the latencies instead of lowering the offered rate).
 */
final class TimedGets {
  private TimedGets() {}

  /** Prints the URI and its first answer, then times {@code requests} GETs; a non-200 stops it. */
  static LatencyHistogram measure(URI uri, int warmUp, int requests, PrintStream out)
      throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    HttpRequest request = HttpRequest.newBuilder(uri).build();
    out.println("GET " + uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery()));
    out.println(client.send(request, HttpResponse.BodyHandlers.ofString()).body());
    var latencies = new LatencyHistogram();
    for (int i = -warmUp; i < requests; i++) {
      long began = System.nanoTime();
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      long took = System.nanoTime() - began;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(
            "GET " + uri.getPath() + " answered " + r.statusCode() + ": " + r.body());
      }
      if (i >= 0) {
        latencies.record(took);
      }
    }
    return latencies;
  }

  /**
   * One GET of a mix; {@code uri} is built per request (windows that end now).
   *
   * @param name what the summary calls it
   */
  record Endpoint(String name, Supplier<URI> uri) {}

  /** Per endpoint of a mix: latencies and answers other than 200. */
  record MixResult(
      Map<String, LatencyHistogram> byEndpoint,
      LatencyHistogram overall,
      Map<String, LongAdder> failures,
      double seconds) {}

  /**
   * {@code clients} threads send the mix's GETs in turn ({@code mix} repeats an endpoint to weigh
   * it) until {@code requests} are timed, after {@code warmUp} untimed ones (closed-loop). With a
   * {@code ratePerSecond} above 0 the timed GETs are due at that rate from the start, each timed
   * from when it was due (open-loop); the warm-up stays closed-loop. Each endpoint is sent once
   * first and its answer printed (shortened).
   */
  static MixResult mix(
      List<Endpoint> mix,
      int clients,
      int warmUp,
      int requests,
      double ratePerSecond,
      PrintStream out)
      throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Map<String, LatencyHistogram> byEndpoint = new LinkedHashMap<>();
    Map<String, LongAdder> failures = new LinkedHashMap<>();
    for (Endpoint e : mix) {
      if (byEndpoint.putIfAbsent(e.name(), new LatencyHistogram()) == null) {
        failures.put(e.name(), new LongAdder());
        URI uri = e.uri().get();
        HttpResponse<String> r = send(client, uri);
        String body = r.body();
        out.printf(
            "%s -> %d %s%n",
            uri, r.statusCode(), body.length() > 160 ? body.substring(0, 160) + "…" : body);
      }
    }
    run(client, mix, clients, warmUp, 0, null, null, null);
    var overall = new LatencyHistogram();
    long began = System.nanoTime();
    run(client, mix, clients, requests, ratePerSecond, byEndpoint, overall, failures);
    return new MixResult(byEndpoint, overall, failures, (System.nanoTime() - began) / 1e9);
  }

  private static void run(
      HttpClient client,
      List<Endpoint> mix,
      int clients,
      int requests,
      double ratePerSecond,
      Map<String, LatencyHistogram> byEndpoint,
      LatencyHistogram overall,
      Map<String, LongAdder> failures)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    double nanosApart = ratePerSecond > 0 ? 1e9 / ratePerSecond : 0;
    long start = System.nanoTime();
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        all.add(
            pool.submit(
                () -> {
                  for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    Endpoint e = mix.get(i % mix.size());
                    long t = System.nanoTime();
                    if (nanosApart > 0) {
                      // Due at its slot of the schedule; timed from then even when every client
                      // was still busy with earlier GETs (no coordinated omission).
                      long due = start + (long) (i * nanosApart);
                      for (long now = t; now < due; now = System.nanoTime()) {
                        LockSupport.parkNanos(due - now);
                      }
                      t = due;
                    }
                    URI uri = e.uri().get();
                    HttpResponse<String> r = send(client, uri);
                    long took = System.nanoTime() - t;
                    if (byEndpoint != null) {
                      byEndpoint.get(e.name()).record(took);
                      overall.record(took);
                      if (r.statusCode() != 200) {
                        failures.get(e.name()).increment();
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static HttpResponse<String> send(HttpClient client, URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
