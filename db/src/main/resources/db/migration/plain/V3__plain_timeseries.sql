-- Raw readings and their roll-ups on plain PostgreSQL.
--
-- Raw tables are range-partitioned by day (energy_readings_pYYYYMMDD, created ahead by
-- PartitionManager, dropped after the retention period). Measurements are double precision:
-- 8-byte floats are fixed-width and summed in hardware, several times faster to insert and
-- aggregate than numeric, and sensors are far less precise than 15 significant digits.
-- Raw tables carry no foreign key to machines: the ingest validates machine ids, and a per-row
-- referential check would cost a large share of the insert throughput.
-- The unique index (machine_id, time[, energy_type]) makes redelivered readings no-ops and also
-- serves per-machine time-range scans in both directions, so no second index is kept.

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
) PARTITION BY RANGE (time);

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
) PARTITION BY RANGE (time);

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
) PARTITION BY RANGE (time);

-- Roll-ups: same names and columns as the TimescaleDB continuous aggregates. Energy is keyed by
-- energy_type so electricity is never summed with gas or steam kWh-equivalents.

CREATE TABLE energy_readings_1min (
  bucket           timestamptz NOT NULL,
  machine_id       uuid NOT NULL,
  energy_type      text NOT NULL,
  avg_power_kw     double precision,
  min_power_kw     double precision,
  max_power_kw     double precision,
  stddev_power_kw  double precision,
  total_energy_kwh double precision,
  reading_count    bigint NOT NULL,
  PRIMARY KEY (machine_id, energy_type, bucket)
);

CREATE TABLE energy_readings_15min (
  bucket           timestamptz NOT NULL,
  machine_id       uuid NOT NULL,
  energy_type      text NOT NULL,
  avg_power_kw     double precision,
  min_power_kw     double precision,
  max_power_kw     double precision,
  peak_demand_kw   double precision,
  total_energy_kwh double precision,
  reading_count    bigint NOT NULL,
  PRIMARY KEY (machine_id, energy_type, bucket)
);

CREATE TABLE energy_readings_1hour (LIKE energy_readings_15min INCLUDING ALL);
CREATE TABLE energy_readings_1day (LIKE energy_readings_15min INCLUDING ALL);

CREATE TABLE production_data_1min (
  bucket                 timestamptz NOT NULL,
  machine_id             uuid NOT NULL,
  total_production_count bigint,
  total_production_good  bigint,
  total_production_bad   bigint,
  avg_throughput         double precision,
  reading_count          bigint NOT NULL,
  PRIMARY KEY (machine_id, bucket)
);

CREATE TABLE production_data_15min (LIKE production_data_1min INCLUDING ALL);
CREATE TABLE production_data_1hour (LIKE production_data_1min INCLUDING ALL);
CREATE TABLE production_data_1day (LIKE production_data_1min INCLUDING ALL);

CREATE TABLE environmental_data_1min (
  bucket             timestamptz NOT NULL,
  machine_id         uuid NOT NULL,
  avg_outdoor_temp_c double precision,
  avg_indoor_temp_c  double precision,
  avg_machine_temp_c double precision,
  avg_pressure_bar   double precision,
  reading_count      bigint NOT NULL,
  PRIMARY KEY (machine_id, bucket)
);

CREATE TABLE environmental_data_15min (LIKE environmental_data_1min INCLUDING ALL);
CREATE TABLE environmental_data_1hour (LIKE environmental_data_1min INCLUDING ALL);
CREATE TABLE environmental_data_1day (LIKE environmental_data_1min INCLUDING ALL);
