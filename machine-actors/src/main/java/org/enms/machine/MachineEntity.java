package org.enms.machine;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.StashBuffer;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.apache.pekko.cluster.sharding.typed.ClusterShardingSettings;
import org.apache.pekko.cluster.sharding.typed.javadsl.ClusterSharding;
import org.apache.pekko.cluster.sharding.typed.javadsl.Entity;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityRef;
import org.apache.pekko.cluster.sharding.typed.javadsl.EntityTypeKey;
import org.enms.analytics.DayTotals;
import org.enms.analytics.MachineState;
import org.enms.analytics.MachineStatus;
import org.enms.analytics.RecordOutcome;
import org.enms.analytics.StatusClassifier;
import org.enms.analytics.WindowStats;
import org.enms.analytics.detect.Expectation;
import org.enms.core.reading.EnergyReading;
import org.enms.core.reading.EnergyType;
import org.enms.core.reading.EnvironmentalReading;
import org.enms.core.reading.ProductionReading;
import org.enms.core.reading.Reading;
import org.enms.core.reading.StatusReading;
import org.enms.machine.event.BaselineTrained;
import org.enms.machine.event.EventSink;
import org.enms.machine.event.MachineEvent;
import org.enms.machine.event.MachineStatusChanged;
import org.enms.machine.event.ReadingRecorded;

/**
 * One machine's live view, sharded across the cluster by machine id: current status, rolling
 * windows of the last minute, 15 minutes and hour, and today's totals. The arithmetic is in {@link
 * MachineState}; this actor only feeds it, answers from it and manages its lifecycle. It is also
 * the single owner of the machine's meter register: ingest asks it to resolve counter-only readings
 * into interval energy ({@link ResolveCounters}) before storing them.
 *
 * <p>Lifecycle: on start it loads its history through {@link MachineHistoryPort} (stashing commands
 * meanwhile; a load that fails or takes longer than {@code restore-timeout} is retried with
 * backoff, never skipped), then records readings told to it after they are durably stored. After
 * {@code idle-timeout} without commands it asks its shard to passivate it.
 *
 * <p>What survives passivation or a rebalance: only what is in the database. The in-memory state is
 * rebuilt from the port, so readings dropped as late (see {@link MachineState}) are not lost, but
 * the 1-minute window starts empty (storage keeps minute totals, not 5-second ones), the operating
 * mode is unknown until the next status or production message, and anything the port does not
 * return (e.g. today's uptime, if the adapter leaves it out) restarts from zero. The register
 * resumes from the newest stored value; resolutions not yet stored are forgotten, which is safe
 * because their readings are then resolved again against that stored value.
 *
 * <p>Live detection: every recorded energy reading is scored by {@link LiveDetection}, which holds
 * a detector per energy carrier with its robust profile (seeded on start from six weeks of hourly
 * averages) and its active baseline (reloaded on {@link ReloadBaseline}, e.g. when {@code
 * baseline.trained} arrives). What it raises, escalates and resolves goes to the {@link
 * AnomalyRecorder}, which writes it through {@link DetectionPort} in order, with retries, off the
 * entity's thread, and then publishes it to the {@link EventSink}. A silence timer raises {@code
 * no_data} when an active machine misses {@code silent-after-intervals} reporting intervals.
 * Thresholds come from {@code enms.machine.detection} ({@link DetectionSettings}), which can also
 * switch scoring off ({@code enabled = false}: readings are still recorded and published). Survives
 * a rebalance: the profiles (from the roll-ups, so the current partial hour is lost), the baselines
 * and the open anomalies (re-adopted at their severity, so they escalate and resolve later);
 * pending debounces, the CUSUMs and writes not yet stored are lost.
 *
 * <p>Every recorded energy reading is published as {@link ReadingRecorded}; the node's sink passes
 * it on only while some WebSocket client follows the machine.
 *
 * <p>Readings stored behind the entity's back (an import reaching today) are taken up with {@link
 * ReloadHistory}: the same load, merged into the running state, which keeps what storage does not
 * hold (time per status, operating mode, the last minute, the register).
 */
public final class MachineEntity extends AbstractBehavior<MachineEntity.Command> {

  public static final EntityTypeKey<Command> ENTITY_KEY =
      EntityTypeKey.create(Command.class, "Machine");

  /** Everything the entity accepts. */
  public sealed interface Command extends CborSerializable {}

