-- Real-time aggregation, as the original's continuous aggregates answer: a read of a roll-up
-- includes the buckets the refresh policies have not materialised yet (the running hour, today),
-- computed from the raw readings. Without it "energy today" stays empty until the first day closes.
ALTER MATERIALIZED VIEW energy_readings_1min SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW energy_readings_15min SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW energy_readings_1hour SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW energy_readings_1day SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW production_data_1min SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW production_data_15min SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW production_data_1hour SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW production_data_1day SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW environmental_data_1min SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW environmental_data_15min SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW environmental_data_1hour SET (timescaledb.materialized_only = false);
ALTER MATERIALIZED VIEW environmental_data_1day SET (timescaledb.materialized_only = false);
