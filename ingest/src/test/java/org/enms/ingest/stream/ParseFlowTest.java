package org.enms.ingest.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.enms.ingest.parse.PayloadParser;
import org.enms.ingest.parse.ReadingValidator;
import org.junit.jupiter.api.Test;

class ParseFlowTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-27T10:00:30Z"), ZoneOffset.UTC);
  private static final String MACHINE = "c0000000-0000-0000-0000-000000000001";
  private static final byte[] GOOD =
      ("{\"time\":\"2026-11-27T10:00:00Z\",\"machine_id\":\""
              + MACHINE
              + "\",\"power_kw\":12.5,\"energy_kwh\":0.0347}")
          .getBytes(UTF_8);

  private final AtomicInteger acks = new AtomicInteger();

  private IngestMessage toMessage(ReadingValidator validator, String topic, byte[] payload) {
    return ParseFlow.toIngestMessage(
        topic, payload, acks::incrementAndGet, new PayloadParser(1 << 20), validator, CLOCK);
  }

  private static ReadingValidator validator(java.util.function.Predicate<java.util.UUID> known) {
    return new ReadingValidator(known, Duration.ofMinutes(5), Duration.ofDays(7), CLOCK);
  }

  @Test
  void rejectsAMessageTheIngestFailsOnInsteadOfFailingTheStream() {
    var failing =
        validator(
            id -> {
              throw new IllegalStateException("catalogue bug");
            });

    IngestMessage message = toMessage(failing, "factory/demo/m/energy", GOOD);

    assertThat(message.readings()).isEmpty();
    assertThat(message.rejects())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason())
                  .isEqualTo("the ingest failed on this message: java.lang.IllegalStateException");
              assertThat(r.payload()).isEqualTo(GOOD);
              assertThat(r.receivedAt()).isEqualTo(CLOCK.instant());
            });
    message.ack().run();
    assertThat(acks).hasValue(1);
  }

  @Test
  void keepsTheRawItemOfABatchReadingTheValidatorRejects() {
    String unknown =
        "{\"time\":\"2026-11-27T10:00:00Z\", \"machine_id\":\"deadbeef-0000-0000-0000-000000000000\",\"power_kw\":1,\"energy_kwh\":1e-3}";
    byte[] batch =
        ("{\"readings\":[" + new String(GOOD, UTF_8) + " , " + unknown + "]}").getBytes(UTF_8);

    IngestMessage message =
        toMessage(validator(id -> id.toString().equals(MACHINE)), "factory/demo/gw/batch", batch);

    assertThat(message.readings()).hasSize(1);
    assertThat(message.rejects())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.reason())
                  .isEqualTo("unknown machine deadbeef-0000-0000-0000-000000000000");
              assertThat(r.payload()).asString(UTF_8).isEqualTo(unknown);
              assertThat(r.payloadLength()).isEqualTo(unknown.length());
            });
  }

  @Test
  void keepsOnlyTheHeadOfALargeRejectedPayloadButItsWholeLength() {
    byte[] large = new byte[1 << 20];
    java.util.Arrays.fill(large, (byte) '[');

    IngestMessage message = toMessage(validator(id -> true), "factory/demo/m/energy", large);

    assertThat(message.rejects())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.payload()).hasSize(org.enms.db.IngestReject.MAX_PAYLOAD_BYTES);
              assertThat(r.payloadLength()).isEqualTo(1 << 20);
            });
  }
}
