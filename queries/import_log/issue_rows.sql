-- The first $limit problems of each severity, in table order then row order; $table_order is
-- the list of table names in workbook order.
with ranked as (
    select *, row_number() over (
        partition by severity
        order by list_position($table_order, table_name), row_number nulls first, column_name, code
    ) as rank
    from import_issues
),
final as (select * exclude (rank) from ranked where rank <= $limit)
select * from final
order by severity, list_position($table_order, table_name), row_number nulls first, column_name,
    code
