-- Writes everything to the database file (and empties the WAL) before the file is renamed.
-- No rows, no parameters.
checkpoint
