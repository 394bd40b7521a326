-- The general ledger: vouchers (凭证) and their lines, and the balances reports read.
--
-- Invariants the database holds whatever the client does:
-- * A voucher is written as a draft (status, number, reviewer and posting columns are not writable
--   through the API: column privileges) and becomes posted only through app_private.post_voucher,
--   which checks: at least two lines, leaf and active accounts, the dimensions each account requires,
--   debits = credits, an open period for its date, and review when the company requires it.
-- * Posted vouchers and their lines are never updated or deleted (triggers); the only change is
--   posted → reversed when a reversing voucher (same lines, sides swapped, 红字冲销 as a blue
--   reversal since lines are never negative) is posted against it.
-- * Numbers are per company, period and word (记/收/付/转) without gaps: drawn from a counter row as
--   the very last step of posting, so the counter is locked only for the commit.
--
-- Balances without a hot row: posting appends its lines to app_private.gl_pending (an insert, never an
-- update); app_private.fold_gl() moves pending rows into app_private.gl_balances (one row per company,
-- period, account and dimension set) and app_private.gl_account_balances (per account) in the background (the local stack runs it every few seconds; on
-- a hosted project schedule it with pg_cron). Reports read gl_balances + gl_pending in one snapshot,
-- so they are exact at any moment and their cost grows with accounts × periods, not with history.
--
-- Stable error codes (SQLSTATE), the hint names the field:
--   TR700 voucher not found / not in this company   TR701 voucher is not a draft (posted vouchers are final)
--   TR702 unbalanced                                TR703 account not postable (not a leaf / inactive / unknown)
--   TR704 missing dimension                         TR705 no open period for the date
--   TR706 review required / reviewer = preparer     TR707 fewer than two lines, or a zero line
--   TR708 already reversed / cannot reverse

-- Vouchers point at their period within the same company.
alter table public.fiscal_periods add constraint fiscal_periods_tenant_id_id_key unique (tenant_id, id);

create type public.voucher_status as enum ('draft', 'posted', 'reversed');
comment on type public.voucher_status is '草稿 draft, 已过账 posted, 已冲销 reversed';

-- Per-company ledger settings; a missing row means the defaults.
create table public.ledger_settings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null unique references public.tenants (id) on delete cascade,
  require_review boolean not null default false,
  allow_negative_stock boolean not null default false,
  updated_at timestamptz not null default now()
);
comment on table public.ledger_settings is 'Ledger rules of a company (absent: the defaults)';
comment on column public.ledger_settings.require_review is
  'Manual vouchers need a reviewer other than the preparer before posting (审核)';
comment on column public.ledger_settings.allow_negative_stock is 'Allow issuing more than is on hand (负库存)';
create trigger ledger_settings_touch before update on public.ledger_settings
  for each row execute function public.touch_updated_at();

