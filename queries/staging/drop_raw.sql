-- The raw text of one streamed table, dropped once stg_{table} holds it (memory, spill space).
-- No result; {table} from the allow-list.
drop table if exists raw_{table}
