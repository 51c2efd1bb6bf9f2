-- Raw readings and their roll-ups on TimescaleDB.
--
-- Raw tables are hypertables with 1-day chunks, compressed and expired by the policies in
-- R__timescale_policies.sql. Measurements are double precision: 8-byte floats are fixed-width and
-- summed in hardware, several times faster to insert and aggregate than numeric, and sensors are
-- far less precise than 15 significant digits. Raw tables carry no foreign key to machines: the
-- ingest validates machine ids, and a per-row referential check would cost insert throughput.

CREATE EXTENSION IF NOT EXISTS timescaledb;

CREATE TABLE energy_readings (
  time               timestamptz NOT NULL,
  machine_id         uuid NOT NULL,
  energy_type        text NOT NULL DEFAULT 'electricity',
  power_kw           double precision NOT NULL,
  energy_kwh         double precision,
  energy_counter_kwh double precision,
  voltage_v          double precision,
  current_a          double precision,
  power_factor       double precision,
  frequency_hz       double precision,
  source             text NOT NULL DEFAULT 'mqtt',
  metadata           jsonb,
  UNIQUE (machine_id, time, energy_type)
);

CREATE TABLE production_data (
  time                      timestamptz NOT NULL,
  machine_id                uuid NOT NULL,
  production_count          bigint NOT NULL DEFAULT 0,
  production_count_good     bigint NOT NULL DEFAULT 0,
  production_count_bad      bigint NOT NULL DEFAULT 0,
  throughput_units_per_hour double precision,
  operating_mode            text,
  speed_percent             double precision,
  recipe_id                 text,
  metadata                  jsonb,
  UNIQUE (machine_id, time)
);

CREATE TABLE environmental_data (
  time                        timestamptz NOT NULL,
  machine_id                  uuid NOT NULL,
  outdoor_temp_c              double precision,
  indoor_temp_c               double precision,
  machine_temp_c              double precision,
  outdoor_humidity_percent    double precision,
  indoor_humidity_percent     double precision,
  pressure_bar                double precision,
  flow_rate_m3h               double precision,
  supply_air_temp_c           double precision,
  return_air_temp_c           double precision,
  chilled_water_supply_temp_c double precision,
  chilled_water_return_temp_c double precision,
  cop                         double precision,
  vibration_mm_s              double precision,
  metadata                    jsonb,
  UNIQUE (machine_id, time)
);

SELECT create_hypertable('energy_readings', 'time', chunk_time_interval => INTERVAL '1 day');
SELECT create_hypertable('production_data', 'time', chunk_time_interval => INTERVAL '1 day');
SELECT create_hypertable('environmental_data', 'time', chunk_time_interval => INTERVAL '1 day');

-- Energy chunks are segmented by energy type as well: the roll-ups and most queries read one
-- carrier of one machine.
ALTER TABLE energy_readings SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'machine_id, energy_type',
  timescaledb.compress_orderby = 'time DESC');
ALTER TABLE production_data SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'machine_id',
  timescaledb.compress_orderby = 'time DESC');
ALTER TABLE environmental_data SET (timescaledb.compress,
  timescaledb.compress_segmentby = 'machine_id',
  timescaledb.compress_orderby = 'time DESC');

-- Continuous aggregates: same names and columns as the plain dialect's roll-up tables. Every level
-- is computed from the raw hypertable (not from the finer aggregate) so that sums, minima, maxima
-- and averages are exact. Energy is keyed by energy_type so electricity is never summed with gas
-- or steam kWh-equivalents (a fix of the original). materialized_only: readers see exactly what
-- the refresher materialised, as with the plain dialect's tables.

CREATE MATERIALIZED VIEW energy_readings_1min
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 minute', time) AS bucket, machine_id, energy_type,
       avg(power_kw) AS avg_power_kw, min(power_kw) AS min_power_kw, max(power_kw) AS max_power_kw,
       stddev(power_kw) AS stddev_power_kw,
       sum(energy_kwh) AS total_energy_kwh, count(*) AS reading_count
FROM energy_readings
GROUP BY 1, 2, 3
WITH NO DATA;

CREATE MATERIALIZED VIEW energy_readings_15min
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '15 minutes', time) AS bucket, machine_id, energy_type,
       avg(power_kw) AS avg_power_kw, min(power_kw) AS min_power_kw, max(power_kw) AS max_power_kw,
       max(power_kw) AS peak_demand_kw,
       sum(energy_kwh) AS total_energy_kwh, count(*) AS reading_count
FROM energy_readings
GROUP BY 1, 2, 3
WITH NO DATA;

