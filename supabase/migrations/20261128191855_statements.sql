-- Financial reports on the folded balances: trial balance by dimension, general ledger, ledger detail
-- with running balance, voucher journal, the statements (资产负债表, 利润表, 现金流量表) of both
-- accounting standards with their line formulas as data, cash-flow tagging of cash lines, stock
-- valuation and sales margin.
--
-- Decisions worth knowing:
-- * Every balance-based report reads app_private.gl_account_balances / gl_balances plus gl_pending (one
--   snapshot, exact at any moment, cost grows with accounts × periods and not with history). Only the
--   detail reports (ledger_detail, voucher_journal, untagged_cash_lines) read voucher lines, through
--   the date and account indexes, paged.
-- * Statement layouts are global templates per standard (app_private.statement_templates, the official
--   line numbers 行次 of 会小企01/02/03表 and of the general-enterprise format) that a company may
--   override line by line (public.statement_line_overrides). A formula is a JSON list of terms:
--     {"account": "1122", "kind": "debit_parties", "sign": 1}   accounts whose code starts with 1122
--     {"account_type": "profit_and_loss", "sign": -1}            every account of a type
--     {"line": 15, "sign": -1}                                   another line of the statement
--     {"cash_flow": "op_sales_in", "sign": 1}                    tagged cash lines of an item
--   kind (default balance): balance (closing balance), opening (balance at the start), movement (net
--   movement, debit − credit), debit_movement, credit_movement, debit_parties / credit_parties (the
--   debit or credit balances of each customer/supplier, 往来科目按明细分析填列). Amounts are debit
--   positive; sign turns them the way the line reads. The two columns of a statement: balance sheet =
--   期末余额 (end of the period) and 年初余额 (end of the previous fiscal year); income statement and cash
--   flow = 本月金额 (the period) and 本年累计金额 (fiscal year to date).
-- * The income statement must not see the profit carry-forward (结转损益) that empties the P&L
--   accounts: its lines are recorded at posting in app_private.gl_closing_entries (a few rows per
--   period) and taken out of the movements.
-- * 未分配利润 = 本年利润 + 利润分配 + P&L balances not yet carried forward, so that the balance sheet
--   balances at any moment of the month, before and after the carry-forward.
-- * Cash flow: each line on a cash account (1001/1002/1012) of a posted voucher gets a cash-flow item
--   at posting (trigger on vouchers) from rules "counter-account + direction → item": the company's
--   own public.cash_flow_rules (an account and its sub-accounts) first, then the standard's defaults
--   (by code prefix), the most specific winning; the counter-account is the
--   largest non-cash line on the other side; a voucher between cash accounts only is an internal
--   transfer (item internal, on no line). Lines no rule matched are listed by untagged_cash_lines and
--   tagged by the accountant with tag_cash_line.
--
-- Stable error codes: TR750 unknown statement / bad formula; TR751 unknown period; TR752 unknown
-- dimension; TR753 not a cash line of a posted voucher; TR754 unknown cash-flow item; TR755 bad date
-- range or paging; TR756 unknown account; TR757 unknown grouping.

-- ───────────────────────────── statement templates ─────────────────────────────
create type public.statement_kind as enum ('balance_sheet', 'income_statement', 'cash_flow');
comment on type public.statement_kind is '资产负债表 balance_sheet, 利润表 income_statement, 现金流量表 cash_flow';
create type public.cash_flow_direction as enum ('in', 'out');
comment on type public.cash_flow_direction is 'in: money received (cash debited); out: money paid (cash credited)';

create table app_private.statement_templates (
  standard public.accounting_standard not null,
  statement public.statement_kind not null,
  line_no int not null check (line_no > 0),
  name text not null,
  indent smallint not null default 0,
  formula jsonb not null default '[]',
  primary key (standard, statement, line_no)
);
comment on table app_private.statement_templates is
  'Statement layouts of the accounting standards: line number (行次), name and formula as data';

create table public.statement_line_overrides (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  statement public.statement_kind not null,
  line_no int not null check (line_no between 1 and 999),
  name text check (name is null or char_length(btrim(name)) between 1 and 100),
  formula jsonb check (formula is null or jsonb_typeof(formula) = 'array'),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, statement, line_no)
);
comment on table public.statement_line_overrides is
  'A company''s own name or formula for a statement line (else the standard''s template)';
comment on column public.statement_line_overrides.statement is 'Statement';
comment on column public.statement_line_overrides.line_no is 'Line number (行次)';
comment on column public.statement_line_overrides.name is 'Line name (empty: the template''s)';
comment on column public.statement_line_overrides.formula is
  'Formula (empty: the template''s): JSON list of terms {account|account_type|line|cash_flow, kind, sign}';
create trigger statement_line_overrides_touch before update on public.statement_line_overrides
  for each row execute function public.touch_updated_at();

-- A formula is a list of known terms; checked when written so that a report never meets a bad one.
create function app_private.check_formula(p_formula jsonb) returns void
language plpgsql immutable set search_path = ''
as $$
declare
  t jsonb;
begin
  if p_formula is null then
    return;
  end if;
  if jsonb_typeof(p_formula) <> 'array' then
    raise exception using errcode = 'TR750', message = 'a formula is a list of terms', hint = 'formula';
  end if;
  for t in select e from jsonb_array_elements(p_formula) e loop
    if jsonb_typeof(t) <> 'object'
       or (select count(*) from jsonb_object_keys(t) k where k in ('account', 'account_type', 'line', 'cash_flow')) <> 1
       or exists (select 1 from jsonb_object_keys(t) k where k not in ('account', 'account_type', 'line', 'cash_flow', 'kind', 'sign'))
       or coalesce(t ->> 'kind', 'balance') not in ('balance', 'opening', 'movement', 'debit_movement',
            'credit_movement', 'debit_parties', 'credit_parties')
       or coalesce(t ->> 'sign', '1') not in ('1', '-1')
       or (t ? 'account' and coalesce(t ->> 'account', '') !~ '^[0-9]{4,20}$')
       or (t ? 'account_type' and t ->> 'account_type' not in ('asset', 'liability', 'common', 'equity', 'cost', 'profit_and_loss'))
       or (t ? 'line' and coalesce(t ->> 'line', '') !~ '^[0-9]{1,3}$') then
      raise exception using errcode = 'TR750',
        message = format('bad formula term %s: one of account (code prefix), account_type, line, cash_flow; '
                         'kind balance|opening|movement|debit_movement|credit_movement|debit_parties|credit_parties; sign 1|-1', t),
        hint = 'formula';
    end if;
  end loop;
end
$$;

create function app_private.statement_line_overrides_check() returns trigger
language plpgsql set search_path = ''
as $$
begin
  perform app_private.check_formula(new.formula);
  return new;
end
$$;
create trigger statement_line_overrides_check before insert or update on public.statement_line_overrides
  for each row execute function app_private.statement_line_overrides_check();

-- ───────────────────────────── cash flow ─────────────────────────────
create table public.cash_flow_items (
  code text primary key check (code ~ '^[a-z][a-z0-9_]*$'),
  name text not null,
  activity text not null check (activity in ('operating', 'investing', 'financing', 'other')),
  direction text not null check (direction in ('in', 'out', 'both')),
  sort int not null
);
comment on table public.cash_flow_items is 'Cash-flow items (现金流量项目) a cash line is tagged with';
comment on column public.cash_flow_items.code is 'Code';
comment on column public.cash_flow_items.name is 'Name';
comment on column public.cash_flow_items.activity is 'Activity: operating, investing, financing or other';
comment on column public.cash_flow_items.direction is 'Inflow (in), outflow (out) or both';
comment on column public.cash_flow_items.sort is 'Order';
revoke insert, update, delete, truncate on public.cash_flow_items from anon, authenticated;
grant select on public.cash_flow_items to authenticated;

insert into public.cash_flow_items (code, name, activity, direction, sort) values
  ('op_sales_in', '销售商品、提供劳务收到的现金', 'operating', 'in', 10),
  ('op_tax_refund_in', '收到的税费返还', 'operating', 'in', 20),
  ('op_other_in', '收到其他与经营活动有关的现金', 'operating', 'in', 30),
  ('op_purchase_out', '购买商品、接受劳务支付的现金', 'operating', 'out', 40),
  ('op_staff_out', '支付给职工以及为职工支付的现金', 'operating', 'out', 50),
  ('op_tax_out', '支付的各项税费', 'operating', 'out', 60),
  ('op_other_out', '支付其他与经营活动有关的现金', 'operating', 'out', 70),
  ('inv_recover_in', '收回投资收到的现金', 'investing', 'in', 110),
  ('inv_income_in', '取得投资收益收到的现金', 'investing', 'in', 120),
  ('inv_disposal_in', '处置固定资产、无形资产和其他长期资产收回的现金净额', 'investing', 'in', 130),
  ('inv_other_in', '收到其他与投资活动有关的现金', 'investing', 'in', 140),
  ('inv_capex_out', '购建固定资产、无形资产和其他长期资产支付的现金', 'investing', 'out', 150),
  ('inv_invest_out', '投资支付的现金', 'investing', 'out', 160),
  ('inv_other_out', '支付其他与投资活动有关的现金', 'investing', 'out', 170),
  ('fin_equity_in', '吸收投资收到的现金', 'financing', 'in', 210),
  ('fin_borrow_in', '取得借款收到的现金', 'financing', 'in', 220),
  ('fin_other_in', '收到其他与筹资活动有关的现金', 'financing', 'in', 230),
  ('fin_repay_out', '偿还借款本金支付的现金', 'financing', 'out', 240),
  ('fin_interest_out', '偿还借款利息支付的现金', 'financing', 'out', 250),
  ('fin_dividend_out', '分配股利、利润支付的现金', 'financing', 'out', 260),
  ('fin_other_out', '支付其他与筹资活动有关的现金', 'financing', 'out', 270),
  ('fx_effect', '汇率变动对现金的影响', 'other', 'both', 310),
  ('internal', '现金内部划转 (不列入现金流量表)', 'other', 'both', 320);

