-- Example replicated enterprises for the map and the metrics in local runs (not loaded by prod).
-- Idempotent: inserts only what is missing. They have no running process; closing one closes the row.
insert into replicated_enterprise (name, enterprise_slug, owner_id, city, country, latitude, longitude,
    consent_map, consent_map_at, website, founded_on, trained_by, startup_cost, startup_cost_currency,
    status, consecutive_missed_reports, registered_at, status_changed_at)
select d.name, d.slug, 'trainee', d.city, d.country, d.lat, d.lon, true, current_timestamp, null, null, 'mentor',
       d.cost, 'USD', d.status, d.missed, current_timestamp, current_timestamp
from (select 'Missouri Earth Blocks' as name, 'ceb-press' as slug, 'Maysville' as city, 'United States' as country,
             39.89 as lat, -94.36 as lon, 900 as cost, 'ACTIVE' as status, 0 as missed
      union all select 'Kisumu Brick Cooperative', 'ceb-press', 'Kisumu', 'Kenya', -0.09, 34.77, 750, 'ACTIVE', 0
      union all select 'Valencia Printer Workshop', 'd3d-universal', 'Valencia', 'Spain', 39.47, -0.38, 600, 'LAPSED', 2) d
where not exists (select 1 from replicated_enterprise e where e.name = d.name);

insert into production_report (enterprise_id, period_label, period_start, period_end, units_produced, units_sold,
    sales_value, currency, costs, hours_worked, notes, submitted_by, submitted_at)
select e.id, '2026-Q3', date '2026-07-01', date '2026-10-01', r.units, r.units, r.sales, 'USD', r.costs, r.hours,
       null, 'trainee', current_timestamp
from replicated_enterprise e
join (select 'Missouri Earth Blocks' as name, 4 as units, 6000 as sales, 1800 as costs, 240 as hours
      union all select 'Kisumu Brick Cooperative', 2, 1200, 700, 200) r on r.name = e.name
where not exists (select 1 from production_report p where p.enterprise_id = e.id and p.period_start = date '2026-07-01');
