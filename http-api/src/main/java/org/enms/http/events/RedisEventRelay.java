package org.enms.http.events;

import java.time.Clock;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;
import org.enms.http.cache.RedisLink;
import org.enms.machine.event.EventSink;
import org.enms.machine.event.MachineEvent;
import org.enms.machine.event.ReadingRecorded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the events raised on this node to a Redis pub/sub channel, as the JSON WebSocket
 * clients get, for consumers outside EnMS. Each node relays only its own events, so each event
 * reaches Redis once however many nodes there are. Live readings stay on the WebSocket (they flow
 * only while a client follows the machine). Events wait in a bounded queue; when Redis is away or
 * slow they are dropped and counted, never holding back the publisher.
 */
public final class RedisEventRelay implements EventSink {
  private static final Logger log = LoggerFactory.getLogger(RedisEventRelay.class);
  private static final int IN_FLIGHT = 16;

  private final BoundedSourceQueue<MachineEvent> queue;
  private final LongAdder relayed = new LongAdder();
  private final LongAdder dropped = new LongAdder();

  private RedisEventRelay(BoundedSourceQueue<MachineEvent> queue) {
    this.queue = queue;
  }

  public static RedisEventRelay start(
      ActorSystem<?> system, RedisLink redis, String channel, int buffer) {
    Clock clock = Clock.systemUTC();
    RedisEventRelay[] self = new RedisEventRelay[1];
    BoundedSourceQueue<MachineEvent> queue =
        Source.<MachineEvent>queue(buffer)
            .map(event -> EventHub.encode(event, clock))
            .filter(encoded -> encoded.json() != null)
            .mapAsync(
                IN_FLIGHT,
                encoded ->
                    redis
                        .call(c -> c.publish(channel, encoded.json()))
                        .handle(
                            (receivers, failure) -> {
                              if (failure == null) {
                                self[0].relayed.increment();
                              } else {
                                self[0].lost(failure);
                              }
                              return encoded;
                            }))
            .to(Sink.ignore())
            .run(system);
    self[0] = new RedisEventRelay(queue);
    return self[0];
  }

  @Override
  public void publish(MachineEvent event) {
    if (event instanceof ReadingRecorded) {
      return;
    }
    if (queue.offer(event) != QueueOfferResult.enqueued()) {
      lost(null);
    }
  }

  private void lost(Throwable failure) {
    dropped.increment();
    if (dropped.sum() % 1_000 == 1) {
      log.warn(
          "events not relayed to redis: {} so far{}",
          dropped.sum(),
          failure == null ? " (queue full)" : ": " + failure.getMessage());
    }
  }

  public long relayed() {
    return relayed.sum();
  }

  public long dropped() {
    return dropped.sum();
  }
}