create table app_private.cash_flow_rule_defaults (
  standard public.accounting_standard not null,
  account_prefix text not null,
  direction public.cash_flow_direction not null,
  item_code text not null references public.cash_flow_items (code),
  primary key (standard, account_prefix, direction)
);
comment on table app_private.cash_flow_rule_defaults is
  'Default cash-flow rules per standard: the counter-account prefix and direction of a cash line → item';
create index cash_flow_rule_defaults_item_idx on app_private.cash_flow_rule_defaults (item_code);

-- Counter-accounts common to both charts, then those whose codes differ (P&L 5xxx/6xxx, equity 3xxx/4xxx).
insert into app_private.cash_flow_rule_defaults (standard, account_prefix, direction, item_code)
select s.standard, v.prefix, v.dir::public.cash_flow_direction, v.item
from unnest(enum_range(null::public.accounting_standard)) s(standard)
cross join (values
  ('1121', 'in', 'op_sales_in'), ('1122', 'in', 'op_sales_in'), ('2203', 'in', 'op_sales_in'),
  ('1122', 'out', 'op_sales_in'), ('2203', 'out', 'op_sales_in'),
  ('1123', 'out', 'op_purchase_out'), ('2201', 'out', 'op_purchase_out'), ('2202', 'out', 'op_purchase_out'),
  ('1123', 'in', 'op_purchase_out'), ('2202', 'in', 'op_purchase_out'),
  ('14', 'out', 'op_purchase_out'), ('1401', 'out', 'op_purchase_out'),
  ('2211', 'out', 'op_staff_out'), ('224101', 'out', 'op_other_out'),
  ('2221', 'out', 'op_tax_out'), ('2221', 'in', 'op_tax_refund_in'), ('22210101', 'out', 'op_purchase_out'),
  ('22210102', 'in', 'op_sales_in'), ('222103', 'in', 'op_sales_in'),
  ('1221', 'in', 'op_other_in'), ('1221', 'out', 'op_other_out'),
  ('2241', 'in', 'op_other_in'), ('2241', 'out', 'op_other_out'),
  ('1101', 'in', 'inv_recover_in'), ('1101', 'out', 'inv_invest_out'),
  ('1501', 'in', 'inv_recover_in'), ('1501', 'out', 'inv_invest_out'),
  ('1511', 'in', 'inv_recover_in'), ('1511', 'out', 'inv_invest_out'),
  ('1131', 'in', 'inv_income_in'), ('1132', 'in', 'inv_income_in'),
  ('1601', 'out', 'inv_capex_out'), ('1604', 'out', 'inv_capex_out'), ('1605', 'out', 'inv_capex_out'),
  ('1701', 'out', 'inv_capex_out'), ('1801', 'out', 'op_other_out'),
  ('1606', 'in', 'inv_disposal_in'), ('1606', 'out', 'inv_disposal_in'),
  ('2001', 'in', 'fin_borrow_in'), ('2001', 'out', 'fin_repay_out'),
  ('2501', 'in', 'fin_borrow_in'), ('2501', 'out', 'fin_repay_out'),
  ('2231', 'out', 'fin_interest_out'), ('2232', 'out', 'fin_dividend_out')
) v(prefix, dir, item)
union all
select 'small_enterprise', v.prefix, v.dir::public.cash_flow_direction, v.item
from (values
  ('3001', 'in', 'fin_equity_in'), ('3002', 'in', 'fin_equity_in'), ('3001', 'out', 'fin_other_out'),
  ('310403', 'out', 'fin_dividend_out'),
  ('5001', 'in', 'op_sales_in'), ('5051', 'in', 'op_other_in'), ('5111', 'in', 'inv_income_in'),
  ('5301', 'in', 'op_other_in'), ('5401', 'out', 'op_purchase_out'), ('5402', 'out', 'op_purchase_out'),
  ('5403', 'out', 'op_tax_out'), ('5601', 'out', 'op_other_out'), ('5602', 'out', 'op_other_out'),
  ('560101', 'out', 'op_staff_out'), ('560201', 'out', 'op_staff_out'),
  ('5603', 'out', 'op_other_out'), ('5603', 'in', 'op_other_in'), ('560301', 'out', 'fin_interest_out'),
  ('5711', 'out', 'op_other_out'), ('5801', 'out', 'op_tax_out'),
  ('4001', 'out', 'op_purchase_out'), ('4101', 'out', 'op_other_out'), ('4301', 'out', 'op_other_out')
) v(prefix, dir, item)
union all
select 'enterprise', v.prefix, v.dir::public.cash_flow_direction, v.item
from (values
  ('4001', 'in', 'fin_equity_in'), ('4002', 'in', 'fin_equity_in'), ('4001', 'out', 'fin_other_out'),
  ('410403', 'out', 'fin_dividend_out'),
  ('6001', 'in', 'op_sales_in'), ('6051', 'in', 'op_other_in'), ('6111', 'in', 'inv_income_in'),
  ('6301', 'in', 'op_other_in'), ('6401', 'out', 'op_purchase_out'), ('6402', 'out', 'op_purchase_out'),
  ('6403', 'out', 'op_tax_out'), ('6601', 'out', 'op_other_out'), ('6602', 'out', 'op_other_out'),
  ('660101', 'out', 'op_staff_out'), ('660201', 'out', 'op_staff_out'),
  ('6603', 'out', 'op_other_out'), ('6603', 'in', 'op_other_in'), ('660301', 'out', 'fin_interest_out'),
  ('6711', 'out', 'op_other_out'), ('6801', 'out', 'op_tax_out'),
  ('5001', 'out', 'op_purchase_out'), ('5101', 'out', 'op_other_out'), ('5301', 'out', 'op_other_out')
) v(prefix, dir, item);

create table public.cash_flow_rules (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  account_id uuid not null,
  direction public.cash_flow_direction not null,
  item_code text not null references public.cash_flow_items (code),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, account_id, direction),
  foreign key (tenant_id, account_id) references public.accounts (tenant_id, id) on delete cascade
);
comment on table public.cash_flow_rules is
  'A company''s cash-flow rules (before the standard''s defaults): counter-account and direction → item';
comment on column public.cash_flow_rules.account_id is 'Counter-account (对方科目): it and its sub-accounts';
comment on column public.cash_flow_rules.direction is 'in: money received (cash debited); out: money paid';
comment on column public.cash_flow_rules.item_code is 'Cash-flow item';
create index cash_flow_rules_item_idx on public.cash_flow_rules (item_code);
create trigger cash_flow_rules_touch before update on public.cash_flow_rules
  for each row execute function public.touch_updated_at();

create table public.voucher_line_cash_flow (
  line_id uuid primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  voucher_id uuid not null,
  period_id uuid not null,
  item_code text not null references public.cash_flow_items (code),
  amount numeric(18, 2) not null,
  by_rule boolean not null default true,
  tagged_by uuid references auth.users (id) on delete set null,
  tagged_at timestamptz not null default now(),
  unique (tenant_id, line_id),
  foreign key (tenant_id, line_id) references public.voucher_lines (tenant_id, id) on delete cascade,
  foreign key (tenant_id, voucher_id) references public.vouchers (tenant_id, id) on delete cascade,
  foreign key (tenant_id, period_id) references public.fiscal_periods (tenant_id, id) on delete restrict
);
comment on table public.voucher_line_cash_flow is
  'Cash-flow item of each cash line of a posted voucher (lines are immutable, so the tag lives here)';
comment on column public.voucher_line_cash_flow.line_id is 'Voucher line on a cash or bank account';
comment on column public.voucher_line_cash_flow.voucher_id is 'Voucher';
comment on column public.voucher_line_cash_flow.period_id is 'Fiscal period of the voucher';
comment on column public.voucher_line_cash_flow.item_code is 'Cash-flow item';
comment on column public.voucher_line_cash_flow.amount is 'Cash in (positive) or out (negative)';
comment on column public.voucher_line_cash_flow.by_rule is 'Assigned at posting by a rule (else by the accountant)';
comment on column public.voucher_line_cash_flow.tagged_by is 'Tagged by';
comment on column public.voucher_line_cash_flow.tagged_at is 'Tagged at';
create index voucher_line_cash_flow_period_idx on public.voucher_line_cash_flow (tenant_id, period_id, item_code);
create index voucher_line_cash_flow_voucher_idx on public.voucher_line_cash_flow (tenant_id, voucher_id);
create index voucher_line_cash_flow_item_idx on public.voucher_line_cash_flow (item_code);
create index voucher_line_cash_flow_tagged_by_idx on public.voucher_line_cash_flow (tagged_by);
revoke insert, update, delete, truncate on public.voucher_line_cash_flow from anon, authenticated;

-- P&L lines of profit carry-forward vouchers (and of their reversals), per period: the income
-- statement takes them out of the movements.
create table app_private.gl_closing_entries (
  id bigint generated always as identity primary key,
  tenant_id uuid not null,
  period_id uuid not null,
  account_id uuid not null,
  debit numeric(18, 2) not null,
  credit numeric(18, 2) not null
);
comment on table app_private.gl_closing_entries is 'Lines of profit carry-forward vouchers (excluded from the income statement)';
create index gl_closing_entries_idx on app_private.gl_closing_entries (tenant_id, period_id);

