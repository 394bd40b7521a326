-- On a hosted project, fold posted lines into the balances every minute with pg_cron when the
-- extension is enabled (the local stack runs stack/ledger-folder.ts instead). Reports are exact
-- without folding; folding keeps them fast as history grows. Enabling pg_cron later: run the
-- cron.schedule call below once.
do $$
begin
  if exists (select 1 from pg_extension where extname = 'pg_cron') then
    perform cron.schedule('troika-fold-gl', '* * * * *', 'select app_private.fold_gl()');
  end if;
end
$$;
