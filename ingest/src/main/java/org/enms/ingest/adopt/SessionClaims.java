package org.enms.ingest.adopt;

import java.time.Duration;
import java.util.List;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.cluster.typed.Cluster;
import org.enms.db.BlockingIo;
import org.enms.db.MqttSessionDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims this node's MQTT client ids for its cluster incarnation from the start, before it
 * connects, and renews the claim every renew interval while it runs. A node that stops renewing
 * (killed, stopped, or replaced by a container with another id) is found by {@link SessionAdoption}
 * once it is no cluster member either.
 */
public final class SessionClaims {
  private static final Logger log = LoggerFactory.getLogger(SessionClaims.class);

  private SessionClaims() {}

  public static void start(
      ActorSystem<?> system,
      List<String> clientIds,
      Duration renewInterval,
      MqttSessionDao sessions,
      BlockingIo io) {
    var self = Cluster.get(system).selfMember().uniqueAddress();
    String address = self.address().toString();
    long uid = self.longUid();
    system
        .scheduler()
        .scheduleWithFixedDelay(
            Duration.ZERO,
            renewInterval,
            () ->
                io.call(
                        () -> {
                          sessions.claim(clientIds, address, uid);
                          return null;
                        })
                    .whenComplete(
                        (done, error) -> {
                          if (error != null) {
                            log.warn(
                                "cannot renew the claim on mqtt sessions {}", error.toString());
                          }
                        }),
            system.executionContext());
  }
}
