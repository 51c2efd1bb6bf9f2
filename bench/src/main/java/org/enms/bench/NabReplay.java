package org.enms.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.enms.analytics.detect.DetectionThresholds;
import org.enms.analytics.detect.Drivers;
import org.enms.analytics.detect.Finding;
import org.enms.analytics.detect.LiveDetector;
import org.enms.analytics.detect.RobustProfile;

/**
 * Replays labelled series in the Numenta Anomaly Benchmark's layout ({@code DIR/data/<group>/<name>
 * .csv} with {@code timestamp,value} rows, {@code DIR/labels/combined_windows.json} with the
 * anomaly windows per file) through a fresh {@link LiveDetector} each, as a machine with no history
 * and no rated power would be watched. Scored like the simulated plant, by window: a window is
 * found when an alarm is raised inside it; an alarm outside every window is false.
 */
final class NabReplay {
  private static final DateTimeFormatter NAB_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSS]");

  /** One file's figures. */
  record FileFigures(
      String file, int points, double days, int windows, int found, int alarms, int falseAlarms) {}

  private NabReplay() {}

  static List<FileFigures> run(Path dir, DetectionThresholds limits) throws IOException {
    JsonNode labels =
        new ObjectMapper().readTree(dir.resolve("labels/combined_windows.json").toFile());
    List<FileFigures> out = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> files = labels.fields();
    while (files.hasNext()) {
      var entry = files.next();
      Path csv = dir.resolve("data").resolve(entry.getKey());
      if (Files.isRegularFile(csv)) {
        out.add(replay(entry.getKey(), csv, windows(entry.getValue()), limits));
      }
    }
    return out;
  }

  private static List<Instant[]> windows(JsonNode node) {
    List<Instant[]> out = new ArrayList<>();
    for (JsonNode w : node) {
      out.add(new Instant[] {time(w.get(0).asText()), time(w.get(1).asText())});
    }
    return out;
  }

  private static Instant time(String text) {
    return LocalDateTime.parse(text.trim(), NAB_TIME).toInstant(ZoneOffset.UTC);
  }

  private static FileFigures replay(
      String name, Path csv, List<Instant[]> windows, DetectionThresholds limits)
      throws IOException {
    var detector = new LiveDetector(new RobustProfile(), 0, limits);
    List<Finding.Raised> raised = new ArrayList<>();
    int points = 0;
    Instant first = null;
    Instant last = null;
    for (String line : Files.readAllLines(csv)) {
      int comma = line.indexOf(',');
      if (comma < 0 || line.startsWith("timestamp")) {
        continue;
      }
      Instant t = time(line.substring(0, comma));
      double value = Double.parseDouble(line.substring(comma + 1).trim());
      first = first == null ? t : first;
      last = t;
      points++;
      for (Finding f : detector.onReading(t, value, null, Drivers.NONE)) {
        if (f instanceof Finding.Raised r) {
          raised.add(r);
        }
      }
    }
    int found = 0;
    for (Instant[] w : windows) {
      if (raised.stream().anyMatch(r -> inside(r.at(), w))) {
        found++;
      }
    }
    int falseAlarms =
        (int)
            raised.stream().filter(r -> windows.stream().noneMatch(w -> inside(r.at(), w))).count();
    double days = first == null ? 0 : java.time.Duration.between(first, last).toMinutes() / 1440.0;
    return new FileFigures(name, points, days, windows.size(), found, raised.size(), falseAlarms);
  }

  private static boolean inside(Instant t, Instant[] w) {
    return !t.isBefore(w[0]) && !t.isAfter(w[1]);
  }
}
