package org.enms.db.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.enms.db.AdvisoryLocks;
import org.enms.db.Database;
import org.enms.db.TimeRange;
import org.enms.db.registry.TariffDao;
import org.enms.db.registry.TariffRecord;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The interval cost roll-up, {@code energy_costs_15min}: reads the 15-minute energy roll-up rows to
 * price and writes their prices. Once an interval is priced its prices stay: rewriting it (late
 * readings, an import) updates its energy and keeps the rate and factor it was priced at, unless a
 * reprice is asked for explicitly.
 */
public final class CostRollupDao {
  private static final String INTERVALS =
      """
      SELECT r.bucket, r.machine_id, r.energy_type, coalesce(r.total_energy_kwh, 0) AS kwh,
             coalesce(r.avg_power_kw, 0) AS kw, m.factory_id, pin.name AS pinned
      FROM energy_readings_15min r
      JOIN machines m ON m.id = r.machine_id
      LEFT JOIN energy_tariffs pin ON pin.id = m.tariff_id
      WHERE r.bucket >= :from AND r.bucket < :to
        AND (CAST(:factory AS uuid) IS NULL OR m.factory_id = :factory)
      """;

  private static final String UPSERT =
      """
      INSERT INTO energy_costs_15min (bucket, machine_id, energy_type, billing_month, energy_kwh,
          demand_kw, tariff_id, rate_per_kwh, energy_cost, currency, demand_tariff_id,
          demand_rate_per_kw, co2_kg_per_kwh, co2_kg)
      SELECT timestamptz 'epoch' + u.t * interval '1 microsecond', u.m, u.e, u.bm, u.k, u.kw,
             u.tid, u.r, u.c, u.cur, u.dtid, u.dr, u.f, u.co2
      FROM unnest(CAST(:t AS int8[]), CAST(:m AS uuid[]), CAST(:e AS text[]),
                  CAST(:bm AS date[]), CAST(:k AS float8[]), CAST(:kw AS float8[]),
                  CAST(:tid AS uuid[]), CAST(:r AS float8[]), CAST(:c AS float8[]),
                  CAST(:cur AS text[]), CAST(:dtid AS uuid[]), CAST(:dr AS float8[]),
                  CAST(:f AS float8[]), CAST(:co2 AS float8[]))
             AS u (t, m, e, bm, k, kw, tid, r, c, cur, dtid, dr, f, co2)
      ON CONFLICT (machine_id, energy_type, bucket) DO UPDATE
      """;

  /** A later roll-up of a priced interval: new energy, the prices it was priced at. */
  private static final String KEEP_PRICES =
      """
        SET energy_kwh = EXCLUDED.energy_kwh, demand_kw = EXCLUDED.demand_kw,
            energy_cost = EXCLUDED.energy_kwh * energy_costs_15min.rate_per_kwh,
            co2_kg = EXCLUDED.energy_kwh * energy_costs_15min.co2_kg_per_kwh
        WHERE energy_costs_15min.energy_kwh IS DISTINCT FROM EXCLUDED.energy_kwh
           OR energy_costs_15min.demand_kw IS DISTINCT FROM EXCLUDED.demand_kw
      """;

  private static final String NEW_PRICES =
      """
        SET billing_month = EXCLUDED.billing_month, energy_kwh = EXCLUDED.energy_kwh,
            demand_kw = EXCLUDED.demand_kw, tariff_id = EXCLUDED.tariff_id,
            rate_per_kwh = EXCLUDED.rate_per_kwh, energy_cost = EXCLUDED.energy_cost,
            currency = EXCLUDED.currency, demand_tariff_id = EXCLUDED.demand_tariff_id,
            demand_rate_per_kw = EXCLUDED.demand_rate_per_kw,
            co2_kg_per_kwh = EXCLUDED.co2_kg_per_kwh, co2_kg = EXCLUDED.co2_kg, priced_at = now()
      """;

