-- Import jobs and the horizon of raw retention.

-- API import jobs (POST /api/v1/import): their state, progress and summary, so that any node
-- answers GET /api/v1/import/{job_id}, also after the node that ran the job restarted. The node
-- running a job renews heartbeat_at every few seconds; a queued or running job whose heartbeat is
-- older than a minute lost its node (a crash, a restart) and is marked failed.
CREATE TABLE import_jobs (
  job_id           uuid PRIMARY KEY,
  status           text NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
  file             text NOT NULL,
  machine          text NOT NULL,
  owner            text NOT NULL,
  rows_read        bigint NOT NULL DEFAULT 0,
  rows_imported    bigint NOT NULL DEFAULT 0,
  rows_rejected    bigint NOT NULL DEFAULT 0,
  progress_percent double precision NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  heartbeat_at     timestamptz NOT NULL,
  finished_at      timestamptz,
  summary          jsonb,
  error            text,
  problems         jsonb
);

CREATE INDEX import_jobs_active ON import_jobs (heartbeat_at) WHERE status IN ('queued', 'running');
CREATE INDEX import_jobs_finished ON import_jobs (finished_at) WHERE finished_at IS NOT NULL;

-- One row, written at the first start after this migration (RawRetention): raw retention drops the
-- raw readings of the live era, the UTC days from history_before on, once they are older than
-- enms.db.retention-days. Readings before history_before are imported history: they stay, so their
-- roll-ups can always be recomputed. dropped_before is how far retention has dropped the live era;
-- on TimescaleDB nothing may be imported into [history_before, dropped_before), because refreshing
-- a continuous aggregate over dropped chunks erases what it held there, for every machine.
CREATE TABLE raw_retention (
  id             boolean PRIMARY KEY DEFAULT true CHECK (id),
  history_before timestamptz NOT NULL,
  dropped_before timestamptz NOT NULL,
  CHECK (dropped_before >= history_before)
);
