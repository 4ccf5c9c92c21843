-- How many rows marts/nomination_list has for these parameters (the page's "first 2,000 of N"),
-- without joining the names. $campaign_code $as_of $unit_codes $scope_units (NULL: every unit)
select count(*) as row_count
from nomination_status_from_steps($campaign_code, $as_of, $unit_codes) as n
where $scope_units is null or list_contains($scope_units, n.proposing_unit)
