-- parquet_text(x): a Parquet cell as the text a spreadsheet cell gives (thidua.contract.textnorm
-- .cell_text): whole floating-point numbers without ".0", midnight timestamps as the date alone,
-- everything else as DuckDB writes it (dates ISO, booleans true/false). One value in, one out.
create or replace temp macro parquet_text(x) as
    case
        when typeof(x) in ('DOUBLE', 'FLOAT') then regexp_replace(cast(x as varchar), '\.0$', '')
        when typeof(x) like 'TIMESTAMP%'
            then regexp_replace(cast(x as varchar), ' 00:00:00(\+00)?$', '')
        else cast(x as varchar)
    end
