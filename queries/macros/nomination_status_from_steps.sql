-- nomination_status_from_steps(campaign_code, as_of, unit_codes): every nomination proposed
-- on or before as_of by a unit in scope, with its status as of that day, read from
-- agg_nomination_steps (the entry with event_date <= as_of < next_date): the same rows as
-- nomination_status_as_of, the definition, without walking the history. One row per nomination.
create or replace temp macro nomination_status_from_steps(p_campaign_code, p_as_of, p_unit_codes)
as table
    select s.nomination_code, s.subject_type, s.subject_code, s.award_code, s.proposing_unit,
           s.proposed_on, s.status as status_as_of, s.event_date as status_since, s.name_rank
    from agg_nomination_steps as s
    semi join scope_units(p_campaign_code, p_unit_codes) as u on u.unit_code = s.proposing_unit
    where s.campaign_code = p_campaign_code
      and s.proposed_on <= cast(p_as_of as date)
      and s.event_date <= cast(p_as_of as date)
      and (s.next_date is null or s.next_date > cast(p_as_of as date))
