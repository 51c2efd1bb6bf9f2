-- The MQTT client ids each node subscribes with (one per connection, cleanSession=false) and the
-- cluster member that owns them now. When a member leaves the cluster for good, the broker keeps
-- dealing its share of the shared subscription into these persistent sessions; a survivor finds the
-- orphaned ids here, drains their sessions and unsubscribes them (enms.ingest.adoption).
-- member_uid tells incarnations at the same address apart; seen_at is renewed by the owner and
-- compared with the database's clock only.
CREATE TABLE mqtt_sessions (
  client_id      text PRIMARY KEY,
  member_address text NOT NULL,
  member_uid     bigint NOT NULL,
  seen_at        timestamptz NOT NULL
);
