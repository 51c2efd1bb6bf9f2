package org.enms.http.modelperf;

import com.typesafe.config.Config;
import java.time.Duration;
import org.enms.analytics.performance.DriftRule;

/**
 * The {@code enms.http.model-performance} section, and the retraining window it shares with the
 * scheduled retrain ({@code enms.scheduler.retrain-days}, {@code retrain-min-days}).
 *
 * @param window an evaluation without a start covers this much time before its end
 * @param rule when an evaluation is drift
 * @param retrainDays a triggered retrain trains on this many days before now
 * @param retrainMinDays and only when they hold this many days with data
 * @param estimatedTraining what {@code estimated_completion} adds to the trigger's time
 */
public record ModelPerformanceSettings(
    Duration window,
    DriftRule rule,
    int retrainDays,
    int retrainMinDays,
    Duration estimatedTraining) {

  public static ModelPerformanceSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.http.model-performance");
    return new ModelPerformanceSettings(
        c.getDuration("window"),
        new DriftRule(c.getDouble("drift-threshold"), c.getInt("min-hours")),
        root.getInt("enms.scheduler.retrain-days"),
        root.getInt("enms.scheduler.retrain-min-days"),
        c.getDuration("estimated-training"));
  }
}
