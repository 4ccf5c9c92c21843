-- The full status history of every nomination, accumulated across imports (contract section 5);
-- source: 'proposal' | 'event' | 'status'; import_id: the import that first recorded the entry.
create table if not exists nomination_events (
    campaign_code varchar not null,
    nomination_code varchar not null,
    status varchar not null,
    event_date date not null,
    note varchar,
    source varchar not null,
    import_id integer
)
