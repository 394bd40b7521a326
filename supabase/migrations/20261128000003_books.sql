-- The books of a company: chart of accounts, VAT codes, fiscal periods, warehouses, document number
-- sequences and posting-rule settings, and what create_company() provisions for a new company
-- (app_private.provision_books, which replaces the empty extension point of the tenancy migration).
--
-- Templates are data in app_private (not exposed): the charts of both standards (小企业会计准则 and
-- 企业会计准则), the VAT codes per taxpayer type, the document sequences and the posting settings.
-- Provisioning copies them with a handful of set-based inserts inside create_company's transaction, so
-- a company gets all of its books or nothing.
--
-- Decisions worth knowing:
-- * Account codes follow the 4-2-2 scheme in the templates; a company's own accounts need only extend
--   their parent's code (first level: exactly 4 digits). level and is_leaf are maintained by triggers
--   and cannot be written through the API (column privileges).
-- * Tax codes: only the set of the company's taxpayer type is provisioned (a general taxpayer gets
--   output 13/9/6/0 %, input 13/9/6 % and the input rate of small-scale suppliers' special invoices;
--   a small-scale taxpayer gets the 3 % levy, 1 % until 2027-12-31, and 5 %). Rates are effective-dated
--   rows, so a new announcement is a data change; the rows of one code never overlap in time.
-- * Fiscal years are named by the calendar year in which they start; "today" is taken in Asia/Shanghai.
-- * Document numbers: public.next_document_number() needs the right create on resource
--   document_sequences ("draw document numbers", granted to the roles that create documents). Modules
--   that create documents call app_private.next_document_number() from their own functions after
--   checking their own resource. Counters are rows per (company, document type, period): drawing a number
--   locks only that row, and a rolled-back transaction gives its number back (gap-free).
--
-- Stable error codes (SQLSTATE):
--   TR300 invalid account code              TR301 code does not extend the parent's code
--   TR302 sub-account of another type       TR303 account with sub-accounts cannot be renumbered/moved
--   TR304 unknown parent account            TR310 no rate for a tax code on a date
--   TR320 unknown document type             TR330 unknown company or books already provisioned

create extension if not exists btree_gist with schema extensions;

-- ───────────────────────────── types ─────────────────────────────
create type public.account_type as enum ('asset', 'liability', 'common', 'equity', 'cost', 'profit_and_loss');
comment on type public.account_type is
  '资产 asset, 负债 liability, 共同 common (企业会计准则 only), 所有者权益 equity, 成本 cost, 损益 profit_and_loss';
create type public.balance_direction as enum ('debit', 'credit');
comment on type public.balance_direction is 'Normal balance side: 借 debit or 贷 credit';
create type public.tax_kind as enum ('output', 'input', 'simplified');
comment on type public.tax_kind is '销项 output, 进项 input, 简易计税 simplified levy';
create type public.period_status as enum ('open', 'closed');
comment on type public.period_status is 'An open period takes postings; a closed one does not';
create type public.sequence_reset as enum ('month', 'year', 'never');
comment on type public.sequence_reset is 'When a document number counter starts again at 1';

-- ───────────────────────────── templates (app_private) ─────────────────────────────
create table app_private.account_templates (
  standard public.accounting_standard not null,
  code text not null check (code ~ '^[0-9]{4}([0-9]{2}){0,3}$'),
  name text not null,
  type public.account_type not null,
  direction public.balance_direction not null,
  auxiliary text[] not null default '{}',
  parent_code text generated always as (case when char_length(code) > 4 then left(code, char_length(code) - 2) end) stored,
  level smallint generated always as ((char_length(code) - 2) / 2) stored,
  primary key (standard, code),
  foreign key (standard, parent_code) references app_private.account_templates (standard, code)
);
comment on table app_private.account_templates is 'Charts of accounts of the accounting standards, copied into new companies';
create index account_templates_parent_idx on app_private.account_templates (standard, parent_code);

create table app_private.tax_code_templates (
  taxpayer_type public.taxpayer_type not null,
  code text not null,
  name text not null,
  kind public.tax_kind not null,
  rate numeric(6, 4) not null,
  valid_from date not null,
  valid_to date,
  primary key (taxpayer_type, code, valid_from)
);
comment on table app_private.tax_code_templates is 'VAT codes of each taxpayer type, copied into new companies';

create table app_private.document_sequence_templates (
  doc_type text primary key,
  name text not null,
  prefix text not null,
  reset_every public.sequence_reset not null default 'month',
  padding smallint not null default 4
);
comment on table app_private.document_sequence_templates is 'Document number sequences copied into new companies';

create table app_private.posting_setting_templates (
  standard public.accounting_standard not null,
  taxpayer_type public.taxpayer_type not null,
  key text not null,
  account_code text not null,
  description text not null,
  primary key (standard, taxpayer_type, key),
  foreign key (standard, account_code) references app_private.account_templates (standard, code)
);
comment on table app_private.posting_setting_templates is 'Default posting-rule accounts per standard, copied into new companies';
create index posting_setting_templates_account_idx on app_private.posting_setting_templates (standard, account_code);

-- ───────────────────────────── accounts ─────────────────────────────
create table public.accounts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  code text not null check (code ~ '^[0-9]{4,20}$'),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  parent_id uuid,
  level smallint not null default 1 check (level between 1 and 9),
  type public.account_type not null,
  direction public.balance_direction not null,
  is_leaf boolean not null default true,
  active boolean not null default true,
  auxiliary text[] not null default '{}'
    check (auxiliary <@ array['customer', 'supplier', 'item', 'department', 'project', 'employee']),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, code),
  unique (tenant_id, id),
  foreign key (tenant_id, parent_id) references public.accounts (tenant_id, id) on delete restrict
);
comment on table public.accounts is 'Chart of accounts (会计科目) of a company, as a tree';
comment on column public.accounts.code is 'Account code (科目编码): digits, extending the parent''s code';
comment on column public.accounts.name is 'Account name (科目名称)';
comment on column public.accounts.parent_id is 'Parent account (上级科目)';
comment on column public.accounts.level is 'Level in the tree (级次), 1 for first-level accounts';
comment on column public.accounts.type is 'Account type (科目类别)';
comment on column public.accounts.direction is 'Balance direction (余额方向)';
comment on column public.accounts.is_leaf is 'Has no sub-accounts (末级科目): only these take postings';
comment on column public.accounts.active is 'In use';
comment on column public.accounts.auxiliary is
  'Auxiliary dimensions a posting must name (辅助核算): customer, supplier, item, department, project, employee';
