-- The interval pricing reads the 15-minute energy roll-up by time range for every machine (the
-- rows a refresh just wrote). Its primary key leads with the machine, so without this index every
-- refresh scanned the whole table. TimescaleDB needs none: its aggregates are chunked by bucket.
CREATE INDEX energy_readings_15min_bucket_idx ON energy_readings_15min (bucket);
