-- Adds one column spec. $table_name $column_name $column_type $is_required
insert into import_columns values ($table_name, $column_name, $column_type, $is_required)
