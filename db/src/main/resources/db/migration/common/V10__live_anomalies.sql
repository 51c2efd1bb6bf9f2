-- Live detection (machine entities) finds the open anomalies it raised when an entity restarts,
-- so that it can resolve them later; resolution is recorded on the row, never by deleting it.
-- Idempotent inserts use the existing anomalies_detection_key (V6) and a deterministic id.
CREATE INDEX anomalies_open_idx ON anomalies (machine_id, detected_at) WHERE NOT is_resolved;
