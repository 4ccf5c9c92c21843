-- scope_units(campaign_code, unit_codes): the units in scope U (contract section 5, Hierarchy):
-- every unit when unit_codes is NULL or empty, else the units chosen and all units below them.
-- One row per unit. Reads agg_unit_tree, the hierarchy built at import.
create or replace temp macro scope_units(p_campaign_code, p_unit_codes) as table
    select distinct unit_code
    from agg_unit_tree
    where campaign_code = p_campaign_code
      and case when p_unit_codes is null or len(p_unit_codes) = 0 then depth = 0
               else list_contains(p_unit_codes, ancestor_code) end
