package org.enms.analytics.enpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.enms.analytics.baseline.BaselineException;
import org.junit.jupiter.api.Test;

class SeuBaselineTrainerTest {
  private static final LocalDate FROM = LocalDate.of(2025, 1, 1);
  private final SeuBaselineTrainer trainer = new SeuBaselineTrainer();

  /** 28 days of E = 100 + 0.5 · production ± 1 kWh, temperature that explains nothing. */
  private static List<DailySample> history() {
    List<DailySample> days = new ArrayList<>();
    for (int i = 0; i < 28; i++) {
      double production = 200 + (i * 53) % 170;
      double noise = (i % 2 == 0 ? 1 : -1);
      days.add(
          new DailySample(
              FROM.plusDays(i), 100 + 0.5 * production + noise, production, 10.0 + i % 5, 24));
    }
    return days;
  }

  @Test
  void recoversTheDailyRelationshipAndJudgesItValid() {
    var r = trainer.train(history(), List.of("production_count"), FROM, FROM.plusDays(27));
    SeuBaseline b = r.baseline();
    assertThat(b.coefficients().get(SeuFeatures.PRODUCTION)).isCloseTo(0.5, within(0.01));
    assertThat(b.intercept()).isCloseTo(100, within(3.0));
    assertThat(b.samples()).isEqualTo(28);
    assertThat(b.quality().rSquared()).isGreaterThan(0.99);
    assertThat(b.validity().valid()).as(b.validity().reasons().toString()).isTrue();
    assertThat(b.baselineEnergy())
        .isCloseTo(history().stream().mapToDouble(DailySample::energyKwh).sum(), within(1e-6));
    assertThat(b.formula("kWh")).startsWith("Energy (kWh) = ").contains("× production_count");
  }

  @Test
  void acceptsTheOriginalsAliasesAndDropsAConstantVariable() {
    List<DailySample> weekdays =
        history().stream().filter(d -> d.day().getDayOfWeek().getValue() <= 5).toList();
    var r =
        trainer.train(
            weekdays, List.of("total_production_count", "is_weekend"), FROM, FROM.plusDays(27));
    assertThat(r.baseline().features()).containsExactly(SeuFeatures.PRODUCTION);
    assertThat(r.droppedFeatures()).anyMatch(s -> s.startsWith("is_weekend: constant"));
  }

  @Test
  void refusesUnknownVariablesAndTooFewDays() {
    assertThatThrownBy(
            () -> trainer.train(history(), List.of("moon_phase"), FROM, FROM.plusDays(27)))
        .isInstanceOf(BaselineException.class)
        .hasMessageContaining("moon_phase")
        .extracting(e -> ((BaselineException) e).kind())
        .isEqualTo(BaselineException.Kind.UNKNOWN_DRIVER);
    assertThatThrownBy(() -> trainer.train(history(), List.of(), FROM, FROM.plusDays(5)))
        .isInstanceOf(BaselineException.class)
        .extracting(e -> ((BaselineException) e).kind())
        .isEqualTo(BaselineException.Kind.INSUFFICIENT_DATA);
  }
}