create table public.vouchers (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  word text not null default '记' check (word in ('记', '收', '付', '转')),
  voucher_date date not null,
  period_id uuid,
  number int check (number > 0),
  summary text not null default '' check (char_length(summary) <= 200),
  attachment_count int not null default 0 check (attachment_count between 0 and 999),
  source_type text,
  source_id uuid,
  status public.voucher_status not null default 'draft',
  prepared_by uuid references auth.users (id) on delete set null,
  reviewed_by uuid references auth.users (id) on delete set null,
  reviewed_at timestamptz,
  posted_at timestamptz,
  reversal_of uuid,
  reversed_by uuid,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, period_id, word, number),
  foreign key (tenant_id, period_id) references public.fiscal_periods (tenant_id, id) on delete restrict,
  foreign key (tenant_id, reversal_of) references public.vouchers (tenant_id, id) on delete restrict,
  foreign key (tenant_id, reversed_by) references public.vouchers (tenant_id, id) on delete restrict,
  check ((status = 'draft') = (number is null)),
  check (status = 'draft' or period_id is not null)
);
comment on table public.vouchers is 'Accounting vouchers (记账凭证)';
comment on column public.vouchers.word is 'Voucher word (凭证字): 记, 收, 付 or 转';
comment on column public.vouchers.voucher_date is 'Date';
comment on column public.vouchers.period_id is 'Fiscal period (set when posted)';
comment on column public.vouchers.number is 'Number within the period and word, without gaps (set when posted)';
comment on column public.vouchers.summary is 'Summary (摘要)';
comment on column public.vouchers.attachment_count is 'Number of attachments (附单据数)';
comment on column public.vouchers.source_type is 'Type of the business document that produced it';
comment on column public.vouchers.source_id is 'The business document that produced it';
comment on column public.vouchers.status is 'Draft, posted or reversed';
comment on column public.vouchers.prepared_by is 'Prepared by (制单)';
comment on column public.vouchers.reviewed_by is 'Reviewed by (审核)';
comment on column public.vouchers.reviewed_at is 'Reviewed at';
comment on column public.vouchers.posted_at is 'Posted at (记账)';
comment on column public.vouchers.reversal_of is 'The voucher this one reverses';
comment on column public.vouchers.reversed_by is 'The voucher that reversed this one';
create index vouchers_period_idx on public.vouchers (tenant_id, period_id, word, number);
create index vouchers_date_idx on public.vouchers (tenant_id, voucher_date);
create index vouchers_source_idx on public.vouchers (tenant_id, source_id);
create index vouchers_prepared_idx on public.vouchers (prepared_by);
create index vouchers_reviewed_idx on public.vouchers (reviewed_by);
create index vouchers_reversal_idx on public.vouchers (tenant_id, reversal_of);
create index vouchers_reversed_idx on public.vouchers (tenant_id, reversed_by);

create table public.voucher_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  voucher_id uuid not null,
  line_no int not null check (line_no > 0),
  summary text not null default '' check (char_length(summary) <= 200),
  account_id uuid not null,
  debit numeric(18, 2) not null default 0 check (debit >= 0),
  credit numeric(18, 2) not null default 0 check (credit >= 0),
  party_id uuid,
  item_id uuid,
  department_id uuid,
  project_id uuid,
  employee_id uuid,
  quantity numeric(18, 4),
  unit_price numeric(20, 6),
  due_date date,
  open_item_id uuid,
  unique (tenant_id, id),
  unique (voucher_id, line_no),
  check ((debit = 0) <> (credit = 0)),
  foreign key (tenant_id, voucher_id) references public.vouchers (tenant_id, id) on delete cascade,
  foreign key (tenant_id, account_id) references public.accounts (tenant_id, id) on delete restrict,
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict,
  foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete restrict,
  foreign key (tenant_id, project_id) references public.projects (tenant_id, id) on delete restrict,
  foreign key (tenant_id, employee_id) references public.memberships (tenant_id, user_id) on delete restrict
);
comment on table public.voucher_lines is 'Lines (分录) of vouchers: one side each, never negative';
comment on column public.voucher_lines.line_no is 'Line number';
comment on column public.voucher_lines.summary is 'Summary (摘要)';
comment on column public.voucher_lines.account_id is 'Account (科目): a leaf account';
comment on column public.voucher_lines.debit is 'Debit (借方)';
comment on column public.voucher_lines.credit is 'Credit (贷方)';
comment on column public.voucher_lines.party_id is 'Customer or supplier (往来单位)';
comment on column public.voucher_lines.item_id is 'Item (存货)';
comment on column public.voucher_lines.department_id is 'Department (部门)';
comment on column public.voucher_lines.project_id is 'Project (项目)';
comment on column public.voucher_lines.employee_id is 'Employee (职员)';
comment on column public.voucher_lines.quantity is 'Quantity (数量)';
comment on column public.voucher_lines.unit_price is 'Unit price (单价)';
comment on column public.voucher_lines.due_date is 'Due date of the receivable or payable this line creates';
comment on column public.voucher_lines.open_item_id is 'The receivable or payable this line settles (or created)';
create index voucher_lines_voucher_idx on public.voucher_lines (tenant_id, voucher_id);
create index voucher_lines_account_idx on public.voucher_lines (tenant_id, account_id);
create index voucher_lines_party_idx on public.voucher_lines (tenant_id, party_id);
create index voucher_lines_item_idx on public.voucher_lines (tenant_id, item_id);
create index voucher_lines_department_idx on public.voucher_lines (tenant_id, department_id);
create index voucher_lines_project_idx on public.voucher_lines (tenant_id, project_id);
create index voucher_lines_employee_idx on public.voucher_lines (tenant_id, employee_id);
create index voucher_lines_open_item_idx on public.voucher_lines (tenant_id, open_item_id);