CREATE MATERIALIZED VIEW energy_readings_1hour
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 hour', time) AS bucket, machine_id, energy_type,
       avg(power_kw) AS avg_power_kw, min(power_kw) AS min_power_kw, max(power_kw) AS max_power_kw,
       max(power_kw) AS peak_demand_kw,
       sum(energy_kwh) AS total_energy_kwh, count(*) AS reading_count
FROM energy_readings
GROUP BY 1, 2, 3
WITH NO DATA;

CREATE MATERIALIZED VIEW energy_readings_1day
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 day', time) AS bucket, machine_id, energy_type,
       avg(power_kw) AS avg_power_kw, min(power_kw) AS min_power_kw, max(power_kw) AS max_power_kw,
       max(power_kw) AS peak_demand_kw,
       sum(energy_kwh) AS total_energy_kwh, count(*) AS reading_count
FROM energy_readings
GROUP BY 1, 2, 3
WITH NO DATA;

CREATE MATERIALIZED VIEW production_data_1min
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 minute', time) AS bucket, machine_id,
       sum(production_count)::bigint AS total_production_count,
       sum(production_count_good)::bigint AS total_production_good,
       sum(production_count_bad)::bigint AS total_production_bad,
       avg(throughput_units_per_hour) AS avg_throughput, count(*) AS reading_count
FROM production_data
GROUP BY 1, 2
WITH NO DATA;

CREATE MATERIALIZED VIEW production_data_15min
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '15 minutes', time) AS bucket, machine_id,
       sum(production_count)::bigint AS total_production_count,
       sum(production_count_good)::bigint AS total_production_good,
       sum(production_count_bad)::bigint AS total_production_bad,
       avg(throughput_units_per_hour) AS avg_throughput, count(*) AS reading_count
FROM production_data
GROUP BY 1, 2
WITH NO DATA;

CREATE MATERIALIZED VIEW production_data_1hour
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 hour', time) AS bucket, machine_id,
       sum(production_count)::bigint AS total_production_count,
       sum(production_count_good)::bigint AS total_production_good,
       sum(production_count_bad)::bigint AS total_production_bad,
       avg(throughput_units_per_hour) AS avg_throughput, count(*) AS reading_count
FROM production_data
GROUP BY 1, 2
WITH NO DATA;

CREATE MATERIALIZED VIEW production_data_1day
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 day', time) AS bucket, machine_id,
       sum(production_count)::bigint AS total_production_count,
       sum(production_count_good)::bigint AS total_production_good,
       sum(production_count_bad)::bigint AS total_production_bad,
       avg(throughput_units_per_hour) AS avg_throughput, count(*) AS reading_count
FROM production_data
GROUP BY 1, 2
WITH NO DATA;

CREATE MATERIALIZED VIEW environmental_data_1min
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 minute', time) AS bucket, machine_id,
       avg(outdoor_temp_c) AS avg_outdoor_temp_c, avg(indoor_temp_c) AS avg_indoor_temp_c,
       avg(machine_temp_c) AS avg_machine_temp_c, avg(pressure_bar) AS avg_pressure_bar,
       count(*) AS reading_count
FROM environmental_data
GROUP BY 1, 2
WITH NO DATA;

CREATE MATERIALIZED VIEW environmental_data_15min
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '15 minutes', time) AS bucket, machine_id,
       avg(outdoor_temp_c) AS avg_outdoor_temp_c, avg(indoor_temp_c) AS avg_indoor_temp_c,
       avg(machine_temp_c) AS avg_machine_temp_c, avg(pressure_bar) AS avg_pressure_bar,
       count(*) AS reading_count
FROM environmental_data
GROUP BY 1, 2
WITH NO DATA;

CREATE MATERIALIZED VIEW environmental_data_1hour
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 hour', time) AS bucket, machine_id,
       avg(outdoor_temp_c) AS avg_outdoor_temp_c, avg(indoor_temp_c) AS avg_indoor_temp_c,
       avg(machine_temp_c) AS avg_machine_temp_c, avg(pressure_bar) AS avg_pressure_bar,
       count(*) AS reading_count
FROM environmental_data
GROUP BY 1, 2
WITH NO DATA;

CREATE MATERIALIZED VIEW environmental_data_1day
WITH (timescaledb.continuous, timescaledb.materialized_only = true) AS
SELECT time_bucket(INTERVAL '1 day', time) AS bucket, machine_id,
       avg(outdoor_temp_c) AS avg_outdoor_temp_c, avg(indoor_temp_c) AS avg_indoor_temp_c,
       avg(machine_temp_c) AS avg_machine_temp_c, avg(pressure_bar) AS avg_pressure_bar,
       count(*) AS reading_count
FROM environmental_data
GROUP BY 1, 2
WITH NO DATA;

-- TimescaleDB indexes each aggregate on (machine_id, bucket) itself (create_group_indexes).
