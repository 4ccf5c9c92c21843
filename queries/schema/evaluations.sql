-- One row per campaign, period, subject and criterion (Đánh giá).
-- result NULL = not yet evaluated; score 0–100 or NULL.
create table if not exists evaluations (
    campaign_code varchar not null,
    period date not null,
    subject_type varchar not null,
    subject_code varchar not null,
    criterion_code varchar not null,
    result boolean,
    score double,
    note varchar
)
