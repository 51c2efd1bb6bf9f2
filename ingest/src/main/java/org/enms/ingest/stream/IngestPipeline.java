package org.enms.ingest.stream;

import java.time.Clock;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.KillSwitches;
import org.apache.pekko.stream.RestartSettings;
import org.apache.pekko.stream.UniqueKillSwitch;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.RestartSource;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.enms.ingest.IngestSettings;
import org.enms.ingest.parse.PayloadParser;
import org.enms.ingest.parse.ReadingValidator;
import org.enms.ingest.port.CounterResolver;
import org.enms.ingest.port.LiveStateListener;
import org.enms.ingest.port.ReadingStore;

/**
 * The running ingest graph: MQTT → parse/validate → batch → resolve counters → store → ack → live
 * state.
 */
public final class IngestPipeline {
  private final UniqueKillSwitch killSwitch;
  private final CompletionStage<Done> done;
  private final SubscriptionState subscriptions;
  private final IntakeGate gate;

  private IngestPipeline(
      UniqueKillSwitch killSwitch,
      CompletionStage<Done> done,
      SubscriptionState subscriptions,
      IntakeGate gate) {
    this.killSwitch = killSwitch;
    this.done = done;
    this.subscriptions = subscriptions;
    this.gate = gate;
  }

  public static IngestPipeline start(
      ActorSystem<?> system,
      IngestSettings settings,
      ReadingValidator validator,
      CounterResolver counters,
      ReadingStore store,
      LiveStateListener listener,
      IngestMetrics metrics) {
    var parse = parse(settings, validator, metrics);
    var subscriptions = new SubscriptionState(settings.connections());
    var gate = new IntakeGate();
    // If anything past the sources fails for good (a store that gave up its retries), the whole
    // graph restarts with backoff: its connections resume their sessions and the broker redelivers
    // what was not acknowledged. Each connection also restarts on its own inside.
    Source<StoreFlow.Committed, NotUsed> restarting =
        RestartSource.withBackoff(
            RestartSettings.create(settings.minBackoff(), settings.maxBackoff(), 0.2),
            () ->
                MqttReadingSource.create(settings, parse.via(gate.flow()), subscriptions)
                    .via(StoreFlow.create(settings, counters, store, listener, metrics))
                    .map(
                        committed -> {
                          gate.settled(committed.messages().size());
                          return committed;
                        }));
    var pair =
        restarting
            .viaMat(KillSwitches.single(), Keep.right())
            .toMat(Sink.ignore(), Keep.both())
            .run(system);
    return new IngestPipeline(pair.first(), pair.second(), subscriptions, gate);
  }

  /**
   * The pipeline without connections or intake gate, for messages taken from another session (an
   * adopted one): parse and validate, store, acknowledge after the commit, tell the live state.
   */
  public static Flow<MqttMessageWithAck, StoreFlow.Committed, NotUsed> intake(
      IngestSettings settings,
      ReadingValidator validator,
      CounterResolver counters,
      ReadingStore store,
      LiveStateListener listener,
      IngestMetrics metrics) {
    return parse(settings, validator, metrics)
        .via(StoreFlow.create(settings, counters, store, listener, metrics));
  }

  private static Flow<MqttMessageWithAck, IngestMessage, NotUsed> parse(
      IngestSettings settings, ReadingValidator validator, IngestMetrics metrics) {
    return ParseFlow.create(
        new PayloadParser(settings.maxPayloadBytes()), validator, metrics, Clock.systemUTC());
  }

  /**
   * Takes no new message; completes, with how many were inside, once those are stored and
   * acknowledged. The connections stay up meanwhile, so the acknowledgements reach the broker.
   */
  public CompletionStage<Long> closeIntake() {
    return gate.close();
  }

  /** Messages taken in and not yet acknowledged. */
  public long inside() {
    return gate.inside();
  }

  /**
   * Closes the connections. What is not acknowledged by then (nothing, after {@link #closeIntake}
   * completed) is redelivered by the broker.
   */
  public void stop() {
    killSwitch.shutdown();
  }

  /** Connections whose subscription the broker has confirmed and that are still up. */
  public SubscriptionState subscriptions() {
    return subscriptions;
  }

  public CompletionStage<Done> done() {
    return done;
  }
}