  /**
   * Readings of this machine that are already durably stored. Duplicates and readings at or before
   * what the entity has counted are ignored, so redelivery is harmless.
   */
  public record RecordReadings(
      @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "reading_type")
          @JsonSubTypes({
            @JsonSubTypes.Type(value = EnergyReading.class, name = "energy"),
            @JsonSubTypes.Type(value = ProductionReading.class, name = "production"),
            @JsonSubTypes.Type(value = EnvironmentalReading.class, name = "environmental"),
            @JsonSubTypes.Type(value = StatusReading.class, name = "status")
          })
          List<Reading> readings)
      implements Command {
    public RecordReadings {
      readings = List.copyOf(readings);
    }
  }

  /**
   * Asks for the interval energy of counter-only readings of this machine (energy readings with a
   * register value and no {@code energyKwh}), before they are stored. The entity is the one owner
   * of the machine's register state, so the deltas are right whichever node ingests. It advances
   * the counter here, once; when the readings are later recorded they are counted with the energy
   * given here. Asking again for readings not yet recorded (a retry, a redelivery) gives the same
   * answer.
   */
  public record ResolveCounters(List<EnergyReading> readings, ActorRef<CountersResolved> replyTo)
      implements Command {
    public ResolveCounters {
      readings = List.copyOf(readings);
    }
  }

  /**
   * The readings of a {@link ResolveCounters}, in the same order, each counter-only one with {@code
   * energyKwh} set: the register delta, 0 for a meter's first value, duplicates and out-of-order
   * values; after a reset or rollover the energy since; after a gap all of it, not interpolated.
   */
  public record CountersResolved(List<EnergyReading> readings) implements CborSerializable {
    public CountersResolved {
      readings = List.copyOf(readings);
    }
  }

  /**
   * Readings of this machine were stored without passing through the entity (an import that reaches
   * today): take up storage's totals again. Storage holds every reading the entity has recorded, so
   * nothing is counted twice; commands wait until the load is in, and a load that fails or is late
   * leaves the state as it was (see {@link MachineState#reload}).
   */
  public enum ReloadHistory implements Command {
    INSTANCE
  }

  /** Asks for the current status and today's totals. */
  public record GetStatus(ActorRef<StatusReport> replyTo) implements Command {}

  /**
   * Makes the entity load the active baseline of {@code energyType} again and use it from the next
   * reading on (a newly trained model, or none when it was deactivated).
   */
  public record ReloadBaseline(String energyType) implements Command {}

  /** Asks what electric power the entity expects at {@code at}, and from what. */
  public record GetExpected(Instant at, ActorRef<ExpectedPower> replyTo) implements Command {}

  /**
   * The expected electric power.
   *
   * @param kw expected power, kW; null when the entity knows too little yet
   * @param sigmaKw the robust spread around it, kW; null with {@code kw}
   * @param method {@code baseline_residual} or {@code robust_profile}; null with {@code kw}
   * @param explanation for when and from what, in words
   * @param baselineType the stored model type of the active electricity baseline the entity holds
   *     (e.g. {@code time_of_week}); null when it holds none. Set even when {@code method} is the
   *     profile's, because the baseline lacks a driver at {@code at}.
   * @param modelId the stored id of that baseline; null when it holds none
   * @param modelVersion its version; null when it holds none
   */
  public record ExpectedPower(
      UUID machineId,
      Instant at,
      Double kw,
      Double sigmaKw,
      String method,
      String explanation,
      String baselineType,
      UUID modelId,
      Integer modelVersion)
      implements CborSerializable {}

  /** Asks for the rolling windows and today's totals. */
  public record GetWindows(ActorRef<WindowsReport> replyTo) implements Command {}

  /**
   * The machine's current status.
   *
   * @param status from the latest electricity power; stopped when there is none
   * @param powerKw latest electricity power, kW; null when there is no reading
   * @param lastReadingTime time of that reading; null when there is none
   * @param today today's (UTC) energy, power, uptime and production (units, good, bad)
   * @param operatingMode the mode last reported by a status or production message; null if unknown
   */
  public record StatusReport(
      UUID machineId,
      MachineStatus status,
      Double powerKw,
      Instant lastReadingTime,
      DayTotals today,
      String operatingMode)
      implements CborSerializable {}

  /**
   * The machine's rolling windows as of {@code at}.
   *
   * @param lastMinute 12 buckets of 5 s
   * @param last15Minutes 15 buckets of 1 min
   * @param lastHour 60 buckets of 1 min
   */
  public record WindowsReport(
      UUID machineId,
      Instant at,
      WindowStats lastMinute,
      WindowStats last15Minutes,
      WindowStats lastHour,
      DayTotals today)
      implements CborSerializable {}

  private record HistoryLoaded(MachineHistory history, DetectionPort.DetectionSetup setup)
      implements Command {}

  /** The write of an anomaly at the head of the recorder's queue is done; null: it succeeded. */
  private record AnomalyWritten(Throwable failure) implements Command {}

  /** Time to retry the anomaly write at the head of the recorder's queue. */
  private enum RetryAnomalyWrite implements Command {
    INSTANCE
  }

  private record BaselineLoadFailed(String energyType, Throwable cause) implements Command {}

  private record BaselineLoaded(String energyType, Optional<ActiveBaseline> model)
      implements Command {}

  /** The silence timer: no electricity reading for {@code silent-after-intervals} intervals. */
  private enum SilenceCheck implements Command {
    INSTANCE
  }

  private record HistoryFailed(Throwable cause) implements Command {}

  private record HistoryReloaded(MachineHistory history, Instant at) implements Command {}

  /** Time to try the history again after a failed or late load. */
  private record RetryRestore(int attempt) implements Command {}

  private enum RestoreTimedOut implements Command {
    INSTANCE
  }

  private enum IdleTimedOut implements Command {
    INSTANCE
  }

  /** Sent by the shard after passivation or on hand-off. */
  private enum Stop implements Command {
    INSTANCE
  }

  private final UUID machineId;
  private final ActorRef<ClusterSharding.ShardCommand> shard;
  private final TimerScheduler<Command> timers;
  private final MachineEntitySettings settings;
  private final Clock clock;
  private final MachineState state;
  private final DetectionPort detection;
  private final EventSink events;
  private final LiveDetection live;
  private final AnomalyWrites writes;
  private final AnomalyRecorder recorder;
  private final UUID factoryId;

  /** How often the machine reports. */
  private final Duration interval;

  private MachineStatus lastStatus;

  private final MachineHistoryPort history;
  private final StashBuffer<Command> stash;

  private MachineEntity(
      ActorContext<Command> context,
      UUID machineId,
      ActorRef<ClusterSharding.ShardCommand> shard,
      TimerScheduler<Command> timers,
      MachineEntitySettings settings,
      Clock clock,
      MachineState state,
      DetectionPorts ports,
      DetectionPort.DetectionSetup setup,
      MachineHistoryPort history,
      StashBuffer<Command> stash) {
    super(context);
    this.machineId = machineId;
    this.shard = shard;
    this.timers = timers;
    this.settings = settings;
    this.clock = clock;
    this.state = state;
    this.detection = ports.storage();
    this.events = ports.events();
    this.factoryId = setup.factoryId();
    this.writes = new AnomalyWrites(machineId, factoryId);
    this.recorder =
        new AnomalyRecorder(
            machineId,
            detection,
            events,
            settings.detection().writes(),
            ports.writeMetrics(),
            context.getLog(),
            recorderLoop(context, timers));
    this.interval = Duration.ofSeconds(Math.max(1, setup.intervalSeconds()));
    this.live = new LiveDetection(setup, settings.detection().thresholds(), state);
    this.lastStatus = state.status();
    this.history = history;
    this.stash = stash;
    keepAlive();
  }

  /** The recorder's writes complete, and its retries come due, as messages to the entity. */
  private static AnomalyRecorder.Loop recorderLoop(
      ActorContext<Command> context, TimerScheduler<Command> timers) {
    return new AnomalyRecorder.Loop() {
      @Override
      public void whenDone(CompletionStage<Boolean> write) {
        context.pipeToSelf(write, (ok, failure) -> new AnomalyWritten(failure));
      }

      @Override
      public void retryAfter(Duration delay) {
        timers.startSingleTimer(RetryAnomalyWrite.INSTANCE, delay);
      }
    };
  }

  /**
   * Registers the entity type with Cluster Sharding on this node; call once per node. Without live
   * detection storage or events (benchmarks, tools).
   */
  public static void init(
      ActorSystem<?> system, MachineHistoryPort history, MachineEntitySettings settings) {
    init(system, history, DetectionPorts.NONE, settings, Clock.systemUTC());
  }

  /** Registers the entity type with Cluster Sharding on this node; call once per node. */
  public static void init(
      ActorSystem<?> system,
      MachineHistoryPort history,
      DetectionPorts detection,
      MachineEntitySettings settings) {
    init(system, history, detection, settings, Clock.systemUTC());
  }

  static void init(
      ActorSystem<?> system,
      MachineHistoryPort history,
      MachineEntitySettings settings,
      Clock clock) {
    init(system, history, DetectionPorts.NONE, settings, clock);
  }

  static void init(
      ActorSystem<?> system,
      MachineHistoryPort history,
      DetectionPorts detection,
      MachineEntitySettings settings,
      Clock clock) {
    ClusterSharding.get(system)
        .init(
            Entity.of(
                    ENTITY_KEY,
                    ctx ->
                        create(
                            UUID.fromString(ctx.getEntityId()),
                            ctx.getShard(),
                            history,
                            detection,
                            settings,
                            clock))
                .withStopMessage(Stop.INSTANCE)
                // passivation is this entity's own idle timer, so idle-timeout means one thing
                .withSettings(ClusterShardingSettings.create(system).withNoPassivationStrategy()));
  }

  /** 1 s, 2 s, 4 s … up to 30 s between restore attempts. */
  static Duration retryDelay(int attempt) {
    long seconds = 1L << Math.min(attempt - 1, 5);
    return Duration.ofSeconds(Math.min(seconds, 30));
  }

  /**
   * Tells the entity of the machine a {@code baseline.trained} event is about to reload its
   * baseline; other events are ignored. For the node's event hub to call with every event it
   * receives from the cluster (one node's hub suffices: the entity lives on one node).
   */
  public static void forwardBaselineEvent(ClusterSharding sharding, MachineEvent event) {
    if (event instanceof BaselineTrained trained) {
      ref(sharding, trained.machineId()).tell(new ReloadBaseline(trained.energyType()));
    }
  }

  /** The entity of one machine, for asks at the edges. */
  public static EntityRef<Command> ref(ClusterSharding sharding, UUID machineId) {
    return sharding.entityRefFor(ENTITY_KEY, machineId.toString());
  }

  public static Behavior<Command> create(
      UUID machineId,
      ActorRef<ClusterSharding.ShardCommand> shard,
      MachineHistoryPort history,
      MachineEntitySettings settings,
      Clock clock) {
    return create(machineId, shard, history, DetectionPorts.NONE, settings, clock);
  }

  public static Behavior<Command> create(
      UUID machineId,
      ActorRef<ClusterSharding.ShardCommand> shard,
      MachineHistoryPort history,
      DetectionPorts detection,
      MachineEntitySettings settings,
      Clock clock) {
    return Behaviors.setup(
        context -> {
          context.setLoggerName(MachineEntity.class);
          return Behaviors.withTimers(
              timers ->
                  Behaviors.withStash(
                      settings.stashCapacity(),
                      stash ->
                          restoring(
                              context, machineId, shard, history, detection, settings, clock,
                              timers, stash, 1)));
        });
  }

  /**
   * Loads the history, buffering commands until it is there. A failed or late load is retried with
   * backoff rather than starting empty: an empty start would count a meter's next register value as
   * its first (storing 0 kWh for that interval) and report today's totals from zero. Meanwhile asks
   * time out at the edges, where they are retried (counter resolution) or answered 503.
   */
  private static Behavior<Command> restoring(
      ActorContext<Command> context,
      UUID machineId,
      ActorRef<ClusterSharding.ShardCommand> shard,
      MachineHistoryPort history,
      DetectionPorts detection,
      MachineEntitySettings settings,
      Clock clock,
      TimerScheduler<Command> timers,
      StashBuffer<Command> stash,
      int attempt) {
    Instant now = clock.instant();
    context.pipeToSelf(
        load(history, machineId, now)
            .thenCombine(loadSetup(detection.storage(), machineId, now), HistoryLoaded::new),
        (loaded, failure) -> failure == null ? loaded : new HistoryFailed(failure));
    timers.startSingleTimer(RestoreTimedOut.INSTANCE, settings.restoreTimeout());

    return Behaviors.receive(Command.class)
        .onMessage(
            HistoryLoaded.class,
            loaded -> {
              timers.cancel(RestoreTimedOut.INSTANCE);
              timers.cancel(RetryRestore.class);
              var state = new MachineState(now);
              var h = loaded.history();
              state.restore(
                  h.lastHour(), h.today(), h.latestEnergy(), h.restoredUpTo(), h.lastCounterKwh());
              return stash.unstashAll(
                  new MachineEntity(
                      context,
                      machineId,
                      shard,
                      timers,
                      settings,
                      clock,
                      state,
                      detection,
                      loaded.setup(),
                      history,
                      stash));
            })
        .onMessage(
            HistoryFailed.class,
            failed -> {
              timers.cancel(RestoreTimedOut.INSTANCE);
              context
                  .getLog()
                  .warn(
                      "Machine {}: history not loaded (attempt {}), retrying",
                      machineId,
                      attempt,
                      failed.cause());
              timers.startSingleTimer(
                  RetryRestore.class, new RetryRestore(attempt + 1), retryDelay(attempt));
              return Behaviors.same();
            })
        .onMessageEquals(
            RestoreTimedOut.INSTANCE,
            () -> {
              context
                  .getLog()
                  .warn(
                      "Machine {}: history not loaded within {} (attempt {}), retrying",
                      machineId,
                      settings.restoreTimeout(),
                      attempt);
              timers.startSingleTimer(
                  RetryRestore.class, new RetryRestore(attempt + 1), retryDelay(attempt));
              return Behaviors.same();
            })
        .onMessage(
            RetryRestore.class,
            retry ->
                restoring(
                    context,
                    machineId,
                    shard,
                    history,
                    detection,
                    settings,
                    clock,
                    timers,
                    stash,
                    retry.attempt()))
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .onAnyMessage(
            command -> {
              if (stash.isFull()) {
                context
                    .getLog()
                    .warn(
                        "Machine {}: still restoring, dropped {}",
                        machineId,
                        command.getClass().getSimpleName());
              } else {
                stash.stash(command);
              }
              return Behaviors.same();
            })
        .build();
  }

  private static CompletionStage<MachineHistory> load(
      MachineHistoryPort history, UUID machineId, Instant now) {
    try {
      return history.load(machineId, now);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletionStage<DetectionPort.DetectionSetup> loadSetup(
      DetectionPort detection, UUID machineId, Instant now) {
    try {
      return detection.load(machineId, now);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public Receive<Command> createReceive() {
    return newReceiveBuilder()
        .onMessage(RecordReadings.class, this::onRecordReadings)
        .onMessage(ResolveCounters.class, this::onResolveCounters)
        .onMessageEquals(ReloadHistory.INSTANCE, this::onReloadHistory)
        .onMessage(GetStatus.class, this::onGetStatus)
        .onMessage(GetWindows.class, this::onGetWindows)
        .onMessage(GetExpected.class, this::onGetExpected)
        .onMessage(ReloadBaseline.class, this::onReloadBaseline)
        .onMessage(BaselineLoaded.class, this::onBaselineLoaded)
        .onMessage(AnomalyWritten.class, this::onAnomalyWritten)
        .onMessageEquals(RetryAnomalyWrite.INSTANCE, this::onRetryAnomalyWrite)
        .onMessage(BaselineLoadFailed.class, this::onBaselineLoadFailed)
        .onMessageEquals(SilenceCheck.INSTANCE, this::onSilenceCheck)
        .onMessageEquals(IdleTimedOut.INSTANCE, this::onIdleTimedOut)
        .onMessageEquals(Stop.INSTANCE, this::onStop)
        .onMessage(HistoryLoaded.class, this::onLateHistory)
        .onMessage(HistoryFailed.class, this::onLateHistory)
        .onMessage(HistoryReloaded.class, this::onLateHistory)
        .onMessage(RetryRestore.class, this::onLateHistory)
        .onMessageEquals(RestoreTimedOut.INSTANCE, () -> this)
        .build();
  }

  private Behavior<Command> onRecordReadings(RecordReadings command) {
    keepAlive();
    String modeBefore = state.operatingMode().orElse(null);
    RecordOutcome outcome = state.record(command.readings());
    if (outcome.counterResets() + outcome.counterRollovers() + outcome.counterGaps() > 0) {
      getContext().getLog().info("Machine {}: energy counter {}", machineId, outcome);
    } else if (getContext().getLog().isDebugEnabled()) {
      getContext().getLog().debug("Machine {}: {}", machineId, outcome);
    }
    publishReadings(command.readings());
    detect(command.readings(), modeBefore);
    return this;
  }

  private void publishReadings(List<Reading> readings) {
    for (Reading r : readings) {
      if (r instanceof EnergyReading e) {
        events.publish(
            new ReadingRecorded(
                machineId, factoryId, e.time(), e.energyType(), e.powerKw(), e.energyKwh()));
      }
    }
  }

  /**
   * Scores the new energy readings, publishes a status change, re-arms the silence timer. With
   * detection switched off only the status change remains.
   */
  private void detect(List<Reading> readings, String modeBefore) {
    boolean scoring = settings.detection().enabled();
    if (scoring) {
      live.score(readings, modeBefore).forEach(this::store);
    }
    EnergyReading newest = newestElectricity(readings);
    MachineStatus status = state.status();
    if (status != lastStatus) {
      Instant at = newest != null ? newest.time() : clock.instant();
      events.publish(
          new MachineStatusChanged(
              machineId, factoryId, at, lastStatus.wireName(), status.wireName()));
      lastStatus = status;
    }
    if (newest != null && scoring) {
      if (newest.powerKw() > StatusClassifier.IDLE_ABOVE_KW) {
        timers.startSingleTimer(
            SilenceCheck.INSTANCE, interval.multipliedBy(live.silentAfterIntervals()));
      } else {
        timers.cancel(SilenceCheck.INSTANCE);
      }
    }
  }

  private static EnergyReading newestElectricity(List<Reading> readings) {
    EnergyReading newest = null;
    for (Reading r : readings) {
      if (r instanceof EnergyReading e
          && EnergyType.ELECTRICITY.equals(e.energyType())
          && (newest == null || e.time().isAfter(newest.time()))) {
        newest = e;
      }
    }
    return newest;
  }

  private Behavior<Command> onSilenceCheck() {
    live.onSilence(clock.instant(), interval).forEach(this::store);
    return this;
  }

  /** Hands a finding to the recorder: stored in order, retried, then published. */
  private void store(LiveDetection.Found found) {
    recorder.add(writes.of(found));
  }

  private Behavior<Command> onAnomalyWritten(AnomalyWritten written) {
    recorder.written(written.failure());
    return this;
  }

  private Behavior<Command> onRetryAnomalyWrite() {
    recorder.retry();
    return this;
  }

  private Behavior<Command> onBaselineLoadFailed(BaselineLoadFailed failed) {
    getContext()
        .getLog()
        .warn(
            "Machine {}: {} baseline not reloaded, kept as it was",
            machineId,
            failed.energyType(),
            failed.cause());
    return this;
  }

  private Behavior<Command> onReloadBaseline(ReloadBaseline command) {
    String energyType = command.energyType().toLowerCase(Locale.ROOT);
    getContext()
        .pipeToSelf(
            detection.activeBaseline(machineId, energyType),
            (model, failure) ->
                failure == null
                    ? new BaselineLoaded(energyType, model)
                    : new BaselineLoadFailed(energyType, failure));
    return this;
  }

  private Behavior<Command> onBaselineLoaded(BaselineLoaded loaded) {
    live.useBaseline(loaded.energyType(), loaded.model().orElse(null));
    getContext()
        .getLog()
        .info(
            "Machine {}: {} baseline {}",
            machineId,
            loaded.energyType(),
            loaded.model().isPresent() ? "reloaded" : "removed");
    return this;
  }

  private Behavior<Command> onGetExpected(GetExpected command) {
    Expectation e = live.expectedElectricity(command.at());
    ActiveBaseline baseline = live.electricityBaseline();
    String baselineType = baseline == null ? null : baseline.model().type().storedName();
    UUID modelId = baseline == null ? null : baseline.modelId();
    Integer modelVersion = baseline == null ? null : baseline.modelVersion();
    command
        .replyTo()
        .tell(
            e == null
                ? new ExpectedPower(
                    machineId,
                    command.at(),
                    null,
                    null,
                    null,
                    "too little history yet",
                    baselineType,
                    modelId,
                    modelVersion)
                : new ExpectedPower(
                    machineId,
                    command.at(),
                    e.kw(),
                    e.sigmaKw(),
                    e.source().method(),
                    e.describe(command.at()),
                    baselineType,
                    modelId,
                    modelVersion));
    return this;
  }

  private Behavior<Command> onResolveCounters(ResolveCounters command) {
    keepAlive();
    var resolution = state.resolveCounters(command.readings());
    if (resolution.noteworthy()) {
      getContext()
          .getLog()
          .info(
              "Machine {}: energy counter resets={} rollovers={} gaps={}",
              machineId,
              resolution.counterResets(),
              resolution.counterRollovers(),
              resolution.counterGaps());
    }
    command.replyTo().tell(new CountersResolved(resolution.readings()));
    return this;
  }

  /** Loads the history again and merges it in; other commands wait in the stash meanwhile. */
  private Behavior<Command> onReloadHistory() {
    keepAlive();
    Instant now = clock.instant();
    getContext()
        .pipeToSelf(
            load(history, machineId, now),
            (loaded, failure) ->
                failure == null ? new HistoryReloaded(loaded, now) : new HistoryFailed(failure));
    timers.startSingleTimer(RestoreTimedOut.INSTANCE, settings.restoreTimeout());
    return Behaviors.receive(Command.class)
        .onMessage(
            HistoryReloaded.class,
            reloaded -> {
              timers.cancel(RestoreTimedOut.INSTANCE);
              var h = reloaded.history();
              state.reload(
                  h.lastHour(), h.today(), h.latestEnergy(), h.restoredUpTo(), reloaded.at());
              getContext().getLog().info("Machine {}: took up stored history again", machineId);
              return stash.unstashAll(this);
            })
        .onMessage(
            HistoryFailed.class,
            failed -> {
              timers.cancel(RestoreTimedOut.INSTANCE);
              getContext()
                  .getLog()
                  .warn(
                      "Machine {}: history not reloaded, kept as it was",
                      machineId,
                      failed.cause());
              return stash.unstashAll(this);
            })
        .onMessageEquals(
            RestoreTimedOut.INSTANCE,
            () -> {
              getContext()
                  .getLog()
                  .warn(
                      "Machine {}: history not reloaded within {}, kept as it was",
                      machineId,
                      settings.restoreTimeout());
              return stash.unstashAll(this);
            })
        .onMessageEquals(Stop.INSTANCE, Behaviors::stopped)
        .onAnyMessage(
            command -> {
              if (stash.isFull()) {
                getContext()
                    .getLog()
                    .warn(
                        "Machine {}: still reloading, dropped {}",
                        machineId,
                        command.getClass().getSimpleName());
              } else {
                stash.stash(command);
              }
              return Behaviors.same();
            })
        .build();
  }

  private Behavior<Command> onGetStatus(GetStatus command) {
    keepAlive();
    var latest = state.latestElectricity();
    command
        .replyTo()
        .tell(
            new StatusReport(
                machineId,
                state.status(),
                latest.map(EnergyReading::powerKw).orElse(null),
                latest.map(EnergyReading::time).orElse(null),
                state.today(clock.instant()),
                state.operatingMode().orElse(null)));
    return this;
  }

  private Behavior<Command> onGetWindows(GetWindows command) {
    keepAlive();
    var now = clock.instant();
    command
        .replyTo()
        .tell(
            new WindowsReport(
                machineId,
                now,
                state.lastMinute(now),
                state.last15Minutes(now),
                state.lastHour(now),
                state.today(now)));
    return this;
  }

  private Behavior<Command> onIdleTimedOut() {
    if (recorder.pending() > 0) {
      // Passivating now would lose anomaly writes still waiting for the database.
      keepAlive();
      return this;
    }
    shard.tell(new ClusterSharding.Passivate<>(getContext().getSelf()));
    return this;
  }

  /** Stops at a hand-off or shutdown; anomaly writes still waiting are lost (and said so). */
  private Behavior<Command> onStop() {
    if (recorder.pending() > 0) {
      getContext()
          .getLog()
          .warn(
              "Machine {}: stopping with {} anomaly writes not stored",
              machineId,
              recorder.pending());
    }
    return Behaviors.stopped();
  }

  /** The history arrived after the restore timeout; the entity already started without it. */
  private Behavior<Command> onLateHistory(Command late) {
    // An overlapping restore attempt answered after another one succeeded.
    getContext().getLog().debug("Machine {}: late {} ignored", machineId, late);
    return this;
  }

  /** Restarts the idle countdown; a single timer with a fixed key replaces the previous one. */
  private void keepAlive() {
    timers.startSingleTimer(IdleTimedOut.INSTANCE, settings.idleTimeout());
  }
}
