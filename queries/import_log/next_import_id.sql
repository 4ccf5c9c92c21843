-- The id the next import attempt gets.
select coalesce(max(import_id), 0) + 1 as import_id from imports