-- Through the API a person writes drafts only: the columns that posting sets are not theirs.
revoke insert, update on public.vouchers from authenticated;
grant insert (tenant_id, word, voucher_date, summary, attachment_count) on public.vouchers to authenticated;
grant update (word, voucher_date, summary, attachment_count) on public.vouchers to authenticated;
revoke insert, update on public.voucher_lines from authenticated;
grant insert (tenant_id, voucher_id, line_no, summary, account_id, debit, credit, party_id, item_id,
  department_id, project_id, employee_id, quantity, unit_price, due_date) on public.voucher_lines to authenticated;
grant update (line_no, summary, account_id, debit, credit, party_id, item_id, department_id, project_id,
  employee_id, quantity, unit_price, due_date) on public.voucher_lines to authenticated;

-- A draft records who prepared it; nothing but a draft is ever inserted.
create function app_private.vouchers_before_insert() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.status <> 'draft' then
    raise exception using errcode = 'TR701', message = 'a voucher is created as a draft and posted by post_voucher',
      hint = 'status';
  end if;
  new.prepared_by := coalesce(new.prepared_by, auth.uid());
  return new;
end
$$;
create trigger vouchers_before_insert before insert on public.vouchers
  for each row execute function app_private.vouchers_before_insert();

-- Posted vouchers are final: the one change allowed is posted → reversed (reversed_by set).
create function app_private.vouchers_are_final() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception using errcode = 'TR701',
        message = format('voucher %s-%s is posted: reverse it instead of deleting it', old.word, old.number);
    end if;
    return old;
  end if;
  if old.status = 'draft' then
    return new;
  end if;
  if old.status = 'posted' and new.status = 'reversed' and new.reversed_by is not null
     and (to_jsonb(new) - 'status' - 'reversed_by') = (to_jsonb(old) - 'status' - 'reversed_by') then
    return new;
  end if;
  raise exception using errcode = 'TR701',
    message = format('voucher %s-%s is %s and cannot be changed: post a reversing or adjusting voucher',
                     old.word, old.number, old.status);
end
$$;
create trigger vouchers_are_final before update or delete on public.vouchers
  for each row execute function app_private.vouchers_are_final();

-- Lines change only while their voucher is a draft; the share lock waits for a posting in progress.
create function app_private.voucher_lines_of_drafts_only() returns trigger
language plpgsql set search_path = ''
as $$
declare
  st public.voucher_status;
  vid uuid := case when tg_op = 'DELETE' then old.voucher_id else new.voucher_id end;
begin
  select v.status into st from public.vouchers v where v.id = vid for share;
  if st is distinct from 'draft' and st is not null then
    raise exception using errcode = 'TR701', message = 'the lines of a posted voucher cannot be changed',
      hint = 'voucher_id';
  end if;
  if tg_op = 'UPDATE' and new.voucher_id <> old.voucher_id then
    raise exception using errcode = 'TR701', message = 'a line cannot move to another voucher', hint = 'voucher_id';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger voucher_lines_of_drafts_only before insert or update or delete on public.voucher_lines
  for each row execute function app_private.voucher_lines_of_drafts_only();

