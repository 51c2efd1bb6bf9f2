package org.enms.ingest.parse;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.enms.core.reading.EnergyReading;
import org.junit.jupiter.api.Test;

class ReadingValidatorTest {
  private static final UUID KNOWN = UUID.randomUUID();
  private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
  private final ReadingValidator validator =
      new ReadingValidator(
          KNOWN::equals,
          Duration.ofMinutes(5),
          Duration.ofDays(7),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void acceptsAKnownMachineWithinTheLiveWindow() {
    assertThatCode(() -> validator.validate(EnergyReading.electricity(KNOWN, NOW, 1, 0.1)))
        .doesNotThrowAnyException();
  }

  @Test
  void rejectsAnUnknownMachine() {
    UUID other = UUID.randomUUID();
    assertThatThrownBy(() -> validator.validate(EnergyReading.electricity(other, NOW, 1, 0.1)))
        .hasMessage("unknown machine " + other);
  }

  @Test
  void rejectsTimestampsFarInTheFutureOrPast() {
    assertThatThrownBy(
            () ->
                validator.validate(
                    EnergyReading.electricity(KNOWN, NOW.plus(Duration.ofMinutes(6)), 1, 0.1)))
        .hasMessageContaining("in the future");
    assertThatThrownBy(
            () ->
                validator.validate(
                    EnergyReading.electricity(KNOWN, NOW.minus(Duration.ofDays(8)), 1, 0.1)))
        .hasMessageContaining("older than the live window");
  }
}
