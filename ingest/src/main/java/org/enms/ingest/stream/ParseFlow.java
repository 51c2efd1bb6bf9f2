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
 * Parses and validates broker messages. It never fails: whatever cannot be stored becomes an
 * {@link IngestReject}, so one bad message cannot stop the stream.
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
                  m.message().payload().toArray(),
                  () ->
                      m.ack()
                          .whenComplete(
                              (done, error) -> {
                                if (error != null) {
                                  // The broker redelivers; the store drops the duplicate.
                                  log.debug("ack failed, message will be redelivered", error);
                                }
                              }),
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
    PayloadParser.Parsed parsed = parser.parse(topic, payload);
    List<Reading> valid = new ArrayList<>(parsed.readings().size());
    List<IngestReject> rejects = new ArrayList<>(parsed.rejections().size());
    var now = clock.instant();
    for (PayloadParser.Rejection r : parsed.rejections()) {
      rejects.add(new IngestReject(now, topic, r.reason(), r.payload()));
    }
    for (Reading reading : parsed.readings()) {
      try {
        validator.validate(reading);
        valid.add(reading);
      } catch (RejectedPayloadException e) {
        rejects.add(
            new IngestReject(
                now, topic, e.reason(), parsed.readings().size() == 1
                    ? org.enms.ingest.parse.RawPayload.text(payload)
                    : reading.toString()));
      }
    }
    return new IngestMessage(valid, rejects, ack);
  }
}
