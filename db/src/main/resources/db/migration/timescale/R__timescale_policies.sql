-- TimescaleDB policies; re-applied whenever this file or its placeholders change
-- (enms.db.retention-days, enms.db.compression-after-days). Refresh offsets are the original's.

SELECT remove_retention_policy('energy_readings', if_exists => true);
SELECT add_retention_policy('energy_readings', INTERVAL '${retention_days} days');
SELECT remove_compression_policy('energy_readings', if_exists => true);
SELECT add_compression_policy('energy_readings', INTERVAL '${compression_after_days} days');
SELECT remove_retention_policy('production_data', if_exists => true);
SELECT add_retention_policy('production_data', INTERVAL '${retention_days} days');
SELECT remove_compression_policy('production_data', if_exists => true);
SELECT add_compression_policy('production_data', INTERVAL '${compression_after_days} days');
SELECT remove_retention_policy('environmental_data', if_exists => true);
SELECT add_retention_policy('environmental_data', INTERVAL '${retention_days} days');
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