create index accounts_parent_idx on public.accounts (tenant_id, parent_id);

-- Checks the tree and sets level: a sub-account extends its parent's code and has its type.
create function app_private.accounts_check_tree() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  parent record;
begin
  if tg_op = 'UPDATE' and (new.code, new.parent_id, new.type) is distinct from (old.code, old.parent_id, old.type)
     and exists (select 1 from public.accounts c where c.tenant_id = old.tenant_id and c.parent_id = old.id) then
    raise exception using errcode = 'TR303',
      message = format('account %s has sub-accounts: its code, parent and type cannot change', old.code),
      hint = 'code';
  end if;
  if new.parent_id is null then
    if char_length(new.code) <> 4 then
      raise exception using errcode = 'TR300',
        message = format('a first-level account code has 4 digits, not "%s"', new.code), hint = 'code';
    end if;
    new.level := 1;
  else
    select a.code, a.level, a.type into parent
    from public.accounts a where a.tenant_id = new.tenant_id and a.id = new.parent_id;
    if not found then
      raise exception using errcode = 'TR304', message = 'the parent account is not in this company',
        hint = 'parent_id';
    end if;
    if char_length(new.code) <= char_length(parent.code) or left(new.code, char_length(parent.code)) <> parent.code then
      raise exception using errcode = 'TR301',
        message = format('account code "%s" must extend its parent''s code "%s"', new.code, parent.code),
        hint = 'code';
    end if;
    if new.type <> parent.type then
      raise exception using errcode = 'TR302',
        message = format('a sub-account of %s must have its type (%s)', parent.code, parent.type), hint = 'type';
    end if;
    new.level := parent.level + 1;
  end if;
  return new;
end
$$;
create trigger accounts_check_tree before insert or update of code, parent_id, type on public.accounts
  for each row execute function app_private.accounts_check_tree();

-- is_leaf, kept right per statement (set-based, so provisioning a chart costs no extra round of updates).
create function app_private.accounts_leaf_after_insert() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.accounts a set is_leaf = false
  where a.is_leaf and a.id in (select n.parent_id from new_rows n where n.parent_id is not null);
  return null;
end
$$;

create function app_private.accounts_leaf_after_delete() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.accounts a set is_leaf = true
  where not a.is_leaf
    and a.id in (select o.parent_id from old_rows o where o.parent_id is not null)
    and not exists (select 1 from public.accounts c where c.tenant_id = a.tenant_id and c.parent_id = a.id);
  return null;
end
$$;

create function app_private.accounts_leaf_after_update() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Only moves matter. Statement triggers fire even when no row changed, and the is_leaf updates
  -- below come back here: this return ends that. A row cannot be touched twice by the statement
  -- below (the first update needs is_leaf, the second not is_leaf).
  if not exists (select 1 from old_rows o join new_rows n on n.id = o.id where o.parent_id is distinct from n.parent_id) then
    return null;
  end if;
  with moved as (
    select o.parent_id as old_parent, n.parent_id as new_parent
    from old_rows o join new_rows n on n.id = o.id
    where o.parent_id is distinct from n.parent_id
  ),
  gained as (
    update public.accounts a set is_leaf = false
    where a.is_leaf and a.id in (select m.new_parent from moved m)
  )
  update public.accounts a set is_leaf = true
  where not a.is_leaf
    and a.id in (select m.old_parent from moved m)
    and not exists (select 1 from public.accounts c where c.tenant_id = a.tenant_id and c.parent_id = a.id);
  return null;
end
$$;

create trigger accounts_leaf_after_insert after insert on public.accounts
  referencing new table as new_rows for each statement execute function app_private.accounts_leaf_after_insert();
create trigger accounts_leaf_after_delete after delete on public.accounts
  referencing old table as old_rows for each statement execute function app_private.accounts_leaf_after_delete();
create trigger accounts_leaf_after_update after update on public.accounts
  referencing old table as old_rows new table as new_rows
  for each statement execute function app_private.accounts_leaf_after_update();
create trigger accounts_touch before update on public.accounts
  for each row execute function public.touch_updated_at();

-- level and is_leaf belong to the triggers: the API writes the other columns only.
revoke insert, update on public.accounts from authenticated;
grant insert (tenant_id, code, name, parent_id, type, direction, active, auxiliary) on public.accounts to authenticated;
grant update (code, name, parent_id, type, direction, active, auxiliary) on public.accounts to authenticated;

-- ───────────────────────────── tax codes ─────────────────────────────
create table public.tax_codes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  code text not null check (code ~ '^[A-Z0-9_]{1,20}$'),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  kind public.tax_kind not null,
  rate numeric(6, 4) not null check (rate >= 0 and rate < 1),
  valid_from date not null,
  valid_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, code, valid_from),
  check (valid_to is null or valid_to >= valid_from),
  constraint tax_codes_no_overlap exclude using gist (
    tenant_id with =, code with =, daterange(valid_from, valid_to, '[]') with &&
  )
);
comment on table public.tax_codes is 'VAT codes (税率/征收率) of a company, effective-dated: one rate per code and day';
comment on column public.tax_codes.code is 'Tax code';
comment on column public.tax_codes.name is 'Name';
comment on column public.tax_codes.kind is 'Output (销项), input (进项) or simplified levy (简易计税)';
comment on column public.tax_codes.rate is 'Rate (e.g. 0.1300)';
comment on column public.tax_codes.valid_from is 'Valid from (inclusive)';
comment on column public.tax_codes.valid_to is 'Valid until (inclusive; empty: no end)';
create trigger tax_codes_touch before update on public.tax_codes
  for each row execute function public.touch_updated_at();