create function app_private.is_cash_account(p_code text) returns boolean
language sql immutable set search_path = ''
as $$
  select p_code like '1001%' or p_code like '1002%' or p_code like '1012%'
$$;

-- The item a rule gives a cash line: the company's rules first, then the standard's, longest prefix.
create function app_private.cash_flow_item_for(p_tenant uuid, p_counter_code text, p_direction text) returns text
language sql stable set search_path = ''
as $$
  select r.item_code from (
    select cr.item_code, 0 as pri, length(a.code) as len from public.cash_flow_rules cr
    join public.accounts a on a.id = cr.account_id
    where cr.tenant_id = p_tenant and cr.direction::text = p_direction and p_counter_code like a.code || '%'
    union all
    select d.item_code, 1, length(d.account_prefix) from app_private.cash_flow_rule_defaults d
    join public.tenants tn on tn.id = p_tenant and tn.accounting_standard = d.standard
    where d.direction::text = p_direction and p_counter_code like d.account_prefix || '%'
  ) r
  order by r.pri, r.len desc
  limit 1
$$;

-- When a voucher is posted: its cash lines get their cash-flow item, and a carry-forward's P&L lines
-- are remembered as closing entries.
create function app_private.vouchers_after_post() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.source_type = 'profit_carry_forward' then
    insert into app_private.gl_closing_entries (tenant_id, period_id, account_id, debit, credit)
    select new.tenant_id, new.period_id, l.account_id, l.debit, l.credit
    from public.voucher_lines l join public.accounts a on a.id = l.account_id
    where l.voucher_id = new.id and a.type = 'profit_and_loss';
  end if;
  insert into public.voucher_line_cash_flow (line_id, tenant_id, voucher_id, period_id, item_code, amount)
  select c.id, new.tenant_id, new.id, new.period_id, x.item, c.debit - c.credit
  from (
    select l.id, l.debit, l.credit, case when l.debit > 0 then 'in' else 'out' end as dir
    from public.voucher_lines l join public.accounts a on a.id = l.account_id
    where l.voucher_id = new.id and app_private.is_cash_account(a.code)
  ) c
  left join lateral (
    select a.code from public.voucher_lines o join public.accounts a on a.id = o.account_id
    where o.voucher_id = new.id and not app_private.is_cash_account(a.code)
      and (case when c.dir = 'in' then o.credit else o.debit end) > 0
    order by o.debit + o.credit desc, o.line_no
    limit 1
  ) counter_line on true
  cross join lateral (
    select case
      when counter_line.code is not null then app_private.cash_flow_item_for(new.tenant_id, counter_line.code, c.dir)
      -- only cash accounts on the other side: money moved between the company's own accounts
      when not exists (
        select 1 from public.voucher_lines o join public.accounts a on a.id = o.account_id
        where o.voucher_id = new.id and not app_private.is_cash_account(a.code)) then 'internal'
      end as item
  ) x
  where x.item is not null;
  return null;
end
$$;
create trigger vouchers_after_post after update of status on public.vouchers
  for each row when (old.status = 'draft' and new.status = 'posted')
  execute function app_private.vouchers_after_post();

-- ───────────────────────────── balances for reports ─────────────────────────────
-- Per leaf account, debit positive: the balance at the end of the period and of the previous fiscal
-- year, at the start of the period, and the period's and the year's movements (carry-forward excluded).
create function app_private.report_account_amounts(p_tenant uuid, p_period uuid)
returns table (account_id uuid, code text, type public.account_type, closing numeric, year_open numeric,
  period_open numeric, mv numeric, mv_ytd numeric, dmv numeric, dmv_ytd numeric, cmv numeric, cmv_ytd numeric)
language sql stable set search_path = ''
as $$
  with target as (
    select fp.start_date, fp.fiscal_year,
      (select min(y.start_date) from public.fiscal_periods y
       where y.tenant_id = p_tenant and y.fiscal_year = fp.fiscal_year) as year_start
    from public.fiscal_periods fp where fp.id = p_period and fp.tenant_id = p_tenant
  ), g as (
    select x.period_id, x.account_id, x.debit, x.credit from (
      select b.period_id, b.account_id, b.debit, b.credit from app_private.gl_account_balances b where b.tenant_id = p_tenant
      union all
      select p.period_id, p.account_id, p.debit, p.credit from app_private.gl_pending p where p.tenant_id = p_tenant
      union all
      -- carry-forward lines, with the sign that cancels them (movements only, see below)
      select c.period_id, c.account_id, -c.debit, -c.credit from app_private.gl_closing_entries c where c.tenant_id = p_tenant
    ) x
  ), tagged as (
    select g.account_id, g.debit, g.credit, fp.start_date, fp.fiscal_year,
      (g.debit < 0 or g.credit < 0) as closing_entry
    from g join public.fiscal_periods fp on fp.id = g.period_id, target
    where fp.start_date <= target.start_date
  ), per_account as (
    select t.account_id,
      sum(t.debit - t.credit) filter (where not t.closing_entry) as closing,
      sum(t.debit - t.credit) filter (where not t.closing_entry and t.start_date < target.year_start) as year_open,
      sum(t.debit - t.credit) filter (where not t.closing_entry and t.start_date < target.start_date) as period_open,
      sum(t.debit - t.credit) filter (where t.start_date = target.start_date) as mv,
      sum(t.debit - t.credit) filter (where t.start_date >= target.year_start) as mv_ytd,
      sum(t.debit) filter (where t.start_date = target.start_date) as dmv,
      sum(t.debit) filter (where t.start_date >= target.year_start) as dmv_ytd,
      sum(t.credit) filter (where t.start_date = target.start_date) as cmv,
      sum(t.credit) filter (where t.start_date >= target.year_start) as cmv_ytd
    from tagged t, target
    group by t.account_id
  )
  select a.id, a.code, a.type, coalesce(p.closing, 0), coalesce(p.year_open, 0), coalesce(p.period_open, 0),
    coalesce(p.mv, 0), coalesce(p.mv_ytd, 0), coalesce(p.dmv, 0), coalesce(p.dmv_ytd, 0),
    coalesce(p.cmv, 0), coalesce(p.cmv_ytd, 0)
  from per_account p join public.accounts a on a.id = p.account_id
$$;

-- The layout of a statement for a company: template lines with the company's overrides.
create function app_private.statement_layout(p_tenant uuid, p_statement text)
returns table (line_no int, name text, indent smallint, formula jsonb, overridden boolean)
language sql stable set search_path = ''
as $$
  select coalesce(st.line_no, o.line_no), coalesce(o.name, st.name), coalesce(st.indent, 0::smallint),
    coalesce(o.formula, st.formula, '[]'), o.id is not null
  from (select s.* from app_private.statement_templates s
        join public.tenants tn on tn.id = p_tenant and tn.accounting_standard = s.standard
        where s.statement::text = p_statement) st
  full join (select * from public.statement_line_overrides x where x.tenant_id = p_tenant and x.statement::text = p_statement) o
    on o.line_no = st.line_no
  order by 1
$$;

-- Evaluates a statement for a period: two columns per line (see the header for their meaning).
create function app_private.statement_values(p_tenant uuid, p_statement text, p_period uuid)
returns table (line_no int, name text, indent smallint, amount numeric, compare_amount numeric, formula jsonb)
language plpgsql volatile set search_path = ''
as $$
declare
  target record;
  vals jsonb := '{}';
  l record;
  t jsonb;
  a1 numeric; a2 numeric; v1 numeric; v2 numeric;
  missing boolean;
  pass int := 0;
  todo int;
