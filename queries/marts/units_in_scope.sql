-- The units whose named rows a unit head may see: the unit chosen and every unit below it
-- (scope_units over the hierarchy built at import). One row per unit code.
-- $campaign_code $unit_codes
select unit_code from scope_units($campaign_code, $unit_codes) order by unit_code
