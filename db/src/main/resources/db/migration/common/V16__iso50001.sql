-- ISO 50001: SEU baselines (versioned daily regressions of an SEU's energy on its relevant
-- variables), energy targets and action plans.
--
-- The original kept one SEU baseline in columns of seus, overwritten by each training; here each
-- training is a version and seus' columns carry the active one (what GET /seus reads). Targets
-- allow 'at_risk', which the original's code wrote and its CHECK refused.

CREATE TABLE seu_baselines (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seu_id             uuid NOT NULL REFERENCES seus (id) ON DELETE CASCADE,
  version            integer NOT NULL CHECK (version > 0),
  baseline_year      integer NOT NULL,
  start_date         date NOT NULL,
  end_date           date NOT NULL CHECK (end_date >= start_date),
  features           text[] NOT NULL,
  coefficients       jsonb NOT NULL,
  intercept          double precision NOT NULL,
  feature_means      jsonb NOT NULL,
  samples            integer NOT NULL,
  baseline_energy    double precision NOT NULL,
  r_squared          double precision NOT NULL,
  adjusted_r_squared double precision,
  rmse               double precision NOT NULL,
  mae                double precision NOT NULL,
  cv_rmse            double precision,
  nmbe               double precision,
  residual_std       double precision NOT NULL,
  validity           jsonb NOT NULL,
  is_active          boolean NOT NULL DEFAULT false,
  trained_by         text NOT NULL DEFAULT 'api',
  trained_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (seu_id, version)
);

CREATE UNIQUE INDEX seu_baselines_active_key ON seu_baselines (seu_id) WHERE is_active;

CREATE TABLE energy_targets (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  target_type              text NOT NULL CHECK (target_type IN ('seu', 'factory')),
  seu_id                   uuid REFERENCES seus (id) ON DELETE CASCADE,
  factory_id               uuid REFERENCES factories (id) ON DELETE CASCADE,
  target_year              integer NOT NULL CHECK (target_year BETWEEN 2000 AND 2100),
  target_description       text,
  baseline_year            integer NOT NULL,
  baseline_energy_kwh      double precision NOT NULL,
  target_reduction_percent double precision NOT NULL
                             CHECK (target_reduction_percent > 0 AND target_reduction_percent <= 100),
  target_energy_kwh        double precision NOT NULL,
  target_savings_kwh       double precision NOT NULL,
  current_energy_kwh       double precision,
  current_savings_kwh      double precision,
  progress_percent         double precision,
  status                   text NOT NULL DEFAULT 'active'
                             CHECK (status IN ('active', 'achieved', 'at_risk', 'missed', 'cancelled')),
  deadline                 date,
  created_by               text NOT NULL DEFAULT 'api_user',
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK ((target_type = 'seu' AND seu_id IS NOT NULL AND factory_id IS NULL)
      OR (target_type = 'factory' AND factory_id IS NOT NULL AND seu_id IS NULL))
);

CREATE TABLE action_plans (
  id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seu_id                   uuid REFERENCES seus (id) ON DELETE SET NULL,
  factory_id               uuid REFERENCES factories (id) ON DELETE CASCADE,
  title                    text NOT NULL CHECK (length(title) BETWEEN 1 AND 255),
  objective                text NOT NULL,
  description              text,
  target_savings_kwh       double precision NOT NULL CHECK (target_savings_kwh >= 0),
  target_savings_usd       double precision,
  actual_savings_kwh       double precision,
  actual_savings_usd       double precision,
  status                   text NOT NULL DEFAULT 'planned'
                             CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled', 'on_hold')),
  priority                 text NOT NULL DEFAULT 'medium'
                             CHECK (priority IN ('low', 'medium', 'high', 'critical')),
  responsible_person       text NOT NULL,
  responsible_department   text,
  start_date               date,
  target_date              date NOT NULL,
  completion_date          date,
  progress_percent         double precision NOT NULL DEFAULT 0
                             CHECK (progress_percent BETWEEN 0 AND 100),
  completion_notes         text,
  estimated_investment_usd double precision,
  actual_investment_usd    double precision,
  payback_period_months    double precision,
  created_by               text NOT NULL DEFAULT 'api_user',
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now(),
  CHECK (start_date IS NULL OR target_date >= start_date),
  CHECK ((status = 'completed') = (completion_date IS NOT NULL))
);

CREATE INDEX action_plans_factory_idx ON action_plans (factory_id);
CREATE INDEX action_plans_seu_idx ON action_plans (seu_id);