begin
  select fp.id, fp.start_date, fp.fiscal_year into target
  from public.fiscal_periods fp where fp.id = p_period and fp.tenant_id = p_tenant;
  if not found then
    raise exception using errcode = 'TR751', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  if p_statement not in ('balance_sheet', 'income_statement', 'cash_flow') then
    raise exception using errcode = 'TR750', message = format('unknown statement "%s"', p_statement),
      hint = 'statement';
  end if;

  create temporary table if not exists pg_temp.stmt_terms (line_no int, ord int, term jsonb, v1 numeric, v2 numeric)
    on commit drop;
  truncate pg_temp.stmt_terms;
  insert into pg_temp.stmt_terms (line_no, ord, term)
  select s.line_no, e.ord::int, e.term
  from app_private.statement_layout(p_tenant, p_statement) s
  cross join lateral jsonb_array_elements(s.formula) with ordinality e(term, ord);

  -- account terms, set-based over the per-account amounts
  with amounts as (select * from app_private.report_account_amounts(p_tenant, p_period))
  update pg_temp.stmt_terms st set v1 = x.v1, v2 = x.v2
  from (
    select s.line_no, s.ord,
      coalesce(sum(case coalesce(s.term ->> 'kind', 'balance')
        when 'balance' then m.closing when 'opening' then case when p_statement = 'balance_sheet' then m.year_open else m.period_open end
        when 'movement' then m.mv when 'debit_movement' then m.dmv when 'credit_movement' then m.cmv else 0 end), 0)
        * coalesce((s.term ->> 'sign')::int, 1) as v1,
      coalesce(sum(case coalesce(s.term ->> 'kind', 'balance')
        when 'balance' then case when p_statement = 'balance_sheet' then m.year_open else m.closing end
        when 'opening' then m.year_open
        when 'movement' then m.mv_ytd when 'debit_movement' then m.dmv_ytd when 'credit_movement' then m.cmv_ytd else 0 end), 0)
        * coalesce((s.term ->> 'sign')::int, 1) as v2
    from pg_temp.stmt_terms s
    left join amounts m on (s.term ? 'account' and m.code like (s.term ->> 'account') || '%')
                        or (s.term ? 'account_type' and m.type::text = s.term ->> 'account_type')
    where (s.term ? 'account' or s.term ? 'account_type')
      and coalesce(s.term ->> 'kind', 'balance') not in ('debit_parties', 'credit_parties')
    group by s.line_no, s.ord, s.term
  ) x
  where st.line_no = x.line_no and st.ord = x.ord;

  -- customer/supplier terms: the debit (or credit) balances of each party under the prefix
  with terms as (
    select s.line_no, s.ord, s.term ->> 'account' as prefix, s.term ->> 'kind' as kind,
      coalesce((s.term ->> 'sign')::int, 1) as sign
    from pg_temp.stmt_terms s where s.term ->> 'kind' in ('debit_parties', 'credit_parties')
  ), g as (
    select x.period_id, x.account_id, x.party_id, x.debit - x.credit as net from (
      select b.period_id, b.account_id, b.party_id, b.debit, b.credit from app_private.gl_balances b
      where b.tenant_id = p_tenant and b.account_id in (
        select a.id from public.accounts a join terms tm on a.code like tm.prefix || '%' where a.tenant_id = p_tenant)
      union all
      select p.period_id, p.account_id, p.party_id, p.debit, p.credit from app_private.gl_pending p
      where p.tenant_id = p_tenant and p.account_id in (
        select a.id from public.accounts a join terms tm on a.code like tm.prefix || '%' where a.tenant_id = p_tenant)
    ) x
  ), per_party as (
    select tm.line_no, tm.ord, tm.kind, tm.sign, g.party_id,
      sum(g.net) filter (where fp.start_date <= target.start_date) as closing,
      sum(g.net) filter (where fp.fiscal_year < target.fiscal_year) as year_open
    from terms tm
    join public.accounts a on a.tenant_id = p_tenant and a.code like tm.prefix || '%'
    join g on g.account_id = a.id
    join public.fiscal_periods fp on fp.id = g.period_id
    group by 1, 2, 3, 4, 5
  ), summed as (
    select tm.line_no, tm.ord,
      tm.sign * coalesce(sum(case when tm.kind = 'debit_parties' then greatest(pp.closing, 0) else least(pp.closing, 0) end), 0) as v1,
      tm.sign * coalesce(sum(case when tm.kind = 'debit_parties' then greatest(pp.year_open, 0) else least(pp.year_open, 0) end), 0) as v2
    from terms tm left join per_party pp on pp.line_no = tm.line_no and pp.ord = tm.ord
    group by tm.line_no, tm.ord, tm.sign
  )
  update pg_temp.stmt_terms st set v1 = s.v1, v2 = case when p_statement = 'balance_sheet' then s.v2 else s.v1 end
  from summed s where st.line_no = s.line_no and st.ord = s.ord;

  -- cash-flow terms: tagged cash lines of the period and of the fiscal year to date
  update pg_temp.stmt_terms st set
    v1 = coalesce(x.v1, 0) * coalesce((st.term ->> 'sign')::int, 1),
    v2 = coalesce(x.v2, 0) * coalesce((st.term ->> 'sign')::int, 1)
  from (
    select s.line_no, s.ord,
      sum(c.amount) filter (where fp.id = target.id) as v1,
      sum(c.amount) as v2
    from pg_temp.stmt_terms s
    left join public.voucher_line_cash_flow c on c.tenant_id = p_tenant and c.item_code = s.term ->> 'cash_flow'
      and c.period_id in (select y.id from public.fiscal_periods y where y.tenant_id = p_tenant
                          and y.fiscal_year = target.fiscal_year and y.start_date <= target.start_date)
    left join public.fiscal_periods fp on fp.id = c.period_id
    where s.term ? 'cash_flow'
    group by s.line_no, s.ord
  ) x
  where st.line_no = x.line_no and st.ord = x.ord;

  -- line terms, in passes until every line is known (a formula may refer to any other line)
  -- lines without terms are zero
  select coalesce(jsonb_object_agg(s.line_no::text, jsonb_build_array(0, 0)), '{}') into vals
  from app_private.statement_layout(p_tenant, p_statement) s
  where not exists (select 1 from pg_temp.stmt_terms x where x.line_no = s.line_no);
  select count(*) into todo from app_private.statement_layout(p_tenant, p_statement);
  loop
    pass := pass + 1;
    for l in
      select s.line_no, array_agg(s.term order by s.ord) as terms,
        coalesce(sum(s.v1), 0) as base1, coalesce(sum(s.v2), 0) as base2
      from pg_temp.stmt_terms s group by s.line_no order by s.line_no
    loop
      continue when vals ? l.line_no::text;
      a1 := l.base1; a2 := l.base2; missing := false;
      foreach t in array l.terms loop
        continue when not t ? 'line';
        if not vals ? (t ->> 'line') then
          missing := true;
          exit;
        end if;
        v1 := (vals -> (t ->> 'line') ->> 0)::numeric;
        v2 := (vals -> (t ->> 'line') ->> 1)::numeric;
        a1 := a1 + coalesce((t ->> 'sign')::int, 1) * v1;
        a2 := a2 + coalesce((t ->> 'sign')::int, 1) * v2;
      end loop;
      if not missing then
        vals := vals || jsonb_build_object(l.line_no::text, jsonb_build_array(a1, a2));
      end if;
    end loop;
    exit when (select count(*) from jsonb_object_keys(vals)) >= todo;
    if pass > 50 then
      raise exception using errcode = 'TR750',
        message = format('the %s formulas refer to lines in a circle or to missing lines', p_statement),
        hint = 'formula';
    end if;
  end loop;

  return query
  select s.line_no, s.name, s.indent,
    coalesce((vals -> s.line_no::text ->> 0)::numeric, 0)::numeric(18, 2),
    coalesce((vals -> s.line_no::text ->> 1)::numeric, 0)::numeric(18, 2), s.formula
  from app_private.statement_layout(p_tenant, p_statement) s
  order by s.line_no;
end
$$;

-- ───────────────────────────── API: statements ─────────────────────────────
create function public.financial_statement(p_statement text, p_period_id uuid)
returns table (line_no int, name text, indent smallint, amount numeric, compare_amount numeric, formula jsonb)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('financial_statements', 'read');
begin
  return query select * from app_private.statement_values(t, p_statement, p_period_id);
end
$$;
comment on function public.financial_statement(text, uuid) is
  'A statement of a period in the official line layout (行次): balance_sheet (amount = 期末余额, compare = 年初余额), '
  'income_statement or cash_flow (amount = 本月金额, compare = 本年累计金额); right: read on financial_statements. '
  'SECURITY DEFINER because the balances are kept out of the API: it checks the right itself.';

create function public.balance_sheet(p_period_id uuid)
returns table (line_no int, name text, indent smallint, closing_balance numeric, year_opening_balance numeric)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('financial_statements', 'read');
begin
  return query select s.line_no, s.name, s.indent, s.amount, s.compare_amount
  from app_private.statement_values(t, 'balance_sheet', p_period_id) s;
end
$$;
comment on function public.balance_sheet(uuid) is
  '资产负债表 of a period: 期末余额 and 年初余额 per line (right: read on financial_statements). '
  'SECURITY DEFINER because the balances are kept out of the API: it checks the right itself.';

create function public.income_statement(p_period_id uuid)
returns table (line_no int, name text, indent smallint, period_amount numeric, year_to_date_amount numeric)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('financial_statements', 'read');
begin
  return query select s.line_no, s.name, s.indent, s.amount, s.compare_amount
  from app_private.statement_values(t, 'income_statement', p_period_id) s;
end
$$;
comment on function public.income_statement(uuid) is
  '利润表 of a period: 本月金额 and 本年累计金额 per line (right: read on financial_statements). '
  'SECURITY DEFINER because the balances are kept out of the API: it checks the right itself.';

create function public.cash_flow_statement(p_period_id uuid)
returns table (line_no int, name text, indent smallint, period_amount numeric, year_to_date_amount numeric)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('financial_statements', 'read');
begin
  return query select s.line_no, s.name, s.indent, s.amount, s.compare_amount
  from app_private.statement_values(t, 'cash_flow', p_period_id) s;
end
$$;
comment on function public.cash_flow_statement(uuid) is
  '现金流量表 of a period from the tagged cash lines: 本月金额 and 本年累计金额 (right: read on financial_statements). '
  'SECURITY DEFINER because the balances are kept out of the API: it checks the right itself.';

create function public.statement_layout(p_statement text)
returns table (line_no int, name text, indent smallint, formula jsonb, overridden boolean)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('financial_statements', 'read');
begin
  if p_statement not in ('balance_sheet', 'income_statement', 'cash_flow') then
    raise exception using errcode = 'TR750', message = format('unknown statement "%s"', p_statement),
      hint = 'statement';
  end if;
  return query select * from app_private.statement_layout(t, p_statement);
end
$$;
comment on function public.statement_layout(text) is
  'The lines and formulas of a statement for the company (the standard''s template and its overrides). '
  'SECURITY DEFINER because the templates live in app_private: it checks read on financial_statements itself.';

