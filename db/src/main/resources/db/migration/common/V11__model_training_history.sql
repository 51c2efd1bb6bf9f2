-- Model training jobs (the original's model_training_history): every baseline training, manual
-- (POST /baseline/train, train-seu) or scheduled (the weekly retrain), moves through
-- pending → running → completed | failed. A job pending or running for longer than the
-- scheduler's training timeout lost its node and is marked failed by the training_cleanup job.
--
-- As the original's columns, plus id, progress_percent and the row's timestamps. model_id and
-- model_version name the model a completed job stored (energy_baselines); they are empty before.
CREATE TABLE model_training_history (
  id                        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_id                  uuid REFERENCES energy_baselines (id) ON DELETE SET NULL,
  model_type                text NOT NULL,
  machine_id                uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  model_version             integer,
  training_start            timestamptz,
  training_end              timestamptz,
  training_duration_seconds double precision,
  training_status           text NOT NULL DEFAULT 'pending'
                              CHECK (training_status IN ('pending', 'running', 'completed',
                                                         'failed')),
  training_data_start       timestamptz,
  training_data_end         timestamptz,
  training_samples          integer,
  hyperparameters           jsonb NOT NULL DEFAULT '{}'::jsonb,
  feature_names             text[],
  training_metrics          jsonb,
  validation_metrics        jsonb,
  initial_r_squared         double precision,
  initial_rmse              double precision,
  initial_mae               double precision,
  error_message             text,
  error_traceback           text,
  trigger_type              text NOT NULL
                              CHECK (trigger_type IN ('manual', 'scheduled', 'drift_detected',
                                                      'performance_degradation')),
  triggered_by              text,
  progress_percent          double precision NOT NULL DEFAULT 0,
  metadata                  jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at                timestamptz NOT NULL DEFAULT now(),
  updated_at                timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX model_training_history_machine_idx
  ON model_training_history (machine_id, created_at DESC);
-- The clean-up's search: only unfinished jobs.
CREATE INDEX model_training_history_unfinished_idx
  ON model_training_history (created_at) WHERE training_status IN ('pending', 'running');
