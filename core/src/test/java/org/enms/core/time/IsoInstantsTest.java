package org.enms.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoInstantsTest {
  @Test
  void readsZuluOffsetAndNaiveUtcTimestamps() {
    Instant expected = Instant.parse("2026-11-27T10:00:01.123456Z");
    assertThat(IsoInstants.parse("2026-11-27T10:00:01.123456Z")).isEqualTo(expected);
    assertThat(IsoInstants.parse("2026-11-27T10:00:01.123456z")).isEqualTo(expected);
    assertThat(IsoInstants.parse("2026-11-27T11:00:01.123456+01:00")).isEqualTo(expected);
    assertThat(IsoInstants.parse("2026-11-27T05:00:01.123456-05:00")).isEqualTo(expected);
    assertThat(IsoInstants.parse("2026-11-27T10:00:01.123456")).isEqualTo(expected);
  }

  @Test
  void refusesWhatIsNotATimestamp() {
    assertThatThrownBy(() -> IsoInstants.parse("yesterday"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
