-- One row per nomination file (hồ sơ đề nghị khen thưởng) of a campaign.
-- status and status_date are those of the last import; the history is nomination_events.
create table if not exists nominations (
    campaign_code varchar not null,
    nomination_code varchar not null,
    subject_type varchar not null,
    subject_code varchar not null,
    award_code varchar not null,
    proposing_unit varchar not null,
    proposed_on date not null,
    status varchar not null,
    status_date date not null,
    decision_ref varchar,
    achievement varchar
)
