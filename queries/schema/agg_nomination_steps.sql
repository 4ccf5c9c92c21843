-- Every entry of a current nomination's history with the date of the entry after it
-- (next_date; NULL: the last one), in history order (date, then pipeline order): one row per
-- entry. A nomination's status as of D is its entry with event_date <= D < next_date.
-- name_rank: the nomination's place in the list's name order (agg_nomination_rows), so that
-- the list's first rows are chosen without joining the names.
create table if not exists agg_nomination_steps (
    campaign_code varchar not null,
    nomination_code varchar not null,
    subject_type varchar not null,
    subject_code varchar not null,
    award_code varchar not null,
    proposing_unit varchar not null,
    proposed_on date not null,
    status varchar not null,
    sort_order integer not null,
    is_final boolean not null,
    event_date date not null,
    next_date date,
    name_rank bigint
)
