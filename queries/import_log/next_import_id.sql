-- The id the next import attempt gets: one row, one column.
-- No parameters; ids count up from 1 over every attempt, whatever its outcome.
select coalesce(max(import_id), 0) + 1 as import_id from imports
