package org.enms.bench;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Settings for a whole node started in the bench's JVM ({@code Node.start}): alone, no exit. */
final class InProcessNode {
  private InProcessNode() {}

  /** {@code settings} over the node's defaults, as a single-node cluster on a free port. */
  static Config config(Map<String, Object> settings) {
    Map<String, Object> o = new HashMap<>(settings);
    o.put("pekko.remote.artery.canonical.port", 0);
    o.put("pekko.cluster.seed-nodes", List.of());
    o.put("pekko.coordinated-shutdown.exit-jvm", "off");
    o.put("pekko.coordinated-shutdown.run-by-jvm-shutdown-hook", "off");
    ConfigFactory.invalidateCaches();
    return ConfigFactory.parseMap(o).withFallback(ConfigFactory.load()).resolve();
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
