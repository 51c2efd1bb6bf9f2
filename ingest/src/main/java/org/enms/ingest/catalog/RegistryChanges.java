package org.enms.ingest.catalog;

import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.enms.db.BlockingIo;
import org.enms.machine.CborSerializable;

/**
 * Tells every node of the cluster that the registry changed, so each reloads its ingest catalogue
 * at once rather than at its next periodic refresh: with a shared subscription, a new machine's
 * first reading can land on any node.
 */
public final class RegistryChanges {
  /**
   * Published after a registry write; carries nothing, the catalogue is reloaded from the database.
   */
  enum Changed implements CborSerializable {
    INSTANCE
  }

  private final ActorRef<Topic.Command<Changed>> topic;

  private RegistryChanges(ActorRef<Topic.Command<Changed>> topic) {
    this.topic = topic;
  }

  /** Joins the cluster-wide topic and reloads {@code catalog} whenever any node publishes. */
  public static RegistryChanges start(
      ActorSystem<?> system, MachineCatalog catalog, BlockingIo io) {
    ActorRef<Topic.Command<Changed>> topic =
        system.systemActorOf(
            Topic.create(Changed.class, "enms-registry-changes"),
            "registry-changes",
            Props.empty());
    ActorRef<Changed> reloader =
        system.systemActorOf(reloader(catalog, io), "registry-changes-reloader", Props.empty());
    topic.tell(Topic.subscribe(reloader));
    return new RegistryChanges(topic);
  }

  private static Behavior<Changed> reloader(MachineCatalog catalog, BlockingIo io) {
    return Behaviors.receive(Changed.class)
        .onMessage(
            Changed.class,
            changed -> {
              catalog.refresh(io);
              return Behaviors.same();
            })
        .build();
  }

  public void publish() {
    topic.tell(Topic.publish(Changed.INSTANCE));
  }
}
