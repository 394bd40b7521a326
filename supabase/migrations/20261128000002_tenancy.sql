-- Tenancy core: companies (账套), memberships with roles, the permission matrix, departments, the
-- active-tenant choice, the audit log, and the machinery every tenant table uses for RLS.
--
-- How a row knows its company: every tenant table has `tenant_id uuid not null`. How a request knows
-- its company: app_private.current_tenant_id() = the `x-tenant-id` request header if the caller is an
-- active member of it, else profiles.active_tenant_id (survives reloads and token refreshes). Every
-- policy compares tenant_id with that single value, so no request can mix two tenants' rows.
-- How a right is checked: app_private.can(resource, action) reads the caller's roles in the current
-- tenant against role_permissions (data, editable per tenant). Writes are refused for expired trials.
--
-- Stable error codes (SQLSTATE, returned by the API as `code`):
--   TR100 not signed in            TR101 invalid credit code       TR102 invalid company field
--   TR103 not a member of tenant   TR104 permission denied         TR105 tenant is read-only (expired)
--   TR106 unknown role             (later migrations add TR2xx for members and invitations)

create schema if not exists app_private;
comment on schema app_private is 'Helpers and security-definer functions; never exposed through the API';
revoke all on schema app_private from public;
grant usage on schema app_private to authenticated, service_role;

-- ───────────────────────────── types ─────────────────────────────
create type public.taxpayer_type as enum ('general', 'small_scale');
comment on type public.taxpayer_type is '一般纳税人 (general) or 小规模纳税人 (small_scale)';
create type public.accounting_standard as enum ('small_enterprise', 'enterprise');
comment on type public.accounting_standard is '小企业会计准则 (small_enterprise) or 企业会计准则 (enterprise)';
create type public.tenant_status as enum ('trial', 'active', 'expired');

