package org.enms.db.kpi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads of the monthly report beyond the KPIs and plant totals: the scope's machines, its energy
 * per UTC day and energy type (split by period as {@link KpiDao} does, so the days add up to the
 * month's totals), and its latest anomalies.
 */
public final class MonthlyReportDao {
  private static final Duration INTERVAL = Duration.ofMinutes(15);

  private static final String DAILY =
      """
      SELECT d.day, d.energy_type, sum(d.kwh) AS kwh
      FROM (SELECT (bucket AT TIME ZONE 'UTC')::date AS day, energy_type, energy_kwh AS kwh
            FROM energy_costs_15min
            WHERE machine_id = ANY(:ids) AND bucket > :after AND bucket < :dayFrom
            UNION ALL
            SELECT (bucket AT TIME ZONE 'UTC')::date, energy_type, energy_kwh
            FROM energy_costs_15min
            WHERE machine_id = ANY(:ids) AND bucket >= :dayTo AND bucket < :end
            UNION ALL
            SELECT (bucket AT TIME ZONE 'UTC')::date, energy_type, energy_kwh
            FROM energy_costs_1day
            WHERE machine_id = ANY(:ids) AND bucket >= :dayFrom AND bucket < :dayTo) d
      GROUP BY d.day, d.energy_type
      ORDER BY d.day, d.energy_type
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  public MonthlyReportDao(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
  }

  /** The factory's machines ({@code factory} null: every machine), active or not, by name. */
  public List<UUID> machines(UUID factory) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT id FROM machines
                    WHERE CAST(:f AS uuid) IS NULL OR factory_id = CAST(:f AS uuid)
                    ORDER BY name
                    """)
                .bind("f", factory)
                .mapTo(UUID.class)
                .list());
  }

  /** A day's energy of one type, kWh (gas and steam as kWh equivalents). */
  public record DayEnergy(LocalDate day, String energyType, double kwh) {}

  /** The machines' energy per UTC day and type in {@code [start, end)}, days in order. */
  public List<DayEnergy> dailyEnergy(List<UUID> machines, Instant start, Instant end) {
    if (machines.isEmpty()) {
      return List.of();
    }
    DaySplit days = DaySplit.of(start, end, clock.instant());
    return jdbi.withHandle(
        h ->
            h.createQuery(DAILY)
                .bindArray("ids", UUID.class, machines)
                .bind("after", utc(start.minus(INTERVAL)))
                .bind("end", utc(end))
                .bind("dayFrom", utc(days.dayFrom()))
                .bind("dayTo", utc(days.dayTo()))
                .map(
                    (rs, ctx) ->
                        new DayEnergy(
                            rs.getObject("day", LocalDate.class),
                            rs.getString("energy_type"),
                            rs.getDouble("kwh")))
                .list());
  }

  /** An anomaly as the report lists it. */
  public record ReportAnomaly(
      UUID id,
      Instant detectedAt,
      String severity,
      boolean resolved,
      String machineName,
      String anomalyType,
      String energyType) {}

  /**
   * The machines' anomalies detected in {@code [start, end)}, newest first, at most {@code limit}.
   */
  public List<ReportAnomaly> anomalies(List<UUID> machines, Instant start, Instant end, int limit) {
    if (machines.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT a.id, a.detected_at, a.severity, a.is_resolved, m.name, a.anomaly_type,
                           a.energy_type
                    FROM anomalies a JOIN machines m ON m.id = a.machine_id
                    WHERE a.machine_id = ANY(:ids) AND a.detected_at >= :start
                      AND a.detected_at < :end
                    ORDER BY a.detected_at DESC, a.id
                    LIMIT :limit
                    """)
                .bindArray("ids", UUID.class, machines)
                .bind("start", utc(start))
                .bind("end", utc(end))
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new ReportAnomaly(
                            rs.getObject("id", UUID.class),
                            rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
                            rs.getString("severity"),
                            rs.getBoolean("is_resolved"),
                            rs.getString("name"),
                            rs.getString("anomaly_type"),
                            rs.getString("energy_type")))
                .list());
  }

  /** The machines' critical anomalies detected in {@code [start, end)} and not resolved. */
  public long openCritical(List<UUID> machines, Instant start, Instant end) {
    if (machines.isEmpty()) {
      return 0;
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT count(*) FROM anomalies
                    WHERE machine_id = ANY(:ids) AND detected_at >= :start AND detected_at < :end
                      AND severity = 'critical' AND NOT is_resolved
                    """)
                .bindArray("ids", UUID.class, machines)
                .bind("start", utc(start))
                .bind("end", utc(end))
                .mapTo(Long.class)
                .one());
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
