package org.enms.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, printed beside figures measured on shared cores. */
final class LoadAverage {
  private LoadAverage() {}

  /** "1-min 5-min 15-min" from /proc/loadavg, with the core count; "unknown" elsewhere. */
  static String read() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0]
          + " "
          + f[1]
          + " "
          + f[2]
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (IOException | RuntimeException e) {
      return "unknown";
    }
  }
}
