-- One row per criterion of a campaign (Tiêu chí).
-- applies_to is 'tap_the' (units) or 'ca_nhan' (staff).
create table if not exists criteria (
    campaign_code varchar not null,
    criterion_code varchar not null,
    applies_to varchar not null,
    criterion_name varchar not null,
    weight double
)
