package org.enms.ingest.adopt;

import java.util.function.Consumer;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Flow;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.javadsl.SourceQueueWithComplete;

/**
 * The ingest of one adopted session: the node's own parse-and-store flow (acknowledging each
 * message after its readings are committed), fed from a bounded queue. A full queue blocks the MQTT
 * client's thread, so the broker is held back rather than messages dropped.
 */
final class AdoptedIntake implements Consumer<MqttMessageWithAck> {
  private final SourceQueueWithComplete<MqttMessageWithAck> queue;

  private AdoptedIntake(SourceQueueWithComplete<MqttMessageWithAck> queue) {
    this.queue = queue;
  }

  static AdoptedIntake start(
      ActorSystem<?> system, Flow<MqttMessageWithAck, ?, NotUsed> intake, int bufferSize) {
    return new AdoptedIntake(
        Source.<MqttMessageWithAck>queue(bufferSize, OverflowStrategy.backpressure())
            .via(intake)
            .to(Sink.ignore())
            .run(system));
  }

  /**
   * Waits for room in the queue. Fails if the store gave up: the MQTT client then drops the
   * connection and the broker keeps the unacknowledged messages.
   */
  @Override
  public void accept(MqttMessageWithAck message) {
    queue.offer(message).toCompletableFuture().join();
  }

  /** No more messages: the stream ends once those queued are stored and acknowledged. */
  void complete() {
    queue.complete();
  }
}
