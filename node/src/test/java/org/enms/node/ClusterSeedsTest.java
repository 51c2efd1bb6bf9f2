package org.enms.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

class ClusterSeedsTest {
  @Test
  void turnsACommaSeparatedVariableIntoTheSeedNodeList() {
    var config =
        ClusterSeeds.apply(
            ConfigFactory.parseString("pekko.cluster.seed-nodes = []"),
            " pekko://enms@10.0.0.1:25520, pekko://enms@10.0.0.2:25520 ");
    assertThat(config.getStringList("pekko.cluster.seed-nodes"))
        .containsExactly("pekko://enms@10.0.0.1:25520", "pekko://enms@10.0.0.2:25520");
  }

  @Test
  void leavesTheConfigurationAloneWithoutTheVariable() {
    var config = ConfigFactory.parseString("pekko.cluster.seed-nodes = [\"pekko://enms@a:1\"]");
    assertThat(ClusterSeeds.apply(config, null)).isSameAs(config);
    assertThat(ClusterSeeds.apply(config, " ")).isSameAs(config);
  }
}
