-- One row per registration (participation) of a unit ('tap_the') or staff member ('ca_nhan').
create table if not exists registrations (
    campaign_code varchar not null,
    subject_type varchar not null,
    subject_code varchar not null,
    registered_on date not null,
    commitment varchar
)
