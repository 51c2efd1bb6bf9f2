-- Plant registry written at run time (REST, CLI, plant file): which energy sources each machine
-- draws, in which unit it reports them, and the tariff it is billed under.

CREATE TABLE machine_energy_sources (
  machine_id       uuid NOT NULL REFERENCES machines (id) ON DELETE CASCADE,
  energy_source_id uuid NOT NULL REFERENCES energy_sources (id),
  unit             text NOT NULL,
  PRIMARY KEY (machine_id, energy_source_id)
);

ALTER TABLE machines ADD COLUMN tariff_id uuid REFERENCES energy_tariffs (id) ON DELETE SET NULL;

-- Plant files name tariffs per factory; the name is their natural key there.
CREATE UNIQUE INDEX energy_tariffs_factory_name_key ON energy_tariffs (factory_id, name);
