-- Participation, fulfilment and completeness per unit in scope (contract section 5): one row per
-- unit, sorted by unit_code. $campaign_code $as_of $period (NULL: no evaluation yet) $unit_codes
select * from unit_metrics($campaign_code, $as_of, $period, $unit_codes) order by unit_code
