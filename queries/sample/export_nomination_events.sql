-- The history file of the large sample: each nomination's steps in order.
-- Columns: nomination_code, status, event_date, note.
select nomination_code, status, event_date, note from events_gen order by nomination_code, seq
