package org.enms.http.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.pubsub.Topic;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.MergeHub;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.enms.core.json.Json;
import org.enms.machine.event.EventSink;
import org.enms.machine.event.MachineEvent;
import org.enms.machine.event.ReadingRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's event hub: every {@link MachineEvent} published anywhere in the cluster, as one
 * stream any number of WebSocket clients attach to.
 *
 * <p>Publishers call {@link #sink()}; it tells the cluster-wide pub-sub topic {@code
 * enms-machine-events} (an actor tell: it never blocks and never fails the caller). Every node
 * subscribes to the topic and offers what arrives to a bounded queue feeding {@code MergeHub →
 * encode → BroadcastHub}; when the queue is full the event is dropped and counted, so a saturated
 * hub never slows the publisher. A drain consumer keeps the BroadcastHub flowing with no client
 * attached; each client puts its own dropping buffer right after the hub ({@link EventRoutes}), so
 * no client holds the others back.
 *
 * <p>Lifecycle: started once per node by the node's wiring; it lives as long as the actor system.
 * Nothing is persisted: a client connecting later sees only later events.
 */
public final class EventHub {
  private static final Logger log = LoggerFactory.getLogger(EventHub.class);
  static final String TOPIC = "enms-machine-events";

  private final ActorRef<Topic.Command<MachineEvent>> topic;
  private final BoundedSourceQueue<MachineEvent> queue;
  private final Source<HubEvent, NotUsed> events;
  private final LiveFollowers followers;
  private final EventHubSettings settings;
  private final LongAdder published = new LongAdder();
  private final LongAdder dropped = new LongAdder();
  private final AtomicInteger clients = new AtomicInteger();

  private EventHub(
      ActorRef<Topic.Command<MachineEvent>> topic,
      BoundedSourceQueue<MachineEvent> queue,
      Source<HubEvent, NotUsed> events,
      LiveFollowers followers,
      EventHubSettings settings) {
    this.topic = topic;
    this.queue = queue;
    this.events = events;
    this.followers = followers;
    this.settings = settings;
  }

  public static EventHub start(ActorSystem<?> system, EventHubSettings settings) {
    Clock clock = Clock.systemUTC();
    Pair<Sink<MachineEvent, NotUsed>, Source<HubEvent, NotUsed>> hubs =
        MergeHub.of(MachineEvent.class, 16)
            .map(event -> encode(event, clock))
            .filter(encoded -> encoded.json() != null)
            .toMat(BroadcastHub.of(HubEvent.class, 256), Keep.both())
            .run(system);
    // Without a consumer a BroadcastHub holds its producers back; this one keeps it flowing.
    hubs.second().runWith(Sink.ignore(), system);
    BoundedSourceQueue<MachineEvent> queue =
        Source.<MachineEvent>queue(settings.hubBuffer())
            .toMat(hubs.first(), Keep.left())
            .run(system);

    ActorRef<Topic.Command<MachineEvent>> topic =
        system.systemActorOf(
            Topic.create(MachineEvent.class, TOPIC), "machine-events", Props.empty());
    ActorRef<Topic.Command<FollowedMachines>> followersTopic =
        system.systemActorOf(
            Topic.create(FollowedMachines.class, "enms-live-followers"),
            "live-followers",
            Props.empty());
    String self = system.address().toString();
    LiveFollowers[] holder = new LiveFollowers[1];
    LiveFollowers followers =
        new LiveFollowers(
            () ->
                followersTopic.tell(
                    Topic.publish(
                        new FollowedMachines(self, List.copyOf(holder[0].localMachines())))));
    holder[0] = followers;

    EventHub eventHub = new EventHub(topic, queue, hubs.second(), followers, settings);
    ActorRef<MachineEvent> feeder =
        system.systemActorOf(eventHub.feeder(), "machine-events-hub", Props.empty());
    topic.tell(Topic.subscribe(feeder));
    ActorRef<FollowedMachines> announcer =
        system.systemActorOf(
            announcer(followers, followersTopic, self, settings.followersRefresh()),
            "live-followers-announcer",
            Props.empty());
    followersTopic.tell(Topic.subscribe(announcer));
    return eventHub;
  }

  static HubEvent encode(MachineEvent event, Clock clock) {
    try {
      return new HubEvent(
          event,
          Json.mapper()
              .writeValueAsString(
                  new EventMessage(wireType(event.type()), event, clock.instant())));
    } catch (JsonProcessingException e) {
      log.warn("event {} cannot be encoded", event.type(), e);
      return new HubEvent(event, null);
    }
  }

  /** The original's message types use underscores: {@code anomaly.detected → anomaly_detected}. */
  static String wireType(String eventType) {
    return eventType.replace('.', '_');
  }

  private Behavior<MachineEvent> feeder() {
    return Behaviors.receive(MachineEvent.class)
        .onMessage(
            MachineEvent.class,
            event -> {
              offer(event);
              return Behaviors.same();
            })
        .build();
  }

  private void offer(MachineEvent event) {
    if (queue.offer(event) == QueueOfferResult.enqueued()) {
      published.increment();
    } else {
      dropped.increment();
      if (dropped.sum() % 10_000 == 1) {
        log.warn("event hub saturated: {} events dropped so far", dropped.sum());
      }
    }
  }

  private static Behavior<FollowedMachines> announcer(
      LiveFollowers followers,
      ActorRef<Topic.Command<FollowedMachines>> topic,
      String self,
      Duration every) {
    enum Announce {
      INSTANCE
    }
    return Behaviors.<Object>setup(
            context ->
                Behaviors.withTimers(
                    timers -> {
                      timers.startTimerWithFixedDelay(Announce.INSTANCE, every);
                      return Behaviors.receiveMessage(
                          message -> {
                            if (message instanceof FollowedMachines announced) {
                              if (!announced.node().equals(self)) {
                                followers.announced(
                                    announced.node(),
                                    java.util.Set.copyOf(announced.machines()),
                                    System.nanoTime());
                              }
                            } else {
                              followers.expire(System.nanoTime() - every.multipliedBy(3).toNanos());
                              topic.tell(
                                  Topic.publish(
                                      new FollowedMachines(
                                          self, List.copyOf(followers.localMachines()))));
                            }
                            return Behaviors.same();
                          });
                    }))
        .narrow();
  }

  /**
   * The port machine entities publish through: to every node's hub. A {@link ReadingRecorded} goes
   * out only while some client follows its machine (entities may check {@link #followers()} first
   * and not build the event at all). Never blocks, never throws.
   */
  public EventSink sink() {
    return event -> {
      try {
        if (event instanceof ReadingRecorded reading
            && !followers.isFollowed(reading.machineId())) {
          return;
        }
        topic.tell(Topic.publish(event));
      } catch (RuntimeException e) {
        log.warn("event {} not published", event.type(), e);
      }
    };
  }

  /** Which machines' live readings are wanted, cluster-wide. */
  public LiveFollowers followers() {
    return followers;
  }

  /** Every event reaching this node, pre-encoded. Attach with a dropping buffer. */
  public Source<HubEvent, NotUsed> events() {
    return events;
  }

  EventHubSettings settings() {
    return settings;
  }

  AtomicInteger clients() {
    return clients;
  }

  public int clientCount() {
    return clients.get();
  }

  public long published() {
    return published.sum();
  }

  public long dropped() {
    return dropped.sum();
  }
}