-- ───────────────────────────── fiscal periods ─────────────────────────────
create table public.fiscal_periods (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  fiscal_year int not null check (fiscal_year between 1900 and 9999),
  period_no smallint not null check (period_no between 1 and 12),
  start_date date not null,
  end_date date not null,
  status public.period_status not null default 'open',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, fiscal_year, period_no),
  check (end_date >= start_date),
  constraint fiscal_periods_no_overlap exclude using gist (
    tenant_id with =, daterange(start_date, end_date, '[]') with &&
  )
);
comment on table public.fiscal_periods is 'Accounting periods (会计期间) of a company: one a month, never overlapping';
comment on column public.fiscal_periods.fiscal_year is 'Fiscal year (named by the calendar year it starts in)';
comment on column public.fiscal_periods.period_no is 'Period number within the fiscal year (1-12)';
comment on column public.fiscal_periods.start_date is 'First day';
comment on column public.fiscal_periods.end_date is 'Last day';
comment on column public.fiscal_periods.status is 'Open or closed (结账)';
create trigger fiscal_periods_touch before update on public.fiscal_periods
  for each row execute function public.touch_updated_at();

-- ───────────────────────────── warehouses ─────────────────────────────
create table public.warehouses (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9_-]{1,20}$'),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, code),
  unique (tenant_id, id)
);
comment on table public.warehouses is 'Warehouses (仓库) of a company';
comment on column public.warehouses.code is 'Warehouse code';
comment on column public.warehouses.name is 'Warehouse name';
comment on column public.warehouses.active is 'In use';
create trigger warehouses_touch before update on public.warehouses
  for each row execute function public.touch_updated_at();

-- ───────────────────────────── document numbers ─────────────────────────────
create table public.document_sequences (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  doc_type text not null check (doc_type ~ '^[a-z][a-z0-9_]*$'),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  prefix text not null check (char_length(prefix) between 1 and 10 and prefix !~ '[-\s]'),
  reset_every public.sequence_reset not null default 'month',
  padding smallint not null default 4 check (padding between 1 and 10),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, doc_type)
);
comment on table public.document_sequences is 'Document number sequences (单据编号规则) of a company';
comment on column public.document_sequences.doc_type is 'Document type';
comment on column public.document_sequences.name is 'Name';
comment on column public.document_sequences.prefix is 'Prefix (e.g. SO, 记)';
comment on column public.document_sequences.reset_every is 'Numbering starts again every month, every fiscal year or never';
comment on column public.document_sequences.padding is 'Digits of the counter (zero-padded)';
create trigger document_sequences_touch before update on public.document_sequences
  for each row execute function public.touch_updated_at();

create table public.document_sequence_counters (
  tenant_id uuid not null,
  doc_type text not null,
  -- YYYYMM (monthly), the fiscal year (yearly) or '' (never reset)
  period_key text not null,
  last_number bigint not null check (last_number > 0),
  primary key (tenant_id, doc_type, period_key),
  foreign key (tenant_id, doc_type) references public.document_sequences (tenant_id, doc_type) on delete cascade
);
comment on table public.document_sequence_counters is 'The last number drawn per document type and period';
comment on column public.document_sequence_counters.doc_type is 'Document type';
comment on column public.document_sequence_counters.period_key is 'Period (YYYYMM), fiscal year, or empty';
comment on column public.document_sequence_counters.last_number is 'Last number drawn';
-- Written only by next_document_number().
revoke insert, update, delete, truncate on public.document_sequence_counters from authenticated;

-- Draws the next number without checking rights: for SQL functions that have checked their own.
create function app_private.next_document_number(p_tenant uuid, p_doc_type text, p_date date) returns text
language plpgsql volatile set search_path = ''
as $$
declare
  seq record;
  key text;
  n bigint;
begin
  select s.prefix, s.reset_every, s.padding, t.fiscal_year_start_month into seq
  from public.document_sequences s join public.tenants t on t.id = s.tenant_id
  where s.tenant_id = p_tenant and s.doc_type = p_doc_type;
  if not found then
    raise exception using errcode = 'TR320', message = format('unknown document type "%s"', p_doc_type),
      hint = 'doc_type';
  end if;
  if p_date is null then
    p_date := (now() at time zone 'Asia/Shanghai')::date;
  end if;
  key := case seq.reset_every
    when 'month' then to_char(p_date, 'YYYYMM')
    when 'year' then (extract(year from p_date)::int
                      - case when extract(month from p_date) < seq.fiscal_year_start_month then 1 else 0 end)::text
    else ''
  end;
  -- The upsert locks only this counter row; concurrent callers queue on it, and a rollback returns
  -- the number to the counter (no gaps, unlike a Postgres sequence).
  insert into public.document_sequence_counters as c (tenant_id, doc_type, period_key, last_number)
  values (p_tenant, p_doc_type, key, 1)
  on conflict (tenant_id, doc_type, period_key) do update set last_number = c.last_number + 1
  returning c.last_number into n;
  return concat_ws('-', seq.prefix, nullif(key, ''), lpad(n::text, greatest(seq.padding, char_length(n::text)), '0'));
end
$$;
comment on function app_private.next_document_number(uuid, text, date) is
  'Next gap-free number of a document type (no rights check: callers check their own resource)';

-- security definer: the counters are not writable through the API; the right is checked here.
create function public.next_document_number(p_doc_type text, p_date date default null) returns text
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return app_private.next_document_number(app_private.require('document_sequences', 'create'), p_doc_type, p_date);
end
$$;
comment on function public.next_document_number(text, date) is
  'Draws the next number of a document type for a date, e.g. SO-202611-0001 (right: create on document_sequences). '
  'SECURITY DEFINER because the counters are not writable through the API: it checks the right itself.';

-- ───────────────────────────── posting settings ─────────────────────────────
create table public.posting_settings (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]*$'),
  account_id uuid not null,
  description text not null default '' check (char_length(description) <= 200),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, key),
  foreign key (tenant_id, account_id) references public.accounts (tenant_id, id) on delete restrict
);
comment on table public.posting_settings is
  'Which account each posting rule uses (科目设置): posting rules name a key here, never an account code';
