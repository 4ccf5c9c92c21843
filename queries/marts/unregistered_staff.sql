-- HCQT's follow-up list: staff of the units in scope with no individual registration on or
-- before $as_of. One row per staff member, by unit then name. $campaign_code $as_of $unit_codes
-- Read from agg_staff_registration (each staff member's first registration day and place in
-- this order, built at import): one scan, no join of the staff with their registrations.
-- $scope_units (NULL: every unit) keeps those units' staff only, and $row_limit (NULL: all)
-- the first rows.
with picked as (
    select s.*
    from agg_staff_registration as s
    semi join scope_units($campaign_code, $unit_codes) as u on u.unit_code = s.unit_code
    where s.campaign_code = $campaign_code
      and (s.registered_on is null or s.registered_on > cast($as_of as date))
      and ($scope_units is null or list_contains($scope_units, s.unit_code))
    order by s.list_rank
    limit $row_limit
)
select unit_code, unit_name, staff_code, full_name, position, staff_type, gender
from picked order by list_rank
