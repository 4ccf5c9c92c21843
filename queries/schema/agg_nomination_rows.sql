-- What the nominations table shows of a nomination that does not depend on the day asked for:
-- the subject's name and position, the proposing unit's name, the decision and achievement,
-- and name_rank, its place in (subject_name, nomination_code) order within the campaign (the
-- list sorts on award, status as of D, then this). One row per current nomination.
create table if not exists agg_nomination_rows (
    campaign_code varchar not null,
    nomination_code varchar not null,
    subject_name varchar,
    position varchar,
    proposing_unit_name varchar,
    decision_ref varchar,
    achievement varchar,
    name_rank bigint not null
)
