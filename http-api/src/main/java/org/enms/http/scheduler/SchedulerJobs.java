package org.enms.http.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.enms.db.BaselineDao;
import org.enms.db.BlockingIo;
import org.enms.db.Database;
import org.enms.db.MachineDao;
import org.enms.db.TrainingHistoryDao;
import org.enms.db.kpi.KpiSnapshotDao;
import org.enms.db.kpi.PlantDao;
import org.enms.http.anomaly.AnomalyService;
import org.enms.http.baseline.RecordedBaselines;
import org.enms.http.kpi.Kpis;
import org.enms.http.modelperf.ModelPerformanceService;
import org.enms.machine.event.EventSink;

/** EnMS's scheduled jobs, built from their settings and the services they use. */
public final class SchedulerJobs {
  static final String KPI_CALCULATE = "kpi_calculate";

  private SchedulerJobs() {}

  /**
   * The original's four jobs: {@code baseline_retrain}, {@code anomaly_detect}, {@code
   * kpi_calculate} (the daily KPI snapshot) and {@code training_cleanup}; and {@code
   * model_evaluate}, which the original left to its clients.
   *
   * @param baselines the API's recorded baselines; the retrain records its trainings as scheduled
   * @param kpis the KPI service the daily snapshot stores the figures of
   * @param performance what model_evaluate evaluates the active baselines with
   */
  public static List<ScheduledJob> standard(
      SchedulerSettings settings,
      Database database,
      BlockingIo io,
      RecordedBaselines baselines,
      AnomalyService anomalies,
      EventSink events,
      Kpis kpis,
      ModelPerformanceService performance,
      Clock clock) {
    BaselineDao models = new BaselineDao(database);
    return List.of(
        new BaselineRetrainJob(
            baselines,
            models,
            io,
            Duration.ofDays(settings.retrainDays()),
            settings.retrainMinDays()),
        new AnomalyDetectJob(anomalies, models, io, settings.detectWindow()),
        new KpiSnapshotJob(
            kpis,
            new MachineDao(database),
            new PlantDao(database, clock),
            new KpiSnapshotDao(database),
            io,
            clock),
        new TrainingCleanupJob(
            new TrainingHistoryDao(database), io, settings.trainingTimeout(), events, clock),
        new ModelEvaluateJob(performance));
  }
}
