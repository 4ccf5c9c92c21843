-- One row per registration (participation) of a campaign (Đăng ký thi đua).
-- subject_type is 'tap_the' (a unit) or 'ca_nhan' (a staff member).
create table if not exists registrations (
    campaign_code varchar not null,
    subject_type varchar not null,
    subject_code varchar not null,
    registered_on date not null,
    commitment varchar
)
