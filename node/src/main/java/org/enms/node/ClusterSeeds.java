package org.enms.node;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ENMS_SEED_NODES} ("pekko://enms@host1:25520,pekko://enms@host2:25520") as Pekko's
 * seed-node list: HOCON cannot split an environment variable into a list by itself.
 */
final class ClusterSeeds {
  private ClusterSeeds() {}

  static Config apply(Config config, String seedNodes) {
    if (seedNodes == null || seedNodes.isBlank()) {
      return config;
    }
    List<String> seeds =
        Arrays.stream(seedNodes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return config.withValue("pekko.cluster.seed-nodes", ConfigValueFactory.fromIterable(seeds));
  }
}
