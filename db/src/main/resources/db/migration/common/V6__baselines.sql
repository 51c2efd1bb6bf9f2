-- Energy baselines (versioned regression models per machine and energy source) and the key that
-- makes batch anomaly detection idempotent.
--
-- As the original's energy_baselines, plus what it computed and lost: the drivers' training
-- ranges (for range warnings and mean defaults after a restart), ASHRAE Guideline 14's CV(RMSE)
-- and NMBE, per-driver p-values and the validity verdict. Models are rows, not files, so two
-- energy sources of one machine can never overwrite each other's model.

CREATE TABLE energy_baselines (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  machine_id          uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  energy_source_id    uuid NOT NULL REFERENCES energy_sources (id),
  model_name          text NOT NULL,
  model_type          text NOT NULL DEFAULT 'linear_regression',
  model_version       integer NOT NULL CHECK (model_version > 0),
  training_start_date timestamptz NOT NULL,
  training_end_date   timestamptz NOT NULL,
  training_samples    integer NOT NULL,
  coefficients        jsonb NOT NULL,
  intercept           double precision NOT NULL,
  feature_names       text[] NOT NULL,
  r_squared           double precision NOT NULL,
  adjusted_r_squared  double precision,
  rmse                double precision NOT NULL,
  mae                 double precision NOT NULL,
  cv_rmse             double precision,
  nmbe                double precision,
  residual_std        double precision NOT NULL,
  p_values            jsonb NOT NULL DEFAULT '{}'::jsonb,
  feature_ranges      jsonb NOT NULL,
  validity            jsonb NOT NULL,
  is_active           boolean NOT NULL DEFAULT false,
  trained_by          text NOT NULL DEFAULT 'enms',
  created_at          timestamptz NOT NULL DEFAULT now(),
  metadata            jsonb NOT NULL DEFAULT '{}'::jsonb,
  UNIQUE (machine_id, energy_source_id, model_version)
);

-- At most one active model per machine and energy source.
CREATE UNIQUE INDEX energy_baselines_active_key
  ON energy_baselines (machine_id, energy_source_id) WHERE is_active;

-- Re-running detection over a period stores each finding once.
ALTER TABLE anomalies
  ADD CONSTRAINT anomalies_detection_key
  UNIQUE (machine_id, detected_at, anomaly_type, detection_method);

CREATE INDEX anomalies_detected_idx ON anomalies (detected_at DESC);