comment on column public.posting_settings.key is 'Setting (e.g. ar_account)';
comment on column public.posting_settings.account_id is 'Account';
comment on column public.posting_settings.description is 'What the account is used for';
create index posting_settings_account_idx on public.posting_settings (tenant_id, account_id);
create trigger posting_settings_touch before update on public.posting_settings
  for each row execute function public.touch_updated_at();

-- ───────────────────────────── tax rate lookup ─────────────────────────────
-- security invoker: the caller reads tax codes under RLS (everyone in a company may).
create function public.tax_rate(p_code text, p_date date default null) returns numeric
language plpgsql stable set search_path = ''
as $$
declare
  d date := coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date);
  r numeric;
begin
  select tc.rate into r
  from public.tax_codes tc
  where tc.tenant_id = (select app_private.current_tenant_id())
    and tc.code = p_code and tc.valid_from <= d and (tc.valid_to is null or tc.valid_to >= d);
  if not found then
    raise exception using errcode = 'TR310', message = format('tax code "%s" has no rate on %s', p_code, d),
      hint = 'tax_code';
  end if;
  return r;
end
$$;
comment on function public.tax_rate(text, date) is 'The rate of a tax code of the current company on a date (default today)';

-- ───────────────────────────── provisioning ─────────────────────────────
create or replace function app_private.provision_books(p_tenant uuid) returns void
language plpgsql set search_path = ''
as $$
declare
  t record;
  today date := (now() at time zone 'Asia/Shanghai')::date;
  first_day date;
  depth int;
begin
  select tn.accounting_standard, tn.taxpayer_type, tn.fiscal_year_start_month into t
  from public.tenants tn where tn.id = p_tenant;
  if not found then
    raise exception using errcode = 'TR330', message = 'unknown company', hint = 'tenant_id';
  end if;
  if exists (select 1 from public.accounts a where a.tenant_id = p_tenant) then
    raise exception using errcode = 'TR330', message = 'the books of this company are already provisioned';
  end if;

  -- Chart of accounts: one insert per level, parents first (at most 3 levels).
  for depth in 1 .. (select max(at.level) from app_private.account_templates at where at.standard = t.accounting_standard)
  loop
    insert into public.accounts (tenant_id, code, name, parent_id, type, direction, auxiliary, is_leaf)
    select p_tenant, at.code, at.name, p.id, at.type, at.direction, at.auxiliary,
      not exists (select 1 from app_private.account_templates c
                  where c.standard = at.standard and c.parent_code = at.code)
    from app_private.account_templates at
    left join public.accounts p on p.tenant_id = p_tenant and p.code = at.parent_code
    where at.standard = t.accounting_standard and at.level = depth;
  end loop;

  insert into public.tax_codes (tenant_id, code, name, kind, rate, valid_from, valid_to)
  select p_tenant, tt.code, tt.name, tt.kind, tt.rate, tt.valid_from, tt.valid_to
  from app_private.tax_code_templates tt where tt.taxpayer_type = t.taxpayer_type;

  -- The current fiscal year and the next: 24 monthly periods.
  first_day := make_date(extract(year from today)::int
                         - case when extract(month from today) < t.fiscal_year_start_month then 1 else 0 end,
                         t.fiscal_year_start_month, 1);
  insert into public.fiscal_periods (tenant_id, fiscal_year, period_no, start_date, end_date)
  select p_tenant, extract(year from first_day)::int + i / 12, i % 12 + 1,
    (first_day + make_interval(months => i))::date,
    (first_day + make_interval(months => i + 1) - interval '1 day')::date
  from generate_series(0, 23) as i;

  insert into public.warehouses (tenant_id, code, name) values (p_tenant, 'WH01', '主仓库');

  insert into public.document_sequences (tenant_id, doc_type, name, prefix, reset_every, padding)
  select p_tenant, st.doc_type, st.name, st.prefix, st.reset_every, st.padding
  from app_private.document_sequence_templates st;

  insert into public.posting_settings (tenant_id, key, account_id, description)
  select p_tenant, pt.key, a.id, pt.description
  from app_private.posting_setting_templates pt
  join public.accounts a on a.tenant_id = p_tenant and a.code = pt.account_code
  where pt.standard = t.accounting_standard and pt.taxpayer_type = t.taxpayer_type;
end
$$;
comment on function app_private.provision_books(uuid) is
  'Fills a new company''s books from the templates: accounts, tax codes, periods, warehouse, sequences, settings';

revoke all on function app_private.accounts_check_tree(), app_private.accounts_leaf_after_insert(),
  app_private.accounts_leaf_after_delete(), app_private.accounts_leaf_after_update(),
  app_private.next_document_number(uuid, text, date), app_private.provision_books(uuid) from public;
revoke execute on function public.next_document_number(text, date), public.tax_rate(text, date) from public, anon;
grant execute on function public.next_document_number(text, date), public.tax_rate(text, date) to authenticated;

-- ───────────────────────────── template data ─────────────────────────────
-- 小企业会计准则 (2013): every first-level account of the standard, and the usual second levels.
insert into app_private.account_templates (standard, code, name, type, direction, auxiliary)
select 'small_enterprise', code, name, type::public.account_type, direction::public.balance_direction,
  coalesce(aux, '{}')::text[]
