package org.enms.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code POST /api/v1/ovos/voice/query} against a running node (`./enms run` holds the simulated
 * plant): a mix of the voice client's questions from several clients at once, latency percentiles.
 */
@Command(
    name = "voice",
    mixinStandardHelpOptions = true,
    description = "Voice questions against a running node: latency percentiles.")
final class VoiceBench implements Callable<Integer> {
  /** One question of each kind the answers read differently. */
  private static final List<String> QUESTIONS =
      List.of(
          "energy consumption of compressor one in the last hour",
          "is the boiler running",
          "how much did HVAC main cost today",
          "what is the load factor of compressor one this week",
          "are there any anomalies today",
          "top 3 energy consumers today",
          "compare compressor one and the boiler yesterday",
          "what is the power of conveyor a right now",
          "system health",
          "total factory energy consumption");

  @Option(names = "--api", description = "Default ${DEFAULT-VALUE}.")
  String api = "http://127.0.0.1:8001";

  @Option(names = "--requests", description = "Timed questions (default ${DEFAULT-VALUE}).")
  int requests = 2_000;

  @Option(names = "--warm-up", description = "Untimed questions first (default ${DEFAULT-VALUE}).")
  int warmUp = 200;

  @Option(names = "--clients", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
  int clients = 10;

  private final PrintStream out = System.out;

  @Override
  public Integer call() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    URI uri = URI.create(api + "/api/v1/ovos/voice/query");
    for (String q : QUESTIONS) {
      out.println(q + " -> " + ask(http, uri, q, "bench").body());
    }
    run(http, uri, warmUp, null);
    LatencyHistogram latencies = new LatencyHistogram();
    AtomicLong failed = new AtomicLong();
    long began = System.nanoTime();
    failed.addAndGet(run(http, uri, requests, latencies));
    double seconds = (System.nanoTime() - began) / 1e9;
    new SummaryTable("voice: POST /ovos/voice/query, " + QUESTIONS.size() + " kinds of question")
        .row("questions", "%,d timed after %,d warm-up, %d clients", requests, warmUp, clients)
        .row("throughput", "%.0f questions/s", requests / seconds)
        .row("not answered (non-200)", "%,d", failed.get())
        .row("latency", latencies.percentiles())
        .print(out);
    return 0;
  }

  private long run(HttpClient http, URI uri, int n, LatencyHistogram latencies) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicInteger next = new AtomicInteger();
    AtomicLong failed = new AtomicLong();
    try {
      List<Future<?>> all =
          java.util.stream.IntStream.range(0, clients)
              .mapToObj(
                  c ->
                      pool.submit(
                          () -> {
                            for (int i = next.getAndIncrement();
                                i < n;
                                i = next.getAndIncrement()) {
                              long t = System.nanoTime();
                              var r = ask(http, uri, QUESTIONS.get(i % QUESTIONS.size()), "c" + c);
                              if (latencies != null) {
                                latencies.record(System.nanoTime() - t);
                              }
                              if (r.statusCode() != 200) {
                                failed.incrementAndGet();
                              }
                            }
                            return null;
                          }))
              .collect(java.util.stream.Collectors.toList());
      for (Future<?> f : all) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    return failed.get();
  }

  private static HttpResponse<String> ask(HttpClient http, URI uri, String text, String session)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"text\": \"" + text + "\", \"session_id\": \"" + session + "\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
