-- nomination_status_as_of(campaign_code, as_of, unit_codes): every nomination in scope with its
-- status as of one day: nomination_status_on_days for that single day. One row per nomination.
create or replace temp macro nomination_status_as_of(p_campaign_code, p_as_of, p_unit_codes)
as table
    select * exclude (day)
    from nomination_status_on_days(p_campaign_code, [cast(p_as_of as date)], p_unit_codes)
