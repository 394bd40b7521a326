-- Period close (结账): checks, profit carry-forward, year-end transfer, lock; reopening; corrections
-- that would touch a closed period booked in the open one.
--
-- * close_period(period) locks the period row (postings take it for share: a posting in flight
--   finishes first, later ones see the period closed), refuses when an earlier period is still open
--   (periods close in order), runs every registered check, and when a blocking check finds something
--   returns {status: 'blocked', blockers: [...]} with nothing changed. Else it carries the period's
--   P&L balances to 本年利润 as a profit_carry_forward document (the same builder and template as
--   post_document), at the last period of a fiscal year moves the balance of 本年利润 to 利润分配 -
--   未分配利润 (a 转 voucher, source_type year_end_close), sets the period closed and logs it.
--   Calling it again on a closed period returns {status: 'closed', already: true}.
-- * Checks are data: app_private.closing_checks lists check functions f(tenant, period) returning
--   (ref_id, label); a module adds its own row (unapproved documents, unreconciled bank lines, ...).
-- * reopen_period(period, reason) needs the right approve on period_closing (owners and admins by
--   default), only the latest closed period can be reopened, and it is logged with the reason
--   (public.period_closings) besides the audit trail of fiscal_periods.
-- * fiscal_periods.status changes only through these two functions (trigger), and a closed period's
--   dates cannot change.
-- * Corrections: reverse_document and reverse_voucher with a date in a closed period book the reversal
--   in the open period instead (today when today's period is open and later, else the first day of the
--   first open period after the date), with the reference in the summary and the document's payload.
--
-- Stable error codes: TR760 unknown period; TR761 an earlier period is still open; TR762 a later period
-- is closed (reopen in order); TR763 period status changed outside close/reopen, or a closed period
-- edited; TR764 posting setting missing for the carry-forward; TR765 a reason is required.

-- ───────────────────────────── guard on fiscal_periods ─────────────────────────────
create function app_private.fiscal_periods_status_guard() returns trigger
language plpgsql set search_path = ''
as $$
declare
  allowed boolean := coalesce(current_setting('troika.period_close', true), '') = 'on';
begin
  if tg_op = 'INSERT' then
    if new.status <> 'open' and not allowed then
      raise exception using errcode = 'TR763', message = 'a period is created open and closed by close_period',
        hint = 'status';
    end if;
    return new;
  end if;
  if tg_op = 'DELETE' then
    if old.status = 'closed' then
      raise exception using errcode = 'TR763', message = 'a closed period cannot be deleted', hint = 'status';
    end if;
    return old;
  end if;
  if new.status <> old.status and not allowed then
    raise exception using errcode = 'TR763',
      message = 'a period is closed with close_period and reopened with reopen_period', hint = 'status';
  end if;
  if old.status = 'closed' and new.status = 'closed'
     and (new.start_date, new.end_date, new.fiscal_year, new.period_no)
         is distinct from (old.start_date, old.end_date, old.fiscal_year, old.period_no) then
    raise exception using errcode = 'TR763', message = 'a closed period cannot be changed', hint = 'start_date';
  end if;
  return new;
end
$$;
create trigger fiscal_periods_status_guard before insert or update or delete on public.fiscal_periods
  for each row execute function app_private.fiscal_periods_status_guard();

-- ───────────────────────────── log ─────────────────────────────
create type public.period_closing_action as enum ('close', 'reopen');
comment on type public.period_closing_action is '结账 close or 反结账 reopen';