  private static final String ORIGIN = "timestamptz '2000-01-01 00:00:00+00'";
  private static final long DAY_SUM_LOCK = AdvisoryLocks.DAY_COST_SUM;
  private static final long HOUR_SUM_LOCK = AdvisoryLocks.HOUR_COST_SUM;
  private static final Duration HOUR = Duration.ofHours(1);

  /** Rows per statement by default: a whole refresh of a large plant in one statement. */
  public static final int DEFAULT_ROWS_PER_STATEMENT = 10_000;

  private final Jdbi jdbi;
  private final TariffDao tariffs;
  private final int rowsPerStatement;

  public CostRollupDao(Database database) {
    this(database, DEFAULT_ROWS_PER_STATEMENT);
  }

  /**
   * @param rowsPerStatement upper bound of rows per INSERT (PGlite, which the TimescaleDB tests
   *     use, takes about 40)
   */
  public CostRollupDao(Database database, int rowsPerStatement) {
    this.jdbi = database.jdbi();
    this.tariffs = new TariffDao(database);
    this.rowsPerStatement = rowsPerStatement;
  }

  /** The name of each machine's own tariff, for the machines that have one. */
  public Map<UUID, String> pinnedTariffs() {
    return jdbi.withHandle(
        h -> {
          Map<UUID, String> pinned = new HashMap<>();
          h.createQuery(
                  "SELECT m.id, t.name FROM machines m JOIN energy_tariffs t ON t.id = m.tariff_id")
              .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name")))
              .forEach(e -> pinned.put(e.getKey(), e.getValue()));
          return pinned;
        });
  }