-- ───────────────────────────── API: ledgers ─────────────────────────────
-- 科目余额表 by dimension: leaf accounts × one auxiliary dimension, from the folded balances.
create function public.trial_balance_by_dimension(p_period_id uuid, p_dimension text, p_account_id uuid default null)
returns table (account_id uuid, code text, name text, dimension_id uuid, dimension_name text,
  opening_debit numeric, opening_credit numeric, period_debit numeric, period_credit numeric,
  closing_debit numeric, closing_credit numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('vouchers', 'read');
  target record;
begin
  select fp.start_date into target from public.fiscal_periods fp where fp.id = p_period_id and fp.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR751', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  if p_dimension is null or p_dimension not in ('party', 'item', 'department', 'project', 'employee') then
    raise exception using errcode = 'TR752',
      message = 'dimension is one of party, item, department, project, employee', hint = 'dimension';
  end if;
  return query
  with g as (
    select x.period_id, x.account_id, case p_dimension when 'party' then x.party_id when 'item' then x.item_id
      when 'department' then x.department_id when 'project' then x.project_id else x.employee_id end as dim,
      x.debit, x.credit
    from app_private.gl_amounts(t) x
    where p_account_id is null or x.account_id = p_account_id
  ), per as (
    select g.account_id, g.dim,
      sum(case when fp.start_date < target.start_date then g.debit - g.credit else 0 end) as opening,
      sum(case when fp.id = p_period_id then g.debit else 0 end) as pd,
      sum(case when fp.id = p_period_id then g.credit else 0 end) as pc
    from g join public.fiscal_periods fp on fp.id = g.period_id
    where fp.start_date <= target.start_date and g.dim is not null
    group by 1, 2
  )
  select a.id, a.code, a.name, p.dim,
    coalesce(pa.name, it.name, d.name, pr.name, pf.display_name),
    greatest(p.opening, 0), greatest(-p.opening, 0), p.pd, p.pc,
    greatest(p.opening + p.pd - p.pc, 0), greatest(-(p.opening + p.pd - p.pc), 0)
  from per p
  join public.accounts a on a.id = p.account_id
  left join public.parties pa on p_dimension = 'party' and pa.id = p.dim
  left join public.items it on p_dimension = 'item' and it.id = p.dim
  left join public.departments d on p_dimension = 'department' and d.id = p.dim
  left join public.projects pr on p_dimension = 'project' and pr.id = p.dim
  left join public.profiles pf on p_dimension = 'employee' and pf.id = p.dim
  where p.opening <> 0 or p.pd <> 0 or p.pc <> 0
  order by a.code, 5;
end
$$;
comment on function public.trial_balance_by_dimension(uuid, text, uuid) is
  'Trial balance (科目余额表) per account and auxiliary dimension (party, item, department, project, employee) '
  'for a period, optionally for one account (right: read on vouchers). '
  'SECURITY DEFINER because the balances are kept out of the API: it checks the right itself.';

-- 总账: per period of a fiscal year, opening, debits, credits and closing of an account (with sub-accounts).
create function public.general_ledger(p_account_id uuid, p_fiscal_year int)
returns table (period_id uuid, period_no smallint, start_date date, end_date date, opening numeric,
  debit numeric, credit numeric, closing numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('vouchers', 'read');
  acct record;
  first_day date;
begin
  select a.code into acct from public.accounts a where a.id = p_account_id and a.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR756', message = 'unknown account', hint = 'account_id';
  end if;
  select min(fp.start_date) into first_day from public.fiscal_periods fp where fp.tenant_id = t and fp.fiscal_year = p_fiscal_year;
  if first_day is null then
    raise exception using errcode = 'TR751', message = format('no fiscal year %s', p_fiscal_year), hint = 'fiscal_year';
  end if;
  return query
  with g as (
    select x.period_id, sum(x.debit) as d, sum(x.credit) as c from (
      select b.period_id, b.debit, b.credit from app_private.gl_account_balances b
      join public.accounts a on a.id = b.account_id and a.code like acct.code || '%'
      where b.tenant_id = t
      union all
      select p.period_id, p.debit, p.credit from app_private.gl_pending p
      join public.accounts a on a.id = p.account_id and a.code like acct.code || '%'
      where p.tenant_id = t
    ) x group by 1
  ), opening as (
    select coalesce(sum(g.d - g.c), 0) as o from g join public.fiscal_periods fp on fp.id = g.period_id
    where fp.start_date < first_day
  )
  select fp.id, fp.period_no, fp.start_date, fp.end_date,
    (opening.o + coalesce(sum(coalesce(g.d, 0) - coalesce(g.c, 0)) over w, 0) - coalesce(g.d, 0) + coalesce(g.c, 0))::numeric(18, 2),
    coalesce(g.d, 0)::numeric(18, 2), coalesce(g.c, 0)::numeric(18, 2),
    (opening.o + coalesce(sum(coalesce(g.d, 0) - coalesce(g.c, 0)) over w, 0))::numeric(18, 2)
  from public.fiscal_periods fp cross join opening left join g on g.period_id = fp.id
  where fp.tenant_id = t and fp.fiscal_year = p_fiscal_year
  window w as (order by fp.start_date)
  order by fp.start_date;
end
$$;
comment on function public.general_ledger(uuid, int) is
  'General ledger (总账) of an account and its sub-accounts per period of a fiscal year, debit positive '
  '(right: read on vouchers). SECURITY DEFINER because the balances are kept out of the API: it checks the right itself.';

-- 明细账: the posted lines of an account (and its sub-accounts) between two dates with the running
-- balance, paged. The opening comes from the folded balances of earlier periods plus the lines of the
-- first period before p_from; the lines come through the date index of vouchers.
create function public.ledger_detail(p_account_id uuid, p_from date, p_to date, p_party_id uuid default null,
  p_limit int default 200, p_offset int default 0)
returns table (row_no bigint, voucher_id uuid, voucher_date date, word text, number int, line_no int, summary text,
  account_code text, party_id uuid, debit numeric, credit numeric, balance numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('vouchers', 'read');
  acct record;
  first_start date;
  opening numeric;
begin
  select a.code into acct from public.accounts a where a.id = p_account_id and a.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR756', message = 'unknown account', hint = 'account_id';
  end if;
  if p_from is null or p_to is null or p_to < p_from or p_to - p_from > 3660 then
    raise exception using errcode = 'TR755', message = 'a date range from ≤ to of at most ten years is required',
      hint = 'from';
  end if;
  if p_limit is null or p_limit not between 1 and 5000 or p_offset is null or p_offset < 0 then
    raise exception using errcode = 'TR755', message = 'limit is 1 to 5000, offset 0 or more', hint = 'limit';
  end if;
  select coalesce(min(fp.start_date), p_from) into first_start from public.fiscal_periods fp
  where fp.tenant_id = t and p_from between fp.start_date and fp.end_date;
  select coalesce(sum(x.debit - x.credit), 0) into opening from (
    select g.debit, g.credit from app_private.gl_amounts(t) g
    join public.fiscal_periods fp on fp.id = g.period_id and fp.start_date < first_start
    join public.accounts a on a.id = g.account_id and a.code like acct.code || '%'
    where p_party_id is null or g.party_id = p_party_id
    union all
    select l.debit, l.credit from public.vouchers v
    join public.voucher_lines l on l.voucher_id = v.id and l.tenant_id = t
    join public.accounts a on a.id = l.account_id and a.code like acct.code || '%'
    where v.tenant_id = t and v.status <> 'draft' and v.voucher_date >= first_start and v.voucher_date < p_from
      and (p_party_id is null or l.party_id = p_party_id)
  ) x;
  return query
  select * from (
    select row_number() over w, v.id, v.voucher_date, v.word, v.number, l.line_no, l.summary, a.code, l.party_id,
      l.debit, l.credit, (opening + sum(l.debit - l.credit) over w)::numeric(18, 2)
    from public.vouchers v
    join public.voucher_lines l on l.voucher_id = v.id and l.tenant_id = t
    join public.accounts a on a.id = l.account_id and a.code like acct.code || '%'
    where v.tenant_id = t and v.status <> 'draft' and v.voucher_date between p_from and p_to
      and (p_party_id is null or l.party_id = p_party_id)
    window w as (order by v.voucher_date, v.posted_at, v.id, l.line_no rows unbounded preceding)
  ) r
  order by 1
  limit p_limit offset p_offset;
end
$$;
comment on function public.ledger_detail(uuid, date, date, uuid, int, int) is
  'Ledger detail (明细账) of an account and its sub-accounts between two dates, optionally of one party, '
  'with the running balance (debit positive), paged (right: read on vouchers). Row 0 is not returned: the '
  'opening is the balance of the first row minus its movement. '
  'SECURITY DEFINER because the folded balances are kept out of the API: it checks the right itself.';

-- 序时账: the posted vouchers of a period in number order with their lines, paged by voucher.
create function public.voucher_journal(p_period_id uuid, p_limit int default 100, p_offset int default 0)
returns table (voucher_id uuid, voucher_date date, word text, number int, voucher_summary text, line_no int,
  summary text, account_code text, account_name text, debit numeric, credit numeric, status public.voucher_status)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('vouchers', 'read');
begin
  if not exists (select 1 from public.fiscal_periods fp where fp.id = p_period_id and fp.tenant_id = t) then
    raise exception using errcode = 'TR751', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  if p_limit is null or p_limit not between 1 and 1000 or p_offset is null or p_offset < 0 then
    raise exception using errcode = 'TR755', message = 'limit is 1 to 1000, offset 0 or more', hint = 'limit';
  end if;
  return query
  select v.id, v.voucher_date, v.word, v.number, v.summary, l.line_no, l.summary, a.code, a.name, l.debit, l.credit,
    v.status
  from (select * from public.vouchers x where x.tenant_id = t and x.period_id = p_period_id and x.status <> 'draft'
        order by x.word, x.number limit p_limit offset p_offset) v
  join public.voucher_lines l on l.voucher_id = v.id and l.tenant_id = t
  join public.accounts a on a.id = l.account_id
  order by v.word, v.number, l.line_no;
end
$$;
comment on function public.voucher_journal(uuid, int, int) is
  'Voucher journal (序时账) of a period: posted vouchers by word and number with their lines, paged by voucher '
  '(right: read on vouchers). SECURITY DEFINER because it joins accounts, which fall under another right, for '
  'one right: it checks that right itself.';

-- ───────────────────────────── API: cash flow ─────────────────────────────
create function public.untagged_cash_lines(p_from date, p_to date)
returns table (line_id uuid, voucher_id uuid, voucher_date date, word text, number int, summary text,
  account_code text, debit numeric, credit numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('cash_flow_tags', 'read');
begin
  if p_from is null or p_to is null or p_to < p_from then
    raise exception using errcode = 'TR755', message = 'a date range from ≤ to is required', hint = 'from';
  end if;
  return query
  select l.id, v.id, v.voucher_date, v.word, v.number, l.summary, a.code, l.debit, l.credit
  from public.vouchers v
  join public.voucher_lines l on l.voucher_id = v.id and l.tenant_id = t
  join public.accounts a on a.id = l.account_id
  where v.tenant_id = t and v.status <> 'draft' and v.voucher_date between p_from and p_to
    and app_private.is_cash_account(a.code)
    and not exists (select 1 from public.voucher_line_cash_flow c where c.line_id = l.id)
  order by v.voucher_date, v.word, v.number, l.line_no;
end
$$;
comment on function public.untagged_cash_lines(date, date) is
  'Posted cash and bank lines without a cash-flow item between two dates (right: read on cash_flow_tags). '
  'SECURITY DEFINER because it joins vouchers, accounts and tags, which fall under other rights, for one right: '
  'it checks that right itself.';

create function public.tag_cash_line(p_line_id uuid, p_item_code text) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('cash_flow_tags', 'update');
  ln record;
begin
  select vl.id, vl.debit, vl.credit, v.id as voucher_id, v.period_id, v.status, a.code into ln
  from public.voucher_lines vl join public.vouchers v on v.id = vl.voucher_id
  join public.accounts a on a.id = vl.account_id
  where vl.id = p_line_id and vl.tenant_id = t;
  if not found or ln.status = 'draft' or not app_private.is_cash_account(ln.code) then
    raise exception using errcode = 'TR753', message = 'not a cash or bank line of a posted voucher', hint = 'line_id';
  end if;
  if not exists (select 1 from public.cash_flow_items i where i.code = p_item_code) then
    raise exception using errcode = 'TR754', message = format('unknown cash-flow item "%s"', p_item_code),
      hint = 'item_code';
  end if;
  insert into public.voucher_line_cash_flow as c (line_id, tenant_id, voucher_id, period_id, item_code, amount, by_rule,
    tagged_by)
  values (ln.id, t, ln.voucher_id, ln.period_id, p_item_code, ln.debit - ln.credit, false, auth.uid())
  on conflict (line_id) do update set item_code = excluded.item_code, by_rule = false, tagged_by = excluded.tagged_by,
    tagged_at = now();
  -- tags written at posting are not audited row by row (they follow the rules); the accountant's are
  insert into public.audit_log (tenant_id, table_name, row_id, action, new_values, actor_id)
  values (t, 'voucher_line_cash_flow', ln.id::text, 'update',
          jsonb_build_object('line_id', ln.id, 'item_code', p_item_code, 'amount', ln.debit - ln.credit), auth.uid());
end
$$;
comment on function public.tag_cash_line(uuid, text) is
  'Sets the cash-flow item of a posted cash or bank line (right: update on cash_flow_tags; audited). '
  'SECURITY DEFINER because tags are written only here and at posting: it checks the right itself.';

-- ───────────────────────────── API: stock and sales ─────────────────────────────
create function public.stock_valuation(p_group text default 'warehouse')
returns table (warehouse_id uuid, warehouse_name text, category text, items bigint, quantity numeric, value numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('stock', 'read');
begin
  if p_group is null or p_group not in ('warehouse', 'category', 'warehouse_category') then
    raise exception using errcode = 'TR757', message = 'group is warehouse, category or warehouse_category',
      hint = 'group';
  end if;
  return query
  select case when p_group <> 'category' then w.id end, case when p_group <> 'category' then w.name end,
    case when p_group <> 'warehouse' then coalesce(i.category, '') end,
    count(distinct s.item_id), sum(s.quantity), sum(s.value)
  from public.stock_levels s
  join public.warehouses w on w.id = s.warehouse_id
  join public.items i on i.id = s.item_id
  where s.tenant_id = t and (s.quantity <> 0 or s.value <> 0)
  group by 1, 2, 3
  order by 2, 3;
end
$$;
comment on function public.stock_valuation(text) is
  'Stock on hand at cost (存货估值) by warehouse, by item category, or both (right: read on stock). '
  'SECURITY DEFINER because it joins items and warehouses, which fall under other rights, for one right: '
  'it checks that right itself.';

create function public.sales_margin(p_from date, p_to date, p_group text default 'customer')
returns table (key_id uuid, key_name text, quantity numeric, revenue numeric, cost numeric, margin numeric,
  margin_rate numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('financial_statements', 'read');
begin
  if p_from is null or p_to is null or p_to < p_from then
    raise exception using errcode = 'TR755', message = 'a date range from ≤ to is required', hint = 'from';
  end if;
  if p_group is null or p_group not in ('customer', 'product') then
    raise exception using errcode = 'TR757', message = 'group is customer or product', hint = 'group';
  end if;
  return query
  with lines as (
    -- invoices bring revenue, deliveries cost, returns take both back; reversed documents count for nothing
    select case when p_group = 'customer' then d.party_id else dl.item_id end as k,
      case d.doc_type when 'sales_invoice' then dl.quantity when 'sales_return' then -dl.quantity else 0 end as q,
      case d.doc_type when 'sales_invoice' then dl.amount when 'sales_return' then -dl.amount else 0 end as rev,
      case d.doc_type when 'delivery' then dl.cost when 'sales_return' then -dl.cost else 0 end as cst
    from public.ledger_documents d
    join public.ledger_document_lines dl on dl.document_id = d.id and dl.tenant_id = t
    where d.tenant_id = t and d.doc_type in ('sales_invoice', 'delivery', 'sales_return')
      and d.doc_date between p_from and p_to and d.status = 'posted' and d.reversal_of is null
  )
  select l.k, coalesce(pa.name, it.name, '(无)'), sum(l.q), sum(l.rev), sum(l.cst), sum(l.rev) - sum(l.cst),
    case when sum(l.rev) <> 0 then round((sum(l.rev) - sum(l.cst)) / sum(l.rev), 4) end
  from lines l
  left join public.parties pa on p_group = 'customer' and pa.id = l.k
  left join public.items it on p_group = 'product' and it.id = l.k
  group by l.k, pa.name, it.name
  order by sum(l.rev) - sum(l.cst) desc;
end
$$;
comment on function public.sales_margin(date, date, text) is
  'Sales, cost and gross margin (销售毛利) by customer or product between two dates, from posted invoices, '
  'deliveries and returns (right: read on financial_statements). '
  'SECURITY DEFINER because it reads costs that sales roles do not see: it checks the right itself.';

revoke all on function app_private.check_formula(jsonb), app_private.statement_line_overrides_check(),
  app_private.is_cash_account(text), app_private.cash_flow_item_for(uuid, text, text),
  app_private.vouchers_after_post(), app_private.report_account_amounts(uuid, uuid),
  app_private.statement_layout(uuid, text), app_private.statement_values(uuid, text, uuid) from public;
revoke execute on function public.financial_statement(text, uuid), public.balance_sheet(uuid),
  public.income_statement(uuid), public.cash_flow_statement(uuid), public.statement_layout(text),
  public.trial_balance_by_dimension(uuid, text, uuid), public.general_ledger(uuid, int),
  public.ledger_detail(uuid, date, date, uuid, int, int), public.voucher_journal(uuid, int, int),
  public.untagged_cash_lines(date, date), public.tag_cash_line(uuid, text), public.stock_valuation(text),
  public.sales_margin(date, date, text) from public, anon;

-- ───────────────────────────── statement template data ─────────────────────────────
-- Written in a short notation, expanded to JSON terms once here: +1001 (balance of 1001…), -1602,
-- +1122:dp / -2203:cp (debit / credit balances per party), -5001:m (movement), +L15 (line 15),
-- -T:profit_and_loss (every account of a type), +CF:op_sales_in (cash-flow item), +1001:o (opening).
create function pg_temp.f(p text) returns jsonb
language sql immutable
as $$
  select coalesce(jsonb_agg(
    case
      when substr(tok, 2, 1) = 'L' then jsonb_build_object('line', substr(tok, 3)::int)
      when substr(tok, 2, 3) = 'CF:' then jsonb_build_object('cash_flow', substr(tok, 5))
      when substr(tok, 2, 2) = 'T:' then jsonb_build_object('account_type', substr(tok, 4))
      else jsonb_build_object('account', split_part(substr(tok, 2), ':', 1))
           || case split_part(tok, ':', 2)
                when 'm' then '{"kind": "movement"}' when 'o' then '{"kind": "opening"}'
                when 'dp' then '{"kind": "debit_parties"}' when 'cp' then '{"kind": "credit_parties"}'
                when 'dm' then '{"kind": "debit_movement"}' when 'cm' then '{"kind": "credit_movement"}'
                else '{}' end::jsonb
    end || case when left(tok, 1) = '-' then '{"sign": -1}'::jsonb else '{}'::jsonb end
    order by ord), '[]'::jsonb)
  from regexp_split_to_table(btrim(p), '\s+') with ordinality r(tok, ord)
  where tok <> ''
$$;

-- 小企业会计准则 会小企01表 资产负债表 (53 行).
insert into app_private.statement_templates (standard, statement, line_no, name, indent, formula)
select 'small_enterprise', 'balance_sheet', n, name, ind, pg_temp.f(fx) from (values
  (1, '货币资金', 1, '+1001 +1002 +1012'),
  (2, '短期投资', 1, '+1101'),
  (3, '应收票据', 1, '+1121'),
  (4, '应收账款', 1, '+1122:dp +2203:dp'),
  (5, '预付账款', 1, '+1123:dp +2202:dp'),
  (6, '应收股利', 1, '+1131'),
  (7, '应收利息', 1, '+1132'),
  (8, '其他应收款', 1, '+1221'),
  (9, '存货', 1, '+1401 +1402 +1403 +1404 +1405 +1407 +1408 +1411 +1421 +4001 +4101 +4401 +4403'),
  (10, '其中：原材料', 2, '+1401 +1402 +1403 +1404'),
  (11, '在产品', 2, '+4001 +4101 +4401 +4403'),
  (12, '库存商品', 2, '+1405 +1407 +1408'),
  (13, '周转材料', 2, '+1411'),
  (14, '其他流动资产', 1, '+1901'),
  (15, '流动资产合计', 0, '+L1 +L2 +L3 +L4 +L5 +L6 +L7 +L8 +L9 +L14'),
  (16, '长期债券投资', 1, '+1501'),
  (17, '长期股权投资', 1, '+1511'),
  (18, '固定资产原价', 1, '+1601'),
  (19, '减：累计折旧', 1, '-1602'),
  (20, '固定资产账面价值', 1, '+L18 -L19'),
  (21, '在建工程', 1, '+1604'),
  (22, '工程物资', 1, '+1605'),
  (23, '固定资产清理', 1, '+1606'),
  (24, '生产性生物资产', 1, '+1621 +1622'),
  (25, '无形资产', 1, '+1701 +1702'),
  (26, '开发支出', 1, '+4301'),
  (27, '长期待摊费用', 1, '+1801'),
  (28, '其他非流动资产', 1, ''),
  (29, '非流动资产合计', 0, '+L16 +L17 +L20 +L21 +L22 +L23 +L24 +L25 +L26 +L27 +L28'),
  (30, '资产总计', 0, '+L15 +L29'),
  (31, '短期借款', 1, '-2001'),
  (32, '应付票据', 1, '-2201'),
  (33, '应付账款', 1, '-2202:cp -1123:cp'),
  (34, '预收账款', 1, '-2203:cp -1122:cp'),
  (35, '应付职工薪酬', 1, '-2211'),
  (36, '应交税费', 1, '-2221'),
  (37, '应付利息', 1, '-2231'),
  (38, '应付利润', 1, '-2232'),
  (39, '其他应付款', 1, '-2241'),
  (40, '其他流动负债', 1, ''),
  (41, '流动负债合计', 0, '+L31 +L32 +L33 +L34 +L35 +L36 +L37 +L38 +L39 +L40'),
  (42, '长期借款', 1, '-2501'),
  (43, '长期应付款', 1, '-2701'),
  (44, '递延收益', 1, '-2401'),
  (45, '其他非流动负债', 1, ''),
  (46, '非流动负债合计', 0, '+L42 +L43 +L44 +L45'),
  (47, '负债合计', 0, '+L41 +L46'),
  (48, '实收资本（或股本）', 1, '-3001'),
  (49, '资本公积', 1, '-3002'),
  (50, '盈余公积', 1, '-3101'),
  (51, '未分配利润', 1, '-3103 -3104 -T:profit_and_loss'),
  (52, '所有者权益（或股东权益）合计', 0, '+L48 +L49 +L50 +L51'),
  (53, '负债和所有者权益（或股东权益）总计', 0, '+L47 +L52')
) v(n, name, ind, fx);

-- 小企业会计准则 会小企02表 利润表 (32 行): movements, carry-forward excluded.
insert into app_private.statement_templates (standard, statement, line_no, name, indent, formula)
select 'small_enterprise', 'income_statement', n, name, ind, pg_temp.f(fx) from (values
  (1, '一、营业收入', 0, '-5001:m -5051:m'),
  (2, '减：营业成本', 1, '+5401:m +5402:m'),
  (3, '税金及附加', 1, '+5403:m'),
  (4, '其中：消费税', 2, ''),
  (5, '营业税', 2, ''),
  (6, '城市维护建设税', 2, ''),
  (7, '资源税', 2, ''),
  (8, '土地增值税', 2, ''),
  (9, '城镇土地使用税、房产税、车船税、印花税', 2, ''),
  (10, '教育费附加、矿产资源补偿费、排污费', 2, ''),
  (11, '销售费用', 1, '+5601:m'),
  (12, '其中：商品维修费', 2, ''),
  (13, '广告费和业务宣传费', 2, '+560107:m +560108:m'),
  (14, '管理费用', 1, '+5602:m'),
  (15, '其中：开办费', 2, ''),
  (16, '业务招待费', 2, '+560204:m'),
  (17, '研究费用', 2, ''),
  (18, '财务费用', 1, '+5603:m'),
  (19, '其中：利息费用（收入以“-”号填列）', 2, '+560301:m'),
  (20, '加：投资收益（损失以“-”号填列）', 1, '-5111:m'),
  (21, '二、营业利润（亏损以“-”号填列）', 0, '+L1 -L2 -L3 -L11 -L14 -L18 +L20'),
  (22, '加：营业外收入', 1, '-5301:m'),
  (23, '其中：政府补助', 2, ''),
  (24, '减：营业外支出', 1, '+5711:m'),
  (25, '其中：坏账损失', 2, ''),
  (26, '无法收回的长期债券投资损失', 2, ''),
  (27, '无法收回的长期股权投资损失', 2, ''),
  (28, '自然灾害等不可抗力因素造成的损失', 2, ''),
  (29, '税收滞纳金', 2, ''),
  (30, '三、利润总额（亏损总额以“-”号填列）', 0, '+L21 +L22 -L24'),
  (31, '减：所得税费用', 1, '+5801:m'),
  (32, '四、净利润（净亏损以“-”号填列）', 0, '+L30 -L31')
) v(n, name, ind, fx);

-- 小企业会计准则 会小企03表 现金流量表 (22 行): outflow items are negative amounts, shown positive.
insert into app_private.statement_templates (standard, statement, line_no, name, indent, formula)
select 'small_enterprise', 'cash_flow', n, name, ind, pg_temp.f(fx) from (values
  (1, '销售产成品、商品、提供劳务收到的现金', 1, '+CF:op_sales_in'),
  (2, '收到其他与经营活动有关的现金', 1, '+CF:op_other_in +CF:op_tax_refund_in'),
  (3, '购买原材料、商品、接受劳务支付的现金', 1, '-CF:op_purchase_out'),
  (4, '支付的职工薪酬', 1, '-CF:op_staff_out'),
  (5, '支付的税费', 1, '-CF:op_tax_out'),
  (6, '支付其他与经营活动有关的现金', 1, '-CF:op_other_out'),
  (7, '经营活动产生的现金流量净额', 0, '+L1 +L2 -L3 -L4 -L5 -L6'),
  (8, '收回短期投资、长期债券投资和长期股权投资收到的现金', 1, '+CF:inv_recover_in'),
  (9, '取得投资收益收到的现金', 1, '+CF:inv_income_in'),
  (10, '处置固定资产、无形资产和其他非流动资产收回的现金净额', 1, '+CF:inv_disposal_in +CF:inv_other_in'),
  (11, '短期投资、长期债券投资和长期股权投资支付的现金', 1, '-CF:inv_invest_out'),
  (12, '购建固定资产、无形资产和其他非流动资产支付的现金', 1, '-CF:inv_capex_out -CF:inv_other_out'),
  (13, '投资活动产生的现金流量净额', 0, '+L8 +L9 +L10 -L11 -L12'),
  (14, '取得借款收到的现金', 1, '+CF:fin_borrow_in'),
  (15, '吸收投资者投资收到的现金', 1, '+CF:fin_equity_in +CF:fin_other_in'),
  (16, '偿还借款本金支付的现金', 1, '-CF:fin_repay_out'),
  (17, '偿还借款利息支付的现金', 1, '-CF:fin_interest_out'),
  (18, '分配利润支付的现金', 1, '-CF:fin_dividend_out -CF:fin_other_out'),
  (19, '筹资活动产生的现金流量净额', 0, '+L14 +L15 -L16 -L17 -L18'),
  (20, '四、现金净增加额', 0, '+L7 +L13 +L19 +CF:fx_effect'),
  (21, '加：期初现金余额', 0, '+1001:o +1002:o +1012:o'),
  (22, '五、期末现金余额', 0, '+L20 +L21')
) v(n, name, ind, fx);

-- 企业会计准则 (一般企业财务报表格式, 财会〔2019〕6号), lines numbered in order.
insert into app_private.statement_templates (standard, statement, line_no, name, indent, formula)
select 'enterprise', 'balance_sheet', n, name, ind, pg_temp.f(fx) from (values
  (1, '货币资金', 1, '+1001 +1002 +1012'),
  (2, '交易性金融资产', 1, '+1101'),
  (3, '衍生金融资产', 1, '+3101 +3201 +3202'),
  (4, '应收票据', 1, '+1121'),
  (5, '应收账款', 1, '+1122:dp +2203:dp +1231'),
  (6, '应收款项融资', 1, ''),
  (7, '预付款项', 1, '+1123:dp +2202:dp'),
  (8, '其他应收款', 1, '+1221 +1131 +1132'),
  (9, '存货', 1, '+1401 +1402 +1403 +1404 +1405 +1406 +1407 +1408 +1411 +1421 +1471 +5001 +5101 +5201 +5401 +5402 +5403'),
  (10, '合同资产', 1, ''),
  (11, '持有待售资产', 1, ''),
  (12, '一年内到期的非流动资产', 1, ''),
  (13, '其他流动资产', 1, '+1901 +1321'),
  (14, '流动资产合计', 0, '+L1 +L2 +L3 +L4 +L5 +L6 +L7 +L8 +L9 +L10 +L11 +L12 +L13'),
  (15, '债权投资', 1, '+1501 +1502'),
  (16, '其他债权投资', 1, '+1503'),
  (17, '长期应收款', 1, '+1531 +1532'),
  (18, '长期股权投资', 1, '+1511 +1512'),
  (19, '其他权益工具投资', 1, ''),
  (20, '其他非流动金融资产', 1, ''),
  (21, '投资性房地产', 1, '+1521'),
  (22, '固定资产', 1, '+1601 +1602 +1603 +1606'),
  (23, '在建工程', 1, '+1604 +1605'),
  (24, '生产性生物资产', 1, '+1621 +1622 +1623'),
  (25, '油气资产', 1, '+1631 +1632'),
  (26, '使用权资产', 1, ''),
  (27, '无形资产', 1, '+1701 +1702 +1703'),
  (28, '开发支出', 1, '+5301'),
  (29, '商誉', 1, '+1711'),
  (30, '长期待摊费用', 1, '+1801'),
  (31, '递延所得税资产', 1, '+1811'),
  (32, '其他非流动资产', 1, ''),
  (33, '非流动资产合计', 0, '+L15 +L16 +L17 +L18 +L19 +L20 +L21 +L22 +L23 +L24 +L25 +L26 +L27 +L28 +L29 +L30 +L31 +L32'),
  (34, '资产总计', 0, '+L14 +L33'),
  (35, '短期借款', 1, '-2001'),
  (36, '交易性金融负债', 1, '-2101'),
  (37, '衍生金融负债', 1, ''),
  (38, '应付票据', 1, '-2201'),
  (39, '应付账款', 1, '-2202:cp -1123:cp'),
  (40, '预收款项', 1, '-2203:cp -1122:cp'),
  (41, '合同负债', 1, ''),
  (42, '应付职工薪酬', 1, '-2211'),
  (43, '应交税费', 1, '-2221'),
  (44, '其他应付款', 1, '-2241 -2231 -2232'),
  (45, '持有待售负债', 1, ''),
  (46, '一年内到期的非流动负债', 1, ''),
  (47, '其他流动负债', 1, '-2314'),
  (48, '流动负债合计', 0, '+L35 +L36 +L37 +L38 +L39 +L40 +L41 +L42 +L43 +L44 +L45 +L46 +L47'),
  (49, '长期借款', 1, '-2501'),
  (50, '应付债券', 1, '-2502'),
  (51, '租赁负债', 1, ''),
  (52, '长期应付款', 1, '-2701 -2702 -2711'),
  (53, '预计负债', 1, '-2801'),
  (54, '递延收益', 1, '-2401'),
  (55, '递延所得税负债', 1, '-2901'),
  (56, '其他非流动负债', 1, ''),
  (57, '非流动负债合计', 0, '+L49 +L50 +L51 +L52 +L53 +L54 +L55 +L56'),
  (58, '负债合计', 0, '+L48 +L57'),
  (59, '实收资本（或股本）', 1, '-4001'),
  (60, '其他权益工具', 1, ''),
  (61, '资本公积', 1, '-4002'),
  (62, '减：库存股', 1, '+4201'),
  (63, '其他综合收益', 1, ''),
  (64, '专项储备', 1, ''),
  (65, '盈余公积', 1, '-4101'),
  (66, '未分配利润', 1, '-4103 -4104 -T:profit_and_loss'),
  (67, '所有者权益（或股东权益）合计', 0, '+L59 +L60 +L61 -L62 +L63 +L64 +L65 +L66'),
  (68, '负债和所有者权益（或股东权益）总计', 0, '+L58 +L67')
) v(n, name, ind, fx);

insert into app_private.statement_templates (standard, statement, line_no, name, indent, formula)
select 'enterprise', 'income_statement', n, name, ind, pg_temp.f(fx) from (values
  (1, '一、营业收入', 0, '-6001:m -6051:m'),
  (2, '减：营业成本', 1, '+6401:m +6402:m'),
  (3, '税金及附加', 1, '+6403:m'),
  (4, '销售费用', 1, '+6601:m'),
  (5, '管理费用', 1, '+6602:m +6604:m'),
  (6, '研发费用', 1, ''),
  (7, '财务费用', 1, '+6603:m'),
  (8, '其中：利息费用', 2, '+660301:m'),
  (9, '利息收入', 2, ''),
  (10, '加：其他收益', 1, ''),
  (11, '投资收益（损失以“-”号填列）', 1, '-6111:m'),
  (12, '公允价值变动收益（损失以“-”号填列）', 1, '-6101:m'),
  (13, '信用减值损失（损失以“-”号填列）', 1, ''),
  (14, '资产减值损失（损失以“-”号填列）', 1, '-6701:m'),
  (15, '资产处置收益（损失以“-”号填列）', 1, ''),
  (16, '二、营业利润（亏损以“-”号填列）', 0, '+L1 -L2 -L3 -L4 -L5 -L6 -L7 +L10 +L11 +L12 +L13 +L14 +L15'),
  (17, '加：营业外收入', 1, '-6301:m'),
  (18, '减：营业外支出', 1, '+6711:m'),
  (19, '三、利润总额（亏损总额以“-”号填列）', 0, '+L16 +L17 -L18'),
  (20, '减：所得税费用', 1, '+6801:m'),
  (21, '四、净利润（净亏损以“-”号填列）', 0, '+L19 -L20')
) v(n, name, ind, fx);

insert into app_private.statement_templates (standard, statement, line_no, name, indent, formula)
select 'enterprise', 'cash_flow', n, name, ind, pg_temp.f(fx) from (values
  (1, '销售商品、提供劳务收到的现金', 1, '+CF:op_sales_in'),
  (2, '收到的税费返还', 1, '+CF:op_tax_refund_in'),
  (3, '收到其他与经营活动有关的现金', 1, '+CF:op_other_in'),
  (4, '经营活动现金流入小计', 0, '+L1 +L2 +L3'),
  (5, '购买商品、接受劳务支付的现金', 1, '-CF:op_purchase_out'),
  (6, '支付给职工以及为职工支付的现金', 1, '-CF:op_staff_out'),
  (7, '支付的各项税费', 1, '-CF:op_tax_out'),
  (8, '支付其他与经营活动有关的现金', 1, '-CF:op_other_out'),
  (9, '经营活动现金流出小计', 0, '+L5 +L6 +L7 +L8'),
  (10, '经营活动产生的现金流量净额', 0, '+L4 -L9'),
  (11, '收回投资收到的现金', 1, '+CF:inv_recover_in'),
  (12, '取得投资收益收到的现金', 1, '+CF:inv_income_in'),
  (13, '处置固定资产、无形资产和其他长期资产收回的现金净额', 1, '+CF:inv_disposal_in'),
  (14, '处置子公司及其他营业单位收到的现金净额', 1, ''),
  (15, '收到其他与投资活动有关的现金', 1, '+CF:inv_other_in'),
  (16, '投资活动现金流入小计', 0, '+L11 +L12 +L13 +L14 +L15'),
  (17, '购建固定资产、无形资产和其他长期资产支付的现金', 1, '-CF:inv_capex_out'),
  (18, '投资支付的现金', 1, '-CF:inv_invest_out'),
  (19, '取得子公司及其他营业单位支付的现金净额', 1, ''),
  (20, '支付其他与投资活动有关的现金', 1, '-CF:inv_other_out'),
  (21, '投资活动现金流出小计', 0, '+L17 +L18 +L19 +L20'),
  (22, '投资活动产生的现金流量净额', 0, '+L16 -L21'),
  (23, '吸收投资收到的现金', 1, '+CF:fin_equity_in'),
  (24, '取得借款收到的现金', 1, '+CF:fin_borrow_in'),
  (25, '收到其他与筹资活动有关的现金', 1, '+CF:fin_other_in'),
  (26, '筹资活动现金流入小计', 0, '+L23 +L24 +L25'),
  (27, '偿还债务支付的现金', 1, '-CF:fin_repay_out'),
  (28, '分配股利、利润或偿付利息支付的现金', 1, '-CF:fin_dividend_out -CF:fin_interest_out'),
  (29, '支付其他与筹资活动有关的现金', 1, '-CF:fin_other_out'),
  (30, '筹资活动现金流出小计', 0, '+L27 +L28 +L29'),
  (31, '筹资活动产生的现金流量净额', 0, '+L26 -L30'),
  (32, '四、汇率变动对现金及现金等价物的影响', 0, '+CF:fx_effect'),
  (33, '五、现金及现金等价物净增加额', 0, '+L10 +L22 +L31 +L32'),
  (34, '加：期初现金及现金等价物余额', 0, '+1001:o +1002:o +1012:o'),
  (35, '六、期末现金及现金等价物余额', 0, '+L33 +L34')
) v(n, name, ind, fx);

select app_private.check_formula(s.formula) from app_private.statement_templates s;
drop function pg_temp.f(text);

alter table public.cash_flow_items enable row level security;
create policy cash_flow_items_select_authenticated on public.cash_flow_items for select to authenticated using (true);
comment on policy cash_flow_items_select_authenticated on public.cash_flow_items is
  'the catalog of cash-flow items is the same for every company';
-- the formula check runs in the trigger of statement_line_overrides, as the member who writes
grant execute on function app_private.check_formula(jsonb) to authenticated;
