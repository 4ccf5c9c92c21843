-- The staged Đợt thi đua rows with typed values; one row per sheet row. A blank (or absent)
-- participation target is the contract's default, 100.
create or replace temp table typ_campaigns as
select
    _row,
    parse_code(campaign_code) as campaign_code,
    campaign_name,
    parse_date(start_date) as start_date,
    parse_date(end_date) as end_date,
    plan_ref,
    case when target_participation_pct is null then 100
         when parse_number(target_participation_pct, pct := true) between 0 and 100
         then parse_number(target_participation_pct, pct := true) end as target_participation_pct
from stg_campaigns
