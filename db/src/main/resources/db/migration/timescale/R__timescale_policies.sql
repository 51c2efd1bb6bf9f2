-- TimescaleDB policies; re-applied whenever this file or its placeholders change
-- (enms.db.compression-after-days). Refresh offsets are the original's.
--
-- Retention: the raw hypertables get no retention policy. The node drops their old chunks itself
-- (RawRetention: the live era's chunks older than enms.db.retention-days, never imported history,
-- never while an import is writing), because drop_chunks marks the dropped range as changed, and a
-- refresh_continuous_aggregate over it later (an import into that period) would recompute it from
-- the raw rows left and delete the aggregated history of every machine there. Retention policies
-- of earlier versions are removed here. The continuous aggregates have no retention at all: they
-- keep every bucket, 1min included.
--
-- The refresh policies below never reach back more than 7 days (start_offset), and
-- enms.db.retention-days is at least 8, so no policy refresh ever covers a dropped chunk: the
-- aggregates keep their buckets when the raw chunks under them are dropped.

SELECT remove_retention_policy('energy_readings', if_exists => true);
SELECT remove_compression_policy('energy_readings', if_exists => true);
SELECT add_compression_policy('energy_readings', INTERVAL '${compression_after_days} days');
SELECT remove_retention_policy('production_data', if_exists => true);
SELECT remove_compression_policy('production_data', if_exists => true);
SELECT add_compression_policy('production_data', INTERVAL '${compression_after_days} days');
SELECT remove_retention_policy('environmental_data', if_exists => true);
SELECT remove_compression_policy('environmental_data', if_exists => true);
SELECT add_compression_policy('environmental_data', INTERVAL '${compression_after_days} days');
SELECT remove_continuous_aggregate_policy('energy_readings_1min', if_exists => true);
SELECT add_continuous_aggregate_policy('energy_readings_1min', start_offset => INTERVAL '3 hours',
  end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute');
SELECT remove_continuous_aggregate_policy('energy_readings_15min', if_exists => true);
SELECT add_continuous_aggregate_policy('energy_readings_15min', start_offset => INTERVAL '6 hours',
  end_offset => INTERVAL '15 minutes', schedule_interval => INTERVAL '5 minutes');
SELECT remove_continuous_aggregate_policy('energy_readings_1hour', if_exists => true);
SELECT add_continuous_aggregate_policy('energy_readings_1hour', start_offset => INTERVAL '1 day',
  end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '15 minutes');
SELECT remove_continuous_aggregate_policy('energy_readings_1day', if_exists => true);
SELECT add_continuous_aggregate_policy('energy_readings_1day', start_offset => INTERVAL '7 days',
  end_offset => INTERVAL '1 day', schedule_interval => INTERVAL '1 hour');
SELECT remove_continuous_aggregate_policy('production_data_1min', if_exists => true);
SELECT add_continuous_aggregate_policy('production_data_1min', start_offset => INTERVAL '3 hours',
  end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute');
SELECT remove_continuous_aggregate_policy('production_data_15min', if_exists => true);
SELECT add_continuous_aggregate_policy('production_data_15min', start_offset => INTERVAL '6 hours',
  end_offset => INTERVAL '15 minutes', schedule_interval => INTERVAL '5 minutes');
SELECT remove_continuous_aggregate_policy('production_data_1hour', if_exists => true);
SELECT add_continuous_aggregate_policy('production_data_1hour', start_offset => INTERVAL '1 day',
  end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '15 minutes');
SELECT remove_continuous_aggregate_policy('production_data_1day', if_exists => true);
SELECT add_continuous_aggregate_policy('production_data_1day', start_offset => INTERVAL '7 days',
  end_offset => INTERVAL '1 day', schedule_interval => INTERVAL '1 hour');
SELECT remove_continuous_aggregate_policy('environmental_data_1min', if_exists => true);
SELECT add_continuous_aggregate_policy('environmental_data_1min', start_offset => INTERVAL '3 hours',
  end_offset => INTERVAL '1 minute', schedule_interval => INTERVAL '1 minute');
SELECT remove_continuous_aggregate_policy('environmental_data_15min', if_exists => true);
SELECT add_continuous_aggregate_policy('environmental_data_15min', start_offset => INTERVAL '6 hours',
  end_offset => INTERVAL '15 minutes', schedule_interval => INTERVAL '5 minutes');
SELECT remove_continuous_aggregate_policy('environmental_data_1hour', if_exists => true);
SELECT add_continuous_aggregate_policy('environmental_data_1hour', start_offset => INTERVAL '1 day',
  end_offset => INTERVAL '1 hour', schedule_interval => INTERVAL '15 minutes');
SELECT remove_continuous_aggregate_policy('environmental_data_1day', if_exists => true);
SELECT add_continuous_aggregate_policy('environmental_data_1day', start_offset => INTERVAL '7 days',
  end_offset => INTERVAL '1 day', schedule_interval => INTERVAL '1 hour');
