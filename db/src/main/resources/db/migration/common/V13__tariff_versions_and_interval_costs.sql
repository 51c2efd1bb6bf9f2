-- Tariffs per factory and energy source, versioned, and the cost and CO₂ of every 15-minute
-- interval, kept like a roll-up.
--
-- A tariff is (factory, name); each row of energy_tariffs is one version of it, in force from its
-- valid_from (a local date of the factory) until the next version's. Its kind says what it charges:
-- a flat or time-of-use price per kWh, or a demand charge per kW of the month's peak.

ALTER TABLE energy_tariffs ADD COLUMN energy_source_id uuid REFERENCES energy_sources (id);
UPDATE energy_tariffs
SET energy_source_id = (SELECT id FROM energy_sources WHERE name = 'electricity');
ALTER TABLE energy_tariffs ALTER COLUMN energy_source_id SET NOT NULL;

ALTER TABLE energy_tariffs ADD COLUMN kind text;
UPDATE energy_tariffs
SET kind = CASE WHEN is_time_of_use THEN 'time_of_use'
                WHEN demand_charge_per_kw IS NOT NULL AND rate_per_kwh = 0 THEN 'demand_charge'
                ELSE 'flat' END;
ALTER TABLE energy_tariffs ALTER COLUMN kind SET NOT NULL;
ALTER TABLE energy_tariffs ADD CONSTRAINT energy_tariffs_kind_check
  CHECK (kind IN ('flat', 'time_of_use', 'demand_charge'));
ALTER TABLE energy_tariffs ADD CONSTRAINT energy_tariffs_hours_check
  CHECK (kind <> 'time_of_use' OR (start_hour IS NOT NULL AND end_hour IS NOT NULL));
ALTER TABLE energy_tariffs ADD CONSTRAINT energy_tariffs_demand_check
  CHECK (kind <> 'demand_charge' OR demand_charge_per_kw IS NOT NULL);

DROP INDEX energy_tariffs_factory_name_key;
CREATE UNIQUE INDEX energy_tariffs_version_key ON energy_tariffs (factory_id, name, valid_from);

-- One row per roll-up row of energy_readings_15min: its energy and average power, the prices in
-- force when it was first rolled up, and what they make. A later refresh of the interval (late
-- readings, an import) updates the energy and keeps the prices, so a tariff change never rewrites
-- history silently. billing_month is the factory's local month, which demand charges are billed by.
CREATE TABLE energy_costs_15min (
  bucket             timestamptz NOT NULL,
  machine_id         uuid NOT NULL,
  energy_type        text NOT NULL,
  billing_month      date NOT NULL,
  energy_kwh         double precision NOT NULL,
  demand_kw          double precision NOT NULL,
  tariff_id          uuid,
  rate_per_kwh       double precision NOT NULL,
  energy_cost        double precision NOT NULL,
  currency           text NOT NULL,
  demand_tariff_id   uuid,
  demand_rate_per_kw double precision,
  co2_kg_per_kwh     double precision NOT NULL,
  co2_kg             double precision NOT NULL,
  priced_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (machine_id, energy_type, bucket)
);

-- Pricing and the daily sums work on time ranges of every machine.
CREATE INDEX energy_costs_15min_bucket_idx ON energy_costs_15min (bucket);

-- The interval costs summed per machine, energy type and UTC day (and billing month: a UTC day can
-- straddle two local months), so that a year's KPIs read 365 rows and not 35,040. Only for days
-- that are over: the pricing notes each day it prices in energy_costs_pending_days and sums the
-- pending days once they are over (the current day is read from the intervals).
CREATE TABLE energy_costs_1day (
  bucket              timestamptz NOT NULL,
  machine_id          uuid NOT NULL,
  energy_type         text NOT NULL,
  billing_month       date NOT NULL,
  energy_kwh          double precision NOT NULL,
  energy_cost         double precision NOT NULL,
  currency            text NOT NULL,
  co2_kg              double precision NOT NULL,
  intervals           bigint NOT NULL,
  demand_kw_sum       double precision NOT NULL,
  peak_demand_kw      double precision NOT NULL,
  peak_at             timestamptz NOT NULL,
  demand_rate_at_peak double precision,
  PRIMARY KEY (machine_id, energy_type, bucket, billing_month)
);

