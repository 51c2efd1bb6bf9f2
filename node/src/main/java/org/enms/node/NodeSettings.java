package org.enms.node;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The node's own part of the {@code enms} section; each module reads its own section into its own
 * settings record.
 *
 * @param rollupInterval how often roll-ups are brought up to date from new raw rows
 * @param rollupSettle roll-ups cover minutes that ended at least this long ago
 * @param simulatorEnabled run the demo-plant simulator in this JVM
 * @param plantFile the plant declared as code, applied at start; blank: the demo plant
 */
record NodeSettings(
    Duration rollupInterval, Duration rollupSettle, boolean simulatorEnabled, String plantFile) {

  static NodeSettings fromConfig(Config root) {
    Config c = root.getConfig("enms");
    return new NodeSettings(
        c.getDuration("rollup-interval"),
        c.getDuration("rollup-settle"),
        c.getBoolean("simulator.enabled"),
        c.getString("plant.file"));
  }

  /**
   * How far hourly analyses stay behind the clock: the settle delay, one refresh interval, and a
   * minute for the refresh itself.
   */
  Duration rollupLag() {
    return rollupSettle.plus(rollupInterval).plusSeconds(60);
  }
}
