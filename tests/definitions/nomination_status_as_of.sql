-- Every nomination in scope with its status as of $as_of (the macro holds the one definition):
-- one row per nomination. $campaign_code $as_of $unit_codes
select * from nomination_status_as_of($campaign_code, $as_of, $unit_codes)
