-- Supabase platform bootstrap, part 3 (after the auth tables): what the platform grants on them.
-- The postgres role (migrations, SQL editor) may read auth tables and hang triggers on auth.users,
-- as on Supabase; the API roles get nothing here, so anon cannot read auth.users.
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant all on all tables in schema auth to supabase_auth_admin;
grant all on all sequences in schema auth to supabase_auth_admin;
