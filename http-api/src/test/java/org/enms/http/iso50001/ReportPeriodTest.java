package org.enms.http.iso50001;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.enms.http.error.ApiException;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

  @Test
  void readsTheOriginalsPeriodNames() {
    assertThat(ReportPeriod.ofReport("2026-Q2"))
        .isEqualTo(new ReportPeriod("2026-Q2", LocalDate.of(2026, 4, 1), LocalDate.of(2026, 7, 1)));
    assertThat(ReportPeriod.ofReport("2025"))
        .isEqualTo(new ReportPeriod("2025", LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1)));
    assertThat(ReportPeriod.ofSeuReport(2026, "q4").label()).isEqualTo("2026-Q4");
    assertThat(ReportPeriod.ofSeuReport(2026, "annual").label()).isEqualTo("2026-annual");
    assertThat(ReportPeriod.ofSeuReport(2026, "2"))
        .isEqualTo(new ReportPeriod("2026-02", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)));
    assertThat(ReportPeriod.ofSeuReport(2026, "2025-12").end()).isEqualTo(LocalDate.of(2026, 1, 1));
  }

  @Test
  void refusesOtherNamesWithA400() {
    assertThatThrownBy(() -> ReportPeriod.ofReport("2026-Q5")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ReportPeriod.ofSeuReport(2026, "13")).isInstanceOf(ApiException.class);
    assertThatThrownBy(() -> ReportPeriod.ofSeuReport(2026, "2026-13"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Invalid period");
  }

  @Test
  void paybackIsInvestmentOverYearlySavingsInMonths() {
    assertThat(ActionPlans.payback(600.0, 1200.0)).isEqualTo(6.0);
    assertThat(ActionPlans.payback(600.0, null)).isNull();
    assertThat(ActionPlans.payback(null, 100.0)).isNull();
    assertThat(ActionPlans.payback(600.0, 0.0)).isNull();
  }
}