from (values
  ('1001', '库存现金', 'asset', 'debit', null),
  ('1002', '银行存款', 'asset', 'debit', null),
  ('100201', '基本存款账户', 'asset', 'debit', null),
  ('1012', '其他货币资金', 'asset', 'debit', null),
  ('1101', '短期投资', 'asset', 'debit', null),
  ('1121', '应收票据', 'asset', 'debit', '{customer}'),
  ('1122', '应收账款', 'asset', 'debit', '{customer}'),
  ('1123', '预付账款', 'asset', 'debit', '{supplier}'),
  ('1131', '应收股利', 'asset', 'debit', null),
  ('1132', '应收利息', 'asset', 'debit', null),
  ('1221', '其他应收款', 'asset', 'debit', null),
  ('1401', '材料采购', 'asset', 'debit', null),
  ('1402', '在途物资', 'asset', 'debit', null),
  ('1403', '原材料', 'asset', 'debit', '{item}'),
  ('1404', '材料成本差异', 'asset', 'debit', null),
  ('1405', '库存商品', 'asset', 'debit', '{item}'),
  ('1407', '商品进销差价', 'asset', 'credit', null),
  ('1408', '委托加工物资', 'asset', 'debit', '{item}'),
  ('1411', '周转材料', 'asset', 'debit', '{item}'),
  ('1421', '消耗性生物资产', 'asset', 'debit', null),
  ('1501', '长期债券投资', 'asset', 'debit', null),
  ('1511', '长期股权投资', 'asset', 'debit', null),
  ('1601', '固定资产', 'asset', 'debit', null),
  ('1602', '累计折旧', 'asset', 'credit', null),
  ('1604', '在建工程', 'asset', 'debit', null),
  ('1605', '工程物资', 'asset', 'debit', null),
  ('1606', '固定资产清理', 'asset', 'debit', null),
  ('1621', '生产性生物资产', 'asset', 'debit', null),
  ('1622', '生产性生物资产累计折旧', 'asset', 'credit', null),
  ('1701', '无形资产', 'asset', 'debit', null),
  ('1702', '累计摊销', 'asset', 'credit', null),
  ('1801', '长期待摊费用', 'asset', 'debit', null),
  ('1901', '待处理财产损溢', 'asset', 'debit', null),
  ('2001', '短期借款', 'liability', 'credit', null),
  ('2201', '应付票据', 'liability', 'credit', '{supplier}'),
  ('2202', '应付账款', 'liability', 'credit', '{supplier}'),
  ('220201', '暂估应付款', 'liability', 'credit', '{supplier}'),
  ('220202', '一般应付款', 'liability', 'credit', '{supplier}'),
  ('2203', '预收账款', 'liability', 'credit', '{customer}'),
  ('2211', '应付职工薪酬', 'liability', 'credit', null),
  ('221101', '工资', 'liability', 'credit', null),
  ('221102', '职工福利费', 'liability', 'credit', null),
  ('221103', '社会保险费', 'liability', 'credit', null),
  ('221104', '住房公积金', 'liability', 'credit', null),
  ('221105', '工会经费', 'liability', 'credit', null),
  ('221106', '职工教育经费', 'liability', 'credit', null),
  ('2221', '应交税费', 'liability', 'credit', null),
  ('222101', '应交增值税', 'liability', 'credit', null),
  ('22210101', '进项税额', 'liability', 'debit', null),
  ('22210102', '销项税额', 'liability', 'credit', null),
  ('22210103', '进项税额转出', 'liability', 'credit', null),
  ('22210104', '转出未交增值税', 'liability', 'debit', null),
  ('22210105', '已交税金', 'liability', 'debit', null),
  ('22210106', '减免税款', 'liability', 'debit', null),
  ('222102', '未交增值税', 'liability', 'credit', null),
  ('222103', '简易计税', 'liability', 'credit', null),
  ('222104', '预交增值税', 'liability', 'debit', null),
  ('222105', '待认证进项税额', 'liability', 'debit', null),
  ('222106', '应交城市维护建设税', 'liability', 'credit', null),
  ('222107', '应交教育费附加', 'liability', 'credit', null),
  ('222108', '应交地方教育附加', 'liability', 'credit', null),
  ('222109', '应交企业所得税', 'liability', 'credit', null),
  ('222110', '应交印花税', 'liability', 'credit', null),
  ('222112', '应交个人所得税', 'liability', 'credit', null),
  ('2231', '应付利息', 'liability', 'credit', null),
  ('2232', '应付利润', 'liability', 'credit', null),
  ('2241', '其他应付款', 'liability', 'credit', null),
  ('224101', '职工报销款', 'liability', 'credit', '{employee}'),
  ('224102', '其他', 'liability', 'credit', null),
  ('2401', '递延收益', 'liability', 'credit', null),
  ('2501', '长期借款', 'liability', 'credit', null),
  ('2701', '长期应付款', 'liability', 'credit', null),
  ('3001', '实收资本', 'equity', 'credit', null),
  ('3002', '资本公积', 'equity', 'credit', null),
  ('3101', '盈余公积', 'equity', 'credit', null),
  ('3103', '本年利润', 'equity', 'credit', null),
  ('3104', '利润分配', 'equity', 'credit', null),
  ('310401', '提取法定盈余公积', 'equity', 'credit', null),
  ('310402', '提取任意盈余公积', 'equity', 'credit', null),
  ('310403', '应付利润', 'equity', 'credit', null),
  ('310404', '盈余公积补亏', 'equity', 'credit', null),
  ('310405', '未分配利润', 'equity', 'credit', null),
  ('4001', '生产成本', 'cost', 'debit', null),
  ('4101', '制造费用', 'cost', 'debit', null),
  ('4301', '研发支出', 'cost', 'debit', '{project}'),
  ('4401', '工程施工', 'cost', 'debit', '{project}'),
  ('4403', '机械作业', 'cost', 'debit', null),
  ('5001', '主营业务收入', 'profit_and_loss', 'credit', null),
  ('5051', '其他业务收入', 'profit_and_loss', 'credit', null),
  ('5111', '投资收益', 'profit_and_loss', 'credit', null),
  ('5301', '营业外收入', 'profit_and_loss', 'credit', null),
  ('5401', '主营业务成本', 'profit_and_loss', 'debit', null),
  ('5402', '其他业务成本', 'profit_and_loss', 'debit', null),
  ('5403', '税金及附加', 'profit_and_loss', 'debit', null),
  ('5601', '销售费用', 'profit_and_loss', 'debit', null),
  ('560101', '工资', 'profit_and_loss', 'debit', null),
  ('560102', '办公费', 'profit_and_loss', 'debit', null),
  ('560103', '差旅费', 'profit_and_loss', 'debit', null),
  ('560104', '业务招待费', 'profit_and_loss', 'debit', null),
  ('560105', '折旧费', 'profit_and_loss', 'debit', null),
  ('560106', '运输费', 'profit_and_loss', 'debit', null),
  ('560107', '广告费', 'profit_and_loss', 'debit', null),
  ('560108', '业务宣传费', 'profit_and_loss', 'debit', null),
  ('560109', '租赁费', 'profit_and_loss', 'debit', null),
  ('560110', '其他', 'profit_and_loss', 'debit', null),
  ('5602', '管理费用', 'profit_and_loss', 'debit', null),
  ('560201', '工资', 'profit_and_loss', 'debit', null),
  ('560202', '办公费', 'profit_and_loss', 'debit', null),
  ('560203', '差旅费', 'profit_and_loss', 'debit', null),
  ('560204', '业务招待费', 'profit_and_loss', 'debit', null),
  ('560205', '折旧费', 'profit_and_loss', 'debit', null),
  ('560206', '摊销费', 'profit_and_loss', 'debit', null),
  ('560207', '租赁费', 'profit_and_loss', 'debit', null),
  ('560208', '水电费', 'profit_and_loss', 'debit', null),
  ('560209', '通讯费', 'profit_and_loss', 'debit', null),
  ('560210', '中介服务费', 'profit_and_loss', 'debit', null),
  ('560211', '其他', 'profit_and_loss', 'debit', null),
  ('5603', '财务费用', 'profit_and_loss', 'debit', null),
  ('560301', '利息费用', 'profit_and_loss', 'debit', null),
  ('560302', '手续费', 'profit_and_loss', 'debit', null),
  ('560303', '汇兑损益', 'profit_and_loss', 'debit', null),
  ('560304', '其他', 'profit_and_loss', 'debit', null),
  ('5711', '营业外支出', 'profit_and_loss', 'debit', null),
  ('5801', '所得税费用', 'profit_and_loss', 'debit', null)
) as v(code, name, type, direction, aux)
order by code;

