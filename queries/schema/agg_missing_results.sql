-- For each period with evaluation rows, every registered subject (agg_registered_subjects)
-- with fewer non-blank results than its type's criteria: its unit, names, registration day,
-- list_rank and the results expected and there. One row per period and such subject, stored
-- in period order (a query for one period reads its row groups only). Built at import.
create table if not exists agg_missing_results (
    campaign_code varchar not null,
    period date not null,
    subject_type varchar not null,
    subject_code varchar not null,
    unit_code varchar not null,
    unit_name varchar,
    subject_name varchar,
    registered_on date,
    list_rank bigint not null,
    results_expected bigint not null,
    results_evaluated bigint not null
)