create table public.period_closings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  period_id uuid not null,
  action public.period_closing_action not null,
  reason text check (reason is null or char_length(reason) <= 500),
  carry_forward_document_id uuid,
  year_end_voucher_id uuid,
  warnings jsonb not null default '[]',
  done_by uuid references auth.users (id) on delete set null,
  done_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, period_id) references public.fiscal_periods (tenant_id, id) on delete cascade,
  foreign key (tenant_id, carry_forward_document_id) references public.ledger_documents (tenant_id, id) on delete restrict,
  foreign key (tenant_id, year_end_voucher_id) references public.vouchers (tenant_id, id) on delete restrict
);
comment on table public.period_closings is 'Every close and reopen of a period (结账/反结账): who, when, why, what was posted';
comment on column public.period_closings.period_id is 'Fiscal period';
comment on column public.period_closings.action is 'Close or reopen';
comment on column public.period_closings.reason is 'Why it was reopened';
comment on column public.period_closings.carry_forward_document_id is 'The profit carry-forward (结转损益) posted by the close';
comment on column public.period_closings.year_end_voucher_id is 'The year-end transfer of 本年利润 to 利润分配';
comment on column public.period_closings.warnings is 'What the non-blocking checks found';
comment on column public.period_closings.done_by is 'Done by';
comment on column public.period_closings.done_at is 'Done at';
create index period_closings_period_idx on public.period_closings (tenant_id, period_id, done_at);
create index period_closings_document_idx on public.period_closings (tenant_id, carry_forward_document_id);
create index period_closings_voucher_idx on public.period_closings (tenant_id, year_end_voucher_id);
create index period_closings_done_by_idx on public.period_closings (done_by);
revoke insert, update, delete, truncate on public.period_closings from anon, authenticated;

-- ───────────────────────────── checks ─────────────────────────────
create table app_private.closing_checks (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*$'),
  description text not null,
  check_function regprocedure not null,
  blocking boolean not null default true,
  sort int not null default 100
);
comment on table app_private.closing_checks is
  'Checks run before a period closes: a function (tenant uuid, period uuid) → table (ref_id uuid, label text); '
  'modules add theirs';

create function app_private.closing_check_draft_vouchers(p_tenant uuid, p_period uuid)
returns table (ref_id uuid, label text)
language sql stable set search_path = ''
as $$
  select v.id, format('%s %s 草稿凭证 %s', v.word, v.voucher_date, v.summary)
  from public.vouchers v join public.fiscal_periods fp on fp.id = p_period
  left join public.ledger_settings s on s.tenant_id = p_tenant
  where v.tenant_id = p_tenant and v.status = 'draft' and v.voucher_date between fp.start_date and fp.end_date
    and (v.reviewed_by is not null or not coalesce(s.require_review, false))
  order by v.voucher_date, v.created_at
$$;

create function app_private.closing_check_vouchers_awaiting_review(p_tenant uuid, p_period uuid)
returns table (ref_id uuid, label text)
language sql stable set search_path = ''
as $$
  select v.id, format('%s %s 待审核凭证 %s', v.word, v.voucher_date, v.summary)
  from public.vouchers v join public.fiscal_periods fp on fp.id = p_period
  join public.ledger_settings s on s.tenant_id = p_tenant and s.require_review
  where v.tenant_id = p_tenant and v.status = 'draft' and v.voucher_date between fp.start_date and fp.end_date
    and v.reviewed_by is null
  order by v.voucher_date, v.created_at
$$;

-- Stock whose cost is not settled: issued below zero (costed at the last average, to be corrected) or
-- value left without quantity.
create function app_private.closing_check_stock_not_costed(p_tenant uuid, p_period uuid)
returns table (ref_id uuid, label text)
language sql stable set search_path = ''
as $$
  select s.item_id, format('%s %s @ %s: 数量 %s 金额 %s', i.sku, i.name, w.name, s.quantity, s.value)
  from public.stock_levels s
  join public.items i on i.id = s.item_id
  join public.warehouses w on w.id = s.warehouse_id
  join public.fiscal_periods fp on fp.id = p_period
  where s.tenant_id = p_tenant and (s.quantity < 0 or (s.quantity = 0 and s.value <> 0))
    and s.last_move_date <= fp.end_date
  order by i.sku, w.code
$$;

