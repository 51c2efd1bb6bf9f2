-- Live detection's lowest severity is "info" (e.g. a machine gone silent that drew little power).
-- The original's alert_level enum had only normal/warning/critical, so its API's "info" could never
-- be stored; live detection stored it as "normal". Allow "info" and give the live rows their name.
-- "normal" stays allowed: the original's clients create anomalies with it, and the API counts both
-- as the lowest level.
ALTER TABLE anomalies DROP CONSTRAINT anomalies_severity_check;
ALTER TABLE anomalies ADD CONSTRAINT anomalies_severity_check
  CHECK (severity IN ('info', 'normal', 'warning', 'critical'));

UPDATE anomalies SET severity = 'info'
WHERE severity = 'normal' AND metadata ->> 'source' = 'live';

-- Live detection scores every energy carrier of a machine (a boiler's electricity, natural gas
-- and steam), each against its own profile. One event can show on all three at the same reading,
-- so the carrier is part of what identifies a finding; existing rows are electricity.
ALTER TABLE anomalies ADD COLUMN energy_type text NOT NULL DEFAULT 'electricity';
ALTER TABLE anomalies DROP CONSTRAINT anomalies_detection_key;
ALTER TABLE anomalies ADD CONSTRAINT anomalies_detection_key
  UNIQUE (machine_id, detected_at, anomaly_type, detection_method, energy_type);
