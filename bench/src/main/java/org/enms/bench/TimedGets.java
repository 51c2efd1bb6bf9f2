package org.enms.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** One GET repeated, one at a time, after untimed warm-up ones; anything but a 200 stops it. */
final class TimedGets {
  private TimedGets() {}

  /** Prints the URI and its first answer, then times {@code requests} GETs. */
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
}
