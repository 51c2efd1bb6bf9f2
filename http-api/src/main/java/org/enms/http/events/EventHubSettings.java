package org.enms.http.events;

import com.typesafe.config.Config;
import java.time.Duration;

/**
 * The {@code enms.http.events} section.
 *
 * @param hubBuffer events queued into the node's hub before further ones are dropped (and counted)
 * @param clientBuffer messages queued for one WebSocket client; beyond it the oldest are dropped
 * @param slowClientTimeout a client that takes nothing for this long while messages wait is closed
 * @param statsInterval how often dashboard clients get {@code stats_update} (the original: 5 s)
 * @param followersRefresh how often a node re-announces the machines its clients follow live; an
 *     announcement older than three of these is forgotten (its node left)
 */
public record EventHubSettings(
    int hubBuffer,
    int clientBuffer,
    Duration slowClientTimeout,
    Duration statsInterval,
    Duration followersRefresh) {
  public static EventHubSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.http.events");
    return new EventHubSettings(
        c.getInt("hub-buffer"),
        c.getInt("client-buffer"),
        c.getDuration("slow-client-timeout"),
        c.getDuration("stats-interval"),
        c.getDuration("followers-refresh"));
  }
}
