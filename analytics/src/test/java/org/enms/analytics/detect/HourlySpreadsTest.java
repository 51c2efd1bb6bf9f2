package org.enms.analytics.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HourlySpreadsTest {
  private static final int TUESDAY_14 =
      HourlySpreads.context(Instant.parse("2025-03-04T14:20:00Z"));
  private static final int SATURDAY_03 =
      HourlySpreads.context(Instant.parse("2025-03-08T03:20:00Z"));

  @Test
  void tellsWeekdayHoursFromWeekendHours() {
    assertThat(TUESDAY_14).isEqualTo(14);
    assertThat(SATURDAY_03).isEqualTo(27);
    assertThat(HourlySpreads.context(Instant.parse("2025-03-09T23:59:59Z"))).isEqualTo(47);
    assertThat(HourlySpreads.context(Instant.parse("2025-03-10T00:00:00Z"))).isZero();
  }

  @Test
  void learnsANoisyHourApartFromACalmOne() {
    var spreads = new HourlySpreads(0.15, 0.01, 2000, 120, 20);
    var random = new Random(3);
    for (int i = 0; i < 3000; i++) {
      spreads.learn(TUESDAY_14, 0.05 * random.nextGaussian());
    }
    for (int i = 0; i < 500; i++) {
      spreads.learn(SATURDAY_03, 0.6 * random.nextGaussian());
    }
    assertThat(spreads.sigma(TUESDAY_14)).isCloseTo(0.05, within(0.01));
    assertThat(spreads.sigma(SATURDAY_03)).isCloseTo(0.6, within(0.1));
  }

  @Test
  void aNewHourIsJudgedByTheWiderOfItsOwnAndTheMachinesSpreadUntilWarm() {
    var spreads = new HourlySpreads(0.15, 0.01, 2000, 120, 20);
    var random = new Random(4);
    for (int i = 0; i < 3000; i++) {
      spreads.learn(TUESDAY_14, 0.05 * random.nextGaussian());
    }
    double machine = spreads.sigma(TUESDAY_14);
    // An unseen hour starts from the machine's spread…
    assertThat(spreads.sigma(SATURDAY_03)).isCloseTo(machine, within(0.005));
    assertThat(spreads.warmingUp(SATURDAY_03)).isTrue();
    // …a calmer one keeps it until warm…
    for (int i = 0; i < 60; i++) {
      spreads.learn(SATURDAY_03, 0.01 * random.nextGaussian());
    }
    assertThat(spreads.sigma(SATURDAY_03)).isGreaterThan(machine * 0.9);
    // …and then takes its own.
    for (int i = 0; i < 200; i++) {
      spreads.learn(SATURDAY_03, 0.01 * random.nextGaussian());
    }
    assertThat(spreads.warmingUp(SATURDAY_03)).isFalse();
    assertThat(spreads.sigma(SATURDAY_03)).isLessThan(0.02);
  }
}
