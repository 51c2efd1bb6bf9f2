package org.enms.db.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads for the plant views (factory summary, statistics, rankings, comparisons, a machine's energy
 * types): many machines at once, from the roll-ups. Energy, cost and CO₂ come from the priced
 * intervals ({@code energy_costs_15min}, {@code energy_costs_1day}; the factory summary's today
 * also {@code energy_costs_1hour}) split by period as the KPIs are ({@link DaySplit}: a 15-minute
 * interval counts when it overlaps the period), so a machine's figures here equal its {@code
 * /kpi/all}. Readings counts and power extremes come from {@code energy_readings_15min} and {@code
 * _1day}, split the same way. The intervals before and after the whole days are two branches of
 * their own, so each keeps its index range.
 */
public final class PlantDao {
  private static final Duration INTERVAL = Duration.ofMinutes(15);

  /** An optional energy type filter; {@code :energyType} null means every type. */
  private static final String TYPE =
      "(CAST(:energyType AS text) IS NULL OR energy_type = CAST(:energyType AS text))";

  private static final String COST_PARTS =
      """
      SELECT machine_id, energy_type, billing_month, energy_kwh AS kwh, energy_cost AS cost,
             currency, co2_kg AS co2, 1 AS n, demand_kw AS kw_sum, demand_kw AS peak_kw,
             bucket AS peak_at, demand_rate_per_kw AS peak_rate
      FROM energy_costs_15min
      WHERE machine_id = ANY(:ids) AND <type> AND bucket > :after AND bucket < :dayFrom
      UNION ALL
      SELECT machine_id, energy_type, billing_month, energy_kwh, energy_cost, currency, co2_kg, 1,
             demand_kw, demand_kw, bucket, demand_rate_per_kw
      FROM energy_costs_15min
      WHERE machine_id = ANY(:ids) AND <type> AND bucket >= :dayTo AND bucket < :end
      UNION ALL
      SELECT machine_id, energy_type, billing_month, energy_kwh, energy_cost, currency, co2_kg,
             intervals, demand_kw_sum, peak_demand_kw, peak_at, demand_rate_at_peak
      FROM energy_costs_1day
      WHERE machine_id = ANY(:ids) AND <type> AND bucket >= :dayFrom AND bucket < :dayTo
      """
          .replace("<type>", TYPE);

  private static final String READING_PARTS =
      """
      SELECT machine_id, energy_type, reading_count AS n, avg_power_kw * reading_count AS w,
             max_power_kw AS mx, min_power_kw AS mn
      FROM energy_readings_15min
      WHERE machine_id = ANY(:ids) AND <type> AND bucket > :after AND bucket < :dayFrom
      UNION ALL
      SELECT machine_id, energy_type, reading_count, avg_power_kw * reading_count, max_power_kw,
             min_power_kw
      FROM energy_readings_15min
      WHERE machine_id = ANY(:ids) AND <type> AND bucket >= :dayTo AND bucket < :end
      UNION ALL
      SELECT machine_id, energy_type, reading_count, avg_power_kw * reading_count, max_power_kw,
             min_power_kw
      FROM energy_readings_1day
      WHERE machine_id = ANY(:ids) AND <type> AND bucket >= :dayFrom AND bucket < :dayTo
      """
          .replace("<type>", TYPE);

  /**
   * A group's highest 15-minute demand as {@code [kW, -epoch of its time, demand rate]}: the
   * greatest array is the highest demand, the earliest on a tie, so element 3 is the rate in force
   * at the peak. An aggregate without a sort (an ordered {@code array_agg} sorted every interval of
   * the period, spilling to disk for a factory's day).
   */
  private static final String PEAK =
      "max(ARRAY[peak_kw, -extract(epoch FROM peak_at)::float8, peak_rate])";

  /**
   * Per machine and energy type: the sums, and per billing month its peak at the demand rate in
   * force at that peak (the demand charge, as the KPIs bill it).
   */
  private static final String TOTALS =
      """
      SELECT m.id, m.name, m.type, m.factory_id, c.energy_type, c.kwh, c.energy_charge,
             c.demand_charge, c.currency, c.co2, c.n, c.kw_sum, c.peak_kw, <readingColumns>
      FROM (SELECT machine_id, energy_type, sum(kwh) AS kwh, sum(cost) AS energy_charge,
                   sum(peak_kw * coalesce(peak_rate, 0)) AS demand_charge,
                   min(currency) AS currency, sum(co2) AS co2, sum(n) AS n, sum(kw_sum) AS kw_sum,
                   max(peak_kw) AS peak_kw
            FROM (SELECT machine_id, energy_type, billing_month, sum(kwh) AS kwh,
                         sum(cost) AS cost, min(currency) AS currency, sum(co2) AS co2,
                         sum(n) AS n, sum(kw_sum) AS kw_sum, max(peak_kw) AS peak_kw,
                         (<peak>)[3] AS peak_rate
                  FROM (<costs>) x GROUP BY machine_id, energy_type, billing_month) months
            GROUP BY machine_id, energy_type) c
      JOIN machines m ON m.id = c.machine_id
      <readingsJoin>
      ORDER BY c.kwh DESC, m.name, c.energy_type
      """
          .replace("<costs>", COST_PARTS)
          .replace("<peak>", PEAK);

