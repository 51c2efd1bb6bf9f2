package org.enms.ingest.adopt;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code enms.ingest.adoption} section: how survivors take over the MQTT sessions of a node
 * that left the cluster for good.
 *
 * @param enabled adopt at all (only with a shared subscription: without one nothing is dealt to a
 *     lost node's session alone)
 * @param renewInterval how often a node renews its claim on its own client ids
 * @param ownerSilence a client id is adopted once its owner is no cluster member and has not
 *     renewed its claim for this long; well above {@code renewInterval}, so a starting node, whose
 *     claim is fresh before it is a member, is never taken for dead
 * @param checkInterval how often the adopter looks for orphaned client ids (besides at every member
 *     removal)
 * @param quietPeriod an adopted session counts as drained once it delivered nothing for this long
 *     and every message it delivered is stored and acknowledged
 */
public record AdoptionSettings(
    boolean enabled,
    Duration renewInterval,
    Duration ownerSilence,
    Duration checkInterval,
    Duration quietPeriod) {

  public static AdoptionSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.ingest.adoption");
    return new AdoptionSettings(
        c.getBoolean("enabled"),
        c.getDuration("renew-interval"),
        c.getDuration("owner-silence"),
        c.getDuration("check-interval"),
        c.getDuration("quiet-period"));
  }
}
