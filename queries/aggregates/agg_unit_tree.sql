-- Builds agg_unit_tree for one campaign: every unit with itself (depth 0) and each unit above
-- it, walking parent_unit up (the import's checks refuse loops). $campaign_code
insert into agg_unit_tree by name
with recursive tree(ancestor_code, unit_code, depth) as (
    select unit_code, unit_code, 0 from units where campaign_code = $campaign_code
    union all
    select u.parent_unit, t.unit_code, t.depth + 1
    from tree as t
    join units as u on u.campaign_code = $campaign_code and u.unit_code = t.ancestor_code
    where u.parent_unit is not null
),
final as (select $campaign_code as campaign_code, * from tree)
select * from final
