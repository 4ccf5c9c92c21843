-- stream_marks (see create_stream_marks) for an import without streamed tables: empty.
-- No result; no parameters.
create temp table if not exists stream_marks (
    table_name varchar, _row integer, column_name varchar, kind varchar, value varchar
)
