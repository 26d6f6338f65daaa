-- Example curricula and open cohorts for the seeded enterprises (local development and demos only).
-- Idempotent: inserts only what is missing.

insert into curriculum (enterprise_slug, version, created_at)
select s.slug, 1, current_timestamp
from enterprise_specification s
where s.slug in ('ceb-press', 'd3d-universal')
  and not exists (select 1 from curriculum c where c.enterprise_slug = s.slug and c.version = 1);

insert into curriculum_milestone (curriculum_id, position, title, description, evidence_required, expected_days)
select c.id, m.position, m.title, m.description, m.evidence_required, m.expected_days
from curriculum c
join (select 'ceb-press' as slug, 0 as position, 'Safety and shop orientation' as title,
             'Work through the torch table, drill press and hydraulics safety briefings and set up your workspace.'
             as description,
             'Photos of your workspace and a signed safety checklist.' as evidence_required, 7 as expected_days
      union all select 'ceb-press', 1, 'Fabricate the frame and compression chamber',
             'Cut, drill and weld the frame and chamber from the fabrication drawings; check squareness.',
             'Build log on the wiki with photos of each weld and the measured tolerances.', 14
      union all select 'ceb-press', 2, 'Hydraulics and controller',
             'Plumb the cylinder, valves and Power Cube; flash and wire the controller.',
             'Wiring and plumbing photos and a video of a full press cycle.', 10
      union all select 'ceb-press', 3, 'Soil testing and first 500 bricks',
             'Test local soil, tune the mix and press a pallet of bricks; log the production rate.',
             'Soil test results, production log and photos of the cured bricks.', 14
      union all select 'd3d-universal', 0, 'Print the printer parts',
             'Print the printed parts set for the frame, axes and extruder from the published files.',
             'Photos of the printed parts and the slicer settings you used.', 7
      union all select 'd3d-universal', 1, 'Frame, axes and extruder assembly',
             'Assemble the steel-rod frame, axes and extruder following the build manual.',
             'Build log with photos of each assembly step.', 7
      union all select 'd3d-universal', 2, 'Controller, firmware and calibration',
             'Wire the RAMPS controller, configure Marlin and calibrate steps, bed level and temperatures.',
             'Firmware configuration diff and calibration print photos.', 5
      union all select 'd3d-universal', 3, 'Run a paid build workshop',
             'Plan, price and run a one-day build workshop for at least three participants.',
             'Workshop announcement, participant count and a short retrospective.', 21) m
  on m.slug = c.enterprise_slug and c.version = 1
where not exists (select 1 from curriculum_milestone e
                  where e.curriculum_id = c.id and e.position = m.position);

insert into cohort (enterprise_slug, start_date, capacity, created_at)
select s.slug, current_date, 12, current_timestamp
from enterprise_specification s
where s.slug in ('ceb-press', 'd3d-universal')
  and not exists (select 1 from cohort c where c.enterprise_slug = s.slug);

insert into cohort_mentor (cohort_id, mentor_id)
select c.id, 'mentor'
from cohort c
where c.enterprise_slug in ('ceb-press', 'd3d-universal')
  and not exists (select 1 from cohort_mentor m where m.cohort_id = c.id and m.mentor_id = 'mentor');