create function app_private.closing_check_untagged_cash_lines(p_tenant uuid, p_period uuid)
returns table (ref_id uuid, label text)
language sql stable set search_path = ''
as $$
  select l.id, format('%s-%s %s %s 借 %s 贷 %s', v.word, v.number, v.voucher_date, a.code, l.debit, l.credit)
  from public.vouchers v
  join public.voucher_lines l on l.voucher_id = v.id
  join public.accounts a on a.id = l.account_id
  where v.tenant_id = p_tenant and v.period_id = p_period and v.status <> 'draft'
    and app_private.is_cash_account(a.code)
    and not exists (select 1 from public.voucher_line_cash_flow c where c.line_id = l.id)
  order by v.word, v.number, l.line_no
$$;

insert into app_private.closing_checks (key, description, check_function, blocking, sort) values
  ('draft_vouchers', '本期有未记账的凭证', 'app_private.closing_check_draft_vouchers(uuid, uuid)', true, 10),
  ('vouchers_awaiting_review', '本期有待审核的凭证', 'app_private.closing_check_vouchers_awaiting_review(uuid, uuid)', true, 20),
  ('stock_not_costed', '存货成本未确定 (负库存或无数量有金额)', 'app_private.closing_check_stock_not_costed(uuid, uuid)', true, 30),
  ('untagged_cash_lines', '现金流量项目未指定的现金/银行分录', 'app_private.closing_check_untagged_cash_lines(uuid, uuid)', false, 40);

-- Runs every registered check: one row per finding.
create function app_private.run_closing_checks(p_tenant uuid, p_period uuid)
returns table (check_key text, description text, blocking boolean, ref_id uuid, label text)
language plpgsql set search_path = ''
as $$
declare
  c record;
begin
  for c in select * from app_private.closing_checks order by sort, key loop
    return query execute format('select %L::text, %L::text, %L::boolean, r.ref_id, r.label from %s($1, $2) r',
      c.key, c.description, c.blocking, c.check_function::oid::regproc)
      using p_tenant, p_period;
  end loop;
end
$$;

-- ───────────────────────────── closing ─────────────────────────────
create function app_private.carry_forward_profit(p_tenant uuid, p_period uuid) returns uuid
language plpgsql set search_path = ''
as $$
declare
  payload jsonb := jsonb_build_object('period_id', p_period);
  d date;
  k text;
  doc uuid;
begin
  if not exists (
    select 1 from app_private.gl_amounts(p_tenant) g join public.accounts a on a.id = g.account_id
    where g.period_id = p_period and a.type = 'profit_and_loss'
    group by g.account_id, g.party_id, g.item_id, g.department_id, g.project_id, g.employee_id
    having sum(g.debit - g.credit) <> 0) then
    return null;
  end if;
  if not exists (select 1 from public.posting_settings s where s.tenant_id = p_tenant and s.key = 'current_year_profit_account') then
    raise exception using errcode = 'TR764', message = 'no current_year_profit_account (本年利润) in the posting settings',
      hint = 'current_year_profit_account';
  end if;
  select fp.end_date into d from public.fiscal_periods fp where fp.id = p_period;
  k := format('close-%s-%s', p_period, (select count(*) + 1 from public.ledger_documents ld
    where ld.tenant_id = p_tenant and ld.doc_type = 'profit_carry_forward' and ld.payload ->> 'period_id' = p_period::text));
  perform app_private.claim_idempotency(p_tenant, k, 'profit_carry_forward', payload);
  doc := app_private.start_document(p_tenant, 'profit_carry_forward', d, null, null, payload);
  perform app_private.finish_document(p_tenant, doc, 'profit_carry_forward', 'profit_carry_forward',
    app_private.build_profit_carry_forward(p_tenant, doc, d, payload), '转', k);
  return doc;
end
$$;

-- At the end of a fiscal year: the balance of 本年利润 to 利润分配 - 未分配利润.
create function app_private.transfer_year_profit(p_tenant uuid, p_period uuid) returns uuid
language plpgsql set search_path = ''
as $$
declare
  per record;
  cyp uuid;
  re uuid;
  bal numeric;
  v uuid;
