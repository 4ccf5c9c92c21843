-- How many results (non-blank) each subject has per period: one row per campaign, period,
-- subject type and subject with at least one evaluation row. Built at import, in period order.
create table if not exists agg_subject_results (
    campaign_code varchar not null,
    period date not null,
    subject_type varchar not null,
    subject_code varchar not null,
    evaluated bigint not null
)
