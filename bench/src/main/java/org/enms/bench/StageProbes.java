package org.enms.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import org.apache.pekko.Done;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.connectors.mqtt.MqttMessage;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Flow;
import org.enms.ingest.port.LiveStateListener;
import org.enms.ingest.port.ReadingStore;
import org.enms.ingest.stream.IngestMessage;

/**
 * Timing decorators around the ingest's stages, so the bench can say where the time goes without
 * changing the ingest: messages as they leave the connector (arrival, parse, in-flight count, the
 * ack and its round trip through the connector), the store port (commit latency, batch size) and
 * the live-state port (telling the machine entities). Each decorator only reads the clock and adds
 * to counters; the code under test is the node's own.
 */
final class StageProbes {
  /** Payloads kept for the offline parse measurement and the broker baseline's message size. */
  private static final int SAMPLES = 2_000;

  final LongAdder messages = new LongAdder();
  final LongAdder payloadBytes = new LongAdder();
  final LatencyHistogram parse = new LatencyHistogram();
  final LatencyHistogram arrivalToAck = new LatencyHistogram();
  final LatencyHistogram ackRoundTrip = new LatencyHistogram();
  final LatencyHistogram commit = new LatencyHistogram();
  final LatencyHistogram entityTell = new LatencyHistogram();
  final LongAdder committedReadings = new LongAdder();
  final LongAdder insertedRows = new LongAdder();
  final LongAdder batches = new LongAdder();
  final LongAdder acked = new LongAdder();
  final LongAdder ackFailures = new LongAdder();
  final LongAccumulator maxBatchRows = new LongAccumulator(Math::max, 0);
  final LongAccumulator maxUnacked = new LongAccumulator(Math::max, 0);
  private final AtomicLong unacked = new AtomicLong();
  private final List<MqttMessage> samples = new ArrayList<>();

  /** Wraps a message as it leaves the connector, so its ack is timed and counted. */
  private MqttMessageWithAck arrived(MqttMessageWithAck m) {
    messages.increment();
    payloadBytes.add(m.message().payload().size());
    maxUnacked.accumulate(unacked.incrementAndGet());
    if (samples.size() < SAMPLES) {
      synchronized (samples) {
        if (samples.size() < SAMPLES) {
          samples.add(m.message());
        }
      }
    }
    return new Timed(m, System.nanoTime());
  }

  /**
   * The per-connection parse flow with its messages counted and its time measured. The stages are
   * fused one-in-one-out maps, so elements leave in the order they entered and a queue of start
   * times (one per materialization, touched only by that island's thread) pairs them up.
   */
  Flow<MqttMessageWithAck, IngestMessage, NotUsed> timedParse(
      Flow<MqttMessageWithAck, IngestMessage, NotUsed> parseFlow) {
    return Flow.fromMaterializer(
            (materializer, attributes) -> {
              ArrayDeque<Long> started = new ArrayDeque<>();
              return Flow.of(MqttMessageWithAck.class)
                  .map(
                      m -> {
                        started.add(System.nanoTime());
                        return arrived(m);
                      })
                  .via(parseFlow)
                  .map(
                      parsed -> {
                        parse.record(System.nanoTime() - started.remove());
                        return parsed;
                      });
            })
        .mapMaterializedValue(ignored -> NotUsed.getInstance());
  }

  long unacked() {
    return unacked.get();
  }

  List<MqttMessage> samples() {
    synchronized (samples) {
      return List.copyOf(samples);
    }
  }

  ReadingStore store(ReadingStore inner) {
    return (readings, rejects) -> {
      long started = System.nanoTime();
      CompletionStage<ReadingStore.StoredBatch> stored = inner.store(readings, rejects);
      return stored.thenApply(
          batch -> {
            commit.record(System.nanoTime() - started);
            batches.increment();
            committedReadings.add(batch.readings());
            insertedRows.add(batch.inserted());
            maxBatchRows.accumulate(readings.size() + rejects.size());
            return batch;
          });
    };
  }

  LiveStateListener listener(LiveStateListener inner) {
    return readings -> {
      long started = System.nanoTime();
      inner.readingsStored(readings);
      entityTell.record(System.nanoTime() - started);
    };
  }

  private final class Timed implements MqttMessageWithAck {
    private final MqttMessageWithAck inner;
    private final long arrivedNanos;

    Timed(MqttMessageWithAck inner, long arrivedNanos) {
      this.inner = inner;
      this.arrivedNanos = arrivedNanos;
    }

    @Override
    public MqttMessage message() {
      return inner.message();
    }

    @Override
    public CompletionStage<Done> ack() {
      long requested = System.nanoTime();
      arrivalToAck.record(requested - arrivedNanos);
      unacked.decrementAndGet();
      // The connector hands out Scala-converted futures whose plain whenComplete runs the callback
      // asynchronously on the common pool (a new thread per callback when the pool has one thread,
      // as on 2 cores). A direct executor keeps the probe on the completing thread.
      return inner
          .ack()
          .whenCompleteAsync(
              (done, error) -> {
                if (error == null) {
                  acked.increment();
                  ackRoundTrip.record(System.nanoTime() - requested);
                } else {
                  ackFailures.increment();
                }
              },
              Runnable::run);
    }
  }
}
