-- Records one import attempt (every outcome: imported, unchanged, rejected, unreadable).
-- One row into imports. $import_id $campaign_code $file_name $sha256 $started_at $finished_at
-- $outcome $rows_per_table $error_count $warning_count $errors $warnings (the last four JSON).
insert into imports values (
    $import_id, $campaign_code, $file_name, $sha256, $started_at, $finished_at, $outcome,
    $rows_per_table, $error_count, $warning_count, $errors, $warnings
)
