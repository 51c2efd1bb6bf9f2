package org.enms.machine;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code enms.machine} configuration section.
 *
 * @param idleTimeout an entity without commands for this long passivates
 * @param askTimeout how long callers at the edges (HTTP, ingest) wait for a reply
 * @param restoreTimeout how long an entity waits for its history before it asks again (with
 *     backoff; it never starts without it)
 * @param stashCapacity commands buffered while restoring; more are dropped with a warning
 * @param detection live detection's thresholds ({@code enms.machine.detection})
 */
public record MachineEntitySettings(
    Duration idleTimeout,
    Duration askTimeout,
    Duration restoreTimeout,
    int stashCapacity,
    DetectionSettings detection) {

  /** Reads {@code enms.machine} from the application's root configuration. */
  public static MachineEntitySettings fromConfig(Config root) {
    var config = root.getConfig("enms.machine");
    return new MachineEntitySettings(
        config.getDuration("idle-timeout"),
        config.getDuration("ask-timeout"),
        config.getDuration("restore-timeout"),
        config.getInt("stash-capacity"),
        DetectionSettings.fromConfig(config.getConfig("detection")));
  }
}
