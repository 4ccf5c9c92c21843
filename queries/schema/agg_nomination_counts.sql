-- Nominations counted per campaign, proposing unit, award form, status and the days they are
-- counted in it: from counted_from (the entry's date, not before the proposal) until the day
-- before counted_until (NULL: still in it). One row per such group. Built at import.
create table if not exists agg_nomination_counts (
    campaign_code varchar not null,
    proposing_unit varchar not null,
    award_code varchar not null,
    status varchar not null,
    counted_from date not null,
    counted_until date,
    nominations bigint not null
)
