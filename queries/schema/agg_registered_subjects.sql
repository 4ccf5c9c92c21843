-- Every registration of a unit (tap_the) or staff member (ca_nhan) with the unit it belongs
-- to, the names shown and list_rank, its place in (unit_code, subject_type desc,
-- subject_name, subject_code) order within the campaign (marts/missing_evaluations' order).
-- One row per registration whose subject exists. Built at import.
create table if not exists agg_registered_subjects (
    campaign_code varchar not null,
    subject_type varchar not null,
    subject_code varchar not null,
    unit_code varchar not null,
    unit_name varchar,
    subject_name varchar,
    registered_on date,
    list_rank bigint not null
)
