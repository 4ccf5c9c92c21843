-- The large sample's units, every level together: staff sizes scaled so that they add up to
-- about $staff, whether a unit has units under it, its ability (shift of its "Đạt" chance) and
-- whether it is late with the last evaluation round (~5% entirely, ~5% for part of its staff).
-- $staff $seed
create or replace temp table units_gen as
with sized as (
    select u.*,
           exists (select 1 from units_levels c where c.parent_code = u.code) as has_children,
           sum(raw_size) over () as raw_total
    from units_levels u
)
select unit_idx, code, name, unit_type, parent_code, kind, place, top, has_children,
       greatest(2, cast(round(raw_size * $staff / raw_total) as integer)) as size,
       (h($seed, 'unit-ability', unit_idx) % 1000003) / 1000003.0 * 0.08 - 0.04 as ability,
       case when has_children then 0
            when (h($seed, 'unit-late', unit_idx) % 1000003) / 1000003.0 < 0.05 then 2
            when (h($seed, 'unit-late', unit_idx) % 1000003) / 1000003.0 < 0.10 then 1
            else 0 end as late
from sized
order by unit_idx
