-- A contract column the file does not have, added empty to raw_{table} so every staging query
-- can name every column. {table} and {column} from the allow-list.
alter table raw_{table} add column {column} varchar
