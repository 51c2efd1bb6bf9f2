-- The interval costs summed per machine, energy type and UTC hour (and billing month), as
-- energy_costs_1day sums them per day, so that the factory summary reads today as at most 24 rows
-- per machine rather than 96 intervals (1,008 machines late in the day: 24,000 rows, not 96,000).
-- Unlike the daily sums, every hour the pricing touches is summed at once, the current one
-- included: an hour's row always holds the intervals priced in it so far.
-- The same columns, key and bucket index as the daily sums.
CREATE TABLE energy_costs_1hour (LIKE energy_costs_1day INCLUDING ALL);

-- The hours priced before this migration.
INSERT INTO energy_costs_1hour (bucket, machine_id, energy_type, billing_month, energy_kwh,
    energy_cost, currency, co2_kg, intervals, demand_kw_sum, peak_demand_kw, peak_at,
    demand_rate_at_peak)
SELECT date_bin(interval '1 hour', c.bucket, timestamptz '2000-01-01 00:00:00+00'), c.machine_id,
       c.energy_type, c.billing_month,
       sum(c.energy_kwh), sum(c.energy_cost), min(c.currency), sum(c.co2_kg), count(*),
       sum(c.demand_kw), max(c.demand_kw),
       (array_agg(c.bucket ORDER BY c.demand_kw DESC, c.bucket))[1],
       (array_agg(c.demand_rate_per_kw ORDER BY c.demand_kw DESC, c.bucket))[1]
FROM energy_costs_15min c
GROUP BY 1, c.machine_id, c.energy_type, c.billing_month;
