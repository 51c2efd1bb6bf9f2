-- The original EnMS demo plant (its 06-seed-data.sql and 08-production-seus.sql), re-runnable.

INSERT INTO factories (id, name, location, timezone, metadata) VALUES
  ('11111111-1111-1111-1111-111111111111', 'Demo Manufacturing Plant', 'Silicon Valley, CA',
   'America/Los_Angeles', '{"industry": "manufacturing", "employees": 250}'),
  ('22222222-2222-2222-2222-222222222222', 'European Production Facility', 'Munich',
   'Europe/Berlin', '{"industry": "automotive", "employees": 500}')
ON CONFLICT DO NOTHING;

INSERT INTO machines (id, factory_id, name, type, manufacturer, model, rated_power_kw,
                      rated_voltage_v, rated_current_a, rated_frequency_hz, location_in_factory,
                      data_interval_seconds, mqtt_topic, is_active, is_critical) VALUES
  ('c0000000-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111', 'Compressor-1',
   'compressor', 'Atlas Copco', 'GA 55 VSD', 55, 400, 79.3, 50, 'Compressor Room - West Wing',
   1, 'factory/demo/compressor-1', true, true),
  ('c0000000-0000-0000-0000-000000000002', '11111111-1111-1111-1111-111111111111', 'HVAC-Main',
   'hvac', 'Carrier', 'AquaEdge 23XRV', 150, 400, 216.5, 50, 'Rooftop - Main Building',
   10, 'factory/demo/hvac-main', true, true),
  ('c0000000-0000-0000-0000-000000000003', '11111111-1111-1111-1111-111111111111', 'Conveyor-A',
   'motor', 'SEW', 'DRS 90L4', 22, 400, 31.7, 50, 'Assembly Line A',
   10, 'factory/demo/conveyor-a', true, false),
  ('c0000000-0000-0000-0000-000000000004', '11111111-1111-1111-1111-111111111111',
   'Hydraulic-Pump-1', 'pump', 'Bosch Rexroth', 'A10VSO 140', 45, 400, 64.9, 50, 'Press Shop',
   30, 'factory/demo/hydraulic-pump-1', true, true),
  ('c0000000-0000-0000-0000-000000000005', '11111111-1111-1111-1111-111111111111',
   'Injection-Molding-1', 'injection_molding', 'Arburg', 'Allrounder 820 S', 120, 400, 173.2, 50,
   'Molding Hall', 30, 'factory/demo/injection-molding-1', true, true),
  ('c0000000-0000-0000-0000-000000000006', '22222222-2222-2222-2222-222222222222',
   'Compressor-EU-1', 'compressor', 'Kaeser', 'DSG 90', 90, 400, 64.9, 50,
   'Compressor Room - North', 1, 'factory/europe/compressor-1', true, true),
  ('c0000000-0000-0000-0000-000000000007', '22222222-2222-2222-2222-222222222222',
   'HVAC-EU-North', 'hvac', 'Daikin', 'EWAD-TZ-C', 200, 400, 129.9, 50, 'North Wing',
   10, 'factory/europe/hvac-north', true, true),
  ('c0000000-0000-0000-0000-000000000008', '11111111-1111-1111-1111-111111111111', 'Boiler-1',
   'boiler', 'Viessmann', 'Vitomax 200-LW', 45, 400, 288.7, 50, 'Boiler House',
   30, 'factory/DemoPlant/Boiler-1', true, false)
ON CONFLICT DO NOTHING;

INSERT INTO machine_status (machine_id, is_running, current_mode, health_score)
SELECT id, false, 'offline', 100 FROM machines
ON CONFLICT DO NOTHING;

