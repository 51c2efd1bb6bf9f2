package org.enms.analytics.enpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpportunitiesTest {

  @Test
  void findsIdleHoursAndOffHoursEnergyWithTheirPotential() {
    List<Opportunities.Hour> hours = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      // 4 idle hours at 5 kW of 100 rated (off hours), 6 working hours at 50 kW, alike in both
      // halves.
      boolean idle = i % 5 < 2;
      hours.add(new Opportunities.Hour(idle, idle ? 5 : 50, idle ? 5 : 50, 100));
    }
    var found = Opportunities.find("Press", hours, null);
    assertThat(found)
        .extracting(Opportunities.Finding::issueType)
        .containsExactlyInAnyOrder("excessive_idle");
    // Idle: 4 of 10 hours (> 30 %): half of 20 kWh. Off hours 20 of 320 kWh (6 %): nothing.
    assertThat(found.get(0).potentialSavingsKwh()).isCloseTo(10, within(1e-9));
  }

  @Test
  void aBaselineExcessAboveFivePercentIsADrift() {
    var found =
        Opportunities.find(
            "Press", List.of(new Opportunities.Hour(false, 50, 50, 100)), new Enpi(1_100, 1_000));
    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.issueType()).isEqualTo("baseline_drift");
              assertThat(f.potentialSavingsKwh()).isCloseTo(100, within(1e-9));
            });
    assertThat(
            Opportunities.find(
                "Press",
                List.of(new Opportunities.Hour(false, 50, 50, 100)),
                new Enpi(1_040, 1_000)))
        .isEmpty();
  }
}
