-- Example enterprises for local development and demos (not loaded by the prod profile).
-- Idempotent: inserts only what is missing, so re-running after an edit never duplicates rows.

insert into enterprise_specification (slug, name, summary, category, version,
    hardware_license, software_license, documentation_license,
    operations_manual_url, operations_manual_version,
    open_source_statement, business_model_statement, dogfooding_statement,
    status, submitted_by, created_at, published_at)
select 'ceb-press', 'Compressed Earth Brick Press',
    'A hydraulic press that makes building blocks from local soil: up to 16 bricks a minute, '
    || 'built from steel stock with a torch table and a drill press, powered by the Power Cube.',
    'Construction', '6.0',
    'GPL-3.0-or-later', 'GPL-3.0-or-later', 'CC-BY-SA-4.0',
    'https://wiki.opensourceecology.org/wiki/CEB_Press', '2024.1',
    'Every drawing, CAD file, bill of materials and the controller code are published under GPL-3.0 and CC-BY-SA-4.0; '
    || 'anyone may build, sell and improve the press.',
    'The enterprise plan, costing, pricing and the build-day workshop format are published on the wiki with the manual.',
    'OSE builds its own houses with bricks from its own presses at Factor e Farm and sells presses built in build days.',
    'PUBLISHED', 'admin', current_timestamp, current_timestamp
where not exists (select 1 from enterprise_specification where slug = 'ceb-press');

insert into enterprise_specification (slug, name, summary, category, version,
    hardware_license, software_license, documentation_license,
    operations_manual_url, operations_manual_version,
    open_source_statement, business_model_statement, dogfooding_statement,
    status, submitted_by, created_at, published_at)
select 'd3d-universal', 'D3D Universal 3D Printer',
    'A large-format, modular 3D printer built in one day from printed parts, steel rods and a RAMPS '
    || 'controller; the basis of OSE''s 3D printer workshops and of many derivative machines.',
    'Digital fabrication', '22.06',
    'GPL-3.0-or-later', 'GPL-3.0-only', 'CC-BY-SA-4.0',
    'https://wiki.opensourceecology.org/wiki/D3D_Universal', '2022.06',
    'The frame, extruder and printed-part designs are GPL-3.0 and the Marlin firmware configuration is GPL-3.0; '
    || 'the build manual is CC-BY-SA-4.0.',
    'The workshop curriculum, kit pricing and the revenue model of a local printer-building enterprise are published.',
    'OSE prints the parts of its own machines on D3D printers and runs paid build workshops with them.',
    'PUBLISHED', 'admin', current_timestamp, current_timestamp
where not exists (select 1 from enterprise_specification where slug = 'd3d-universal');

insert into enterprise_revenue_model (specification_id, revenue_model)
select s.id, m.revenue_model
from enterprise_specification s
join (select 'ceb-press' as slug, 'PRODUCTION' as revenue_model
      union all select 'ceb-press', 'TRAINING'
      union all select 'd3d-universal', 'PRODUCTION'
      union all select 'd3d-universal', 'TRAINING'
      union all select 'd3d-universal', 'SOCIAL_BUSINESS') m on m.slug = s.slug
where not exists (select 1 from enterprise_revenue_model r
                  where r.specification_id = s.id and r.revenue_model = m.revenue_model);

insert into enterprise_asset (specification_id, position, type, title, url)
select s.id, a.position, a.type, a.title, a.url
from enterprise_specification s
join (select 'ceb-press' as slug, 0 as position, 'BILL_OF_MATERIALS' as type, 'Bill of materials' as title,
             'https://wiki.opensourceecology.org/wiki/CEB_Press_Bill_of_Materials' as url
      union all select 'ceb-press', 1, 'MANUFACTURING_PLANS', 'Fabrication drawings',
             'https://wiki.opensourceecology.org/wiki/CEB_Press_Fabrication_Drawings'
      union all select 'ceb-press', 2, 'QC_PROCEDURE', 'Quality control checklist',
             'https://wiki.opensourceecology.org/wiki/CEB_Press_QC'
      union all select 'ceb-press', 3, 'BUSINESS_PLAN', 'Enterprise plan',
             'https://wiki.opensourceecology.org/wiki/CEB_Press_Enterprise_Plan'
      union all select 'd3d-universal', 0, 'BILL_OF_MATERIALS', 'Bill of materials',
             'https://wiki.opensourceecology.org/wiki/D3D_Universal_Bill_of_Materials'
      union all select 'd3d-universal', 1, 'MANUFACTURING_PLANS', 'Build manual',
             'https://wiki.opensourceecology.org/wiki/D3D_Universal_Build_Manual'
      union all select 'd3d-universal', 2, 'QC_PROCEDURE', 'Calibration and QC',
             'https://wiki.opensourceecology.org/wiki/D3D_Universal_QC'
      union all select 'd3d-universal', 3, 'BUSINESS_PLAN', 'Workshop enterprise plan',
             'https://wiki.opensourceecology.org/wiki/D3D_Universal_Enterprise_Plan') a on a.slug = s.slug
where not exists (select 1 from enterprise_asset e
                  where e.specification_id = s.id and e.position = a.position);
