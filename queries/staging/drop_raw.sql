-- The raw text of one streamed table, once staged. {table} from the allow-list.
drop table if exists raw_{table}
