-- Adds one column spec: one row of import_columns.
-- $table_name $column_name $column_type $is_required
insert into import_columns values ($table_name, $column_name, $column_type, $is_required)