-- ───────────────────────────── numbering ─────────────────────────────
create table app_private.voucher_counters (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  period_id uuid not null,
  word text not null,
  last_number int not null,
  primary key (tenant_id, period_id, word),
  foreign key (tenant_id, period_id) references public.fiscal_periods (tenant_id, id) on delete cascade
);
comment on table app_private.voucher_counters is 'The last voucher number per company, period and word';

-- ───────────────────────────── balances ─────────────────────────────
create table app_private.gl_pending (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  period_id uuid not null,
  account_id uuid not null,
  party_id uuid,
  item_id uuid,
  department_id uuid,
  project_id uuid,
  employee_id uuid,
  debit numeric(18, 2) not null,
  credit numeric(18, 2) not null
);
comment on table app_private.gl_pending is 'Posted lines not yet folded into gl_balances (append-only queue)';
create index gl_pending_tenant_idx on app_private.gl_pending (tenant_id, period_id);
-- A queue: every row is deleted by the next fold. Vacuum it after a fixed number of dead rows, not a
-- fraction of its size, so that reports reading it never scan a bloated table.
alter table app_private.gl_pending set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 10000,
  autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 10000);
create index gl_pending_party_idx on app_private.gl_pending (tenant_id, party_id);

create table app_private.gl_balances (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  period_id uuid not null,
  account_id uuid not null,
  party_id uuid,
  item_id uuid,
  department_id uuid,
  project_id uuid,
  employee_id uuid,
  debit numeric(18, 2) not null default 0,
  credit numeric(18, 2) not null default 0
);
comment on table app_private.gl_balances is 'Debits and credits per company, period, account and dimensions (folded)';
create unique index gl_balances_key on app_private.gl_balances
  (tenant_id, period_id, account_id, party_id, item_id, department_id, project_id, employee_id) nulls not distinct;
create index gl_balances_party_idx on app_private.gl_balances (tenant_id, party_id);

-- The same per account only: what the trial balance reads (accounts × periods rows, whatever the history).
create table app_private.gl_account_balances (
  tenant_id uuid not null,
  period_id uuid not null,
  account_id uuid not null,
  debit numeric(18, 2) not null default 0,
  credit numeric(18, 2) not null default 0,
  primary key (tenant_id, period_id, account_id)
);
comment on table app_private.gl_account_balances is 'Debits and credits per company, period and account (folded)';

-- Moves up to p_limit pending rows into the balances. Rows of transactions still in flight are not
-- visible and are folded next time; skip locked lets two folds run without waiting for each other.
create function app_private.fold_gl(p_limit int default 50000) returns int
language plpgsql set search_path = ''
as $$
declare
  n int;
begin
  with taken as (
    delete from app_private.gl_pending p
    where p.id in (select q.id from app_private.gl_pending q order by q.id limit p_limit for update skip locked)
    returning p.*
  ), summed as (
    select t.tenant_id, t.period_id, t.account_id, t.party_id, t.item_id, t.department_id, t.project_id,
      t.employee_id, sum(t.debit) as debit, sum(t.credit) as credit, count(*) as n
    from taken t
    group by 1, 2, 3, 4, 5, 6, 7, 8
  ), folded as (
    insert into app_private.gl_balances as b
      (tenant_id, period_id, account_id, party_id, item_id, department_id, project_id, employee_id, debit, credit)
    select s.tenant_id, s.period_id, s.account_id, s.party_id, s.item_id, s.department_id, s.project_id,
      s.employee_id, s.debit, s.credit
    from summed s
    -- sorted so that two folds lock balance rows in one order
    order by 1, 2, 3, 4, 5, 6, 7, 8
    on conflict (tenant_id, period_id, account_id, party_id, item_id, department_id, project_id, employee_id)
    do update set debit = b.debit + excluded.debit, credit = b.credit + excluded.credit
  ), per_account as (
    insert into app_private.gl_account_balances as b (tenant_id, period_id, account_id, debit, credit)
    select s.tenant_id, s.period_id, s.account_id, sum(s.debit), sum(s.credit)
    from summed s
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (tenant_id, period_id, account_id)
    do update set debit = b.debit + excluded.debit, credit = b.credit + excluded.credit
  )
  select coalesce(sum(s.n), 0) into n from summed s;
  return n;
