-- A database written before agg_nomination_steps kept each nomination's name_rank gains the
-- column (NULL until aggregates/campaigns_to_build rebuilds that campaign's rows). No rows, no
-- parameters.
alter table agg_nomination_steps add column if not exists name_rank bigint
