-- Results per campaign, period, unit, subject type and criterion: met (Đạt) and evaluated
-- (non-blank) results of the unit itself (tap_the) or of its staff (ca_nhan). Built at import.
create table if not exists agg_unit_results (
    campaign_code varchar not null,
    period date not null,
    unit_code varchar not null,
    subject_type varchar not null,
    criterion_code varchar not null,
    met bigint not null,
    evaluated bigint not null
)
