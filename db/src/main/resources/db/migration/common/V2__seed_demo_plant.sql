-- Reference data every plant shares: energy sources and grid carbon factors (from the original
-- EnMS 07-iso50001-schema.sql and 06-seed-data.sql), re-runnable. The demo plant's factories,
-- machines, SEUs and tariffs are not seeded here: the node applies them through the plant registry
-- (org.enms.db.registry.DemoPlantSpec) when no plant file is declared.

INSERT INTO energy_sources (id, name, unit, cost_per_unit, carbon_factor, description) VALUES
  ('e0000000-0000-0000-0000-000000000001', 'electricity', 'kWh', 0.15, 0.45, 'Grid electricity'),
  ('e0000000-0000-0000-0000-000000000002', 'natural_gas', 'm³', 0.50, 2.03, 'Natural gas'),
  ('e0000000-0000-0000-0000-000000000003', 'compressed_air', 'Nm³', 0.03, 0.12, 'Compressed air'),
  ('e0000000-0000-0000-0000-000000000004', 'steam', 'kg', 0.08, 0.35, 'Process steam')
ON CONFLICT DO NOTHING;

INSERT INTO carbon_factors (id, region, grid_name, emission_factor_kg_co2_per_kwh, source,
                            valid_from) VALUES
  ('cf000000-0000-0000-0000-000000000001', 'US-California', 'CAISO', 0.22, 'EPA eGRID',
   '2024-01-01'),
  ('cf000000-0000-0000-0000-000000000002', 'Germany', 'German Grid', 0.35, 'UBA', '2024-01-01'),
  ('cf000000-0000-0000-0000-000000000003', 'default', 'Global Average', 0.45, 'IEA',
   '2024-01-01')
ON CONFLICT DO NOTHING;
