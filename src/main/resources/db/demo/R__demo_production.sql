-- The quality-control procedures of the example enterprises (not loaded by the prod profile).
-- Idempotent: inserts only what is missing.
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'ceb-press', 1, 'Frame squareness', 'Diagonals of the main frame differ by no more than 3 mm.', 'mm'
where not exists (select 1 from qc_criterion where enterprise_slug = 'ceb-press' and name = 'Frame squareness');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'ceb-press', 2, 'Hydraulic pressure test', 'Holds 2500 psi for 5 minutes with no leak at any fitting.', 'psi'
where not exists (select 1 from qc_criterion where enterprise_slug = 'ceb-press' and name = 'Hydraulic pressure test');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'ceb-press', 3, 'Cycle time', 'One full press cycle (load, compress, eject) takes 8 seconds or less.', 's'
where not exists (select 1 from qc_criterion where enterprise_slug = 'ceb-press' and name = 'Cycle time');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'ceb-press', 4, 'Brick thickness', 'Ten consecutive bricks measure 89 mm +/- 2 mm.', 'mm'
where not exists (select 1 from qc_criterion where enterprise_slug = 'ceb-press' and name = 'Brick thickness');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'ceb-press', 5, 'Proximity sensors and safety stop', 'Both sensors switch reliably; the stop halts the pump within 1 second.', null
where not exists (select 1 from qc_criterion where enterprise_slug = 'ceb-press' and name = 'Proximity sensors and safety stop');

insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'd3d-universal', 1, 'Frame squareness', 'Frame diagonals differ by no more than 1 mm.', 'mm'
where not exists (select 1 from qc_criterion where enterprise_slug = 'd3d-universal' and name = 'Frame squareness');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'd3d-universal', 2, 'Bed levelling', 'First layer height varies by no more than 0.1 mm across the bed.', 'mm'
where not exists (select 1 from qc_criterion where enterprise_slug = 'd3d-universal' and name = 'Bed levelling');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'd3d-universal', 3, 'Calibration cube', 'A 20 mm calibration cube prints within +/- 0.2 mm on X, Y and Z.', 'mm'
where not exists (select 1 from qc_criterion where enterprise_slug = 'd3d-universal' and name = 'Calibration cube');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'd3d-universal', 4, 'Hot end temperature', 'Holds 210 C within +/- 2 C for 10 minutes (PID tuned).', 'C'
where not exists (select 1 from qc_criterion where enterprise_slug = 'd3d-universal' and name = 'Hot end temperature');
insert into qc_criterion (enterprise_slug, position, name, description, measurement_unit)
select 'd3d-universal', 5, 'Endstops and thermal runaway protection', 'All endstops trigger; firmware halts on a simulated thermistor fault.', null
where not exists (select 1 from qc_criterion where enterprise_slug = 'd3d-universal' and name = 'Endstops and thermal runaway protection');