end
$$;
comment on function app_private.fold_gl(int) is
  'Folds pending posted lines into gl_balances; run in the background (the stack does every few seconds)';

-- Every posted amount of a company: folded balances plus what is pending, as one relation.
create function app_private.gl_amounts(p_tenant uuid)
returns table (period_id uuid, account_id uuid, party_id uuid, item_id uuid, department_id uuid,
  project_id uuid, employee_id uuid, debit numeric, credit numeric)
language sql stable set search_path = ''
as $$
  select b.period_id, b.account_id, b.party_id, b.item_id, b.department_id, b.project_id, b.employee_id,
    b.debit, b.credit
  from app_private.gl_balances b where b.tenant_id = p_tenant
  union all
  select p.period_id, p.account_id, p.party_id, p.item_id, p.department_id, p.project_id, p.employee_id,
    p.debit, p.credit
  from app_private.gl_pending p where p.tenant_id = p_tenant
$$;

-- ───────────────────────────── posting ─────────────────────────────
-- The period that takes postings on a date, locked for share so that closing it waits for us.
create function app_private.open_period_for(p_tenant uuid, p_date date) returns uuid
language plpgsql set search_path = ''
as $$
declare
  p record;
begin
  select fp.id, fp.status into p from public.fiscal_periods fp
  where fp.tenant_id = p_tenant and p_date between fp.start_date and fp.end_date
  for share;
  if not found then
    raise exception using errcode = 'TR705', message = format('no fiscal period contains %s', p_date), hint = 'date';
  end if;
  if p.status <> 'open' then
    raise exception using errcode = 'TR705', message = format('the period of %s is closed', p_date), hint = 'date';
  end if;
  return p.id;
end
$$;

-- Checks a draft and posts it. p_auto: written by a business document's posting (机制凭证), which the
-- review rule does not apply to. Returns the number.
create function app_private.post_voucher(p_tenant uuid, p_voucher uuid, p_auto boolean default false) returns int
language plpgsql set search_path = ''
as $$
declare
  v record;
  bad record;
  per uuid;
  n int;
  needs_review boolean;
