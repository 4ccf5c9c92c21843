-- The unit picker's search: units of the campaign whose code or name contains $search (folded:
-- case and diacritics ignored), top levels first, at most $limit: one row per unit.
-- $campaign_code $search $limit
with matched as (
    select unit_code, unit_name, parent_unit, level, descendant_count from agg_units
    where campaign_code = $campaign_code
      and (contains(fold_key(unit_name), fold_key($search))
           or contains(fold_key(unit_code), fold_key($search)))
)
select * from matched order by level, unit_name, unit_code limit $limit
