-- Builds agg_units for one campaign from units, agg_unit_tree, registrations and staff: one
-- row per unit (run after agg_unit_tree). $campaign_code
insert into agg_units by name
with tree as (
    select * from agg_unit_tree where campaign_code = $campaign_code
),
levels as (
    select unit_code, max(depth) as level from tree group by unit_code
),
below as (
    select ancestor_code as unit_code, count(*) filter (where depth = 1) as child_count,
           count(*) filter (where depth > 0) as descendant_count
    from tree group by ancestor_code
),
unit_registrations as (
    select subject_code as unit_code, registered_on from registrations
    where campaign_code = $campaign_code and subject_type = 'tap_the'
),
staff_counts as (
    select unit_code, count(*) as staff_count from staff
    where campaign_code = $campaign_code group by unit_code
),
final as (
    select $campaign_code as campaign_code, u.unit_code, u.unit_name, u.unit_type,
           u.parent_unit, l.level, b.child_count, b.descendant_count, r.registered_on,
           coalesce(s.staff_count, 0) as staff_count
    from units as u
    join levels as l using (unit_code)
    join below as b using (unit_code)
    left join unit_registrations as r using (unit_code)
    left join staff_counts as s using (unit_code)
    where u.campaign_code = $campaign_code
)
select * from final
