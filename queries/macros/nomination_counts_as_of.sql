-- nomination_counts_as_of(campaign_code, as_of, unit_codes): nominations proposed by units in
-- scope counted by award form and status as of one day, from agg_nomination_counts (the same
-- numbers as counting nomination_status_as_of): one row per award form and status that has any.
create or replace temp macro nomination_counts_as_of(p_campaign_code, p_as_of, p_unit_codes)
as table
    select c.award_code, c.status, sum(c.nominations)::bigint as nominations
    from agg_nomination_counts as c
    semi join scope_units(p_campaign_code, p_unit_codes) as u on u.unit_code = c.proposing_unit
    where c.campaign_code = p_campaign_code
      and c.counted_from <= cast(p_as_of as date)
      and (c.counted_until is null or c.counted_until > cast(p_as_of as date))
    group by c.award_code, c.status
