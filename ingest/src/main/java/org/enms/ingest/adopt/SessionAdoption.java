package org.enms.ingest.adopt;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.PreRestart;
import org.apache.pekko.actor.typed.SupervisorStrategy;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.cluster.ClusterEvent;
import org.apache.pekko.cluster.Member;
import org.apache.pekko.cluster.MemberStatus;
import org.apache.pekko.cluster.typed.Cluster;
import org.apache.pekko.cluster.typed.ClusterSingleton;
import org.apache.pekko.cluster.typed.SingletonActor;
import org.apache.pekko.cluster.typed.Subscribe;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Flow;
import org.enms.db.BlockingIo;
import org.enms.db.MqttSessionDao;
import org.enms.db.MqttSessionRow;
import org.enms.ingest.IngestSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts the MQTT sessions of nodes that left the cluster for good, so their share of the shared
 * subscription does not wait in the broker for a client id that never returns. A cluster singleton:
 * exactly one adopter at a time, on the oldest node.
 *
 * <p>At start, at every member removal and every check interval it reads the client ids whose owner
 * stopped renewing its claim ({@link MqttSessionDao#notRenewedFor}) and adopts those whose owner
 * (address and incarnation) is no cluster member: a {@link SessionDrain} per id through the node's
 * ingest. A drained session's row is released; one lost (most likely to its owner, back under its
 * id) or unreachable keeps its row and is tried again at a later check if the owner still does not
 * renew it, never while it does.
 *
 * <p>State: only the drains running, lost with the actor. When the adopter's node dies its drains'
 * connections die with it, their rows stay, and the next adopter takes them over with the node's
 * own. Stopping (hand-over, shutdown) ends the drains; what they had not acknowledged stays in the
 * sessions.
 */
public final class SessionAdoption extends AbstractBehavior<SessionAdoption.Command> {
  static final String SINGLETON_NAME = "enms-mqtt-session-adoption";
  private static final Logger RELEASE_LOG = LoggerFactory.getLogger(SessionAdoption.class);

  public sealed interface Command {}

  private enum Check implements Command {
    INSTANCE
  }

  private record MemberRemoved(ClusterEvent.MemberRemoved event) implements Command {}

  private record OrphansFound(List<MqttSessionRow> rows) implements Command {}

  private record LookupFailed(Throwable error) implements Command {}

  private record DrainEnded(
      MqttSessionRow row, SessionDrain.Outcome outcome, long received, long startedNanos)
      implements Command {}

  private final IngestSettings ingest;
  private final AdoptionSettings settings;
  private final Flow<MqttMessageWithAck, ?, NotUsed> intake;
  private final MqttSessionDao sessions;
  private final BlockingIo io;
  private final ScheduledExecutorService timer;
  private final Map<String, SessionDrain> drains = new HashMap<>();
  private boolean lookingUp;

  private SessionAdoption(
      ActorContext<Command> context,
      IngestSettings ingest,
      AdoptionSettings settings,
      Flow<MqttMessageWithAck, ?, NotUsed> intake,
      MqttSessionDao sessions,
      BlockingIo io) {
    super(context);
    this.ingest = ingest;
    this.settings = settings;
    this.intake = intake;
    this.sessions = sessions;
    this.io = io;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "enms-session-adoption");
              t.setDaemon(true);
              return t;
            });
  }

  /** Starts this node's part: the singleton runs on the oldest node, a proxy on the others. */
  public static void init(
      ActorSystem<?> system,
      IngestSettings ingest,
      AdoptionSettings settings,
      Flow<MqttMessageWithAck, ?, NotUsed> intake,
      MqttSessionDao sessions,
      BlockingIo io) {
    ClusterSingleton.get(system)
        .init(
            SingletonActor.of(
                Behaviors.supervise(create(ingest, settings, intake, sessions, io))
                    .onFailure(SupervisorStrategy.restart()),
                SINGLETON_NAME));
  }

  static Behavior<Command> create(
      IngestSettings ingest,
      AdoptionSettings settings,
      Flow<MqttMessageWithAck, ?, NotUsed> intake,
      MqttSessionDao sessions,
      BlockingIo io) {
    return Behaviors.setup(
        context ->
            Behaviors.withTimers(
                timers -> {
                  Cluster.get(context.getSystem())
                      .subscriptions()
                      .tell(
                          Subscribe.create(
                              context.messageAdapter(
                                  ClusterEvent.MemberRemoved.class, MemberRemoved::new),
                              ClusterEvent.MemberRemoved.class));
                  timers.startTimerWithFixedDelay(Check.INSTANCE, settings.checkInterval());
                  context.getSelf().tell(Check.INSTANCE);
                  return new SessionAdoption(context, ingest, settings, intake, sessions, io);
                }));
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(Check.class, c -> onCheck())
        .onMessage(MemberRemoved.class, this::onMemberRemoved)
        .onMessage(OrphansFound.class, this::onOrphansFound)
        .onMessage(LookupFailed.class, this::onLookupFailed)
        .onMessage(DrainEnded.class, this::onDrainEnded)
        .onSignal(PreRestart.class, s -> onPostStop())
        .onSignal(PostStop.class, s -> onPostStop())
        .build();
  }

  private Behavior<Command> onMemberRemoved(MemberRemoved removed) {
    if (Cluster.get(getContext().getSystem()).selfMember().status() != MemberStatus.up()) {
      // This node is leaving too (its database may be closed already): the next adopter looks.
      return this;
    }
    getContext()
        .getLog()
        .info(
            "member removed, looking for its mqtt sessions member={}",
            removed.event().member().address());
    return onCheck();
  }

  private Behavior<Command> onCheck() {
    if (!lookingUp) {
      lookingUp = true;
      getContext()
          .pipeToSelf(
              io.call(() -> sessions.notRenewedFor(settings.ownerSilence())),
              (rows, error) -> error == null ? new OrphansFound(rows) : new LookupFailed(error));
    }
    return this;
  }

  private Behavior<Command> onLookupFailed(LookupFailed failed) {
    lookingUp = false;
    getContext().getLog().warn("cannot read the mqtt sessions: {}", failed.error().toString());
    return this;
  }

  private Behavior<Command> onOrphansFound(OrphansFound found) {
    lookingUp = false;
    Set<String> members = members();
    for (MqttSessionRow row : found.rows()) {
      if (!drains.containsKey(row.clientId()) && !members.contains(incarnation(row))) {
        adopt(row);
      }
    }
    return this;
  }

  private void adopt(MqttSessionRow row) {
    getContext()
        .getLog()
        .info("adopting mqtt session client={} of member={}", row.clientId(), row.memberAddress());
    long started = System.nanoTime();
    AdoptedIntake queue =
        AdoptedIntake.start(getContext().getSystem(), intake, ingest.bufferSize());
    SessionDrain drain =
        SessionDrain.start(ingest, row.clientId(), settings.quietPeriod(), queue, timer);
    drains.put(row.clientId(), drain);
    drain.outcome().whenComplete((outcome, error) -> queue.complete());
    getContext()
        .pipeToSelf(
            drain.outcome(),
            (outcome, error) ->
                new DrainEnded(
                    row,
                    error == null ? outcome : SessionDrain.Outcome.LOST,
                    drain.received(),
                    started));
  }

  private Behavior<Command> onDrainEnded(DrainEnded ended) {
    drains.remove(ended.row().clientId());
    long ms = (System.nanoTime() - ended.startedNanos()) / 1_000_000;
    var log = getContext().getLog();
    switch (ended.outcome()) {
      case DRAINED -> {
        log.info(
            "adopted mqtt session drained and unsubscribed client={} messages={} ms={}",
            ended.row().clientId(),
            ended.received(),
            ms);
        // Not released: the next check adopts the empty session again, which costs a quiet period.
        io.call(() -> sessions.release(ended.row()))
            .whenComplete(
                (released, error) -> {
                  if (error != null) {
                    RELEASE_LOG.warn(
                        "cannot release mqtt session client={}", ended.row().clientId());
                  }
                });
      }
      case LOST ->
          log.info(
              "adoption of mqtt session stopped, its connection was taken or lost client={}"
                  + " messages={} ms={}",
              ended.row().clientId(),
              ended.received(),
              ms);
      case UNREACHABLE ->
          log.warn(
              "adoption of mqtt session failed, retried at a later check client={}",
              ended.row().clientId());
    }
    return this;
  }

  /** Stopped or restarted: the drains end, their unacknowledged messages stay in the sessions. */
  private Behavior<Command> onPostStop() {
    drains.values().forEach(SessionDrain::cancel);
    timer.execute(timer::shutdown);
    return this;
  }

  private Set<String> members() {
    Set<String> members = new HashSet<>();
    for (Member m : Cluster.get(getContext().getSystem()).state().getMembers()) {
      members.add(m.address() + "#" + m.uniqueAddress().longUid());
    }
    return members;
  }

  private static String incarnation(MqttSessionRow row) {
    return row.memberAddress() + "#" + row.memberUid();
  }
}