CREATE INDEX energy_costs_1day_bucket_idx ON energy_costs_1day (bucket);

CREATE TABLE energy_costs_pending_days (
  day timestamptz PRIMARY KEY
);

-- The KPIs of one machine's energy source over [p_start, p_end), from the stored interval costs and
-- the production roll-up, for Grafana. The API computes the same (org.enms.analytics.kpi
-- .MachineKpis) from the same sums; a test holds them equal. An interval counts when it overlaps
-- the period: whole UTC days inside it that are over are read from energy_costs_1day, the rest
-- from energy_costs_15min. Peak demand is the highest 15-minute average power; the demand charge is each
-- billing month's peak at the demand rate in force at that peak.
CREATE FUNCTION calculate_all_kpis(p_machine_id uuid, p_start timestamptz, p_end timestamptz,
                                   p_energy_type text DEFAULT 'electricity')
RETURNS TABLE (
  machine_id             uuid,
  machine_name           text,
  energy_type            text,
  time_period_hours      double precision,
  total_energy_kwh       double precision,
  avg_power_kw           double precision,
  peak_demand_kw         double precision,
  peak_demand_time       timestamptz,
  total_production_units bigint,
  sec_kwh_per_unit       double precision,
  load_factor            double precision,
  load_factor_percent    double precision,
  energy_charge          double precision,
  demand_charge          double precision,
  total_cost             double precision,
  currency               text,
  cost_per_unit          double precision,
  total_co2_kg           double precision,
  co2_per_unit_kg        double precision)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  -- PL/pgSQL rather than SQL: its plans are kept across calls (a SQL function is planned anew on
  -- every call, which cost more than the query itself).
  RETURN QUERY
  WITH edges AS (
    SELECT date_bin(interval '15 minutes', p_start, timestamptz '2000-01-01 00:00:00+00') AS lo,
           date_bin(interval '1 day',
                    date_bin(interval '15 minutes', p_start, timestamptz '2000-01-01 00:00:00+00')
                      + interval '1 day' - interval '1 microsecond',
                    timestamptz '2000-01-01 00:00:00+00') AS day_from,
           date_bin(interval '1 day',
                    date_bin(interval '15 minutes', p_end - interval '1 microsecond',
                             timestamptz '2000-01-01 00:00:00+00') + interval '15 minutes',
                    timestamptz '2000-01-01 00:00:00+00') AS day_to
  ), capped AS (
    -- The current day has no daily sums yet.
    SELECT lo, day_from,
           least(day_to, date_bin(interval '1 day', now(), timestamptz '2000-01-01 00:00:00+00'))
             AS day_to
    FROM edges
  ), days AS (
    SELECT CASE WHEN day_from < day_to THEN day_from ELSE lo END AS day_from,
           CASE WHEN day_from < day_to THEN day_to ELSE lo END AS day_to
    FROM capped
  ), parts AS (
    SELECT c.billing_month, c.energy_kwh AS kwh, c.energy_cost AS cost, c.co2_kg AS co2,
           1::bigint AS n, c.demand_kw AS kw_sum, c.demand_kw AS peak_kw, c.bucket AS peak_at,
           c.demand_rate_per_kw AS peak_rate, c.currency
    FROM energy_costs_15min c
    WHERE c.machine_id = p_machine_id AND c.energy_type = p_energy_type
      AND c.bucket > p_start - interval '15 minutes' AND c.bucket < (SELECT day_from FROM days)
    UNION ALL
    SELECT c.billing_month, c.energy_kwh, c.energy_cost, c.co2_kg, 1, c.demand_kw, c.demand_kw,
           c.bucket, c.demand_rate_per_kw, c.currency
    FROM energy_costs_15min c
    WHERE c.machine_id = p_machine_id AND c.energy_type = p_energy_type
      AND c.bucket >= (SELECT day_to FROM days) AND c.bucket < p_end
    UNION ALL
    SELECT d.billing_month, d.energy_kwh, d.energy_cost, d.co2_kg, d.intervals, d.demand_kw_sum,
           d.peak_demand_kw, d.peak_at, d.demand_rate_at_peak, d.currency
    FROM energy_costs_1day d
    WHERE d.machine_id = p_machine_id AND d.energy_type = p_energy_type
      AND d.bucket >= (SELECT day_from FROM days) AND d.bucket < (SELECT day_to FROM days)
  ), months AS (
    SELECT billing_month, sum(kwh) AS kwh, sum(cost) AS cost, sum(co2) AS co2, sum(n) AS n,
           sum(kw_sum) AS kw_sum, max(peak_kw) AS peak_kw,
           (array_agg(peak_at ORDER BY peak_kw DESC, peak_at))[1] AS peak_at,
           (array_agg(peak_rate ORDER BY peak_kw DESC, peak_at))[1] AS peak_rate,
           min(currency) AS currency
    FROM parts
    GROUP BY billing_month
  ), totals AS (
    SELECT coalesce(sum(kwh), 0) AS kwh, coalesce(sum(cost), 0) AS energy_charge,
           coalesce(sum(peak_kw * coalesce(peak_rate, 0)), 0) AS demand_charge,
           coalesce(sum(co2), 0) AS co2, sum(n) AS n, sum(kw_sum) AS kw_sum,
           max(peak_kw) AS peak_kw,
           (array_agg(peak_at ORDER BY peak_kw DESC, peak_at))[1] AS peak_at,
           min(currency) AS currency
    FROM months
  ), production AS (
    SELECT coalesce(sum(x.units), 0)::bigint AS units
    FROM (SELECT p.total_production_count AS units FROM production_data_15min p
          WHERE p.machine_id = p_machine_id AND p.bucket > p_start - interval '15 minutes'
            AND p.bucket < (SELECT day_from FROM days)
          UNION ALL
          SELECT p.total_production_count FROM production_data_15min p
          WHERE p.machine_id = p_machine_id
            AND p.bucket >= (SELECT day_to FROM days) AND p.bucket < p_end
          UNION ALL
          SELECT p.total_production_count FROM production_data_1day p
          WHERE p.machine_id = p_machine_id
            AND p.bucket >= (SELECT day_from FROM days) AND p.bucket < (SELECT day_to FROM days)) x
  )
  SELECT m.id, m.name, p_energy_type,
         extract(epoch FROM (p_end - p_start))::double precision / 3600,
         t.kwh, t.kw_sum / nullif(t.n, 0), t.peak_kw, t.peak_at, pr.units,
         t.kwh / nullif(pr.units, 0),
         CASE WHEN t.peak_kw > 0 THEN t.kw_sum / t.n / t.peak_kw END,
         CASE WHEN t.peak_kw > 0 THEN t.kw_sum / t.n / t.peak_kw * 100 END,
         t.energy_charge, t.demand_charge, t.energy_charge + t.demand_charge,
         coalesce(t.currency,
                  (SELECT min(et.currency) FROM energy_tariffs et
                   JOIN energy_sources s ON s.id = et.energy_source_id
                   WHERE et.factory_id = m.factory_id AND s.name = p_energy_type),
                  'USD'),
         (t.energy_charge + t.demand_charge) / nullif(pr.units, 0),
         t.co2, t.co2 / nullif(pr.units, 0)
  FROM machines m CROSS JOIN totals t CROSS JOIN production pr
  WHERE m.id = p_machine_id;
END
$$;
