package org.enms.bench;

/** Reads figures out of a Prometheus text exposition (a node's /metrics). */
final class PrometheusText {
  private PrometheusText() {}

  /**
   * The sum of the samples of {@code metric} whose labels contain {@code label} (e.g. {@code
   * area="heap"}); comment lines and other metrics are skipped.
   */
  static long sum(String exposition, String metric, String label) {
    double total = 0;
    for (String line : exposition.split("\n")) {
      if (line.startsWith(metric + "{") && line.contains(label)) {
        String value = line.substring(line.lastIndexOf('}') + 1).trim().split("\\s+")[0];
        total += Double.parseDouble(value);
      }
    }
    return Math.round(total);
  }
}