  /** The readings' counts and power extremes beside the sums. */
  private static final String READINGS_JOIN =
      """
      LEFT JOIN (SELECT machine_id, energy_type, sum(n) AS n, sum(w) AS w, max(mx) AS mx,
                        min(mn) AS mn
                 FROM (<readings>) y GROUP BY machine_id, energy_type) r
        ON r.machine_id = c.machine_id AND r.energy_type = c.energy_type
      """
          .replace("<readings>", READING_PARTS);

  private static final String TOTALS_WITH_READINGS =
      TOTALS
          .replace(
              "<readingColumns>",
              "coalesce(r.n, 0) AS readings, r.w / nullif(r.n, 0) AS avg_kw, r.mx, r.mn")
          .replace("<readingsJoin>", READINGS_JOIN);

  /** Without the readings' roll-up: half the rows, where counts and extremes are not shown. */
  private static final String TOTALS_WITHOUT_READINGS =
      TOTALS
          .replace(
              "<readingColumns>",
              "0 AS readings, NULL::float8 AS avg_kw, NULL::float8 AS mx, NULL::float8 AS mn")
          .replace("<readingsJoin>", "");

  /**
   * The month so far and, within it, today, each row flagged: the month's whole past days from the
   * daily sums, today's hours that are over from the hourly sums, the current hour from the
   * 15-minute intervals. Late in the day that is 24 rows per machine for today rather than 96.
   */
  private static final String MONTH_PARTS =
      """
      SELECT machine_id, energy_type, billing_month, false AS today, energy_kwh AS kwh,
             energy_cost AS cost, currency, co2_kg AS co2, intervals AS n, demand_kw_sum AS kw_sum,
             peak_demand_kw AS peak_kw, peak_at, demand_rate_at_peak AS peak_rate
      FROM energy_costs_1day
      WHERE machine_id = ANY(:ids) AND <type> AND bucket >= :monthStart AND bucket < :today
      UNION ALL
      SELECT machine_id, energy_type, billing_month, true, energy_kwh, energy_cost, currency,
             co2_kg, intervals, demand_kw_sum, peak_demand_kw, peak_at, demand_rate_at_peak
      FROM energy_costs_1hour
      WHERE machine_id = ANY(:ids) AND <type> AND bucket >= :today AND bucket < :hour
      UNION ALL
      SELECT machine_id, energy_type, billing_month, true, energy_kwh, energy_cost, currency,
             co2_kg, 1, demand_kw, demand_kw, bucket, demand_rate_per_kw
      FROM energy_costs_15min
      WHERE machine_id = ANY(:ids) AND <type> AND bucket >= :hour AND bucket < :end
      """
          .replace("<type>", TYPE);

  /**
   * The month so far and today from one read of {@link #MONTH_PARTS}, grouped per billing month and
   * flag, both periods' sums and demand charges taken from those groups. Columns as {@link
   * #TOTALS}, today's prefixed {@code t_}.
   */
  private static final String TODAY_AND_MONTH =
      """
      WITH groups AS (
        SELECT machine_id, energy_type, billing_month, today, sum(kwh) AS kwh, sum(cost) AS cost,
               min(currency) AS currency, sum(co2) AS co2, sum(n) AS n, sum(kw_sum) AS kw_sum,
               <peak> AS peak
        FROM (<parts>) p
        GROUP BY machine_id, energy_type, billing_month, today),
      bills AS (
        SELECT machine_id, energy_type, billing_month, sum(kwh) AS kwh, sum(cost) AS cost,
               min(currency) AS currency, sum(co2) AS co2, sum(n) AS n, sum(kw_sum) AS kw_sum,
               max(peak) AS peak,
               sum(kwh) FILTER (WHERE today) AS t_kwh, sum(cost) FILTER (WHERE today) AS t_cost,
               min(currency) FILTER (WHERE today) AS t_currency,
               sum(co2) FILTER (WHERE today) AS t_co2, sum(n) FILTER (WHERE today) AS t_n,
               sum(kw_sum) FILTER (WHERE today) AS t_kw_sum,
               max(peak) FILTER (WHERE today) AS t_peak
        FROM groups GROUP BY machine_id, energy_type, billing_month)
      SELECT m.id, m.name, m.type, m.factory_id, b.energy_type,
             sum(b.kwh) AS kwh, sum(b.cost) AS energy_charge,
             sum(b.peak[1] * coalesce(b.peak[3], 0)) AS demand_charge, min(b.currency) AS currency,
             sum(b.co2) AS co2, sum(b.n) AS n, sum(b.kw_sum) AS kw_sum, max(b.peak[1]) AS peak_kw,
             sum(b.t_kwh) AS t_kwh, sum(b.t_cost) AS t_energy_charge,
             sum(b.t_peak[1] * coalesce(b.t_peak[3], 0)) AS t_demand_charge,
             min(b.t_currency) AS t_currency, sum(b.t_co2) AS t_co2, sum(b.t_n) AS t_n,
             sum(b.t_kw_sum) AS t_kw_sum, max(b.t_peak[1]) AS t_peak_kw
      FROM bills b JOIN machines m ON m.id = b.machine_id
      GROUP BY m.id, m.name, m.type, m.factory_id, b.energy_type
      ORDER BY t_kwh DESC NULLS LAST, m.name, b.energy_type
      """
          .replace("<parts>", MONTH_PARTS)
          .replace("<peak>", PEAK);