begin
  select * into per from public.fiscal_periods fp where fp.id = p_period;
  select s.account_id into cyp from public.posting_settings s where s.tenant_id = p_tenant and s.key = 'current_year_profit_account';
  select s.account_id into re from public.posting_settings s where s.tenant_id = p_tenant and s.key = 'retained_earnings_account';
  if cyp is null or re is null then
    raise exception using errcode = 'TR764',
      message = 'current_year_profit_account (本年利润) and retained_earnings_account (未分配利润) are needed in the posting settings',
      hint = case when cyp is null then 'current_year_profit_account' else 'retained_earnings_account' end;
  end if;
  select coalesce(sum(x.debit - x.credit), 0) into bal from (
    select b.period_id, b.debit, b.credit from app_private.gl_account_balances b where b.tenant_id = p_tenant and b.account_id = cyp
    union all
    select p.period_id, p.debit, p.credit from app_private.gl_pending p where p.tenant_id = p_tenant and p.account_id = cyp
  ) x join public.fiscal_periods fp on fp.id = x.period_id and fp.start_date <= per.start_date;
  if bal = 0 then
    return null;
  end if;
  insert into public.vouchers (tenant_id, word, voucher_date, summary, source_type, source_id)
  values (p_tenant, '转', per.end_date, format('结转 %s 年度本年利润至利润分配', per.fiscal_year), 'year_end_close', p_period)
  returning id into v;
  -- bal < 0: a profit (credit balance) leaves 本年利润 on the debit side
  insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, credit) values
    (p_tenant, v, 1, '结转本年利润', cyp, greatest(-bal, 0), greatest(bal, 0)),
    (p_tenant, v, 2, '转入未分配利润', re, greatest(bal, 0), greatest(-bal, 0));
  perform app_private.post_voucher(p_tenant, v, true);
  return v;
end
$$;