  /** Time zones, list prices, emission factors and active tariff versions, as they are now. */
  public PricingContext context() {
    return jdbi.withHandle(
        h -> {
          Map<UUID, String> zones = new HashMap<>();
          h.createQuery("SELECT id, timezone FROM factories")
              .map((rs, ctx) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("timezone")))
              .forEach(e -> zones.put(e.getKey(), e.getValue()));
          Map<String, SourcePrice> sources = new HashMap<>();
          h.createQuery("SELECT name, unit, cost_per_unit, carbon_factor FROM energy_sources")
              .map(
                  (rs, ctx) ->
                      new SourcePrice(
                          rs.getString("name"),
                          rs.getString("unit"),
                          nullable(rs.getDouble("cost_per_unit"), rs.wasNull()),
                          nullable(rs.getDouble("carbon_factor"), rs.wasNull())))
              .forEach(s -> sources.put(s.name(), s));
          List<TariffRecord> active =
              tariffs.list(Optional.empty(), Optional.empty()).stream()
                  .filter(TariffRecord::isActive)
                  .toList();
          return new PricingContext(zones, sources, active);
        });
  }

  /**
   * The 15-minute roll-up rows with buckets in {@code [from, to)}, of every machine or of one
   * factory's.
   */
  public List<RollupInterval> intervals(Instant from, Instant to, Optional<UUID> factory) {
    return jdbi.withHandle(
        h ->
            h.createQuery(INTERVALS)
                .bind("from", utc(from))
                .bind("to", utc(to))
                .bind("factory", factory.orElse(null))
                .map(
                    (rs, ctx) ->
                        new RollupInterval(
                            rs.getObject("bucket", OffsetDateTime.class).toInstant(),
                            rs.getObject("machine_id", UUID.class),
                            rs.getString("energy_type"),
                            rs.getDouble("kwh"),
                            rs.getDouble("kw"),
                            rs.getObject("factory_id", UUID.class),
                            rs.getString("pinned")))
                .list());
  }

  /**
   * Stores priced intervals in one transaction. An interval priced before keeps its prices unless
   * {@code reprice}.
   */
  public void write(List<CostRow> rows, boolean reprice) {
    if (rows.isEmpty()) {
      return;
    }
    String sql = UPSERT + (reprice ? NEW_PRICES : KEEP_PRICES);
    jdbi.useTransaction(
        h -> {
          for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            upsert(h, sql, rows.subList(from, Math.min(rows.size(), from + rowsPerStatement)));
          }
        });
  }

  /**
   * Removes priced intervals in {@code [from, to)} whose roll-up row is gone (a refresh over
   * readings that no longer exist), so costs never outlive their energy.
   */
  public int deleteWithoutRollup(Instant from, Instant to) {
    return jdbi.withHandle(
        h ->
            h.createUpdate(
                    """
                    DELETE FROM energy_costs_15min c
                    WHERE c.bucket >= :from AND c.bucket < :to
                      AND NOT EXISTS (SELECT 1 FROM energy_readings_15min r
                                      WHERE r.machine_id = c.machine_id
                                        AND r.energy_type = c.energy_type
                                        AND r.bucket = c.bucket)
                    """)
                .bind("from", utc(from))
                .bind("to", utc(to))
                .execute());
  }

  /**
   * Notes the UTC days whose intervals were priced in {@code [from, to)}: their daily sums are
   * redone by {@link #sumDaysBefore}.
   */
  public void markDays(Instant from, Instant to) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO energy_costs_pending_days (day)
                    SELECT generate_series(
                             date_bin(interval '1 day', CAST(:from AS timestamptz), %1$s),
                             CAST(:to AS timestamptz) - interval '1 microsecond',
                             interval '1 day')
                    ON CONFLICT DO NOTHING
                    """
                        .formatted(ORIGIN))
                .bind("from", utc(from))
                .bind("to", utc(to))
                .execute());
  }

  /**
   * Recomputes the daily sums ({@code energy_costs_1day}) of the noted days that are over (start
   * before {@code today}), one day per transaction, from the priced intervals.
   *
   * @return how many days were summed
   */
  public int sumDaysBefore(Instant today) {
    List<OffsetDateTime> due =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT day FROM energy_costs_pending_days WHERE day < :today ORDER BY day")
                    .bind("today", utc(today))
                    .mapTo(OffsetDateTime.class)
                    .list());
    for (OffsetDateTime day : due) {
      jdbi.useTransaction(
          h -> {
            // Nodes of a cluster price the same ranges; one sums a day at a time.
            h.execute("SELECT pg_advisory_xact_lock(?)", DAY_SUM_LOCK);
            OffsetDateTime next = day.plusDays(1);
            sumInto(h, "energy_costs_1day", "1 day", day, next);
            h.createUpdate("DELETE FROM energy_costs_pending_days WHERE day = :day")
                .bind("day", day)
                .execute();
          });
    }
    return due.size();
  }

  /**
   * Recomputes the hourly sums ({@code energy_costs_1hour}) of the UTC hours that overlap {@code
   * [from, to)}, the current one included, from the priced intervals.
   */
  public void sumHours(Instant from, Instant to) {
    OffsetDateTime first = utc(floorHour(from));
    Instant last = floorHour(to);
    OffsetDateTime end = utc(last.equals(to) ? last : last.plus(HOUR));
    jdbi.useTransaction(
        h -> {
          // Nodes of a cluster price the same ranges; one sums an hour at a time.
          h.execute("SELECT pg_advisory_xact_lock(?)", HOUR_SUM_LOCK);
          sumInto(h, "energy_costs_1hour", "1 hour", first, end);
        });
  }

  /**
   * Replaces {@code table}'s sums in {@code [from, to)}, one per machine, energy type, billing
   * month and bucket of {@code width}, with those of the priced intervals.
   */
  private static void sumInto(
      Handle h, String table, String width, OffsetDateTime from, OffsetDateTime to) {
    h.createUpdate("DELETE FROM <table> WHERE bucket >= :from AND bucket < :to")
        .define("table", table)
        .bind("from", from)
        .bind("to", to)
        .execute();
    h.createUpdate(
            """
            INSERT INTO <table> (bucket, machine_id, energy_type, billing_month, energy_kwh,
                energy_cost, currency, co2_kg, intervals, demand_kw_sum, peak_demand_kw, peak_at,
                demand_rate_at_peak)
            SELECT date_bin(CAST(:width AS interval), c.bucket, %s), c.machine_id, c.energy_type,
                   c.billing_month, sum(c.energy_kwh), sum(c.energy_cost), min(c.currency),
                   sum(c.co2_kg), count(*), sum(c.demand_kw), max(c.demand_kw),
                   (array_agg(c.bucket ORDER BY c.demand_kw DESC, c.bucket))[1],
                   (array_agg(c.demand_rate_per_kw ORDER BY c.demand_kw DESC, c.bucket))[1]
            FROM energy_costs_15min c
            WHERE c.bucket >= :from AND c.bucket < :to
            GROUP BY 1, c.machine_id, c.energy_type, c.billing_month
            """
                .formatted(ORIGIN))
        .define("table", table)
        .bind("width", width)
        .bind("from", from)
        .bind("to", to)
        .execute();
  }

  private static Instant floorHour(Instant t) {
    return Instant.ofEpochMilli(Math.floorDiv(t.toEpochMilli(), HOUR.toMillis()) * HOUR.toMillis());
  }

  /** Whether no interval was priced yet. */
  public boolean isEmpty() {
    return jdbi.withHandle(
        h ->
            !h.createQuery("SELECT EXISTS (SELECT 1 FROM energy_costs_15min)")
                .mapTo(Boolean.class)
                .one());
  }

  /** The first and last bucket of the 15-minute energy roll-up, if it holds any. */
  public Optional<TimeRange> rollupSpan() {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT min(bucket) AS lo, max(bucket) AS hi FROM energy_readings_15min")
                .map(
                    (rs, ctx) -> {
                      OffsetDateTime lo = rs.getObject("lo", OffsetDateTime.class);
                      OffsetDateTime hi = rs.getObject("hi", OffsetDateTime.class);
                      return lo == null
                          ? Optional.<TimeRange>empty()
                          : Optional.of(new TimeRange(lo.toInstant(), hi.toInstant()));
                    })
                .one());
  }

  private static void upsert(Handle h, String sql, List<CostRow> rows) {
    int n = rows.size();
    Long[] t = new Long[n];
    UUID[] m = new UUID[n];
    String[] e = new String[n];
    String[] bm = new String[n];
    Double[] k = new Double[n];
    Double[] kw = new Double[n];
    UUID[] tid = new UUID[n];
    Double[] r = new Double[n];
    Double[] c = new Double[n];
    String[] cur = new String[n];
    UUID[] dtid = new UUID[n];
    Double[] dr = new Double[n];
    Double[] f = new Double[n];
    Double[] co2 = new Double[n];
    for (int i = 0; i < n; i++) {
      CostRow row = rows.get(i);
      t[i] = row.bucket().getEpochSecond() * 1_000_000L + row.bucket().getNano() / 1_000;
      m[i] = row.machineId();
      e[i] = row.energyType();
      bm[i] = row.billingMonth().toString();
      k[i] = row.energyKwh();
      kw[i] = row.demandKw();
      tid[i] = row.tariffId();
      r[i] = row.ratePerKwh();
      c[i] = row.energyCost();
      cur[i] = row.currency();
      dtid[i] = row.demandTariffId();
      dr[i] = row.demandRatePerKw();
      f[i] = row.co2KgPerKwh();
      co2[i] = row.co2Kg();
    }
    h.createUpdate(sql)
        .bind("t", t)
        .bind("m", m)
        .bind("e", e)
        .bind("bm", bm)
        .bind("k", k)
        .bind("kw", kw)
        .bind("tid", tid)
        .bind("r", r)
        .bind("c", c)
        .bind("cur", cur)
        .bind("dtid", dtid)
        .bind("dr", dr)
        .bind("f", f)
        .bind("co2", co2)
        .execute();
  }

  private static Double nullable(double value, boolean wasNull) {
    return wasNull ? null : value;
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }
}
