-- Supabase platform bootstrap, part 1: roles, schemas, extensions, auth helper functions.
-- Supabase's own image already provides all of this, so it is NOT a migration: the local stack
-- applies it as the superuser (supabase_admin) before `supabase migration up`. Idempotent.

-- Roles, with the attributes Supabase gives them.
do $$
declare
  r record;
begin
  for r in
    select * from (values
      ('postgres',            'login nosuperuser createrole createdb replication bypassrls'),
      ('anon',                'nologin noinherit'),
      ('authenticated',       'nologin noinherit'),
      ('service_role',        'nologin noinherit bypassrls'),
      ('authenticator',       'login noinherit'),
      ('supabase_auth_admin', 'login noinherit createrole')
    ) as t(name, attrs)
  loop
    if not exists (select from pg_roles where rolname = r.name) then
      execute format('create role %I', r.name);
    end if;
    execute format('alter role %I with %s', r.name, r.attrs);
  end loop;
end
$$;

-- Local-only passwords (the same ones `supabase start` uses); the hosted platform sets its own.
alter role postgres with password 'postgres';
alter role authenticator with password 'postgres';
alter role supabase_auth_admin with password 'postgres';

grant anon, authenticated, service_role to authenticator;
grant anon, authenticated, service_role to postgres;

alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role supabase_auth_admin set search_path = auth;

-- On Supabase the postgres role may set PostgREST's in-database settings on the authenticator role
-- (`alter role authenticator set pgrst.db_pre_request = …`, as its docs show); Postgres 16+ asks for
-- the ADMIN option for that (15 lets CREATEROLE do it), and a custom setting needs SET on it.
-- Admin only: no membership is inherited or used.
do $$
begin
  if current_setting('server_version_num')::int >= 160000 then
    execute 'grant authenticator to postgres with admin true, inherit false, set false';
  end if;
end
$$;
grant set on parameter pgrst.db_pre_request to postgres;

-- The postgres role runs migrations: it needs to create schemas, extensions and objects in public.
do $$
begin
  execute format('grant create, connect, temporary on database %I to postgres', current_database());
end
$$;
alter schema public owner to postgres;
grant usage on schema public to anon, authenticated, service_role;

-- Extensions live in their own schema, as on Supabase.
create schema if not exists extensions;
grant usage on schema extensions to postgres, anon, authenticated, service_role;
grant create on schema extensions to postgres;
create extension if not exists pgcrypto with schema extensions;
create extension if not exists "uuid-ossp" with schema extensions;

-- Auth schema, owned by the auth server's role.
create schema if not exists auth authorization supabase_auth_admin;
grant usage on schema auth to postgres, anon, authenticated, service_role;

-- auth.uid() and friends: read the claims PostgREST sets for each request (newer single JSON setting,
-- falling back to the older per-claim settings), exactly as Supabase defines them.
create or replace function auth.uid() returns uuid
language sql stable set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable set search_path = ''
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

alter function auth.uid() owner to supabase_auth_admin;
alter function auth.role() owner to supabase_auth_admin;
alter function auth.email() owner to supabase_auth_admin;
alter function auth.jwt() owner to supabase_auth_admin;
grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt()
  to postgres, anon, authenticated, service_role;

-- Objects that postgres (migrations) creates in public are usable by the API roles; RLS decides rows.
alter default privileges for role postgres in schema public
  grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public
  grant all on sequences to anon, authenticated, service_role;

-- Realtime publishes the tables that migrations add to this publication.
do $$
begin
  if not exists (select from pg_publication where pubname = 'supabase_realtime') then
    create publication supabase_realtime;
  end if;
end
$$;
alter publication supabase_realtime owner to postgres;

-- PostgREST reloads its schema cache after DDL, as on Supabase (event triggers need a superuser).
create or replace function extensions.pgrst_ddl_watch() returns event_trigger
language plpgsql
as $$
begin
  notify pgrst, 'reload schema';
end
$$;

do $$
begin
  if not exists (select from pg_event_trigger where evtname = 'pgrst_ddl_watch') then
    create event trigger pgrst_ddl_watch on ddl_command_end
      execute procedure extensions.pgrst_ddl_watch();
  end if;
end
$$;
