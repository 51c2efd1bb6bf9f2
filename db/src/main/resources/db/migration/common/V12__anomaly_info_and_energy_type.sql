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
