package org.enms.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IngestProgressTest {
  private static final Duration AFTER = Duration.ofSeconds(30);

  /** A clock the test moves by hand. */
  private static final class Hand extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void anIdlePlantIsNotStalledHoweverLongItIsQuiet() {
    Hand clock = new Hand();
    IngestProgress progress = new IngestProgress(clock);
    clock.now = clock.now.plus(Duration.ofHours(5));
    assertThat(progress.stalled(AFTER)).isEmpty();
  }

  @Test
  void messagesWaitingWithoutACommitForLongerThanTheLimitAreAStall() {
    Hand clock = new Hand();
    IngestProgress progress = new IngestProgress(clock);
    progress.messageTaken();
    progress.messageTaken();
    clock.now = clock.now.plusSeconds(29);
    assertThat(progress.stalled(AFTER)).isEmpty();
    clock.now = clock.now.plusSeconds(2);
    assertThat(progress.stalled(AFTER)).contains("2 messages waiting, no commit for 31 s");

    progress.committed();
    progress.acknowledged(2);
    assertThat(progress.stalled(AFTER)).isEmpty();
    assertThat(progress.snapshot().waitingMessages()).isZero();
  }

  @Test
  void commitsFailingForLongerThanTheLimitAreAStallWithTheError() {
    Hand clock = new Hand();
    IngestProgress progress = new IngestProgress(clock);
    progress.commitFailed(new SQLException("Connection refused"));
    clock.now = clock.now.plusSeconds(20);
    progress.commitFailed(new SQLException("Connection refused"));
    assertThat(progress.stalled(AFTER)).isEmpty();
    clock.now = clock.now.plusSeconds(11);
    assertThat(progress.stalled(AFTER)).contains("commits failing for 31 s: Connection refused");

    progress.committed();
    assertThat(progress.stalled(AFTER)).isEmpty();
    assertThat(progress.snapshot().failingSince()).isNull();
  }
}