-- ───────────────────────────── tenants ─────────────────────────────
-- GB 32100-2015 check character of the 统一社会信用代码.
create function public.is_valid_credit_code(p_code text) returns boolean
language sql immutable strict set search_path = ''
as $$
  with chars(alphabet) as (select '0123456789ABCDEFGHJKLMNPQRTUWXY'),
  parts as (
    select sum((strpos(c.alphabet, substr(p_code, i, 1)) - 1)
             * (array[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[i]) as total
    from chars c, generate_series(1, 17) as i
  )
  select p_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'
     and substr(p_code, 18, 1) = substr((select alphabet from chars), ((31 - (total % 31)) % 31)::int + 1, 1)
  from parts
$$;
comment on function public.is_valid_credit_code(text) is 'Checks a 统一社会信用代码 against GB 32100-2015';

create table public.tenants (
  id uuid primary key default gen_random_uuid(),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  credit_code text not null check (public.is_valid_credit_code(credit_code)),
  taxpayer_type public.taxpayer_type not null default 'small_scale',
  accounting_standard public.accounting_standard not null default 'small_enterprise',
  fiscal_year_start_month smallint not null default 1 check (fiscal_year_start_month between 1 and 12),
  base_currency char(3) not null default 'CNY' check (base_currency ~ '^[A-Z]{3}$'),
  industry text check (char_length(industry) <= 100),
  status public.tenant_status not null default 'trial',
  trial_ends_at timestamptz not null default now() + interval '15 days',
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.tenants is 'A company''s set of books (账套)';
comment on column public.tenants.name is 'Company name';
comment on column public.tenants.credit_code is '统一社会信用代码 (18 characters, GB 32100 check character)';
comment on column public.tenants.taxpayer_type is 'Taxpayer type';
comment on column public.tenants.accounting_standard is 'Accounting standard';
comment on column public.tenants.fiscal_year_start_month is 'First month of the fiscal year';
comment on column public.tenants.base_currency is 'Base currency';
comment on column public.tenants.industry is 'Industry';
comment on column public.tenants.status is 'Subscription status: trial, active or expired';
comment on column public.tenants.trial_ends_at is 'End of the free trial';
create index tenants_created_by_idx on public.tenants (created_by);
-- Through the API a company changes only its name, code and industry: status and trial dates are the
-- platform's, and the standard, taxpayer type and fiscal year shape the books already provisioned.
revoke update on public.tenants from authenticated;
grant update (name, credit_code, industry) on public.tenants to authenticated;
create trigger tenants_touch before update on public.tenants
  for each row execute function public.touch_updated_at();
create index tenants_credit_code_idx on public.tenants (credit_code);

-- ───────────────────────────── permissions ─────────────────────────────
-- The catalog of resources and actions; modules add their rows in their own migrations.
create table public.permissions (
  resource text not null check (resource ~ '^[a-z][a-z0-9_]*$'),
  action text not null check (action in ('read', 'create', 'update', 'delete', 'approve', 'post', 'export')),
  description text not null default '',
  primary key (resource, action)
);
comment on table public.permissions is 'Every right that can be granted: a resource and an action';

create table public.roles (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  builtin boolean not null default false,
  created_at timestamptz not null default now(),
  unique (tenant_id, key),
  unique (tenant_id, id)
);
comment on table public.roles is 'Roles of a company: built-in ones and the company''s own';
comment on column public.roles.key is 'Stable key (owner, admin, sales, …)';
comment on column public.roles.name is 'Role name';
comment on column public.roles.builtin is 'Provided by Troika (its permissions follow the default matrix)';

create table public.role_permissions (
  tenant_id uuid not null,
  role_id uuid not null,
  resource text not null,
  action text not null,
  primary key (role_id, resource, action),
  foreign key (tenant_id, role_id) references public.roles (tenant_id, id) on delete cascade,
  foreign key (resource, action) references public.permissions (resource, action) on delete cascade
);
comment on table public.role_permissions is 'The permission matrix of a company: which role may do what';
create index role_permissions_tenant_role_idx on public.role_permissions (tenant_id, role_id);
create index role_permissions_resource_action_idx on public.role_permissions (resource, action);

-- The default matrix of the built-in roles (filled from policies/); copied into each new company.
create table app_private.builtin_roles (
  key text primary key,
  name text not null,
  position smallint not null
);
create table app_private.default_permissions (
  role_key text not null references app_private.builtin_roles (key),
  resource text not null,
  action text not null,
  primary key (role_key, resource, action),
  foreign key (resource, action) references public.permissions (resource, action) on delete cascade
);
create index default_permissions_resource_action_idx on app_private.default_permissions (resource, action);

-- Makes the default matrix equal to the rows in pg_temp.default_matrix_source (written by policies/).
-- Rights that are NEW in the default matrix are also given to the built-in roles of existing companies;
-- rights a company removed from its roles are not given back, and nothing is taken away from them.
create procedure app_private.sync_default_matrix()
language plpgsql set search_path = ''
as $$
begin
  create temporary table if not exists new_default_rows on commit drop as
    select s.role_key, s.resource, s.action from pg_temp.default_matrix_source s
    except select d.role_key, d.resource, d.action from app_private.default_permissions d;
  delete from app_private.default_permissions d
  where not exists (select 1 from pg_temp.default_matrix_source s
                    where (s.role_key, s.resource, s.action) = (d.role_key, d.resource, d.action));
  insert into app_private.default_permissions (role_key, resource, action)
  select role_key, resource, action from pg_temp.new_default_rows;
  insert into public.role_permissions (tenant_id, role_id, resource, action)
  select r.tenant_id, r.id, n.resource, n.action
  from pg_temp.new_default_rows n join public.roles r on r.builtin and r.key = n.role_key
  on conflict do nothing;
  drop table pg_temp.new_default_rows;
end
$$;

-- ───────────────────────────── people ─────────────────────────────
create table public.memberships (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  user_id uuid not null references auth.users (id) on delete cascade,
  display_name text not null default '' check (char_length(display_name) <= 100),
  email text,
  department_id uuid,
  joined_at timestamptz not null default now(),
  primary key (tenant_id, user_id)
);
comment on table public.memberships is 'People of a company';
comment on column public.memberships.display_name is 'Name shown to colleagues';
comment on column public.memberships.email is 'E-mail address';
comment on column public.memberships.department_id is 'Department';
comment on column public.memberships.joined_at is 'Joined on';
create index memberships_user_idx on public.memberships (user_id);

create table public.membership_roles (
  tenant_id uuid not null,
  user_id uuid not null,
  role_id uuid not null,
  primary key (tenant_id, user_id, role_id),
  foreign key (tenant_id, user_id) references public.memberships (tenant_id, user_id) on delete cascade,
  foreign key (tenant_id, role_id) references public.roles (tenant_id, id) on delete cascade
);
comment on table public.membership_roles is 'Which roles each person holds in a company';
create index membership_roles_role_idx on public.membership_roles (tenant_id, role_id);
create index membership_roles_user_idx on public.membership_roles (user_id);

create table public.departments (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  parent_id uuid,
  manager_id uuid,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, parent_id) references public.departments (tenant_id, id) on delete restrict,
  foreign key (tenant_id, manager_id) references public.memberships (tenant_id, user_id) on delete set null (manager_id),
  check (parent_id is distinct from id)
);
comment on table public.departments is 'Departments (org chart): approval chains and reports use it';
comment on column public.departments.name is 'Department name';
comment on column public.departments.parent_id is 'Parent department';
comment on column public.departments.manager_id is 'Manager';
create index departments_tenant_idx on public.departments (tenant_id);
create index departments_parent_idx on public.departments (tenant_id, parent_id);
create index departments_manager_idx on public.departments (tenant_id, manager_id);

alter table public.memberships
  add foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete set null (department_id);
create index memberships_department_idx on public.memberships (tenant_id, department_id);

-- A department cannot become its own ancestor.
create function app_private.departments_no_cycle() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.parent_id is not null and exists (
    with recursive up(id) as (
      select new.parent_id
      union
      select d.parent_id from public.departments d join up on d.id = up.id where d.parent_id is not null
    )
    select 1 from up where id = new.id
  ) then
    raise exception using errcode = 'TR102', message = 'a department cannot be placed under itself',
      hint = 'parent_id';
  end if;
  return new;
end
$$;
create trigger departments_no_cycle before insert or update of parent_id on public.departments
  for each row execute function app_private.departments_no_cycle();

-- The active company of each person (the admin's tenant switcher writes it through switch_tenant).
alter table public.profiles add column active_tenant_id uuid references public.tenants (id) on delete set null;
comment on column public.profiles.active_tenant_id is 'The company this person is working in';
create index profiles_active_tenant_idx on public.profiles (active_tenant_id);
-- Only switch_tenant() sets it, after checking membership: people update only their own settings.
revoke update on public.profiles from authenticated;
grant update (display_name, locale) on public.profiles to authenticated;

-- ───────────────────────────── request context ─────────────────────────────
-- The request's company, its rights and its writability are answered by these three functions, each
-- built on the one before, so the rule lives in one place. They are plpgsql so that each connection
-- keeps their plans: every tenant-table policy evaluates tenant_if_can() once per query (bench/rls.ts).

-- The company of this request: the x-tenant-id header, else the person's active company, if the
-- person belongs to it. The caller is read from the claims PostgREST sets (what auth.uid() reads,
-- without its per-call overhead on this hot path).
create function app_private.current_tenant_id() returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  me uuid := (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid;
  wanted uuid := (nullif(current_setting('request.headers', true), '')::json ->> 'x-tenant-id')::uuid;
begin
  if me is null then
    return null;
  end if;
  if wanted is null then
    select p.active_tenant_id into wanted from public.profiles p where p.id = me;
  end if;
  if exists (select 1 from public.memberships m where m.tenant_id = wanted and m.user_id = me) then
    return wanted;
  end if;
  return null;
end
$$;
comment on function app_private.current_tenant_id() is
  'The company of this request: x-tenant-id header or the active one, if the caller belongs to it';

create function app_private.tenant_is_writable(p_tenant uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.tenants t
    where t.id = p_tenant and (t.status = 'active' or (t.status = 'trial' and t.trial_ends_at > now()))
  )
$$;

-- What every tenant-table policy compares tenant_id with: the request's company if the caller's roles
-- there grant the action (and, for writes, the company is writable), else null.
create function app_private.tenant_if_can(p_resource text, p_action text) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.current_tenant_id();
begin
  if t is null or not exists (
    select 1
    from public.membership_roles mr
    join public.role_permissions rp on rp.role_id = mr.role_id
    where mr.tenant_id = t
      and mr.user_id = (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')::uuid
      and rp.resource = p_resource and rp.action = p_action
  ) then
    return null;
  end if;
  if p_action not in ('read', 'export') and not app_private.tenant_is_writable(t) then
    return null;
  end if;
  return t;
end
$$;

create function app_private.can(p_resource text, p_action text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select app_private.tenant_if_can(p_resource, p_action) is not null
$$;
comment on function app_private.can(text, text) is
  'May the caller do this in the current company? (expired trials are read-only)';

-- For SQL functions: the current tenant and a right, or a clear error.
create function app_private.require(p_resource text, p_action text) returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.current_tenant_id();
begin
  if auth.uid() is null then
    raise exception using errcode = 'TR100', message = 'not signed in';
  end if;
  if t is null then
    if nullif(current_setting('request.headers', true), '')::json ->> 'x-tenant-id' is not null then
      raise exception using errcode = 'TR103', message = 'you are not a member of the company in x-tenant-id',
        hint = 'x-tenant-id';
    end if;
    raise exception using errcode = 'TR103', message = 'no active company: choose one with switch_tenant';
  end if;
  if p_action not in ('read', 'export') and not app_private.tenant_is_writable(t) then
    raise exception using errcode = 'TR105', message = 'the trial of this company has ended: it is read-only';
  end if;
  if not app_private.can(p_resource, p_action) then
    raise exception using errcode = 'TR104',
      message = format('permission denied: %s on %s', p_action, p_resource);
  end if;
  return t;
end
$$;

revoke all on all functions in schema app_private from public;
grant execute on function app_private.current_tenant_id(), app_private.can(text, text),
  app_private.tenant_is_writable(uuid), app_private.require(text, text),
  app_private.tenant_if_can(text, text) to authenticated, service_role;

-- ───────────────────────────── the RLS mechanism ─────────────────────────────
-- Every tenant table gets the same four policies, one per command, for members whose roles grant
-- the matching action on its resource. policies/ calls this for each table (see policies/README.md).
create procedure app_private.enable_tenant_rls(
  p_table regclass,
  p_resource text,
  p_tenant_column text default 'tenant_id',
  -- Tables written only through SQL functions (memberships, …) get fewer commands.
  p_commands text[] default '{select,insert,update,delete}'
)
language plpgsql set search_path = ''
as $$
declare
  tbl text := p_table::text;
  short text := (select c.relname from pg_catalog.pg_class c where c.oid = p_table);
  col text := quote_ident(p_tenant_column);
  cmd record;
begin
  if not exists (select 1 from public.permissions where resource = p_resource) then
    raise exception 'enable_tenant_rls(%): resource % is not in public.permissions', tbl, p_resource;
  end if;
  execute format('alter table %s enable row level security', tbl);
  execute format('revoke all on %s from anon', tbl);
  for cmd in
    select * from (values
      ('select', 'read', 'using'), ('insert', 'create', 'with check'),
      ('update', 'update', 'using'), ('delete', 'delete', 'using')
    ) as v(command, action, clause)
  loop
    execute format('drop policy if exists %I on %s', short || '_' || cmd.command || '_member', tbl);
    continue when not cmd.command = any (p_commands);
    execute format(
      'create policy %I on %s for %s to authenticated %s (%s = (select app_private.tenant_if_can(%L, %L)))%s',
      short || '_' || cmd.command || '_member', tbl, cmd.command, cmd.clause, col, p_resource, cmd.action,
      case when cmd.command = 'update'
        then format(' with check (%s = (select app_private.tenant_if_can(%L, %L)))', col, p_resource, cmd.action)
        else '' end
    );
    execute format('comment on policy %I on %s is %L', short || '_' || cmd.command || '_member', tbl,
      format('members of the current company whose role grants %s on %s', cmd.action, p_resource));
  end loop;
  -- The policy column must be indexed (leading column of some index).
  if not exists (
    select 1 from pg_catalog.pg_index i
    join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where i.indrelid = p_table and a.attname = p_tenant_column
  ) then
    execute format('create index %I on %s (%s)', short || '_' || p_tenant_column || '_idx', tbl, col);
  end if;
end
$$;

-- ───────────────────────────── audit log ─────────────────────────────
create table public.audit_log (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  table_name text not null,
  row_id text not null,
  action text not null check (action in ('insert', 'update', 'delete')),
  old_values jsonb,
  new_values jsonb,
  actor_id uuid,
  on_behalf_of uuid,
  at timestamptz not null default clock_timestamp()
);
comment on table public.audit_log is 'Every change to business rows: who, on whose behalf, when, before and after';
comment on column public.audit_log.table_name is 'Table';
comment on column public.audit_log.row_id is 'Row (primary key)';
comment on column public.audit_log.action is 'insert, update or delete';
comment on column public.audit_log.old_values is 'Before';
comment on column public.audit_log.new_values is 'After';
comment on column public.audit_log.actor_id is 'Who';
comment on column public.audit_log.on_behalf_of is 'On whose behalf (delegation, service accounts)';
comment on column public.audit_log.at is 'When';
create index audit_log_tenant_at_idx on public.audit_log (tenant_id, at desc);
create index audit_log_row_idx on public.audit_log (tenant_id, table_name, row_id);
-- Append-only: nobody edits or deletes it through the API, service_role included.
revoke insert, update, delete, truncate on public.audit_log from anon, authenticated, service_role;

create function app_private.audit_log_is_append_only() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = '42501', message = 'the audit log is append-only';
end
$$;
create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function app_private.audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on public.audit_log
  for each statement execute function app_private.audit_log_is_append_only();

-- Trigger arguments: the tenant column, then the primary-key columns.
create function app_private.audit_change() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) end;
  any_row jsonb := coalesce(new_row, old_row);
  key_parts text[] := '{}';
  i int;
begin
  if tg_op = 'UPDATE' and old_row = new_row then
    return null;
  end if;
  for i in 1 .. tg_nargs - 1 loop
    key_parts := key_parts || (any_row ->> tg_argv[i]);
  end loop;
  insert into public.audit_log (tenant_id, table_name, row_id, action, old_values, new_values, actor_id, on_behalf_of)
  values (
    (any_row ->> tg_argv[0])::uuid, tg_table_name, array_to_string(key_parts, ','), lower(tg_op),
    old_row, new_row, auth.uid(),
    nullif(current_setting('troika.on_behalf_of', true), '')::uuid
  );
  return null;
end
$$;

create procedure app_private.enable_audit(p_table regclass, p_tenant_column text default 'tenant_id')
language plpgsql set search_path = ''
as $$
declare
  short text := (select c.relname from pg_catalog.pg_class c where c.oid = p_table);
  args text;
begin
  select string_agg(quote_literal(a.attname), ', ' order by k.ord) into args
  from pg_catalog.pg_index i
  cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
  join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
  where i.indrelid = p_table and i.indisprimary;
  execute format('drop trigger if exists %I on %s', short || '_audit', p_table);
  execute format(
    'create trigger %I after insert or update or delete on %s for each row execute function app_private.audit_change(%L, %s)',
    short || '_audit', p_table, p_tenant_column, args
  );
end
$$;

-- ───────────────────────────── API functions ─────────────────────────────


-- Filled in by later migrations (chart of accounts, tax codes, periods, warehouse, sequences, …).
create function app_private.provision_books(p_tenant uuid) returns void
language plpgsql set search_path = ''
as $$
begin
  perform p_tenant;
end
$$;

create function public.create_company(
  p_name text,
  p_credit_code text,
  p_taxpayer_type public.taxpayer_type default 'small_scale',
  p_accounting_standard public.accounting_standard default 'small_enterprise',
  p_fiscal_year_start_month int default 1,
  p_industry text default null
) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  tenant uuid;
  owner_role uuid;
  my_email text;
  my_name text;
begin
  if me is null then
    raise exception using errcode = 'TR100', message = 'not signed in';
  end if;
  if p_name is null or char_length(btrim(p_name)) not between 1 and 200 then
    raise exception using errcode = 'TR102', message = 'company name must have 1 to 200 characters', hint = 'name';
  end if;
  p_credit_code := upper(btrim(coalesce(p_credit_code, '')));
  if not public.is_valid_credit_code(p_credit_code) then
    raise exception using errcode = 'TR101',
      message = format('invalid 统一社会信用代码 "%s": 18 characters with a GB 32100 check character', p_credit_code),
      hint = 'credit_code';
  end if;
  if p_fiscal_year_start_month is null or p_fiscal_year_start_month not between 1 and 12 then
    raise exception using errcode = 'TR102', message = 'fiscal year start month must be 1 to 12',
      hint = 'fiscal_year_start_month';
  end if;

  insert into public.tenants (name, credit_code, taxpayer_type, accounting_standard, fiscal_year_start_month, industry, created_by)
  values (btrim(p_name), p_credit_code, coalesce(p_taxpayer_type, 'small_scale'),
          coalesce(p_accounting_standard, 'small_enterprise'), p_fiscal_year_start_month, nullif(btrim(p_industry), ''), me)
  returning id into tenant;

  insert into public.roles (tenant_id, key, name, builtin)
  select tenant, b.key, b.name, true from app_private.builtin_roles b order by b.position;
  insert into public.role_permissions (tenant_id, role_id, resource, action)
  select tenant, r.id, d.resource, d.action
  from app_private.default_permissions d join public.roles r on r.tenant_id = tenant and r.key = d.role_key;

  select u.email, coalesce(nullif(p.display_name, ''), split_part(u.email, '@', 1))
    into my_email, my_name
  from auth.users u left join public.profiles p on p.id = u.id where u.id = me;
  insert into public.memberships (tenant_id, user_id, display_name, email) values (tenant, me, coalesce(my_name, ''), my_email);
  select id into owner_role from public.roles where tenant_id = tenant and key = 'owner';
  insert into public.membership_roles (tenant_id, user_id, role_id) values (tenant, me, owner_role);

  update public.profiles set active_tenant_id = tenant where id = me;
  perform app_private.provision_books(tenant);
  return tenant;
end
$$;
comment on function public.create_company(text, text, public.taxpayer_type, public.accounting_standard, int, text) is
  'Creates a company with its books, roles and defaults; the caller becomes its owner and works in it. '
  'SECURITY DEFINER because the caller is not a member yet, so RLS would hide the company, roles and membership it writes';

create function public.switch_tenant(p_tenant uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  if auth.uid() is null then
    raise exception using errcode = 'TR100', message = 'not signed in';
  end if;
  if not exists (select 1 from public.memberships where tenant_id = p_tenant and user_id = auth.uid()) then
    raise exception using errcode = 'TR103', message = 'you are not a member of this company', hint = 'tenant_id';
  end if;
  update public.profiles set active_tenant_id = p_tenant where id = auth.uid();
end
$$;
comment on function public.switch_tenant(uuid) is 'Chooses the company the caller works in. '
  'SECURITY DEFINER because profiles.active_tenant_id is not writable by people; membership is checked here';

create function public.my_tenants()
returns table (tenant_id uuid, name text, status public.tenant_status, trial_days_left int, role_keys text[], active boolean)
language sql stable security definer set search_path = ''
as $$
  select t.id, t.name,
    case when t.status = 'trial' and t.trial_ends_at <= now() then 'expired'::public.tenant_status else t.status end,
    case when t.status = 'trial' then greatest(0, ceil(extract(epoch from t.trial_ends_at - now()) / 86400))::int end,
    array(select r.key from public.membership_roles mr join public.roles r on r.id = mr.role_id
          where mr.tenant_id = t.id and mr.user_id = m.user_id order by r.key),
    t.id = (select p.active_tenant_id from public.profiles p where p.id = m.user_id)
  from public.memberships m join public.tenants t on t.id = m.tenant_id
  where m.user_id = (select auth.uid())
  order by t.name
$$;
comment on function public.my_tenants() is 'The companies the caller belongs to, with roles and trial days left. '
  'SECURITY DEFINER because it lists every company of the caller, across the one-company-per-request RLS';

create function public.my_permissions() returns table (resource text, action text)
language sql stable security definer set search_path = ''
as $$
  select distinct rp.resource, rp.action
  from public.membership_roles mr join public.role_permissions rp on rp.role_id = mr.role_id
  where mr.tenant_id = (select app_private.current_tenant_id()) and mr.user_id = (select auth.uid())
    and (rp.action in ('read', 'export') or app_private.tenant_is_writable(mr.tenant_id))
  order by 1, 2
$$;
comment on function public.my_permissions() is
  'What the caller may do in the current company (the admin shows menus and buttons from it). '
  'SECURITY DEFINER because it reads the caller''s own roles and rights, which RLS shows only with members:read and roles:read';

revoke execute on function public.create_company(text, text, public.taxpayer_type, public.accounting_standard, int, text),
  public.switch_tenant(uuid), public.my_tenants(), public.my_permissions() from public, anon;
grant execute on function public.create_company(text, text, public.taxpayer_type, public.accounting_standard, int, text),
  public.switch_tenant(uuid), public.my_tenants(), public.my_permissions() to authenticated;

-- Procedures and trigger functions are for migrations and triggers only.
revoke execute on procedure app_private.sync_default_matrix(), app_private.enable_tenant_rls(regclass, text, text, text[]),
  app_private.enable_audit(regclass, text) from public;
revoke execute on function app_private.audit_change(), app_private.audit_log_is_append_only(),
  app_private.departments_no_cycle(), app_private.provision_books(uuid) from public;

-- ───────────────────────────── catalog tables: readable by everyone signed in ─────────────────────────────
alter table public.permissions enable row level security;
create policy permissions_select_authenticated on public.permissions for select to authenticated using (true);
comment on policy permissions_select_authenticated on public.permissions is 'the catalog of rights is public to members';
revoke insert, update, delete, truncate on public.permissions from anon, authenticated;
revoke all on public.permissions from anon;
