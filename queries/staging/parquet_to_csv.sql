-- A Parquet table file as a UTF-8 CSV for the streaming reader: the column names as the header
-- line, every cell through parquet_text. $path: the Parquet file; $out: the CSV written.
copy (select parquet_text(columns(*)) from read_parquet($path)) to $out (header true, delimiter ',')