begin
  select * into v from public.vouchers where id = p_voucher and tenant_id = p_tenant for update;
  if not found then
    raise exception using errcode = 'TR700', message = 'voucher not found', hint = 'voucher_id';
  end if;
  if v.status <> 'draft' then
    raise exception using errcode = 'TR701', message = format('voucher %s-%s is already %s', v.word, v.number, v.status),
      hint = 'voucher_id';
  end if;
  per := app_private.open_period_for(p_tenant, v.voucher_date);

  if not p_auto then
    select coalesce(s.require_review, false) into needs_review from public.ledger_settings s where s.tenant_id = p_tenant;
    if coalesce(needs_review, false) and v.reviewed_by is null then
      raise exception using errcode = 'TR706', message = 'this company requires vouchers to be reviewed before posting',
        hint = 'reviewed_by';
    end if;
  end if;

  if (select count(*) from public.voucher_lines l where l.voucher_id = p_voucher) < 2 then
    raise exception using errcode = 'TR707', message = 'a voucher needs at least two lines', hint = 'lines';
  end if;
  select l.line_no, a.code, a.is_leaf, a.active into bad
  from public.voucher_lines l join public.accounts a on a.id = l.account_id
  where l.voucher_id = p_voucher and not (a.is_leaf and a.active)
  order by l.line_no limit 1;
  if found then
    raise exception using errcode = 'TR703',
      message = format('line %s: account %s %s', bad.line_no, bad.code,
                       case when not bad.is_leaf then 'has sub-accounts: post to a leaf account' else 'is not in use' end),
      hint = 'account_id';
  end if;
  select l.line_no, a.code, d.dim into bad
  from public.voucher_lines l
  join public.accounts a on a.id = l.account_id
  cross join lateral unnest(a.auxiliary) d(dim)
  where l.voucher_id = p_voucher
    and case d.dim
          when 'customer' then l.party_id is null
          when 'supplier' then l.party_id is null
          when 'item' then l.item_id is null
          when 'department' then l.department_id is null
          when 'project' then l.project_id is null
          when 'employee' then l.employee_id is null
        end
  order by l.line_no limit 1;
  if found then
    raise exception using errcode = 'TR704',
      message = format('line %s: account %s needs a %s', bad.line_no, bad.code, bad.dim),
      hint = case bad.dim when 'customer' then 'party_id' when 'supplier' then 'party_id' else bad.dim || '_id' end;
  end if;
  select sum(l.debit) as d, sum(l.credit) as c into bad from public.voucher_lines l where l.voucher_id = p_voucher;
  if bad.d <> bad.c then
    raise exception using errcode = 'TR702',
      message = format('voucher does not balance: debits %s, credits %s', bad.d, bad.c), hint = 'lines';
  end if;

  perform app_private.settle_open_items(p_tenant, p_voucher, v.voucher_date, v.source_type, v.source_id);

  insert into app_private.gl_pending
    (tenant_id, period_id, account_id, party_id, item_id, department_id, project_id, employee_id, debit, credit)
  select p_tenant, per, l.account_id, l.party_id, l.item_id, l.department_id, l.project_id, l.employee_id,
    l.debit, l.credit
  from public.voucher_lines l where l.voucher_id = p_voucher;

  -- Last: the number. The counter row stays locked only until our commit.
  insert into app_private.voucher_counters as c (tenant_id, period_id, word, last_number)
  values (p_tenant, per, v.word, 1)
  on conflict (tenant_id, period_id, word) do update set last_number = c.last_number + 1
  returning c.last_number into n;
  update public.vouchers set status = 'posted', number = n, period_id = per, posted_at = now()
  where id = p_voucher;
  return n;
end
$$;
comment on function app_private.post_voucher(uuid, uuid, boolean) is
  'Checks a draft voucher (lines, accounts, dimensions, balance, period, review) and posts it';

-- Writes the reversing voucher of a posted one (sides swapped, same dimensions and open items), posts
-- it and marks the original reversed (p_source_id: the reversing document). Returns the new voucher.
create function app_private.reverse_voucher(p_tenant uuid, p_voucher uuid, p_date date, p_summary text default null,
  p_source_id uuid default null)
returns uuid
language plpgsql set search_path = ''
as $$
declare
  v record;
  r uuid;
begin
  select * into v from public.vouchers where id = p_voucher and tenant_id = p_tenant for update;
  if not found then
    raise exception using errcode = 'TR700', message = 'voucher not found', hint = 'voucher_id';
  end if;
  if v.status <> 'posted' then
    raise exception using errcode = 'TR708',
      message = format('only a posted voucher can be reversed; this one is %s', v.status), hint = 'voucher_id';
  end if;
  insert into public.vouchers (tenant_id, word, voucher_date, summary, source_type, source_id, reversal_of, prepared_by)
  values (p_tenant, v.word, p_date,
          left(coalesce(p_summary, format('冲销 %s-%s 号凭证 %s', v.word, v.number, v.summary)), 200),
          v.source_type, coalesce(p_source_id, v.source_id), v.id, coalesce(auth.uid(), v.prepared_by))
  returning id into r;
  insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, credit, party_id,
    item_id, department_id, project_id, employee_id, quantity, unit_price, open_item_id)
  select p_tenant, r, l.line_no, l.summary, l.account_id, l.credit, l.debit, l.party_id, l.item_id,
    l.department_id, l.project_id, l.employee_id, -l.quantity, l.unit_price, l.open_item_id
  from public.voucher_lines l where l.voucher_id = p_voucher;
  perform app_private.post_voucher(p_tenant, r, true);
  update public.vouchers set status = 'reversed', reversed_by = r where id = p_voucher;
  return r;
