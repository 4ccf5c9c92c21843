-- Codes that name no row of the referenced table; one row per such cell, the code as the user
-- wrote it (its staged text).
-- {table}.{column} must exist in {ref_table}.{ref_column}: a pair of contract REFERENCES.
-- applies: references; emits: unknown_reference
with final as (
    select 'error' as severity, 'unknown_reference' as code, t._row as row_number,
           '{column}' as column_name, w.{column} as value, '{ref_table}' as detail
    from typ_{table} as t
    join stg_{table} as w using (_row)
    anti join typ_{ref_table} as r on t.{column} = r.{ref_column}
    where t.{column} is not null
)
select * from final
