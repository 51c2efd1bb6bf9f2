package org.enms.ingest.parse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;
import org.enms.core.reading.Reading;

/**
 * Checks what parsing cannot: that the machine is registered and that the timestamp is plausible
 * for live data (not far in the future, not older than the live window; imports have their own path
 * and limits).
 */
public final class ReadingValidator {
  private final Predicate<UUID> knownMachine;
  private final Duration maxFutureSkew;
  private final Duration maxPastAge;
  private final Clock clock;

  public ReadingValidator(
      Predicate<UUID> knownMachine, Duration maxFutureSkew, Duration maxPastAge, Clock clock) {
    this.knownMachine = knownMachine;
    this.maxFutureSkew = maxFutureSkew;
    this.maxPastAge = maxPastAge;
    this.clock = clock;
  }

  public void validate(Reading reading) throws RejectedPayloadException {
    if (!knownMachine.test(reading.machineId())) {
      throw new RejectedPayloadException("unknown machine " + reading.machineId());
    }
    Instant now = clock.instant();
    if (reading.time().isAfter(now.plus(maxFutureSkew))) {
      throw new RejectedPayloadException(
          "timestamp " + reading.time() + " is more than " + maxFutureSkew + " in the future");
    }
    if (reading.time().isBefore(now.minus(maxPastAge))) {
      throw new RejectedPayloadException(
          "timestamp " + reading.time() + " is older than the live window of " + maxPastAge);
    }
  }
}
