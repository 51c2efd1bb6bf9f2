-- The scheduler's daily KPI snapshot (job kpi_calculate): one row per machine, energy type and UTC
-- day, written by the same KPI service as /kpi/all for [day, day + 1 day). A run for a day already
-- snapshotted replaces its row (late readings, an import), so running the job twice changes nothing.
-- Grafana and /kpi/history read it; the figures are those of the priced intervals at computed_at.
CREATE TABLE kpi_daily_snapshots (
  day                    date NOT NULL,
  machine_id             uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  energy_type            text NOT NULL,
  total_energy_kwh       double precision NOT NULL,
  avg_power_kw           double precision,
  peak_demand_kw         double precision,
  peak_demand_time       timestamptz,
  load_factor            double precision,
  total_production_units bigint NOT NULL,
  sec_kwh_per_unit       double precision,
  energy_charge          double precision NOT NULL,
  demand_charge          double precision NOT NULL,
  total_cost             double precision NOT NULL,
  currency               text NOT NULL,
  total_co2_kg           double precision NOT NULL,
  intervals              bigint NOT NULL,
  computed_at            timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (machine_id, energy_type, day)
);

CREATE INDEX kpi_daily_snapshots_day_idx ON kpi_daily_snapshots (day);
