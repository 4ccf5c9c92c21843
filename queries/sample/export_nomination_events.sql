-- The history file of the large sample: each nomination's steps in order.
-- Returns: one row per nomination event row of the file, columns in the contract's order.
select nomination_code, status, event_date, note from events_gen order by nomination_code, seq