create function public.closing_checks(p_period_id uuid)
returns table (check_key text, description text, blocking boolean, ref_id uuid, label text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('period_closing', 'read');
begin
  if not exists (select 1 from public.fiscal_periods fp where fp.id = p_period_id and fp.tenant_id = t) then
    raise exception using errcode = 'TR760', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  return query select * from app_private.run_closing_checks(t, p_period_id);
end
$$;
comment on function public.closing_checks(uuid) is
  'What stands in the way of closing a period: one row per finding of each registered check, blocking or a '
  'warning (right: read on period_closing). SECURITY DEFINER because the checks read ledger tables of '
  'several rights: it checks the right itself.';

create function public.close_period(p_period_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('period_closing', 'post');
  per record;
  earlier record;
  found_rows jsonb;
  blockers jsonb;
  warnings jsonb;
  cf uuid;
  ye uuid;
begin
  select * into per from public.fiscal_periods fp where fp.id = p_period_id and fp.tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR760', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  if per.status = 'closed' then
    return jsonb_build_object('status', 'closed', 'already', true, 'period_id', per.id);
  end if;
  select fp.fiscal_year, fp.period_no into earlier from public.fiscal_periods fp
  where fp.tenant_id = t and fp.start_date < per.start_date and fp.status = 'open'
  order by fp.start_date limit 1;
  if found then
    raise exception using errcode = 'TR761',
      message = format('period %s-%s is still open: periods close in order', earlier.fiscal_year, earlier.period_no),
      hint = 'period_id';
  end if;

  select coalesce(jsonb_agg(jsonb_build_object('check', c.check_key, 'description', c.description,
    'blocking', c.blocking, 'ref_id', c.ref_id, 'label', c.label)), '[]')
  into found_rows from app_private.run_closing_checks(t, per.id) c;
  select coalesce(jsonb_agg(e), '[]') into blockers from jsonb_array_elements(found_rows) e where (e ->> 'blocking')::boolean;
  select coalesce(jsonb_agg(e), '[]') into warnings from jsonb_array_elements(found_rows) e where not (e ->> 'blocking')::boolean;
  if jsonb_array_length(blockers) > 0 then
    return jsonb_build_object('status', 'blocked', 'period_id', per.id, 'blockers', blockers, 'warnings', warnings);
  end if;

  cf := app_private.carry_forward_profit(t, per.id);
  if not exists (select 1 from public.fiscal_periods fp
                 where fp.tenant_id = t and fp.fiscal_year = per.fiscal_year and fp.start_date > per.start_date) then
    ye := app_private.transfer_year_profit(t, per.id);
  end if;

  perform set_config('troika.period_close', 'on', true);
  update public.fiscal_periods set status = 'closed' where id = per.id;
  perform set_config('troika.period_close', '', true);
  insert into public.period_closings (tenant_id, period_id, action, carry_forward_document_id, year_end_voucher_id,
    warnings, done_by)
  values (t, per.id, 'close', cf, ye, warnings, auth.uid());
  return jsonb_build_object('status', 'closed', 'period_id', per.id, 'carry_forward_document_id', cf,
    'year_end_voucher_id', ye, 'warnings', warnings);
end
$$;
comment on function public.close_period(uuid) is
  'Closes a period (结账): checks (returns {status: blocked, blockers} and changes nothing when one blocks), '
  'carries P&L to 本年利润, at year end moves 本年利润 to 利润分配, locks the period (right: post on '
  'period_closing). SECURITY DEFINER because it posts vouchers and changes the period status, which only the '
  'engine may: it checks the right itself.';

create function public.reopen_period(p_period_id uuid, p_reason text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('period_closing', 'approve');
  per record;
  later record;
begin
  if p_reason is null or char_length(btrim(p_reason)) = 0 or char_length(p_reason) > 500 then
    raise exception using errcode = 'TR765', message = 'a reason (up to 500 characters) is required to reopen a period',
      hint = 'reason';
  end if;
  select * into per from public.fiscal_periods fp where fp.id = p_period_id and fp.tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR760', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  if per.status = 'open' then
    return jsonb_build_object('status', 'open', 'already', true, 'period_id', per.id);
  end if;
  select fp.fiscal_year, fp.period_no into later from public.fiscal_periods fp
  where fp.tenant_id = t and fp.start_date > per.start_date and fp.status = 'closed'
  order by fp.start_date desc limit 1;
  if found then
    raise exception using errcode = 'TR762',
      message = format('period %s-%s is closed: reopen the latest closed period first', later.fiscal_year, later.period_no),
      hint = 'period_id';
  end if;
  perform set_config('troika.period_close', 'on', true);
  update public.fiscal_periods set status = 'open' where id = per.id;
  perform set_config('troika.period_close', '', true);
  insert into public.period_closings (tenant_id, period_id, action, reason, done_by)
  values (t, per.id, 'reopen', btrim(p_reason), auth.uid());
  return jsonb_build_object('status', 'open', 'period_id', per.id);
end
$$;
comment on function public.reopen_period(uuid, text) is
  'Reopens the latest closed period (反结账) with a reason, logged and audited (right: approve on period_closing). '
  'SECURITY DEFINER because period status is changed only by close/reopen: it checks the right itself.';

-- ───────────────────────────── corrections into closed periods ─────────────────────────────
-- public.reverse_document and public.reverse_voucher (ledger migrations) book a reversal dated in a
-- closed period in the open period, with app_private.correction_date; closing a period is all it takes.

revoke all on function app_private.fiscal_periods_status_guard(),
  app_private.closing_check_draft_vouchers(uuid, uuid), app_private.closing_check_vouchers_awaiting_review(uuid, uuid),
  app_private.closing_check_stock_not_costed(uuid, uuid), app_private.closing_check_untagged_cash_lines(uuid, uuid),
  app_private.run_closing_checks(uuid, uuid), app_private.carry_forward_profit(uuid, uuid),
  app_private.transfer_year_profit(uuid, uuid) from public;
revoke execute on function public.closing_checks(uuid), public.close_period(uuid), public.reopen_period(uuid, text)
  from public, anon;