INSERT INTO energy_sources (id, name, unit, cost_per_unit, carbon_factor, description) VALUES
  ('e0000000-0000-0000-0000-000000000001', 'electricity', 'kWh', 0.15, 0.45, 'Grid electricity'),
  ('e0000000-0000-0000-0000-000000000002', 'natural_gas', 'm³', 0.50, 2.03, 'Natural gas'),
  ('e0000000-0000-0000-0000-000000000003', 'compressed_air', 'Nm³', 0.03, 0.12, 'Compressed air'),
  ('e0000000-0000-0000-0000-000000000004', 'steam', 'kg', 0.08, 0.35, 'Process steam')
ON CONFLICT DO NOTHING;

INSERT INTO seus (id, name, description, energy_source_id, machine_ids, baseline_year)
SELECT v.id::uuid, v.name, v.description, s.id, ARRAY[v.machine_id::uuid], 2024
FROM (VALUES
  ('aaaaaaaa-1111-1111-1111-111111111111', 'Compressor-1 Electrical System',
   'Compressed air generation, Demo plant', 'c0000000-0000-0000-0000-000000000001'),
  ('aaaaaaaa-2222-2222-2222-222222222222', 'Compressor-EU-1 Electrical System',
   'Compressed air generation, Munich', 'c0000000-0000-0000-0000-000000000006'),
  ('aaaaaaaa-3333-3333-3333-333333333333', 'HVAC-Main Electrical System',
   'Main building HVAC', 'c0000000-0000-0000-0000-000000000002'),
  ('aaaaaaaa-4444-4444-4444-444444444444', 'HVAC-EU-North Electrical System',
   'North wing HVAC, Munich', 'c0000000-0000-0000-0000-000000000007'),
  ('aaaaaaaa-5555-5555-5555-555555555555', 'Conveyor-A Electrical System',
   'Assembly line A conveyor', 'c0000000-0000-0000-0000-000000000003'),
  ('aaaaaaaa-6666-6666-6666-666666666666', 'Hydraulic-Pump-1 Electrical System',
   'Press shop hydraulics', 'c0000000-0000-0000-0000-000000000004'),
  ('aaaaaaaa-7777-7777-7777-777777777777', 'Injection-Molding-1 Electrical System',
   'Molding hall injection molding', 'c0000000-0000-0000-0000-000000000005')
) AS v (id, name, description, machine_id)
JOIN energy_sources s ON s.name = 'electricity'
ON CONFLICT DO NOTHING;

-- applicable_days: 0 = Sunday .. 6 = Saturday.
INSERT INTO energy_tariffs (id, factory_id, name, description, rate_per_kwh, currency,
                            is_time_of_use, start_hour, end_hour, applicable_days, valid_from) VALUES
  ('f0000000-0000-0000-0000-000000000001', '11111111-1111-1111-1111-111111111111',
   'Peak Hours Rate', 'Weekday peak', 0.25, 'USD', true, 9, 21, '{1,2,3,4,5}', '2024-01-01'),
  ('f0000000-0000-0000-0000-000000000002', '11111111-1111-1111-1111-111111111111',
   'Off-Peak Rate', 'Nights, all days (wraps midnight)', 0.10, 'USD', true, 21, 9,
   '{0,1,2,3,4,5,6}', '2024-01-01'),
  ('f0000000-0000-0000-0000-000000000003', '22222222-2222-2222-2222-222222222222',
   'Standard Industrial Rate', 'Flat rate', 0.18, 'EUR', false, NULL, NULL, NULL, '2024-01-01')
ON CONFLICT DO NOTHING;

INSERT INTO carbon_factors (id, region, grid_name, emission_factor_kg_co2_per_kwh, source,
                            valid_from) VALUES
  ('cf000000-0000-0000-0000-000000000001', 'US-California', 'CAISO', 0.22, 'EPA eGRID',
   '2024-01-01'),
  ('cf000000-0000-0000-0000-000000000002', 'Germany', 'German Grid', 0.35, 'UBA', '2024-01-01'),
  ('cf000000-0000-0000-0000-000000000003', 'default', 'Global Average', 0.45, 'IEA',
   '2024-01-01')
ON CONFLICT DO NOTHING;