end
$$;
comment on function app_private.reverse_voucher(uuid, uuid, date, text, uuid) is
  'Posts the reversing voucher (红字冲销, sides swapped) of a posted voucher and marks it reversed';

-- ───────────────────────────── API: manual vouchers ─────────────────────────────
create function public.review_voucher(p_voucher uuid, p_undo boolean default false) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('vouchers', 'approve');
  v record;
begin
  select * into v from public.vouchers where id = p_voucher and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR700', message = 'voucher not found', hint = 'voucher_id';
  end if;
  if v.status <> 'draft' then
    raise exception using errcode = 'TR701', message = 'only a draft can be reviewed or un-reviewed', hint = 'voucher_id';
  end if;
  if not p_undo and v.prepared_by = auth.uid() then
    raise exception using errcode = 'TR706', message = 'the preparer cannot review their own voucher',
      hint = 'reviewed_by';
  end if;
  update public.vouchers
  set reviewed_by = case when p_undo then null else auth.uid() end,
      reviewed_at = case when p_undo then null else now() end
  where id = p_voucher;
end
$$;
comment on function public.review_voucher(uuid, boolean) is
  'Marks a draft voucher reviewed (审核) by the caller, or takes the review back (right: approve on vouchers). '
  'SECURITY DEFINER because the reviewer columns are not writable through the API: it checks the right itself.';

create function public.post_voucher(p_voucher uuid) returns int
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return app_private.post_voucher(app_private.require('vouchers', 'post'), p_voucher, false);
end
$$;
comment on function public.post_voucher(uuid) is
  'Posts a draft voucher (记账) and returns its number (right: post on vouchers). '
  'SECURITY DEFINER because status and number are not writable through the API: it checks the right itself.';

-- The date a correction is booked on: the date itself unless its period is closed; then today when
-- today's period is open and later, else the first day of the first open period after the date.
create function app_private.correction_date(p_tenant uuid, p_date date) returns date
language plpgsql stable set search_path = ''
as $$
declare
  st public.period_status;
  nxt date;
  today date := (now() at time zone 'Asia/Shanghai')::date;
begin
  select fp.status into st from public.fiscal_periods fp
  where fp.tenant_id = p_tenant and p_date between fp.start_date and fp.end_date;
  if not found or st = 'open' then
    return p_date;
  end if;
  select min(fp.start_date) into nxt from public.fiscal_periods fp
  where fp.tenant_id = p_tenant and fp.status = 'open' and fp.start_date > p_date;
  if nxt is null then
    return p_date;
  end if;
  if today >= nxt and exists (select 1 from public.fiscal_periods fp where fp.tenant_id = p_tenant
                              and today between fp.start_date and fp.end_date and fp.status = 'open') then
    return today;
  end if;
  return nxt;
end
$$;

create function public.reverse_voucher(p_voucher uuid, p_date date default null) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('vouchers', 'post');
  wanted date := coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date);
  d date;
  orig record;
begin
  if exists (select 1 from public.vouchers v where v.id = p_voucher and v.tenant_id = t and v.source_id is not null) then
    raise exception using errcode = 'TR708',
      message = 'this voucher was posted by a business document: reverse the document instead', hint = 'voucher_id';
  end if;
  d := app_private.correction_date(t, wanted);
  if d = wanted then
    return app_private.reverse_voucher(t, p_voucher, d);
  end if;
  select x.word, x.number, x.summary, x.voucher_date into orig from public.vouchers x where x.id = p_voucher and x.tenant_id = t;
  return app_private.reverse_voucher(t, p_voucher, d,
    format('调整(%s 所在期间已结账) 冲销 %s-%s 号凭证(%s) %s', wanted, orig.word, orig.number, orig.voucher_date, orig.summary));
end
$$;
comment on function public.reverse_voucher(uuid, date) is
  'Reverses a posted manual voucher with a new voucher on the given date (default today; right: post on vouchers); '
  'a date in a closed period books the reversal in the open period, naming the original. '
  'SECURITY DEFINER because vouchers are posted only by the engine: it checks the right itself.';


