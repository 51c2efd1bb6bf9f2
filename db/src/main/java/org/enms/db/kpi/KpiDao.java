package org.enms.db.kpi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.Database;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Reads for the KPIs: the stored interval costs summed per billing month (of a machine, or of a
 * factory's machines together as one meter), production from the 15-minute roll-up, and the SQL
 * function {@code calculate_all_kpis}. A period {@code [start, end)} takes every 15-minute interval
 * that overlaps it.
 */
public final class KpiDao {
  private static final Duration INTERVAL = Duration.ofMinutes(15);

  /**
   * Per billing month, from partial sums {@code p} of one meter (an interval, or a day of them);
   * {@code <parts>} supplies them.
   */
  private static final String MONTHS =
      """
      SELECT p.billing_month, sum(p.kwh) AS kwh, sum(p.cost) AS cost, sum(p.co2) AS co2,
             sum(p.n) AS n, sum(p.kw_sum) AS kw_sum, max(p.peak_kw) AS peak_kw,
             (array_agg(p.peak_at ORDER BY p.peak_kw DESC, p.peak_at))[1] AS peak_at,
             (array_agg(p.peak_rate ORDER BY p.peak_kw DESC, p.peak_at))[1] AS peak_rate,
             min(p.currency) AS currency
      FROM (<parts>) p
      GROUP BY p.billing_month
      ORDER BY p.billing_month
      """;

  /**
   * A machine's intervals before and after the whole days (two index ranges), and its daily sums of
   * those days.
   */
  private static final String MACHINE_PARTS =
      """
      SELECT billing_month, energy_kwh AS kwh, energy_cost AS cost, co2_kg AS co2, 1 AS n,
             demand_kw AS kw_sum, demand_kw AS peak_kw, bucket AS peak_at,
             demand_rate_per_kw AS peak_rate, currency
      FROM energy_costs_15min
      WHERE machine_id = :id AND energy_type = :energyType
        AND bucket > :after AND bucket < :dayFrom
      UNION ALL
      SELECT billing_month, energy_kwh, energy_cost, co2_kg, 1, demand_kw, demand_kw, bucket,
             demand_rate_per_kw, currency
      FROM energy_costs_15min
      WHERE machine_id = :id AND energy_type = :energyType
        AND bucket >= :dayTo AND bucket < :end
      UNION ALL
      SELECT billing_month, energy_kwh, energy_cost, co2_kg, intervals, demand_kw_sum,
             peak_demand_kw, peak_at, demand_rate_at_peak, currency
      FROM energy_costs_1day
      WHERE machine_id = :id AND energy_type = :energyType
        AND bucket >= :dayFrom AND bucket < :dayTo
      """;

  /**
   * A factory as one meter: per interval the sum of its machines, whose peak is the factory's
   * coincident peak; the demand rate is the highest any machine was billed at then.
   */
  private static final String FACTORY_PARTS =
      """
      SELECT c.billing_month, sum(c.energy_kwh) AS kwh, sum(c.energy_cost) AS cost,
             sum(c.co2_kg) AS co2, 1 AS n, sum(c.demand_kw) AS kw_sum, sum(c.demand_kw) AS peak_kw,
             c.bucket AS peak_at, max(c.demand_rate_per_kw) AS peak_rate, min(c.currency) AS currency
      FROM energy_costs_15min c JOIN machines m ON m.id = c.machine_id
      WHERE m.factory_id = :id AND c.energy_type = :energyType
        AND c.bucket > :after AND c.bucket < :end
      GROUP BY c.bucket, c.billing_month
      """;

  /** Production of the intervals outside the whole days, and of the whole days. */
  private static final String PRODUCTION =
      """
      SELECT coalesce(sum(p.total_production_count), 0) AS units,
             coalesce(sum(p.total_production_good), 0) AS good,
             coalesce(sum(p.total_production_bad), 0) AS bad
      FROM (SELECT total_production_count, total_production_good, total_production_bad
            FROM production_data_15min
            WHERE machine_id IN (<machines>) AND bucket > :after AND bucket < :dayFrom
            UNION ALL
            SELECT total_production_count, total_production_good, total_production_bad
            FROM production_data_15min
            WHERE machine_id IN (<machines>) AND bucket >= :dayTo AND bucket < :end
            UNION ALL
            SELECT total_production_count, total_production_good, total_production_bad
            FROM production_data_1day
            WHERE machine_id IN (<machines>) AND bucket >= :dayFrom AND bucket < :dayTo) p
      """;

  private final Jdbi jdbi;
  private final Clock clock;

  public KpiDao(Database database) {
    this(database, Clock.systemUTC());
  }

  /** {@code clock}: the current day is read from the intervals (it has no daily sums yet). */
  public KpiDao(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
  }

  public Optional<KpiMachine> machine(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT m.id, m.name, m.type, m.factory_id, f.timezone, m.is_active
                    FROM machines m JOIN factories f ON f.id = m.factory_id
                    WHERE m.id = :id
                    """)
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new KpiMachine(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getString("type"),
                            rs.getObject("factory_id", UUID.class),
                            rs.getString("timezone"),
                            rs.getBoolean("is_active")))
                .findOne());
  }

  /** Every factory, by name. */
  public List<KpiFactory> factories() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, name, location, timezone FROM factories ORDER BY name")
                .map(KpiDao::factory)
                .list());
  }

  public Optional<KpiFactory> factory(UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT id, name, location, timezone FROM factories WHERE id = :id")
                .bind("id", id)
                .map(KpiDao::factory)
                .findOne());
  }

  private static KpiFactory factory(ResultSet rs, StatementContext ctx) throws SQLException {
    return new KpiFactory(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getString("location"),
        rs.getString("timezone"));
  }

  /** The factory's active machines, by name. */
  public List<UUID> activeMachines(UUID factory) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT id FROM machines WHERE factory_id = :f AND is_active ORDER BY name")
                .bind("f", factory)
                .mapTo(UUID.class)
                .list());
  }

  /** The currency the factory bills {@code energyType} in: its tariffs', else USD. */
  public String billingCurrency(UUID factory, String energyType) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT coalesce(min(t.currency), 'USD') FROM energy_tariffs t
                    JOIN energy_sources s ON s.id = t.energy_source_id
                    WHERE t.factory_id = :f AND s.name = :energyType
                    """)
                .bind("f", factory)
                .bind("energyType", energyType)
                .mapTo(String.class)
                .one());
  }

  /**
   * A machine, its stored interval costs of {@code energyType} per billing month and its
   * production, in one statement (one round trip per KPI request); empty for an unknown machine.
   */
  public Optional<MachineKpiData> machineData(
      UUID machine, String energyType, Instant start, Instant end) {
    DaySplit days = DaySplit.of(start, end, clock.instant());
    String sql =
        """
        SELECT m.id, m.name, m.type, m.factory_id, f.timezone, m.is_active,
               pr.units, pr.good, pr.bad, mo.*
        FROM machines m
        JOIN factories f ON f.id = m.factory_id
        CROSS JOIN (<production>) pr
        LEFT JOIN (<months>) mo ON true
        WHERE m.id = :id
        ORDER BY mo.billing_month
        """
            .replace("<production>", PRODUCTION.replace("<machines>", ":id"))
            .replace("<months>", MONTHS.replace("<parts>", MACHINE_PARTS));
    return jdbi.withHandle(
        h -> {
          var rows =
              period(h.createQuery(sql), start, end, days)
                  .bind("id", machine)
                  .bind("energyType", energyType)
                  .map(
                      (rs, ctx) ->
                          new MachineKpiData(
                              new KpiMachine(
                                  rs.getObject("id", UUID.class),
                                  rs.getString("name"),
                                  rs.getString("type"),
                                  rs.getObject("factory_id", UUID.class),
                                  rs.getString("timezone"),
                                  rs.getBoolean("is_active")),
                              rs.getObject("billing_month") == null
                                  ? List.of()
                                  : List.of(month(rs, ctx)),
                              new ProductionTotals(
                                  rs.getLong("units"), rs.getLong("good"), rs.getLong("bad"))))
                  .list();
          if (rows.isEmpty()) {
            return Optional.<MachineKpiData>empty();
          }
          return Optional.of(
              new MachineKpiData(
                  rows.get(0).machine(),
                  rows.stream().flatMap(r -> r.months().stream()).toList(),
                  rows.get(0).production()));
        });
  }

  /** One machine's stored interval costs of {@code energyType}, per billing month. */
  public List<MonthRow> machineMonths(UUID machine, String energyType, Instant start, Instant end) {
    return months(MACHINE_PARTS, machine, energyType, start, end);
  }

  /**
   * A factory's machines as one meter, per billing month: per interval the sum of its machines,
   * whose peak is the factory's coincident peak; the demand rate is the highest any machine was
   * billed at then.
   */
  public List<MonthRow> factoryMonths(UUID factory, String energyType, Instant start, Instant end) {
    return months(FACTORY_PARTS, factory, energyType, start, end);
  }

  private List<MonthRow> months(
      String parts, UUID id, String energyType, Instant start, Instant end) {
    DaySplit days = DaySplit.of(start, end, clock.instant());
    return jdbi.withHandle(
        h ->
            period(h.createQuery(MONTHS), start, end, days)
                .define("parts", parts)
                .bind("id", id)
                .bind("energyType", energyType)
                .map(KpiDao::month)
                .list());
  }

  public ProductionTotals factoryProduction(UUID factory, Instant start, Instant end) {
    return production("SELECT id FROM machines WHERE factory_id = :id", factory, start, end);
  }

  private ProductionTotals production(String machines, UUID id, Instant start, Instant end) {
    DaySplit days = DaySplit.of(start, end, clock.instant());
    return jdbi.withHandle(
        h ->
            period(h.createQuery(PRODUCTION), start, end, days)
                .define("machines", machines)
                .bind("id", id)
                .map(
                    (rs, ctx) ->
                        new ProductionTotals(
                            rs.getLong("units"), rs.getLong("good"), rs.getLong("bad")))
                .one());
  }

  /** How many of the factory's machines have priced {@code energyType} intervals in the period. */
  public int machinesWithData(UUID factory, String energyType, Instant start, Instant end) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT count(*) FROM machines m
                    WHERE m.factory_id = :f
                      AND EXISTS (SELECT 1 FROM energy_costs_15min c
                                  WHERE c.machine_id = m.id AND c.energy_type = :energyType
                                    AND c.bucket > :after AND c.bucket < :end)
                    """)
                .bind("f", factory)
                .bind("energyType", energyType)
                .bind("after", utc(start.minus(INTERVAL)))
                .bind("end", utc(end))
                .mapTo(Integer.class)
                .one());
  }

  /**
   * Energy per local hour of day over the period (24 entries, kWh), in {@code zone}: what a
   * time-of-use scenario splits.
   */
  public double[] energyByLocalHour(
      UUID machine, String energyType, Instant start, Instant end, String zone) {
    double[] kwh = new double[24];
    jdbi.useHandle(
        h ->
            h.createQuery(
                    """
                    SELECT extract(hour FROM bucket AT TIME ZONE :zone)::int AS hour,
                           sum(energy_kwh) AS kwh
                    FROM energy_costs_15min
                    WHERE machine_id = :id AND energy_type = :energyType
                      AND bucket > :after AND bucket < :end
                    GROUP BY 1
                    """)
                .bind("zone", zone)
                .bind("id", machine)
                .bind("energyType", energyType)
                .bind("after", utc(start.minus(INTERVAL)))
                .bind("end", utc(end))
                .map((rs, ctx) -> kwh[rs.getInt("hour")] = rs.getDouble("kwh"))
                .list());
    return kwh;
  }

  /** The machine's priced intervals starting at or after {@code since}. */
  public PricedSince pricedSince(UUID machine, String energyType, Instant since) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT coalesce(sum(energy_kwh), 0) AS kwh, coalesce(sum(energy_cost), 0) AS cost,
                           (array_agg(rate_per_kwh ORDER BY bucket DESC))[1] AS rate
                    FROM energy_costs_15min
                    WHERE machine_id = :id AND energy_type = :energyType AND bucket >= :since
                    """)
                .bind("id", machine)
                .bind("energyType", energyType)
                .bind("since", utc(since))
                .map(
                    (rs, ctx) -> {
                      double rate = rs.getDouble("rate");
                      return new PricedSince(
                          rs.getDouble("kwh"), rs.getDouble("cost"), rs.wasNull() ? null : rate);
                    })
                .one());
  }

  /** {@code calculate_all_kpis(machine, start, end, energyType)}, the function Grafana reads. */
  public Optional<StoredKpis> calculateAllKpis(
      UUID machine, Instant start, Instant end, String energyType) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT * FROM calculate_all_kpis(:id, :start, :end, :energyType)")
                .bind("id", machine)
                .bind("start", utc(start))
                .bind("end", utc(end))
                .bind("energyType", energyType)
                .map(KpiDao::stored)
                .findOne());
  }

  /**
   * Binds the period: intervals after {@code :after} and before {@code :end} overlap it; whole days
   * that are over lie in {@code [:dayFrom, :dayTo)}.
   */
  private static Query period(Query query, Instant start, Instant end, DaySplit days) {
    return query
        .bind("after", utc(start.minus(INTERVAL)))
        .bind("end", utc(end))
        .bind("dayFrom", utc(days.dayFrom()))
        .bind("dayTo", utc(days.dayTo()));
  }

  private static MonthRow month(ResultSet rs, StatementContext ctx) throws SQLException {
    return new MonthRow(
        rs.getObject("billing_month", LocalDate.class),
        rs.getDouble("kwh"),
        rs.getDouble("cost"),
        rs.getDouble("co2"),
        rs.getLong("n"),
        rs.getDouble("kw_sum"),
        rs.getDouble("peak_kw"),
        rs.getObject("peak_at", OffsetDateTime.class).toInstant(),
        nullableDouble(rs, "peak_rate"),
        rs.getString("currency"));
  }

  private static StoredKpis stored(ResultSet rs, StatementContext ctx) throws SQLException {
    OffsetDateTime peakAt = rs.getObject("peak_demand_time", OffsetDateTime.class);
    return new StoredKpis(
        rs.getString("machine_name"),
        rs.getDouble("time_period_hours"),
        rs.getDouble("total_energy_kwh"),
        nullableDouble(rs, "avg_power_kw"),
        nullableDouble(rs, "peak_demand_kw"),
        peakAt == null ? null : peakAt.toInstant(),
        rs.getLong("total_production_units"),
        nullableDouble(rs, "sec_kwh_per_unit"),
        nullableDouble(rs, "load_factor"),
        nullableDouble(rs, "load_factor_percent"),
        rs.getDouble("energy_charge"),
        rs.getDouble("demand_charge"),
        rs.getDouble("total_cost"),
        rs.getString("currency"),
        nullableDouble(rs, "cost_per_unit"),
        rs.getDouble("total_co2_kg"),
        nullableDouble(rs, "co2_per_unit_kg"));
  }

  private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
