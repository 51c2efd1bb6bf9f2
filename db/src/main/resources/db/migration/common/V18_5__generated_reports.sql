-- Monthly reports made by POST /reports/v2/generate, kept until GET /reports/v2/download/{id}
-- fetches them from any node of the cluster. They expire (enms.reports.keep-for) and their number
-- is capped (enms.reports.max-stored): each new report removes the expired and the oldest beyond
-- the cap, so the table stays small. The PDF is recomputable from the roll-ups at any time.
CREATE TABLE generated_reports (
  id          uuid PRIMARY KEY,
  report_type text NOT NULL,
  factory_id  uuid REFERENCES factories (id) ON DELETE CASCADE,
  year        int NOT NULL,
  month       int NOT NULL CHECK (month BETWEEN 1 AND 12),
  file_name   text NOT NULL,
  pdf         bytea NOT NULL,
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL
);

CREATE INDEX generated_reports_created_idx ON generated_reports (created_at);
