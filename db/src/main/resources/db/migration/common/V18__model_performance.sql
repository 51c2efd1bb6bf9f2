-- Model performance over time (the original's model_performance_metrics and model_alerts): each
-- evaluation of a baseline against the roll-ups of a recent window, and an alert for each drift
-- found. The original accepted client-supplied metrics; here EnMS computes them itself.
--
-- As the original's columns, minus the classifier counts (precision, recall, TP/FP/TN/FN: no
-- stored model is a classifier), plus the drift's type and the recommendation.
CREATE TABLE model_performance_metrics (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_id            uuid NOT NULL REFERENCES energy_baselines (id) ON DELETE CASCADE,
  model_type          text NOT NULL,
  machine_id          uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  model_version       integer NOT NULL,
  evaluation_date     timestamptz NOT NULL DEFAULT now(),
  evaluation_start    timestamptz NOT NULL,
  evaluation_end      timestamptz NOT NULL CHECK (evaluation_end > evaluation_start),
  sample_count        integer NOT NULL CHECK (sample_count >= 0),
  metrics             jsonb NOT NULL DEFAULT '{}'::jsonb,
  r_squared           double precision,
  rmse                double precision,
  mae                 double precision,
  mape                double precision,
  drift_detected      boolean NOT NULL DEFAULT false,
  drift_score         double precision,
  drift_threshold     double precision,
  drift_type          text CHECK (drift_type IN ('no_drift', 'data_drift', 'concept_drift')),
  recommendation      text CHECK (recommendation IN ('ok', 'monitor', 'retrain')),
  data_completeness   double precision CHECK (data_completeness BETWEEN 0 AND 1),
  outlier_percentage  double precision,
  evaluation_notes    text,
  created_by          text NOT NULL DEFAULT 'api',
  metadata            jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- The trend's search: one model type of one machine, by evaluation time.
CREATE INDEX model_performance_metrics_machine_idx
  ON model_performance_metrics (machine_id, model_type, evaluation_date);
CREATE INDEX model_performance_metrics_model_idx
  ON model_performance_metrics (model_id, evaluation_date DESC);

CREATE TABLE model_alerts (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  alert_type            text NOT NULL,
  severity              text NOT NULL CHECK (severity IN ('normal', 'warning', 'critical')),
  model_id              uuid REFERENCES energy_baselines (id) ON DELETE SET NULL,
  model_type            text NOT NULL,
  machine_id            uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  model_version         integer,
  metric_id             uuid REFERENCES model_performance_metrics (id) ON DELETE SET NULL,
  alert_timestamp       timestamptz NOT NULL DEFAULT now(),
  alert_message         text NOT NULL,
  alert_details         jsonb NOT NULL DEFAULT '{}'::jsonb,
  current_metric_value  double precision,
  threshold_value       double precision,
  baseline_metric_value double precision,
  is_resolved           boolean NOT NULL DEFAULT false,
  resolved_at           timestamptz,
  resolution_action     text,
  resolved_by           text,
  resolution_notes      text,
  auto_action_taken     boolean NOT NULL DEFAULT false,
  auto_action_type      text,
  auto_action_result    text,
  metadata              jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX model_alerts_unresolved_idx
  ON model_alerts (alert_timestamp DESC) WHERE NOT is_resolved;

-- A/B tests between two versions of a machine's baseline: both are judged on the same hours of
-- the test window (the original's traffic-split columns are left out: no request is routed to a
-- baseline, so there is no traffic to split).
CREATE TABLE model_ab_tests (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  test_name        text NOT NULL,
  model_type       text NOT NULL,
  machine_id       uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  model_a_id       uuid NOT NULL REFERENCES energy_baselines (id) ON DELETE CASCADE,
  model_a_version  integer NOT NULL,
  model_b_id       uuid NOT NULL REFERENCES energy_baselines (id) ON DELETE CASCADE,
  model_b_version  integer NOT NULL,
  test_start       timestamptz NOT NULL,
  test_end         timestamptz NOT NULL CHECK (test_end > test_start),
  created_by       text NOT NULL DEFAULT 'api',
  created_at       timestamptz NOT NULL DEFAULT now(),
  metadata         jsonb NOT NULL DEFAULT '{}'::jsonb
);