-- ───────────────────────────── reports ─────────────────────────────
-- 科目余额表 for one period: opening, period movement and closing per account, leaves and their parents.
create function public.trial_balance(p_period_id uuid)
returns table (account_id uuid, code text, name text, level smallint, is_leaf boolean,
  direction public.balance_direction, opening_debit numeric, opening_credit numeric,
  period_debit numeric, period_credit numeric, closing_debit numeric, closing_credit numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('vouchers', 'read');
  target record;
begin
  select fp.start_date into target from public.fiscal_periods fp where fp.id = p_period_id and fp.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR705', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  return query
  with per_leaf as (
    select g.account_id,
      sum(case when fp.start_date < target.start_date then g.debit - g.credit else 0 end) as opening,
      sum(case when fp.id = p_period_id then g.debit else 0 end) as pd,
      sum(case when fp.id = p_period_id then g.credit else 0 end) as pc
    from (
      select b.period_id, b.account_id, b.debit, b.credit from app_private.gl_account_balances b where b.tenant_id = t
      union all
      select p.period_id, p.account_id, p.debit, p.credit from app_private.gl_pending p where p.tenant_id = t
    ) g
    join public.fiscal_periods fp on fp.id = g.period_id
    where fp.start_date <= target.start_date
    group by g.account_id
  ), rolled as (
    select a.id, a.code, a.name, a.level, a.is_leaf, a.direction,
      sum(l.opening) as opening, sum(l.pd) as pd, sum(l.pc) as pc
    from public.accounts a
    join public.accounts leaf on leaf.tenant_id = t and leaf.code like a.code || '%'
    join per_leaf l on l.account_id = leaf.id
    where a.tenant_id = t
    group by a.id
  )
  select r.id, r.code, r.name, r.level, r.is_leaf, r.direction,
    greatest(r.opening, 0), greatest(-r.opening, 0), r.pd, r.pc,
    greatest(r.opening + r.pd - r.pc, 0), greatest(-(r.opening + r.pd - r.pc), 0)
  from rolled r
  order by r.code;
end
$$;
comment on function public.trial_balance(uuid) is
  'Trial balance (科目余额表) of a period: opening, period debit/credit and closing per account, with parents. '
  'SECURITY DEFINER because the balances are kept out of the API: it checks read on vouchers itself.';

-- Balance of one customer or supplier on every account (debit positive).
create function public.party_balance(p_party_id uuid)
returns table (account_id uuid, code text, name text, debit numeric, credit numeric, balance numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('open_items', 'read');
begin
  return query
  select a.id, a.code, a.name, sum(g.debit), sum(g.credit), sum(g.debit - g.credit)
  from (
    select b.account_id, b.debit, b.credit from app_private.gl_balances b
    where b.tenant_id = t and b.party_id = p_party_id
    union all
    select p.account_id, p.debit, p.credit from app_private.gl_pending p
    where p.tenant_id = t and p.party_id = p_party_id
  ) g
  join public.accounts a on a.id = g.account_id
  group by a.id
  order by a.code;
end
$$;
comment on function public.party_balance(uuid) is
  'Balance of a customer or supplier per account (debit positive; right: read on open_items). '
  'SECURITY DEFINER because the balances are kept out of the API: it checks the right itself.';

revoke all on function app_private.correction_date(uuid, date), app_private.fold_gl(int), app_private.gl_amounts(uuid), app_private.open_period_for(uuid, date),
  app_private.post_voucher(uuid, uuid, boolean), app_private.reverse_voucher(uuid, uuid, date, text, uuid),
  app_private.vouchers_before_insert(), app_private.vouchers_are_final(),
  app_private.voucher_lines_of_drafts_only() from public;
revoke execute on function public.review_voucher(uuid, boolean), public.post_voucher(uuid),
  public.reverse_voucher(uuid, date), public.trial_balance(uuid), public.party_balance(uuid) from public, anon;