-- 企业会计准则 (2006 application guidance, 6403 renamed 税金及附加 in 2016): the accounts of the
-- standard list that are not reserved to banks, insurers, securities firms or lessors (those marked
-- 银行/保险/证券/租赁专用 or 金融共用), and the same usual second levels as above.
insert into app_private.account_templates (standard, code, name, type, direction, auxiliary)
select 'enterprise', code, name, type::public.account_type, direction::public.balance_direction,
  coalesce(aux, '{}')::text[]
from (values
  ('1001', '库存现金', 'asset', 'debit', null),
  ('1002', '银行存款', 'asset', 'debit', null),
  ('100201', '基本存款账户', 'asset', 'debit', null),
  ('1012', '其他货币资金', 'asset', 'debit', null),
  ('1101', '交易性金融资产', 'asset', 'debit', null),
  ('1121', '应收票据', 'asset', 'debit', '{customer}'),
  ('1122', '应收账款', 'asset', 'debit', '{customer}'),
  ('1123', '预付账款', 'asset', 'debit', '{supplier}'),
  ('1131', '应收股利', 'asset', 'debit', null),
  ('1132', '应收利息', 'asset', 'debit', null),
  ('1221', '其他应收款', 'asset', 'debit', null),
  ('1231', '坏账准备', 'asset', 'credit', null),
  ('1321', '代理业务资产', 'asset', 'debit', null),
  ('1401', '材料采购', 'asset', 'debit', null),
  ('1402', '在途物资', 'asset', 'debit', null),
  ('1403', '原材料', 'asset', 'debit', '{item}'),
  ('1404', '材料成本差异', 'asset', 'debit', null),
  ('1405', '库存商品', 'asset', 'debit', '{item}'),
  ('1406', '发出商品', 'asset', 'debit', '{item}'),
  ('1407', '商品进销差价', 'asset', 'credit', null),
  ('1408', '委托加工物资', 'asset', 'debit', '{item}'),
  ('1411', '周转材料', 'asset', 'debit', '{item}'),
  ('1421', '消耗性生物资产', 'asset', 'debit', null),
  ('1471', '存货跌价准备', 'asset', 'credit', null),
  ('1501', '持有至到期投资', 'asset', 'debit', null),
  ('1502', '持有至到期投资减值准备', 'asset', 'credit', null),
  ('1503', '可供出售金融资产', 'asset', 'debit', null),
  ('1511', '长期股权投资', 'asset', 'debit', null),
  ('1512', '长期股权投资减值准备', 'asset', 'credit', null),
  ('1521', '投资性房地产', 'asset', 'debit', null),
  ('1531', '长期应收款', 'asset', 'debit', null),
  ('1532', '未实现融资收益', 'asset', 'credit', null),
  ('1601', '固定资产', 'asset', 'debit', null),
  ('1602', '累计折旧', 'asset', 'credit', null),
  ('1603', '固定资产减值准备', 'asset', 'credit', null),
  ('1604', '在建工程', 'asset', 'debit', null),
  ('1605', '工程物资', 'asset', 'debit', null),
  ('1606', '固定资产清理', 'asset', 'debit', null),
  ('1621', '生产性生物资产', 'asset', 'debit', null),
  ('1622', '生产性生物资产累计折旧', 'asset', 'credit', null),
  ('1623', '公益性生物资产', 'asset', 'debit', null),
  ('1631', '油气资产', 'asset', 'debit', null),
  ('1632', '累计折耗', 'asset', 'credit', null),
  ('1701', '无形资产', 'asset', 'debit', null),
  ('1702', '累计摊销', 'asset', 'credit', null),
  ('1703', '无形资产减值准备', 'asset', 'credit', null),
  ('1711', '商誉', 'asset', 'debit', null),
  ('1801', '长期待摊费用', 'asset', 'debit', null),
  ('1811', '递延所得税资产', 'asset', 'debit', null),
  ('1901', '待处理财产损溢', 'asset', 'debit', null),
  ('2001', '短期借款', 'liability', 'credit', null),
  ('2101', '交易性金融负债', 'liability', 'credit', null),
  ('2201', '应付票据', 'liability', 'credit', '{supplier}'),
  ('2202', '应付账款', 'liability', 'credit', '{supplier}'),
  ('220201', '暂估应付款', 'liability', 'credit', '{supplier}'),
  ('220202', '一般应付款', 'liability', 'credit', '{supplier}'),
  ('2203', '预收账款', 'liability', 'credit', '{customer}'),
  ('2211', '应付职工薪酬', 'liability', 'credit', null),
  ('221101', '工资', 'liability', 'credit', null),
  ('221102', '职工福利费', 'liability', 'credit', null),
  ('221103', '社会保险费', 'liability', 'credit', null),
  ('221104', '住房公积金', 'liability', 'credit', null),
  ('221105', '工会经费', 'liability', 'credit', null),
  ('221106', '职工教育经费', 'liability', 'credit', null),
  ('2221', '应交税费', 'liability', 'credit', null),
  ('222101', '应交增值税', 'liability', 'credit', null),
  ('22210101', '进项税额', 'liability', 'debit', null),
  ('22210102', '销项税额', 'liability', 'credit', null),
  ('22210103', '进项税额转出', 'liability', 'credit', null),
  ('22210104', '转出未交增值税', 'liability', 'debit', null),
  ('22210105', '已交税金', 'liability', 'debit', null),
  ('22210106', '减免税款', 'liability', 'debit', null),
  ('222102', '未交增值税', 'liability', 'credit', null),
  ('222103', '简易计税', 'liability', 'credit', null),
  ('222104', '预交增值税', 'liability', 'debit', null),
  ('222105', '待认证进项税额', 'liability', 'debit', null),
  ('222106', '应交城市维护建设税', 'liability', 'credit', null),
  ('222107', '应交教育费附加', 'liability', 'credit', null),
  ('222108', '应交地方教育附加', 'liability', 'credit', null),
  ('222109', '应交企业所得税', 'liability', 'credit', null),
  ('222110', '应交印花税', 'liability', 'credit', null),
  ('222112', '应交个人所得税', 'liability', 'credit', null),
  ('2231', '应付利息', 'liability', 'credit', null),
  ('2232', '应付股利', 'liability', 'credit', null),
  ('2241', '其他应付款', 'liability', 'credit', null),
  ('224101', '职工报销款', 'liability', 'credit', '{employee}'),
  ('224102', '其他', 'liability', 'credit', null),
  ('2314', '代理业务负债', 'liability', 'credit', null),
  ('2401', '递延收益', 'liability', 'credit', null),
  ('2501', '长期借款', 'liability', 'credit', null),
  ('2502', '应付债券', 'liability', 'credit', null),
  ('2701', '长期应付款', 'liability', 'credit', null),
  ('2702', '未确认融资费用', 'liability', 'debit', null),
  ('2711', '专项应付款', 'liability', 'credit', null),
  ('2801', '预计负债', 'liability', 'credit', null),
  ('2901', '递延所得税负债', 'liability', 'credit', null),
  ('3101', '衍生工具', 'common', 'debit', null),
  ('3201', '套期工具', 'common', 'debit', null),
  ('3202', '被套期项目', 'common', 'debit', null),
  ('4001', '实收资本', 'equity', 'credit', null),
  ('4002', '资本公积', 'equity', 'credit', null),
  ('4101', '盈余公积', 'equity', 'credit', null),
  ('4103', '本年利润', 'equity', 'credit', null),
  ('4104', '利润分配', 'equity', 'credit', null),
  ('410401', '提取法定盈余公积', 'equity', 'credit', null),
  ('410402', '提取任意盈余公积', 'equity', 'credit', null),
  ('410403', '应付现金股利或利润', 'equity', 'credit', null),
  ('410404', '盈余公积补亏', 'equity', 'credit', null),
  ('410405', '未分配利润', 'equity', 'credit', null),
  ('4201', '库存股', 'equity', 'debit', null),
  ('5001', '生产成本', 'cost', 'debit', null),
  ('5101', '制造费用', 'cost', 'debit', null),
  ('5201', '劳务成本', 'cost', 'debit', null),
  ('5301', '研发支出', 'cost', 'debit', '{project}'),
  ('5401', '工程施工', 'cost', 'debit', '{project}'),
  ('5402', '工程结算', 'cost', 'credit', '{project}'),
  ('5403', '机械作业', 'cost', 'debit', null),
  ('6001', '主营业务收入', 'profit_and_loss', 'credit', null),
  ('6051', '其他业务收入', 'profit_and_loss', 'credit', null),
  ('6101', '公允价值变动损益', 'profit_and_loss', 'credit', null),
  ('6111', '投资收益', 'profit_and_loss', 'credit', null),
  ('6301', '营业外收入', 'profit_and_loss', 'credit', null),
  ('6401', '主营业务成本', 'profit_and_loss', 'debit', null),
  ('6402', '其他业务成本', 'profit_and_loss', 'debit', null),
  ('6403', '税金及附加', 'profit_and_loss', 'debit', null),
  ('6601', '销售费用', 'profit_and_loss', 'debit', null),
  ('660101', '工资', 'profit_and_loss', 'debit', null),
  ('660102', '办公费', 'profit_and_loss', 'debit', null),
  ('660103', '差旅费', 'profit_and_loss', 'debit', null),
  ('660104', '业务招待费', 'profit_and_loss', 'debit', null),
  ('660105', '折旧费', 'profit_and_loss', 'debit', null),
  ('660106', '运输费', 'profit_and_loss', 'debit', null),
  ('660107', '广告费', 'profit_and_loss', 'debit', null),
  ('660108', '业务宣传费', 'profit_and_loss', 'debit', null),
  ('660109', '租赁费', 'profit_and_loss', 'debit', null),
  ('660110', '其他', 'profit_and_loss', 'debit', null),
  ('6602', '管理费用', 'profit_and_loss', 'debit', null),
  ('660201', '工资', 'profit_and_loss', 'debit', null),
  ('660202', '办公费', 'profit_and_loss', 'debit', null),
  ('660203', '差旅费', 'profit_and_loss', 'debit', null),
  ('660204', '业务招待费', 'profit_and_loss', 'debit', null),
  ('660205', '折旧费', 'profit_and_loss', 'debit', null),
  ('660206', '摊销费', 'profit_and_loss', 'debit', null),
  ('660207', '租赁费', 'profit_and_loss', 'debit', null),
  ('660208', '水电费', 'profit_and_loss', 'debit', null),
  ('660209', '通讯费', 'profit_and_loss', 'debit', null),
  ('660210', '中介服务费', 'profit_and_loss', 'debit', null),
  ('660211', '其他', 'profit_and_loss', 'debit', null),
  ('6603', '财务费用', 'profit_and_loss', 'debit', null),
  ('660301', '利息费用', 'profit_and_loss', 'debit', null),
  ('660302', '手续费', 'profit_and_loss', 'debit', null),
  ('660303', '汇兑损益', 'profit_and_loss', 'debit', null),
  ('660304', '其他', 'profit_and_loss', 'debit', null),
  ('6604', '勘探费用', 'profit_and_loss', 'debit', null),
  ('6701', '资产减值损失', 'profit_and_loss', 'debit', null),
  ('6711', '营业外支出', 'profit_and_loss', 'debit', null),
  ('6801', '所得税费用', 'profit_and_loss', 'debit', null),
  ('6901', '以前年度损益调整', 'profit_and_loss', 'credit', null)
) as v(code, name, type, direction, aux)
order by code;

