package org.enms.ingest.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimestampLayoutTest {

  @Test
  void aLeadingFourDigitYearNeedsNoDateOrder() {
    assertThat(TimestampLayout.detect(List.of("2024-01-02 03:04"), DateOrder.AUTO).kind())
        .isEqualTo(TimestampLayout.Kind.YEAR_FIRST);
  }

  @Test
  void tellsDayFirstFromMonthFirstByAFieldAboveTwelve() {
    assertThat(
            TimestampLayout.detect(List.of("01.02.2024 00:00", "13.02.2024 00:00"), DateOrder.AUTO)
                .kind())
        .isEqualTo(TimestampLayout.Kind.DAY_FIRST);
    assertThat(
            TimestampLayout.detect(List.of("01/02/2024 00:00", "02/13/2024 00:00"), DateOrder.AUTO)
                .kind())
        .isEqualTo(TimestampLayout.Kind.MONTH_FIRST);
    assertThatThrownBy(
            () -> TimestampLayout.detect(List.of("01/02/2024", "02/03/2024"), DateOrder.AUTO))
        .isInstanceOf(InvalidImportSpecException.class)
        .hasMessageContaining("ambiguous");
    assertThatThrownBy(
            () -> TimestampLayout.detect(List.of("13/02/2024", "02/13/2024"), DateOrder.AUTO))
        .hasMessageContaining("mix");
  }

  @Test
  void readsMidnightAs2400OfThePreviousDay() throws Exception {
    var stamp = TimestampLayout.of(TimestampLayout.Kind.DAY_FIRST).parse("31.12.2023 24:00");
    assertThat(stamp.local()).isEqualTo(LocalDateTime.parse("2024-01-01T00:00"));
    var pattern = TimestampLayout.pattern("dd.MM.yyyy HH:mm").parse("31.12.2023 24:00");
    assertThat(pattern.local()).isEqualTo(LocalDateTime.parse("2024-01-01T00:00"));
    assertThatThrownBy(
            () -> TimestampLayout.of(TimestampLayout.Kind.DAY_FIRST).parse("31.12.2023 24:15"))
        .isInstanceOf(RowRejectedException.class);
  }

  @Test
  void readsFractionsOffsetsAndTwoDigitYears() throws Exception {
    var year = TimestampLayout.of(TimestampLayout.Kind.YEAR_FIRST);
    assertThat(year.parse("2024-01-02T03:04:05.25-05:30").instant())
        .isEqualTo(Instant.parse("2024-01-02T08:34:05.250Z"));
    assertThat(year.parse("2024-01-02 03:04:05 UTC").instant())
        .isEqualTo(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(TimestampLayout.of(TimestampLayout.Kind.DAY_FIRST).parse("02.01.24 03:04").local())
        .isEqualTo(LocalDateTime.parse("2024-01-02T03:04"));
  }
}