  private static final String PRODUCTION =
      """
      SELECT machine_id, sum(total_production_count) AS units
      FROM (SELECT machine_id, total_production_count FROM production_data_15min
            WHERE machine_id = ANY(:ids) AND bucket > :after AND bucket < :dayFrom
            UNION ALL
            SELECT machine_id, total_production_count FROM production_data_15min
            WHERE machine_id = ANY(:ids) AND bucket >= :dayTo AND bucket < :end
            UNION ALL
            SELECT machine_id, total_production_count FROM production_data_1day
            WHERE machine_id = ANY(:ids) AND bucket >= :dayFrom AND bucket < :dayTo) p
      GROUP BY machine_id
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  /**
   * Runs {@code callback} with plans made for its parameters. After five executions PostgreSQL may
   * switch a prepared statement to a generic plan, which cannot see how few rows a time range or
   * how many a list of 1,000 machines selects: the factory summary's statement took 110–136 ms
   * generic against 38–40 ms custom (psql, PREPARE/EXECUTE on the bench's 1,008 machines).
   */
  private <R, X extends Exception> R customPlanned(HandleCallback<R, X> callback) throws X {
    return jdbi.inTransaction(
        h -> {
          h.execute("SET LOCAL plan_cache_mode = force_custom_plan");
          return callback.withHandle(h);
        });
  }

  private <X extends Exception> void customPlannedUse(HandleConsumer<X> consumer) throws X {
    customPlanned(
        h -> {
          consumer.useHandle(h);
          return null;
        });
  }

  public PlantDao(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
  }

  /**
   * One machine's energy of one type over a period, from its priced intervals and its roll-up.
   *
   * @param kwh energy (kWh; gas and steam as kWh equivalents)
   * @param energyCharge in {@code currency}, at the prices fixed when each interval was rolled up
   * @param demandCharge per billing month, its peak at the demand rate in force then
   * @param intervals the 15-minute intervals with energy
   * @param demandKwSum the sum of the intervals' average powers (for the mean, kW)
   * @param peakDemandKw the highest 15-minute average power, kW
   * @param readings raw readings behind the figures
   * @param avgReadingKw the mean of the readings' power, kW; null without readings
   * @param maxPowerKw the highest reading, kW; null without readings
   * @param minPowerKw the lowest reading, kW; null without readings
   */
  public record MachineTotals(
      UUID machineId,
      String machineName,
      String machineType,
      UUID factoryId,
      String energyType,
      double kwh,
      double energyCharge,
      double demandCharge,
      String currency,
      double co2Kg,
      long intervals,
      double demandKwSum,
      double peakDemandKw,
      long readings,
      Double avgReadingKw,
      Double maxPowerKw,
      Double minPowerKw) {

    /** Energy and demand charges, as {@code /kpi/all}'s {@code energy_cost}. */
    public double cost() {
      return energyCharge + demandCharge;
    }

    /** The mean of the 15-minute average powers (as {@code /kpi/all}'s), kW. */
    public double avgPowerKw() {
      return intervals == 0 ? 0 : demandKwSum / intervals;
    }
  }

  /**
   * The machines' totals per energy type ({@code energyType} null: every type) over {@code [start,
   * end)}, largest energy first; machines without priced intervals are absent.
   */
  public List<MachineTotals> totals(
      List<UUID> machines, String energyType, Instant start, Instant end) {
    return totals(machines, energyType, start, end, true);
  }

  /**
   * As {@link #totals(List, String, Instant, Instant)}; without {@code readings} the readings'
   * counts and power extremes are left out (0 and null), which halves the rows read.
   */
  public List<MachineTotals> totals(
      List<UUID> machines, String energyType, Instant start, Instant end, boolean readings) {
    if (machines.isEmpty()) {
      return List.of();
    }
    return customPlanned(
        h ->
            period(
                    h.createQuery(readings ? TOTALS_WITH_READINGS : TOTALS_WITHOUT_READINGS),
                    start,
                    end)
                .bindArray("ids", UUID.class, machines)
                .bind("energyType", energyType)
                .map((rs, ctx) -> sums(rs, "", true))
                .list());
  }

  /**
   * The month so far and today, each as {@link #totals(List, String, Instant, Instant, boolean)}
   * without the readings' counts, from one read of the month's priced intervals.
   *
   * @param today largest energy first; machines without intervals today are absent
   * @param month machines without intervals this month are absent
   */
  public record TodayAndMonth(List<MachineTotals> today, List<MachineTotals> month) {}

  /**
   * {@code monthStart} and {@code midnight}: UTC day starts, the month's and today's, {@code
   * monthStart <= midnight <= now}.
   */
  public TodayAndMonth todayAndMonth(
      List<UUID> machines, String energyType, Instant monthStart, Instant midnight, Instant now) {
    if (machines.isEmpty()) {
      return new TodayAndMonth(List.of(), List.of());
    }
    List<MachineTotals> today = new ArrayList<>();
    List<MachineTotals> month = new ArrayList<>();
    customPlannedUse(
        h ->
            h.createQuery(TODAY_AND_MONTH)
                .bindArray("ids", UUID.class, machines)
                .bind("energyType", energyType)
                .bind("monthStart", utc(monthStart))
                .bind("today", utc(midnight))
                .bind("hour", utc(now.truncatedTo(java.time.temporal.ChronoUnit.HOURS)))
                .bind("end", utc(now))
                .map(
                    (rs, ctx) -> {
                      month.add(sums(rs, "", false));
                      if (nullable(rs, "t_kwh") != null) {
                        today.add(sums(rs, "t_", false));
                      }
                      return null;
                    })
                .list());
    return new TodayAndMonth(List.copyOf(today), List.copyOf(month));
  }

  /**
   * A row's priced sums, columns named {@code prefix + name}; with {@code readings} the readings'
   * counts and power extremes too.
   */
  private static MachineTotals sums(ResultSet rs, String prefix, boolean readings)
      throws SQLException {
    return new MachineTotals(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("type"),
        rs.getObject("factory_id", UUID.class),
        rs.getString("energy_type"),
        rs.getDouble(prefix + "kwh"),
        rs.getDouble(prefix + "energy_charge"),
        rs.getDouble(prefix + "demand_charge"),
        rs.getString(prefix + "currency"),
        rs.getDouble(prefix + "co2"),
        rs.getLong(prefix + "n"),
        rs.getDouble(prefix + "kw_sum"),
        rs.getDouble(prefix + "peak_kw"),
        readings ? rs.getLong("readings") : 0,
        readings ? nullable(rs, "avg_kw") : null,
        readings ? nullable(rs, "mx") : null,
        readings ? nullable(rs, "mn") : null);
  }

  /** Units produced per machine over the period (the 15-minute and daily production roll-ups). */
  public Map<UUID, Long> production(List<UUID> machines, Instant start, Instant end) {
    Map<UUID, Long> units = new HashMap<>();
    if (machines.isEmpty()) {
      return units;
    }
    customPlannedUse(
        h ->
            period(h.createQuery(PRODUCTION), start, end)
                .bindArray("ids", UUID.class, machines)
                .map(
                    (rs, ctx) ->
                        units.put(rs.getObject("machine_id", UUID.class), rs.getLong("units")))
                .list());
    return units;
  }

  /**
   * Per machine, how many of the period's 15-minute electricity intervals it ran or idled in (an
   * average power above {@code thresholdKw}).
   */
  public Map<UUID, Long> activeIntervals(
      List<UUID> machines, Instant start, Instant end, double thresholdKw) {
    Map<UUID, Long> counts = new HashMap<>();
    if (machines.isEmpty()) {
      return counts;
    }
    customPlannedUse(
        h ->
            h.createQuery(
                    """
                    SELECT machine_id, count(*) AS n FROM energy_costs_15min
                    WHERE machine_id = ANY(:ids) AND energy_type = 'electricity'
                      AND bucket > :after AND bucket < :end AND demand_kw > :threshold
                    GROUP BY machine_id
                    """)
                .bindArray("ids", UUID.class, machines)
                .bind("after", utc(start.minus(INTERVAL)))
                .bind("end", utc(end))
                .bind("threshold", thresholdKw)
                .map(
                    (rs, ctx) ->
                        counts.put(rs.getObject("machine_id", UUID.class), rs.getLong("n")))
                .list());
    return counts;
  }

  /**
   * A machine's anomalies by severity.
   *
   * @param low info and normal (the original's lowest level)
   */
  public record AnomalyCounts(long critical, long warning, long low) {
    public long total() {
      return critical + warning + low;
    }
  }

  /** Anomalies detected in {@code [start, end)} per machine (machines without any are absent). */
  public Map<UUID, AnomalyCounts> anomalies(List<UUID> machines, Instant start, Instant end) {
    Map<UUID, AnomalyCounts> counts = new HashMap<>();
    if (machines.isEmpty()) {
      return counts;
    }
    customPlannedUse(
        h ->
            h.createQuery(
                    """
                    SELECT machine_id,
                           count(*) FILTER (WHERE severity = 'critical') AS critical,
                           count(*) FILTER (WHERE severity = 'warning') AS warning,
                           count(*) FILTER (WHERE severity IN ('info', 'normal')) AS low
                    FROM anomalies
                    WHERE machine_id = ANY(:ids) AND detected_at >= :start AND detected_at < :end
                    GROUP BY machine_id
                    """)
                .bindArray("ids", UUID.class, machines)
                .bind("start", utc(start))
                .bind("end", utc(end))
                .map(
                    (rs, ctx) ->
                        counts.put(
                            rs.getObject("machine_id", UUID.class),
                            new AnomalyCounts(
                                rs.getLong("critical"), rs.getLong("warning"), rs.getLong("low"))))
                .list());
    return counts;
  }

  /** The latest anomaly of these machines detected at or after {@code since}. */
  public record LatestAnomaly(
      UUID id,
      UUID machineId,
      String machineName,
      Instant detectedAt,
      String severity,
      String type,
      boolean resolved) {}

  public Optional<LatestAnomaly> latestAnomaly(List<UUID> machines, Instant since) {
    if (machines.isEmpty()) {
      return Optional.empty();
    }
    return customPlanned(
        h ->
            h.createQuery(
                    """
                    SELECT a.id, a.machine_id, m.name, a.detected_at, a.severity, a.anomaly_type,
                           a.is_resolved
                    FROM anomalies a JOIN machines m ON m.id = a.machine_id
                    WHERE a.machine_id = ANY(:ids) AND a.detected_at >= :since
                    ORDER BY a.detected_at DESC LIMIT 1
                    """)
                .bindArray("ids", UUID.class, machines)
                .bind("since", utc(since))
                .map(
                    (rs, ctx) ->
                        new LatestAnomaly(
                            rs.getObject("id", UUID.class),
                            rs.getObject("machine_id", UUID.class),
                            rs.getString("name"),
                            rs.getObject("detected_at", OffsetDateTime.class).toInstant(),
                            rs.getString("severity"),
                            rs.getString("anomaly_type"),
                            rs.getBoolean("is_resolved")))
                .findOne());
  }

  /**
   * A machine's latest minute of electricity in the 1-minute roll-up.
   *
   * @param bucket the minute's start
   */
  public record LatestMinute(Instant bucket, double avgPowerKw, double energyKwh) {}

  public Optional<LatestMinute> latestMinute(UUID machine) {
    return customPlanned(
        h ->
            h.createQuery(
                    """
                    SELECT bucket, avg_power_kw, total_energy_kwh FROM energy_readings_1min
                    WHERE machine_id = :id AND energy_type = 'electricity'
                    ORDER BY bucket DESC LIMIT 1
                    """)
                .bind("id", machine)
                .map(
                    (rs, ctx) ->
                        new LatestMinute(
                            rs.getObject("bucket", OffsetDateTime.class).toInstant(),
                            rs.getDouble("avg_power_kw"),
                            rs.getDouble("total_energy_kwh")))
                .findOne());
  }

  /**
   * What a machine drew of one energy type in a window, from the 1-minute roll-up.
   *
   * @param avgPowerKw the mean of the readings' power (kW, kWh equivalents for gas and steam)
   * @param first the first minute with a reading
   * @param last the last minute with a reading
   */
  public record TypeActivity(
      String energyType, long readings, double avgPowerKw, Instant first, Instant last) {}

  /** The energy types a machine reported in {@code [start, end)}, by name. */
  public List<TypeActivity> energyTypes(UUID machine, Instant start, Instant end) {
    return customPlanned(
        h ->
            h.createQuery(
                    """
                    SELECT energy_type, sum(reading_count) AS n,
                           sum(avg_power_kw * reading_count) / nullif(sum(reading_count), 0) AS kw,
                           min(bucket) AS first, max(bucket) AS last
                    FROM energy_readings_1min
                    WHERE machine_id = :id AND bucket >= :start AND bucket < :end
                    GROUP BY energy_type ORDER BY energy_type
                    """)
                .bind("id", machine)
                .bind("start", utc(start))
                .bind("end", utc(end))
                .map(
                    (rs, ctx) ->
                        new TypeActivity(
                            rs.getString("energy_type"),
                            rs.getLong("n"),
                            rs.getDouble("kw"),
                            rs.getObject("first", OffsetDateTime.class).toInstant(),
                            rs.getObject("last", OffsetDateTime.class).toInstant()))
                .list());
  }

  /**
   * One bucket of a machine's electricity and production.
   *
   * @param bucket its start
   */
  public record EnergyAndUnits(Instant bucket, double kwh, long units) {}

  /**
   * A machine's electricity and production per bucket of {@code width} (an hour, a day or a week;
   * weeks start on Monday 00:00 UTC) in {@code [start, end)}, from the hourly or daily roll-ups;
   * buckets with energy or production only.
   */
  public List<EnergyAndUnits> energyAndUnits(
      UUID machine, Instant start, Instant end, Duration width) {
    boolean hourly = width.compareTo(Duration.ofDays(1)) < 0;
    String energy = hourly ? "energy_readings_1hour" : "energy_readings_1day";
    String production = hourly ? "production_data_1hour" : "production_data_1day";
    return customPlanned(
        h ->
            h.createQuery(
                    """
                    SELECT date_bin(CAST(:width AS interval), bucket,
                                    timestamptz '2000-01-03 00:00:00+00') AS b,
                           sum(kwh) AS kwh, sum(units) AS units
                    FROM (SELECT bucket, total_energy_kwh AS kwh, 0 AS units FROM <energy>
                          WHERE machine_id = :id AND energy_type = 'electricity'
                            AND bucket >= :start AND bucket < :end
                          UNION ALL
                          SELECT bucket, 0, total_production_count FROM <production>
                          WHERE machine_id = :id AND bucket >= :start AND bucket < :end) p
                    GROUP BY 1 ORDER BY 1
                    """)
                .define("energy", energy)
                .define("production", production)
                .bind("width", width.toSeconds() + " seconds")
                .bind("id", machine)
                .bind("start", utc(start))
                .bind("end", utc(end))
                .map(
                    (rs, ctx) ->
                        new EnergyAndUnits(
                            rs.getObject("b", OffsetDateTime.class).toInstant(),
                            rs.getDouble("kwh"),
                            rs.getLong("units")))
                .list());
  }

  /**
   * One raw reading of an energy type.
   *
   * @param metadataJson the payload's other fields (e.g. {@code consumption_m3}), or null
   */
  public record RawReading(Instant time, double powerKw, Double energyKwh, String metadataJson) {}

  /** A machine's latest {@code limit} raw readings of {@code energyType}, newest first. */
  public List<RawReading> latestReadings(UUID machine, String energyType, int limit) {
    return customPlanned(
        h ->
            h.createQuery(
                    """
                    SELECT time, power_kw, energy_kwh, metadata::text AS metadata
                    FROM energy_readings
                    WHERE machine_id = :id AND energy_type = :energyType
                    ORDER BY time DESC LIMIT :limit
                    """)
                .bind("id", machine)
                .bind("energyType", energyType)
                .bind("limit", limit)
                .map(
                    (rs, ctx) ->
                        new RawReading(
                            rs.getObject("time", OffsetDateTime.class).toInstant(),
                            rs.getDouble("power_kw"),
                            nullable(rs, "energy_kwh"),
                            rs.getString("metadata")))
                .list());
  }

  /**
   * The plant's electricity over its whole history and the last day, for {@code /stats/system}.
   *
   * @param readings energy readings ever rolled up (every type)
   * @param totalKwh electricity ever rolled up
   * @param costsByCurrency the priced electricity intervals' cost, per currency
   * @param co2Kg the priced electricity intervals' CO₂
   * @param firstDay the first day with readings, or null
   * @param lastDayKwh electricity of the 24 hours before now (15-minute intervals)
   * @param lastDayPeakKw the plant's highest 15-minute demand in those 24 hours (its machines
   *     together), kW
   * @param lastDayIntervals the 15-minute intervals of those 24 hours with any reading
   * @param recentReadings readings in the 10 minutes before the last minute (every type)
   * @param lastMinuteReadings readings in the minute before the last one
   * @param anomalies every anomaly recorded
   * @param machinesToday machines with electricity today (UTC)
   */
  public record SystemTotals(
      long readings,
      double totalKwh,
      Map<String, Double> costsByCurrency,
      double co2Kg,
      Instant firstDay,
      double lastDayKwh,
      double lastDayPeakKw,
      long lastDayIntervals,
      long recentReadings,
      long lastMinuteReadings,
      long anomalies,
      long machinesToday) {}

  /**
   * The plant's days before one (UTC), summed: what {@link SystemTotals} adds today's figures to.
   * Only a change of those days changes it, so it can be kept between requests.
   *
   * @param readings energy readings rolled up (every type)
   * @param totalKwh electricity rolled up
   * @param costsByCurrency the priced electricity days' cost, per currency
   * @param co2Kg the priced electricity days' CO₂
   * @param firstDay the first day with readings, or null
   */
  public record SystemHistory(
      long readings,
      double totalKwh,
      Map<String, Double> costsByCurrency,
      double co2Kg,
      Instant firstDay) {}

  /** {@code machines}' days before {@code day} (a UTC midnight), read by key. */
  public SystemHistory systemBefore(List<UUID> machines, Instant day) {
    return customPlanned(
        h -> {
          Priced priced =
              priced(
                  h,
                  """
                  SELECT currency, sum(energy_cost) AS cost, sum(co2_kg) AS co2
                  FROM energy_costs_1day
                  WHERE machine_id = ANY(:ids) AND energy_type = 'electricity' AND bucket < :day
                  GROUP BY currency
                  """,
                  machines,
                  day);
          return h.createQuery(
                  """
                  SELECT coalesce(sum(reading_count), 0) AS readings,
                         coalesce(sum(total_energy_kwh) FILTER (WHERE energy_type = 'electricity'),
                                  0) AS kwh,
                         min(bucket) AS first_day
                  FROM energy_readings_1day WHERE machine_id = ANY(:ids) AND bucket < :day
                  """)
              .bindArray("ids", UUID.class, machines)
              .bind("day", utc(day))
              .map(
                  (rs, ctx) -> {
                    OffsetDateTime first = rs.getObject("first_day", OffsetDateTime.class);
                    return new SystemHistory(
                        rs.getLong("readings"),
                        rs.getDouble("kwh"),
                        priced.costs(),
                        priced.co2(),
                        first == null ? null : first.toInstant());
                  })
              .one();
        });
  }

  /** Priced electricity per currency, and its CO₂. */
  private record Priced(Map<String, Double> costs, double co2) {}

  private static Priced priced(
      org.jdbi.v3.core.Handle h, String sql, List<UUID> machines, Instant day) {
    record CurrencyCost(String currency, double cost, double co2) {}
    List<CurrencyCost> rows =
        h.createQuery(sql)
            .bindArray("ids", UUID.class, machines)
            .bind("day", utc(day))
            .map(
                (rs, ctx) ->
                    new CurrencyCost(
                        rs.getString("currency"), rs.getDouble("cost"), rs.getDouble("co2")))
            .list();
    Map<String, Double> costs = new HashMap<>();
    rows.forEach(c -> costs.put(c.currency(), c.cost()));
    return new Priced(Map.copyOf(costs), rows.stream().mapToDouble(CurrencyCost::co2).sum());
  }

  /**
   * The plant's priced intervals of today and of the last day, for {@link SystemTotals}: only a
   * change of those days' intervals changes them (the last day moves by whole intervals).
   *
   * @param today today's {@link SystemHistory} (its first day null unless today has readings)
   * @param lastDayKwh electricity of the intervals from {@code dayAgo} on
   * @param lastDayPeakKw the plant's highest 15-minute demand among them (machines together), kW
   * @param lastDayIntervals those intervals with any reading
   * @param machinesToday machines with electricity today (UTC)
   */
  public record SystemRecent(
      SystemHistory today,
      double lastDayKwh,
      double lastDayPeakKw,
      long lastDayIntervals,
      long machinesToday) {}

  /** {@code today}: a UTC midnight; {@code dayAgo}: the first interval of the last day. */
  public SystemRecent systemRecent(List<UUID> machines, Instant today, Instant dayAgo) {
    return customPlanned(
        h -> {
          Priced priced =
              priced(
                  h,
                  """
                  SELECT currency, sum(energy_cost) AS cost, sum(co2_kg) AS co2
                  FROM energy_costs_15min
                  WHERE machine_id = ANY(:ids) AND energy_type = 'electricity' AND bucket >= :day
                  GROUP BY currency
                  """,
                  machines,
                  today);
          return h.createQuery(
                  """
                  WITH days AS (
                    SELECT coalesce(sum(reading_count), 0) AS readings,
                           coalesce(sum(total_energy_kwh) FILTER (WHERE energy_type = 'electricity'),
                                    0) AS kwh,
                           min(bucket) AS first_day
                    FROM energy_readings_1day WHERE machine_id = ANY(:ids) AND bucket >= :today),
                  last_day AS (
                    SELECT bucket, sum(energy_kwh) FILTER (WHERE energy_type = 'electricity') AS kwh,
                           sum(demand_kw) FILTER (WHERE energy_type = 'electricity') AS kw
                    FROM energy_costs_15min
                    WHERE machine_id = ANY(:ids) AND bucket >= :dayAgo GROUP BY bucket)
                  SELECT
                    (SELECT readings FROM days) AS readings,
                    (SELECT kwh FROM days) AS kwh,
                    (SELECT first_day FROM days) AS first_day,
                    (SELECT coalesce(sum(kwh), 0) FROM last_day) AS day_kwh,
                    (SELECT coalesce(max(kw), 0) FROM last_day) AS day_peak,
                    (SELECT count(*) FROM last_day) AS day_intervals,
                    (SELECT count(DISTINCT machine_id) FROM energy_costs_15min
                     WHERE machine_id = ANY(:ids) AND energy_type = 'electricity'
                       AND bucket >= :today) AS machines_today
                  """)
              .bindArray("ids", UUID.class, machines)
              .bind("today", utc(today))
              .bind("dayAgo", utc(dayAgo))
              .map(
                  (rs, ctx) -> {
                    OffsetDateTime first = rs.getObject("first_day", OffsetDateTime.class);
                    return new SystemRecent(
                        new SystemHistory(
                            rs.getLong("readings"),
                            rs.getDouble("kwh"),
                            priced.costs(),
                            priced.co2(),
                            first == null ? null : first.toInstant()),
                        rs.getDouble("day_kwh"),
                        rs.getDouble("day_peak"),
                        rs.getLong("day_intervals"),
                        rs.getLong("machines_today"));
                  })
              .one();
        });
  }

  /**
   * The plant's whole history: {@code before}, its days before today, and {@code recent}, today's
   * and the last day's intervals, with the readings of the last minutes and the anomalies read now.
   * {@code machines}: every machine, whose roll-ups are read by key.
   */
  public SystemTotals system(List<UUID> machines, SystemHistory before, SystemRecent recent) {
    Instant minute = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    return customPlanned(
        h ->
            h.createQuery(
                    """
                    SELECT
                      (SELECT coalesce(sum(reading_count), 0) FROM energy_readings_1min
                       WHERE machine_id = ANY(:ids) AND bucket >= :tenAgo AND bucket < :minute)
                        AS recent,
                      (SELECT coalesce(sum(reading_count), 0) FROM energy_readings_1min
                       WHERE machine_id = ANY(:ids) AND bucket >= :oneAgo AND bucket < :minute)
                        AS last_minute,
                      (SELECT count(*) FROM anomalies) AS anomalies
                    """)
                .bindArray("ids", UUID.class, machines)
                .bind("tenAgo", utc(minute.minus(Duration.ofMinutes(11))))
                .bind("oneAgo", utc(minute.minus(Duration.ofMinutes(2))))
                .bind("minute", utc(minute.minus(Duration.ofMinutes(1))))
                .map(
                    (rs, ctx) -> {
                      SystemHistory today = recent.today();
                      Map<String, Double> costs = new HashMap<>(before.costsByCurrency());
                      today
                          .costsByCurrency()
                          .forEach((c, cost) -> costs.merge(c, cost, Double::sum));
                      return new SystemTotals(
                          before.readings() + today.readings(),
                          before.totalKwh() + today.totalKwh(),
                          Map.copyOf(costs),
                          before.co2Kg() + today.co2Kg(),
                          before.firstDay() != null ? before.firstDay() : today.firstDay(),
                          recent.lastDayKwh(),
                          recent.lastDayPeakKw(),
                          recent.lastDayIntervals(),
                          rs.getLong("recent"),
                          rs.getLong("last_minute"),
                          rs.getLong("anomalies"),
                          recent.machinesToday());
                    })
                .one());
  }

  /** Binds the period as {@link KpiDao} does: overlapping intervals, whole past days by day. */
  private Query period(Query query, Instant start, Instant end) {
    DaySplit days = DaySplit.of(start, end, clock.instant());
    return query
        .bind("after", utc(start.minus(INTERVAL)))
        .bind("end", utc(end))
        .bind("dayFrom", utc(days.dayFrom()))
        .bind("dayTo", utc(days.dayTo()));
  }

  private static Double nullable(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
