package org.enms.http.scheduler;

import com.typesafe.config.Config;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code enms.scheduler} section.
 *
 * @param enabled false: no job runs, not even when triggered
 * @param zone the zone fire times are computed in
 * @param crons each job's cron expression (or {@code off}), by job id
 * @param retrainDays baseline_retrain trains on this many days before the run
 * @param retrainMinDays and only when they hold this many days with data
 * @param detectWindow anomaly_detect judges the complete hours of this window before the run
 * @param trainingTimeout training_cleanup fails a job unfinished for longer than this
 * @param askTimeout how long the API waits for the scheduler
 */
public record SchedulerSettings(
    boolean enabled,
    ZoneId zone,
    Map<String, String> crons,
    int retrainDays,
    int retrainMinDays,
    Duration detectWindow,
    Duration trainingTimeout,
    Duration askTimeout) {

  public SchedulerSettings {
    crons = Map.copyOf(crons);
  }

  public static SchedulerSettings fromConfig(Config root) {
    Config c = root.getConfig("enms.scheduler");
    Map<String, String> crons = new TreeMap<>();
    c.getConfig("jobs").root().keySet().forEach(id -> crons.put(id, c.getString("jobs." + id)));
    return new SchedulerSettings(
        c.getBoolean("enabled"),
        ZoneId.of(c.getString("zone")),
        crons,
        c.getInt("retrain-days"),
        c.getInt("retrain-min-days"),
        c.getDuration("detect-window"),
        c.getDuration("training-timeout"),
        c.getDuration("ask-timeout"));
  }

  /**
   * The schedule of each job, in the jobs' order; a job without an expression is {@code off}.
   *
   * @throws IllegalArgumentException for an expression that does not parse, or one naming no job
   */
  public Map<String, CronSchedule> schedules(Iterable<String> jobIds) {
    Map<String, CronSchedule> out = new LinkedHashMap<>();
    for (String id : jobIds) {
      try {
        out.put(id, CronSchedule.parse(crons.getOrDefault(id, CronSchedule.OFF), zone));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("enms.scheduler.jobs." + id + ": " + e.getMessage(), e);
      }
    }
    for (String id : crons.keySet()) {
      if (!out.containsKey(id)) {
        throw new IllegalArgumentException(
            "enms.scheduler.jobs." + id + ": no such job; jobs are " + out.keySet());
      }
    }
    return out;
  }
}
