package org.enms.ingest.stream;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.connectors.mqtt.javadsl.MqttMessageWithAck;
import org.apache.pekko.stream.javadsl.Flow;
import org.enms.core.reading.Reading;
import org.enms.ingest.parse.PayloadParser;
import org.enms.ingest.parse.ReadingValidator;
import org.enms.ingest.parse.RejectedPayloadException;
import org.enms.ingest.port.IngestReject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses and validates broker messages. It never fails: whatever cannot be stored becomes an {@link
 * IngestReject}, so one bad message cannot stop the stream. Were the stream to fail on a message,
 * it would restart, the broker would redeliver that message, and ingest would stop for good; so
 * even a bug in the parser rejects the one message and carries on.
 */
public final class ParseFlow {
  private static final Logger log = LoggerFactory.getLogger(ParseFlow.class);

  private ParseFlow() {}

  public static Flow<MqttMessageWithAck, IngestMessage, NotUsed> create(
      PayloadParser parser, ReadingValidator validator, IngestMetrics metrics, Clock clock) {
    return Flow.of(MqttMessageWithAck.class)
        .map(
            m -> {
              metrics.messageTaken();
              return toIngestMessage(
                  m.message().topic(),
                  // The connector's ByteString holds a copy of Paho's array already; nothing here
                  // writes to it, so it is read in place rather than copied once more.
                  m.message().payload().toArrayUnsafe(),
                  // Fire and forget: a lost ack means a redelivery, which the store absorbs. No
                  // callback on purpose: the connector's future runs callbacks on the common
                  // pool, which on a 2-core machine starts a thread per message.
                  m::ack,
                  parser,
                  validator,
                  clock);
            });
  }

  static IngestMessage toIngestMessage(
      String topic,
      byte[] payload,
      Runnable ack,
      PayloadParser parser,
      ReadingValidator validator,
      Clock clock) {
    try {
      return parseAndValidate(topic, payload, ack, parser, validator, clock);
    } catch (RuntimeException e) {
      log.warn("ingest failed on a message, rejecting it topic={}", topic, e);
      return new IngestMessage(
          List.of(),
          List.of(
              IngestReject.of(
                  clock.instant(),
                  topic,
                  "the ingest failed on this message: " + e.getClass().getName(),
                  payload)),
          ack);
    }
  }

  private static IngestMessage parseAndValidate(
      String topic,
      byte[] payload,
      Runnable ack,
      PayloadParser parser,
      ReadingValidator validator,
      Clock clock) {
    PayloadParser.Parsed parsed = parser.parse(topic, payload);
    List<Reading> valid = new ArrayList<>(parsed.readings().size());
    List<IngestReject> rejects = new ArrayList<>(parsed.rejections().size());
    var now = clock.instant();
    for (PayloadParser.Rejection r : parsed.rejections()) {
      rejects.add(IngestReject.of(now, topic, r.reason(), r.payload()));
    }
    for (int i = 0; i < parsed.readings().size(); i++) {
      Reading reading = parsed.readings().get(i);
      try {
        validator.validate(reading);
        valid.add(reading);
      } catch (RejectedPayloadException e) {
        rejects.add(IngestReject.of(now, topic, e.reason(), parsed.raw().apply(i)));
      }
    }
    return new IngestMessage(valid, rejects, ack);
  }
}
