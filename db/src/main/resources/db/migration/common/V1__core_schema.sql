-- Plant registry, current machine state, ISO 50001 registry and ingest bookkeeping.
-- Names follow the original EnMS schema. Enumerations are TEXT with CHECK constraints rather
-- than PostgreSQL enum types, so that Jdbi binds them as plain strings.

CREATE TABLE factories (
  id            uuid PRIMARY KEY,
  name          text NOT NULL UNIQUE,
  location      text,
  address       text,
  timezone      text NOT NULL DEFAULT 'UTC',
  contact_email text,
  contact_phone text,
  is_active     boolean NOT NULL DEFAULT true,
  metadata      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE machines (
  id                    uuid PRIMARY KEY,
  factory_id            uuid NOT NULL REFERENCES factories (id) ON DELETE CASCADE,
  name                  text NOT NULL,
  description           text,
  type                  text NOT NULL CHECK (type IN ('compressor', 'hvac', 'motor', 'pump',
                          'injection_molding', 'conveyor', 'boiler', 'other')),
  manufacturer          text,
  model                 text,
  serial_number         text,
  installation_date     date,
  rated_power_kw        double precision NOT NULL,
  rated_voltage_v       double precision,
  rated_current_a       double precision,
  rated_frequency_hz    double precision DEFAULT 50,
  location_in_factory   text,
  data_interval_seconds integer NOT NULL DEFAULT 10,
  mqtt_topic            text,
  is_active             boolean NOT NULL DEFAULT true,
  is_critical           boolean NOT NULL DEFAULT false,
  metadata              jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  UNIQUE (factory_id, name)
);

CREATE INDEX machines_lower_name_idx ON machines (lower(name));

-- Current state only; history lives in the readings. Only the columns the status topic carries
-- are maintained (as in the original).
CREATE TABLE machine_status (
  machine_id       uuid PRIMARY KEY REFERENCES machines (id) ON DELETE CASCADE,
  is_running       boolean NOT NULL DEFAULT false,
  current_mode     text NOT NULL DEFAULT 'offline',
  current_power_kw double precision,
  health_score     double precision NOT NULL DEFAULT 100,
  alert_level      text NOT NULL DEFAULT 'normal'
                     CHECK (alert_level IN ('normal', 'warning', 'critical')),
  last_updated     timestamptz,
  metadata         jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE energy_sources (
  id             uuid PRIMARY KEY,
  name           text NOT NULL UNIQUE,
  unit           text NOT NULL,
  cost_per_unit  double precision,
  carbon_factor  double precision,
  description    text,
  is_active      boolean NOT NULL DEFAULT true,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE seus (
  id                      uuid PRIMARY KEY,
  name                    text NOT NULL UNIQUE,
  description             text,
  energy_source_id        uuid NOT NULL REFERENCES energy_sources (id),
  machine_ids             uuid[] NOT NULL CHECK (cardinality(machine_ids) > 0),
  baseline_year           integer CHECK (baseline_year BETWEEN 2020 AND 2100),
  baseline_start_date     date,
  baseline_end_date       date,
  regression_coefficients jsonb,
  intercept               double precision,
  feature_columns         text[],
  r_squared               double precision,
  rmse                    double precision,
  mae                     double precision,
  trained_at              timestamptz,
  trained_by              text,
  is_active               boolean NOT NULL DEFAULT true,
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE anomalies (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  machine_id         uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  detected_at        timestamptz NOT NULL,
  anomaly_type       text NOT NULL,
  severity           text NOT NULL CHECK (severity IN ('normal', 'warning', 'critical')),
  metric_name        text,
  metric_value       double precision,
  expected_value     double precision,
  deviation_percent  double precision,
  deviation_std_dev  double precision,
  detection_method   text,
  confidence_score   double precision,
  is_resolved        boolean NOT NULL DEFAULT false,
  resolved_at        timestamptz,
  resolution_notes   text,
  created_at         timestamptz NOT NULL DEFAULT now(),
  metadata           jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX anomalies_machine_detected_idx ON anomalies (machine_id, detected_at DESC);

CREATE TABLE energy_tariffs (
  id                  uuid PRIMARY KEY,
  factory_id          uuid NOT NULL REFERENCES factories (id) ON DELETE CASCADE,
  name                text NOT NULL,
  description         text,
  rate_per_kwh        double precision NOT NULL,
  currency            text NOT NULL DEFAULT 'USD',
  is_time_of_use      boolean NOT NULL DEFAULT false,
  start_hour          integer CHECK (start_hour BETWEEN 0 AND 23),
  end_hour            integer CHECK (end_hour BETWEEN 0 AND 24),
  applicable_days     integer[],
  demand_charge_per_kw double precision,
  valid_from          date NOT NULL,
  valid_to            date,
  is_active           boolean NOT NULL DEFAULT true,
  created_at          timestamptz NOT NULL DEFAULT now(),
  metadata            jsonb NOT NULL DEFAULT '{}'::jsonb
);

CREATE TABLE carbon_factors (
  id                             uuid PRIMARY KEY,
  region                         text NOT NULL,
  grid_name                      text,
  emission_factor_kg_co2_per_kwh double precision NOT NULL,
  source                         text,
  valid_from                     date NOT NULL,
  valid_to                       date,
  is_active                      boolean NOT NULL DEFAULT true,
  created_at                     timestamptz NOT NULL DEFAULT now(),
  metadata                       jsonb NOT NULL DEFAULT '{}'::jsonb
);

-- Messages the ingest could not store, kept (bounded) for diagnosis.
CREATE TABLE ingest_rejects (
  id          bigserial PRIMARY KEY,
  received_at timestamptz NOT NULL,
  topic       text NOT NULL,
  reason      text NOT NULL,
  payload     text
);
