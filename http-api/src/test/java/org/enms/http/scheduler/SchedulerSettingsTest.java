package org.enms.http.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerSettingsTest {
  private static final List<String> JOBS =
      List.of(
          "baseline_retrain",
          "anomaly_detect",
          "kpi_calculate",
          "training_cleanup",
          "model_evaluate");

  @Test
  void theDefaultsAreTheOriginalsSchedulesInUtc() {
    SchedulerSettings s = SchedulerSettings.fromConfig(ConfigFactory.load());

    assertThat(s.enabled()).isTrue();
    assertThat(s.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(s.crons())
        .containsEntry("baseline_retrain", "0 2 * * 0")
        .containsEntry("anomaly_detect", "5 * * * *")
        .containsEntry("kpi_calculate", "30 0 * * *")
        .containsEntry("training_cleanup", "15 * * * *")
        .containsEntry("model_evaluate", "45 3 * * *");
    assertThat(s.retrainDays()).isEqualTo(30);
    assertThat(s.trainingTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.schedules(JOBS)).containsOnlyKeys(JOBS);
  }

  @Test
  void aBadExpressionOrAnUnknownJobStopsTheStartWithItsKey() {
    SchedulerSettings bad =
        SchedulerSettings.fromConfig(
            ConfigFactory.parseString("enms.scheduler.jobs.anomaly_detect = \"5 * * *\"")
                .withFallback(ConfigFactory.load()));
    SchedulerSettings unknown =
        SchedulerSettings.fromConfig(
            ConfigFactory.parseString("enms.scheduler.jobs.kpi_snapshot = \"0 1 * * *\"")
                .withFallback(ConfigFactory.load()));

    assertThatThrownBy(() -> bad.schedules(JOBS))
        .hasMessageStartingWith("enms.scheduler.jobs.anomaly_detect: '5 * * *'");
    assertThatThrownBy(() -> unknown.schedules(JOBS))
        .hasMessageStartingWith("enms.scheduler.jobs.kpi_snapshot: no such job");
  }
}