-- VAT. General taxpayers: the rates since the 2019 reform (kept by the VAT Law of 2026), and the
-- 1 %/3 % input of small-scale suppliers' special invoices. Small-scale taxpayers: the 3 % levy reduced
-- to 1 % by MOF/STA announcement 2023 No. 19 until 2027-12-31, and 5 % (real estate).
insert into app_private.tax_code_templates (taxpayer_type, code, name, kind, rate, valid_from, valid_to) values
  ('general', 'VAT13', '销项税 13%', 'output', 0.13, '2019-04-01', null),
  ('general', 'VAT9', '销项税 9%', 'output', 0.09, '2019-04-01', null),
  ('general', 'VAT6', '销项税 6%', 'output', 0.06, '2019-04-01', null),
  ('general', 'VAT0', '零税率', 'output', 0, '2019-04-01', null),
  ('general', 'IN13', '进项税 13%', 'input', 0.13, '2019-04-01', null),
  ('general', 'IN9', '进项税 9%', 'input', 0.09, '2019-04-01', null),
  ('general', 'IN6', '进项税 6%', 'input', 0.06, '2019-04-01', null),
  ('general', 'IN3', '进项税 小规模专票 3% (2027 年底前 1%)', 'input', 0.01, '2023-01-01', '2027-12-31'),
  ('general', 'IN3', '进项税 小规模专票 3% (2027 年底前 1%)', 'input', 0.03, '2028-01-01', null),
  ('small_scale', 'S3', '简易计税 3% (2027 年底前减按 1%)', 'simplified', 0.01, '2023-01-01', '2027-12-31'),
  ('small_scale', 'S3', '简易计税 3% (2027 年底前减按 1%)', 'simplified', 0.03, '2028-01-01', null),
  ('small_scale', 'S5', '简易计税 5% (不动产)', 'simplified', 0.05, '2016-05-01', null);

