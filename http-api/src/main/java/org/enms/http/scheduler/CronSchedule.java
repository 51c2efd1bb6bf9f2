package org.enms.http.scheduler;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * When a job is due: a cron expression read in a time zone, or {@code off}. Five fields are
 * crontab's (minute, hour, day of month, month, day of week with Sunday 0 or 7); six put seconds
 * first, for jobs that must run more often than once a minute. Parsing and stepping is cron-utils'
 * (its crontab definition), so the expressions mean what they mean in crontab, including the
 * day-of-month-or-day-of-week rule.
 */
public final class CronSchedule {
  /** The expression of a job that runs only when triggered. */
  public static final String OFF = "off";

  private static final CronParser CRONTAB =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final CronParser WITH_SECONDS = new CronParser(withSeconds());

  private final String expression;
  private final ZoneId zone;
  private final ExecutionTime execution;

  private CronSchedule(String expression, ZoneId zone, ExecutionTime execution) {
    this.expression = expression;
    this.zone = zone;
    this.execution = execution;
  }

  /**
   * @throws IllegalArgumentException for an expression that is neither cron nor {@code off}, with
   *     what is wrong
   */
  public static CronSchedule parse(String expression, ZoneId zone) {
    String e = expression == null ? "" : expression.trim();
    if (e.toLowerCase(Locale.ROOT).equals(OFF)) {
      return off(zone);
    }
    int fields = e.isEmpty() ? 0 : e.split("\\s+").length;
    CronParser parser =
        switch (fields) {
          case 5 -> CRONTAB;
          case 6 -> WITH_SECONDS;
          default ->
              throw new IllegalArgumentException(
                  "'"
                      + e
                      + "' is not a cron expression: 5 fields (minute hour day month weekday),"
                      + " 6 with seconds first, or off expected");
        };
    try {
      return new CronSchedule(e, zone, ExecutionTime.forCron(parser.parse(e)));
    } catch (IllegalArgumentException ex) {
      throw new IllegalArgumentException(
          "'" + e + "' is not a cron expression: " + ex.getMessage());
    }
  }

  /** A schedule that never comes due: the job runs only when triggered. */
  public static CronSchedule off(ZoneId zone) {
    return new CronSchedule(OFF, zone, null);
  }

  /** The first fire time strictly after {@code t}; empty when off or when none exists. */
  public Optional<Instant> nextAfter(Instant t) {
    if (execution == null) {
      return Optional.empty();
    }
    return execution.nextExecution(t.atZone(zone)).map(z -> z.toInstant());
  }

  public boolean isOff() {
    return execution == null;
  }

  public String expression() {
    return expression;
  }

  public ZoneId zone() {
    return zone;
  }

  /** As the status shows it, in the spirit of the original's {@code cron[...]}. */
  public String trigger() {
    return isOff() ? OFF : "cron[" + expression + ", " + zone.getId() + "]";
  }

  /** crontab's definition as cron-utils builds it, with a seconds field first. */
  private static CronDefinition withSeconds() {
    return CronDefinitionBuilder.defineCron()
        .withSeconds()
        .withValidRange(0, 59)
        .withStrictRange()
        .and()
        .withMinutes()
        .withValidRange(0, 59)
        .withStrictRange()
        .and()
        .withHours()
        .withValidRange(0, 23)
        .withStrictRange()
        .and()
        .withDayOfMonth()
        .withValidRange(1, 31)
        .withStrictRange()
        .and()
        .withMonth()
        .withValidRange(1, 12)
        .withStrictRange()
        .and()
        .withDayOfWeek()
        .withValidRange(0, 7)
        .withMondayDoWValue(1)
        .withIntMapping(7, 0)
        .withStrictRange()
        .and()
        .instance();
  }
}