insert into app_private.document_sequence_templates (doc_type, name, prefix, reset_every, padding) values
  ('sales_order', '销售订单', 'SO', 'month', 4),
  ('purchase_order', '采购订单', 'PO', 'month', 4),
  ('delivery', '销售出库单', 'DN', 'month', 4),
  ('receipt', '采购入库单', 'GR', 'month', 4),
  ('sales_invoice', '销售发票', 'SI', 'month', 4),
  ('supplier_bill', '采购发票', 'PI', 'month', 4),
  ('payment', '付款单', 'PAY', 'month', 4),
  ('receipt_voucher', '收款单', 'REC', 'month', 4),
  ('expense_claim', '报销单', 'EXP', 'month', 4),
  ('stocktake', '盘点单', 'ST', 'month', 4),
  ('voucher_general', '记账凭证', '记', 'month', 4),
  ('voucher_receipt', '收款凭证', '收', 'month', 4),
  ('voucher_payment', '付款凭证', '付', 'month', 4),
  ('voucher_transfer', '转账凭证', '转', 'month', 4);

-- A row without a taxpayer type is for both.
insert into app_private.posting_setting_templates (standard, taxpayer_type, key, account_code, description)
select s.standard, p.taxpayer_type, v.key,
  case s.standard when 'small_enterprise' then v.small else v.enterprise end, v.description
from unnest(enum_range(null::public.accounting_standard)) as s(standard)
cross join unnest(enum_range(null::public.taxpayer_type)) as p(taxpayer_type)
cross join (values
  ('cash_account', null, '1001', '1001', '库存现金'),
  ('bank_account', null, '100201', '100201', '银行存款 (默认账户)'),
  ('ar_account', null, '1122', '1122', '应收账款'),
  ('advance_paid_account', null, '1123', '1123', '预付账款'),
  ('inventory_account', null, '1405', '1405', '库存商品'),
  ('inventory_loss_account', null, '1901', '1901', '盘盈盘亏 (待处理财产损溢)'),
  ('ap_account', null, '220202', '220202', '应付账款'),
  ('grni_account', null, '220201', '220201', '暂估应付款 (已入库未收票)'),
  ('advance_received_account', null, '2203', '2203', '预收账款'),
  ('employee_payable_account', null, '224101', '224101', '员工报销应付'),
  ('input_vat_account', 'general', '22210101', '22210101', '进项税额'),
  ('output_vat_account', 'general', '22210102', '22210102', '销项税额'),
  ('output_vat_account', 'small_scale', '222103', '222103', '简易计税 (小规模纳税人应交增值税)'),
  ('unpaid_vat_account', null, '222102', '222102', '未交增值税'),
  ('revenue_account', null, '5001', '6001', '主营业务收入'),
  ('cogs_account', null, '5401', '6401', '主营业务成本'),
  ('rounding_account', null, '560304', '660304', '尾差 (财务费用-其他)'),
  ('current_year_profit_account', null, '3103', '4103', '本年利润'),
  ('retained_earnings_account', null, '310405', '410405', '未分配利润')
) as v(key, only_for, small, enterprise, description)
where v.only_for is null or v.only_for = p.taxpayer_type::text;
