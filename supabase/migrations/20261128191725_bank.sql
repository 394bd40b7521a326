-- Bank statements (银行对账单), matching (智能记账) and reconciliation (issue 7, bank part).
--
-- A company registers its bank accounts (bank_accounts), each tied to a leaf ledger account under 1002
-- 银行存款. Files are parsed by the edge function bank-import (functions/_shared/bank: CSV/XLSX, CAMT.053,
-- MT940/942, OFX) and written by public.import_bank_statement in one transaction: the whole file or
-- nothing, every line keyed by a de-duplication key unique per bank account (the bank reference, or a
-- stable hash when there is none), so re-importing a file or an overlapping period adds nothing twice.
-- The layout of a CSV/XLSX export is remembered per bank account (bank_statement_templates) by the
-- signature of its header row.
--
-- Matching: the edge function bank-match reads public.bank_match_input(statement) (one JSON value: the
-- statement's open lines, the company's open items, own bank accounts and learned rules, all under RLS)
-- and scores suggestions in pure TypeScript (functions/_shared/bank/match.ts). Confirming one
-- (public.confirm_bank_line) posts the receipt, payment or voucher through the ledger engine with an
-- idempotency key derived from the line, marks the line reconciled and learns a rule
-- (matching_rules: counterparty or keyword → account and dimensions). Confirming twice posts once.
--
-- Stable error codes:
--   TR820 a bank account's ledger account is not a leaf under 1002
--   TR821 unknown bank account (or one of another company)
--   TR822 invalid statement header (hint: the field)
--   TR823 invalid statement line (hint: lines[n].field, the message names the file line)
--   TR824 opening balance + lines ≠ closing balance
--   TR830 unknown statement line
--   TR831 the confirmation does not fit the line (direction, open item, account; hint: the argument)
--   TR832 the line is already reconciled with something else

-- ───────────────────────────── bank accounts ─────────────────────────────
create table public.bank_accounts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  bank_name text check (bank_name is null or char_length(bank_name) <= 100),
  account_number text not null check (account_number ~ '^[^[:cntrl:]]{2,60}$'),
  currency char(3) not null default 'CNY' check (currency ~ '^[A-Z]{3}$'),
  account_id uuid not null,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, account_number),
  foreign key (tenant_id, account_id) references public.accounts (tenant_id, id) on delete restrict
);
comment on table public.bank_accounts is 'Bank accounts of the company (银行账户), each booked on a ledger account under 1002';
comment on column public.bank_accounts.name is 'Name (e.g. 工行基本户)';
comment on column public.bank_accounts.bank_name is 'Bank (开户行)';
comment on column public.bank_accounts.account_number is 'Account number (账号), or IBAN';
comment on column public.bank_accounts.currency is 'Currency';
comment on column public.bank_accounts.account_id is 'Ledger account (会计科目): a leaf under 1002 银行存款';
comment on column public.bank_accounts.active is 'In use';
create index bank_accounts_account_idx on public.bank_accounts (tenant_id, account_id);
-- A row never moves to another company: the API updates the other columns only.
revoke update on public.bank_accounts from authenticated;
grant update (name, bank_name, account_number, currency, account_id, active) on public.bank_accounts to authenticated;
create trigger bank_accounts_touch before update on public.bank_accounts
  for each row execute function public.touch_updated_at();

-- The ledger account must be a leaf of 1002 (a parent takes no postings; 1001 cash is not a bank).
create function app_private.bank_accounts_check() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if not exists (select 1 from public.accounts a where a.tenant_id = new.tenant_id and a.id = new.account_id
                 and a.code like '1002%' and a.is_leaf) then
    raise exception using errcode = 'TR820',
      message = 'the ledger account of a bank account must be a leaf account under 1002 银行存款', hint = 'account_id';
  end if;
  new.account_number := upper(btrim(new.account_number));
  return new;
end
$$;
create trigger bank_accounts_check before insert or update of account_id, account_number, tenant_id
  on public.bank_accounts for each row execute function app_private.bank_accounts_check();

-- ───────────────────────────── statements ─────────────────────────────
create table public.bank_statement_templates (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  bank_account_id uuid not null,
  signature text not null check (char_length(signature) between 1 and 100),
  headers text[] not null default '{}',
  columns jsonb not null check (jsonb_typeof(columns) = 'object'),
  date_order text not null default 'YMD' check (date_order in ('YMD', 'DMY', 'MDY')),
  invert_sign boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (bank_account_id, signature),
  foreign key (tenant_id, bank_account_id) references public.bank_accounts (tenant_id, id) on delete cascade
);
comment on table public.bank_statement_templates is
  'Column layouts of CSV/XLSX exports, per bank account, found again by the signature of the header row';
comment on column public.bank_statement_templates.bank_account_id is 'Bank account';
comment on column public.bank_statement_templates.signature is 'Hash of the normalised header row';
comment on column public.bank_statement_templates.headers is 'Header cells as in the file';
comment on column public.bank_statement_templates.columns is
  'Column of each role (0-based): date, amount or debit/credit, direction, currency, balance, counterpartyName, …';
comment on column public.bank_statement_templates.date_order is 'Order of day, month and year in dates';
comment on column public.bank_statement_templates.invert_sign is 'Amounts are spending-positive (credit-card bills)';
create index bank_statement_templates_tenant_idx on public.bank_statement_templates (tenant_id, bank_account_id);
revoke update on public.bank_statement_templates from authenticated;
grant update (headers, columns, date_order, invert_sign) on public.bank_statement_templates to authenticated;
create trigger bank_statement_templates_touch before update on public.bank_statement_templates
  for each row execute function public.touch_updated_at();

create table public.bank_statements (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  bank_account_id uuid not null,
  file_name text not null check (char_length(file_name) between 1 and 255),
  file_hash text not null check (file_hash ~ '^[0-9a-f]{16,128}$'),
  format text not null check (format in ('csv', 'xlsx', 'camt', 'mt940', 'mt942', 'ofx')),
  statement_ref text check (statement_ref is null or char_length(statement_ref) <= 100),
  currency char(3) not null,
  period_start date,
  period_end date,
  opening_balance numeric(18, 2),
  closing_balance numeric(18, 2),
  line_count int not null default 0,
  imported_count int not null default 0,
  skipped_count int not null default 0,
  imported_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (bank_account_id, file_hash),
  check (period_end >= period_start),
  foreign key (tenant_id, bank_account_id) references public.bank_accounts (tenant_id, id) on delete restrict
);
comment on table public.bank_statements is 'Imported bank statement files (银行对账单): one row per file and bank account';
comment on column public.bank_statements.bank_account_id is 'Bank account';
comment on column public.bank_statements.file_name is 'File name';
comment on column public.bank_statements.file_hash is 'SHA-256 of the file: the same file is imported once';
comment on column public.bank_statements.format is 'Format: csv, xlsx, camt, mt940, mt942 or ofx';
comment on column public.bank_statements.statement_ref is 'Statement reference in the file';
comment on column public.bank_statements.currency is 'Currency';
comment on column public.bank_statements.period_start is 'First day (from the lines or the opening balance)';
comment on column public.bank_statements.period_end is 'Last day';
comment on column public.bank_statements.opening_balance is 'Opening balance (期初余额), when the file states it';
comment on column public.bank_statements.closing_balance is 'Closing balance (期末余额), when the file states it';
comment on column public.bank_statements.line_count is 'Lines in the file';
comment on column public.bank_statements.imported_count is 'Lines added';
comment on column public.bank_statements.skipped_count is 'Lines already imported before (same de-duplication key)';
comment on column public.bank_statements.imported_by is 'Imported by';
create index bank_statements_account_idx on public.bank_statements (tenant_id, bank_account_id, period_start);
create index bank_statements_imported_by_idx on public.bank_statements (imported_by);

create table public.bank_statement_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  bank_account_id uuid not null,
  statement_id uuid not null,
  line_no int not null check (line_no > 0),
  source_line int,
  txn_date date not null,
  value_date date,
  amount numeric(18, 2) not null,
  currency char(3) not null check (currency ~ '^[A-Z]{3}$'),
  counterparty_name text check (char_length(counterparty_name) <= 200),
  counterparty_account text check (char_length(counterparty_account) <= 100),
  reference text check (char_length(reference) <= 200),
  memo text check (char_length(memo) <= 1000),
  balance numeric(18, 2),
  booked boolean not null default true,
  dedupe_key text not null check (char_length(dedupe_key) between 1 and 200),
  status text not null default 'unmatched' check (status in ('unmatched', 'reconciled')),
  matched_document_id uuid,
  matched_voucher_id uuid,
  result jsonb,
  reconciled_by uuid references auth.users (id) on delete set null,
  reconciled_at timestamptz,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (bank_account_id, dedupe_key),
  unique (statement_id, line_no),
  check ((status = 'reconciled') = (reconciled_at is not null)),
  foreign key (tenant_id, bank_account_id) references public.bank_accounts (tenant_id, id) on delete restrict,
  foreign key (tenant_id, statement_id) references public.bank_statements (tenant_id, id) on delete restrict,
  foreign key (tenant_id, matched_document_id) references public.ledger_documents (tenant_id, id) on delete restrict,
  foreign key (tenant_id, matched_voucher_id) references public.vouchers (tenant_id, id) on delete restrict
);
comment on table public.bank_statement_lines is 'Lines of bank statements (银行流水), normalised; reconciled against the books';
comment on column public.bank_statement_lines.bank_account_id is 'Bank account';
comment on column public.bank_statement_lines.statement_id is 'Statement (file) that brought the line';
comment on column public.bank_statement_lines.line_no is 'Position in the statement';
comment on column public.bank_statement_lines.source_line is 'Line (or sheet row) in the file';
comment on column public.bank_statement_lines.txn_date is 'Booking date (交易日期)';
comment on column public.bank_statement_lines.value_date is 'Value date (起息日)';
comment on column public.bank_statement_lines.amount is 'Amount, signed: receipts positive, payments negative';
comment on column public.bank_statement_lines.currency is 'Currency';
comment on column public.bank_statement_lines.counterparty_name is 'Counterparty (对方户名)';
comment on column public.bank_statement_lines.counterparty_account is 'Counterparty account (对方账号)';
comment on column public.bank_statement_lines.reference is 'Bank reference (流水号)';
comment on column public.bank_statement_lines.memo is 'Memo (摘要/附言)';
comment on column public.bank_statement_lines.balance is 'Balance after the line, when the file states it';
comment on column public.bank_statement_lines.booked is 'Booked (false: pending, from an MT942 interim report)';
comment on column public.bank_statement_lines.dedupe_key is 'De-duplication key: the bank reference, or a stable hash';
comment on column public.bank_statement_lines.status is 'Unmatched or reconciled (已对账)';
comment on column public.bank_statement_lines.matched_document_id is 'Receipt or payment posted for the line';
comment on column public.bank_statement_lines.matched_voucher_id is 'Voucher that books the line';
comment on column public.bank_statement_lines.result is 'What the confirmation posted (returned again on a repeat)';
comment on column public.bank_statement_lines.reconciled_by is 'Reconciled by';
comment on column public.bank_statement_lines.reconciled_at is 'Reconciled at';
create index bank_statement_lines_account_idx on public.bank_statement_lines (tenant_id, bank_account_id, status, txn_date);
create index bank_statement_lines_statement_idx on public.bank_statement_lines (tenant_id, statement_id);
create index bank_statement_lines_document_idx on public.bank_statement_lines (tenant_id, matched_document_id);
create index bank_statement_lines_voucher_idx on public.bank_statement_lines (tenant_id, matched_voucher_id);
create index bank_statement_lines_reconciled_by_idx on public.bank_statement_lines (reconciled_by);

-- ───────────────────────────── rules ─────────────────────────────
create table public.matching_rules (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  counterparty text check (char_length(counterparty) between 1 and 200),
  keyword text check (char_length(keyword) between 1 and 100),
  direction text not null default 'any' check (direction in ('in', 'out', 'any')),
  kind text not null check (kind in ('receipt', 'payment', 'voucher')),
  account_id uuid,
  party_id uuid,
  department_id uuid,
  project_id uuid,
  learned boolean not null default false,
  hits int not null default 0 check (hits >= 0),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique nulls not distinct (tenant_id, counterparty, keyword, direction),
  check (counterparty is not null or keyword is not null),
  check (kind = 'voucher' or party_id is not null),
  check (kind <> 'voucher' or account_id is not null),
  foreign key (tenant_id, account_id) references public.accounts (tenant_id, id) on delete cascade,
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete cascade,
  foreign key (tenant_id, department_id) references public.departments (tenant_id, id) on delete cascade,
  foreign key (tenant_id, project_id) references public.projects (tenant_id, id) on delete cascade
);
comment on table public.matching_rules is
  'Bank matching rules (智能记账规则): a counterparty or a memo keyword → how to book the line; learned on confirmation';
comment on column public.matching_rules.counterparty is 'Counterparty name, normalised (lower case, no company suffix)';
comment on column public.matching_rules.keyword is 'Keyword in the memo (e.g. 手续费, 利息)';
comment on column public.matching_rules.direction is 'Receipts (in), payments (out) or both';
comment on column public.matching_rules.kind is 'Receipt from a customer, payment to a supplier, or a voucher to an account';
comment on column public.matching_rules.account_id is 'Contra account (对方科目) of a voucher';
comment on column public.matching_rules.party_id is 'Customer or supplier';
comment on column public.matching_rules.department_id is 'Department';
comment on column public.matching_rules.project_id is 'Project';
comment on column public.matching_rules.learned is 'Learned from a confirmation (else entered by hand)';
comment on column public.matching_rules.hits is 'Times confirmed';
comment on column public.matching_rules.created_by is 'Created by';
create index matching_rules_account_idx on public.matching_rules (tenant_id, account_id);
create index matching_rules_party_idx on public.matching_rules (tenant_id, party_id);
create index matching_rules_department_idx on public.matching_rules (tenant_id, department_id);
create index matching_rules_project_idx on public.matching_rules (tenant_id, project_id);
create index matching_rules_created_by_idx on public.matching_rules (created_by);
revoke update on public.matching_rules from authenticated;
grant update (counterparty, keyword, direction, kind, account_id, party_id, department_id, project_id)
  on public.matching_rules to authenticated;
create trigger matching_rules_touch before update on public.matching_rules
  for each row execute function public.touch_updated_at();

-- Counterparty names compared loosely: lower case, no spaces or punctuation, no company-form suffix.
create function public.normalize_counterparty(p_name text) returns text
language sql immutable set search_path = ''
as $$
  select nullif(regexp_replace(
    regexp_replace(lower(coalesce(p_name, '')), '[[:space:][:punct:]（）【】《》，。、·：；“”‘’]+', '', 'g'),
    '(股份有限公司|有限责任公司|有限公司|分公司|公司|coltd|co|ltd|limited|inc|gmbh|llc)+$', ''), '')
$$;
comment on function public.normalize_counterparty(text) is
  'A counterparty name as matching compares it: lower case, without spaces, punctuation or company-form suffix';

-- ───────────────────────────── import ─────────────────────────────
-- p_statement: {file_name, file_hash, format, statement_ref?, currency?, opening_balance?, closing_balance?,
--               opening_date?, closing_date?}
-- p_lines: [{date, value_date?, amount, currency?, counterparty_name?, counterparty_account?, reference?, memo?,
--            balance?, booked?, dedupe_key, source_line?}]
-- Returns {statement_id, imported, skipped, lines, duplicate_file}.
create function app_private.bank_line_error(p_n int, p_line jsonb, p_field text, p_message text) returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'TR823',
    message = format('line %s%s, %s: %s', p_n,
      case when p_line ->> 'source_line' is not null then format(' (file line %s)', p_line ->> 'source_line') else '' end,
      p_field, p_message),
    hint = format('lines[%s].%s', p_n, p_field);
end
$$;

create function public.import_bank_statement(p_bank_account_id uuid, p_statement jsonb, p_lines jsonb)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('bank_statements', 'create');
  acct record;
  st uuid;
  prior record;
  l record;
  d date; vd date; amt numeric; bal numeric; cur text;
  opening numeric; closing numeric; total numeric := 0;
  n_lines int;
  inserted int;
  fmt text := p_statement ->> 'format';
begin
  select * into acct from public.bank_accounts b where b.id = p_bank_account_id and b.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR821', message = 'unknown bank account', hint = 'bank_account_id';
  end if;
  if jsonb_typeof(p_statement) is distinct from 'object' then
    raise exception using errcode = 'TR822', message = 'the statement must be a JSON object', hint = 'statement';
  end if;
  if jsonb_typeof(p_lines) is distinct from 'array' then
    raise exception using errcode = 'TR822', message = 'the lines must be a JSON list', hint = 'lines';
  end if;
  if coalesce(btrim(p_statement ->> 'file_name'), '') = '' or char_length(p_statement ->> 'file_name') > 255 then
    raise exception using errcode = 'TR822', message = 'a file name of 1 to 255 characters is required',
      hint = 'file_name';
  end if;
  if coalesce(p_statement ->> 'file_hash', '') !~ '^[0-9a-f]{16,128}$' then
    raise exception using errcode = 'TR822', message = 'file_hash must be a hex digest', hint = 'file_hash';
  end if;
  if fmt is null or fmt not in ('csv', 'xlsx', 'camt', 'mt940', 'mt942', 'ofx') then
    raise exception using errcode = 'TR822', message = format('unknown format "%s"', fmt), hint = 'format';
  end if;
  cur := upper(coalesce(nullif(p_statement ->> 'currency', ''), acct.currency));
  if cur !~ '^[A-Z]{3}$' then
    raise exception using errcode = 'TR822', message = format('"%s" is not a currency code', cur), hint = 'currency';
  end if;
  if cur <> acct.currency then
    raise exception using errcode = 'TR822',
      message = format('the statement is in %s, the bank account in %s', cur, acct.currency), hint = 'currency';
  end if;
  begin
    opening := (p_statement ->> 'opening_balance')::numeric;
    closing := (p_statement ->> 'closing_balance')::numeric;
  exception when invalid_text_representation then
    raise exception using errcode = 'TR822', message = 'opening and closing balances must be decimal numbers',
      hint = 'opening_balance';
  end;
  n_lines := jsonb_array_length(p_lines);
  if n_lines > 100000 then
    raise exception using errcode = 'TR822', message = 'at most 100000 lines per statement', hint = 'lines';
  end if;

  -- The same file again: nothing to add (concurrent uploads of one file queue on the unique key).
  insert into public.bank_statements (tenant_id, bank_account_id, file_name, file_hash, format, statement_ref,
    currency, opening_balance, closing_balance, line_count, imported_by)
  values (t, acct.id, btrim(p_statement ->> 'file_name'), p_statement ->> 'file_hash', fmt,
    left(p_statement ->> 'statement_ref', 100), cur, opening, closing, n_lines, auth.uid())
  on conflict (bank_account_id, file_hash) do nothing
  returning id into st;
  if st is null then
    select * into prior from public.bank_statements s
    where s.bank_account_id = acct.id and s.file_hash = p_statement ->> 'file_hash';
    return jsonb_build_object('statement_id', prior.id, 'imported', 0, 'skipped', n_lines, 'lines', n_lines,
      'duplicate_file', true);
  end if;

  create temporary table if not exists pg_temp.bank_import_lines (
    line_no int, source_line int, txn_date date, value_date date, amount numeric(18, 2), currency text,
    counterparty_name text, counterparty_account text, reference text, memo text, balance numeric(18, 2),
    booked boolean, dedupe_key text
  ) on commit drop;
  truncate pg_temp.bank_import_lines;

  for l in select e.value as v, e.ord::int as n from jsonb_array_elements(p_lines) with ordinality e(value, ord) loop
    if jsonb_typeof(l.v) is distinct from 'object' then
      perform app_private.bank_line_error(l.n, '{}', 'line', 'must be a JSON object');
    end if;
    begin
      d := (l.v ->> 'date')::date;
    exception when others then
      perform app_private.bank_line_error(l.n, l.v, 'date', format('"%s" is not a date (YYYY-MM-DD)', l.v ->> 'date'));
    end;
    if d is null then
      perform app_private.bank_line_error(l.n, l.v, 'date', 'is required');
    end if;
    begin
      vd := (l.v ->> 'value_date')::date;
    exception when others then
      perform app_private.bank_line_error(l.n, l.v, 'value_date', format('"%s" is not a date', l.v ->> 'value_date'));
    end;
    begin
      amt := (l.v ->> 'amount')::numeric;
      bal := (l.v ->> 'balance')::numeric;
    exception when others then
      perform app_private.bank_line_error(l.n, l.v, 'amount', 'amount and balance must be decimal numbers');
    end;
    if amt is null then
      perform app_private.bank_line_error(l.n, l.v, 'amount', 'is required');
    end if;
    if amt <> round(amt, 2) or abs(amt) >= 1e16 then
      perform app_private.bank_line_error(l.n, l.v, 'amount', format('%s has more than 2 decimals or is too large', amt));
    end if;
    if bal is not null and (bal <> round(bal, 2) or abs(bal) >= 1e16) then
      perform app_private.bank_line_error(l.n, l.v, 'balance', format('%s has more than 2 decimals or is too large', bal));
    end if;
    if upper(coalesce(nullif(l.v ->> 'currency', ''), cur)) <> cur then
      perform app_private.bank_line_error(l.n, l.v, 'currency',
        format('%s differs from the account currency %s', l.v ->> 'currency', cur));
    end if;
    if coalesce(l.v ->> 'dedupe_key', '') = '' or char_length(l.v ->> 'dedupe_key') > 200 then
      perform app_private.bank_line_error(l.n, l.v, 'dedupe_key', 'a key of 1 to 200 characters is required');
    end if;
    if coalesce((l.v ->> 'booked')::boolean, true) then
      total := total + amt;
    end if;
    insert into pg_temp.bank_import_lines values (l.n, (l.v ->> 'source_line')::int, d, vd, amt, cur,
      left(nullif(btrim(l.v ->> 'counterparty_name'), ''), 200), left(nullif(btrim(l.v ->> 'counterparty_account'), ''), 100),
      left(nullif(btrim(l.v ->> 'reference'), ''), 200), left(nullif(btrim(l.v ->> 'memo'), ''), 1000), bal,
      coalesce((l.v ->> 'booked')::boolean, true), l.v ->> 'dedupe_key');
  end loop;

  if opening is not null and closing is not null and opening + total <> closing then
    raise exception using errcode = 'TR824',
      message = format('opening balance %s + lines %s = %s, but the closing balance is %s', opening, total,
                       opening + total, closing),
      hint = 'closing_balance';
  end if;
  if (select count(distinct dedupe_key) from pg_temp.bank_import_lines) <> n_lines then
    raise exception using errcode = 'TR823', message = 'two lines of the file have the same de-duplication key',
      hint = format('lines[%s].dedupe_key', (select min(b.line_no) from pg_temp.bank_import_lines b
        where b.dedupe_key in (select dedupe_key from pg_temp.bank_import_lines group by 1 having count(*) > 1)));
  end if;

  insert into public.bank_statement_lines (tenant_id, bank_account_id, statement_id, line_no, source_line, txn_date,
    value_date, amount, currency, counterparty_name, counterparty_account, reference, memo, balance, booked, dedupe_key)
  select t, acct.id, st, row_number() over (order by b.line_no), b.source_line, b.txn_date, b.value_date, b.amount,
    b.currency, b.counterparty_name, b.counterparty_account, b.reference, b.memo, b.balance, b.booked, b.dedupe_key
  from pg_temp.bank_import_lines b
  where not exists (select 1 from public.bank_statement_lines x
                    where x.bank_account_id = acct.id and x.dedupe_key = b.dedupe_key)
  order by b.line_no
  on conflict (bank_account_id, dedupe_key) do nothing;
  get diagnostics inserted = row_count;

  update public.bank_statements s set
    imported_count = inserted, skipped_count = n_lines - inserted,
    period_start = coalesce((p_statement ->> 'opening_date')::date, (select min(txn_date) from pg_temp.bank_import_lines)),
    period_end = coalesce((p_statement ->> 'closing_date')::date, (select max(txn_date) from pg_temp.bank_import_lines))
  where s.id = st;
  return jsonb_build_object('statement_id', st, 'imported', inserted, 'skipped', n_lines - inserted,
    'lines', n_lines, 'duplicate_file', false);
end
$$;
comment on function public.import_bank_statement(uuid, jsonb, jsonb) is
  'Imports a parsed bank statement for one bank account, all lines or none (right: create on bank_statements); '
  'lines already imported (same de-duplication key) are skipped. Returns {statement_id, imported, skipped}. '
  'SECURITY DEFINER because lines are written only here (users may not insert or edit them): it checks the right itself.';

-- ───────────────────────────── matching ─────────────────────────────
-- Everything the matcher needs for one statement (or, without one, every open line of the company) and
-- the open lines of the other own accounts in its dates (for transfers), as
-- one JSON value so that no page limit cuts it. Security invoker: what the caller cannot read is absent.
create function public.bank_match_input(p_statement_id uuid default null)
returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
    'lines', coalesce((
      select jsonb_agg(jsonb_build_object('id', l.id, 'bank_account_id', l.bank_account_id, 'date', l.txn_date,
        'amount', l.amount::text, 'counterparty_name', l.counterparty_name,
        'counterparty_account', l.counterparty_account, 'reference', l.reference, 'memo', l.memo)
        order by l.txn_date, l.line_no)
      from public.bank_statement_lines l
      where l.status = 'unmatched' and (p_statement_id is null or l.statement_id = p_statement_id)), '[]'),
    -- open lines of the other own accounts around the statement's dates: twins of transfers
    'other_lines', coalesce((
      select jsonb_agg(jsonb_build_object('id', o.id, 'bank_account_id', o.bank_account_id, 'date', o.txn_date,
        'amount', o.amount::text, 'counterparty_name', o.counterparty_name,
        'counterparty_account', o.counterparty_account, 'reference', o.reference, 'memo', o.memo))
      from public.bank_statement_lines o
      join (select s.bank_account_id, min(l.txn_date) - 3 as d0, max(l.txn_date) + 3 as d1
            from public.bank_statements s join public.bank_statement_lines l on l.statement_id = s.id
            where s.id = p_statement_id group by 1) w
        on o.bank_account_id <> w.bank_account_id and o.txn_date between w.d0 and w.d1
      where o.status = 'unmatched'), '[]'),
    'open_items', coalesce((
      select jsonb_agg(jsonb_build_object('id', oi.id, 'party_id', oi.party_id, 'party_name', p.name,
        'kind', oi.kind, 'outstanding', oi.outstanding::text, 'doc_date', oi.doc_date, 'due_date', oi.due_date,
        'number', d.number))
      from public.open_items oi
      join public.parties p on p.id = oi.party_id
      left join public.ledger_documents d on d.tenant_id = oi.tenant_id and d.id = oi.source_id
      where oi.outstanding <> 0), '[]'),
    'bank_accounts', coalesce((
      select jsonb_agg(jsonb_build_object('id', b.id, 'name', b.name, 'account_number', b.account_number,
        'account_id', b.account_id))
      from public.bank_accounts b where b.active), '[]'),
    'rules', coalesce((
      select jsonb_agg(jsonb_build_object('id', r.id, 'counterparty', r.counterparty, 'keyword', r.keyword,
        'direction', r.direction, 'kind', r.kind, 'account_id', r.account_id, 'party_id', r.party_id,
        'department_id', r.department_id, 'project_id', r.project_id, 'hits', r.hits))
      from public.matching_rules r), '[]'))
$$;
comment on function public.bank_match_input(uuid) is
  'The open lines of a statement (all open lines without one), open items, own bank accounts and rules, '
  'as the bank-match function reads them';

-- Confirms a line: p_kind receipt (a customer's payment in; p_open_item_id or p_party_id), payment (to a
-- supplier), voucher (p_account_id: the contra account, with dims) or transfer (p_other_line_id: the
-- line of the same transfer on the other own account, reconciled together). Idempotent: the posting key
-- is derived from the line, and a reconciled line returns what its confirmation posted.
create function public.confirm_bank_line(p_line_id uuid, p_kind text, p_open_item_id uuid default null,
  p_account_id uuid default null, p_party_id uuid default null, p_department_id uuid default null,
  p_project_id uuid default null, p_other_line_id uuid default null, p_learn boolean default true)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('bank_statements', 'post');
  ln record;
  bank record;
  other record;
  oi record;
  party record;
  posted jsonb;
  v uuid;
  contra uuid;
  amt numeric;
  alloc numeric;
  summary text;
  key text;
  learned_kind text;
begin
  if p_kind is null or p_kind not in ('receipt', 'payment', 'voucher', 'transfer') then
    raise exception using errcode = 'TR831', message = 'kind must be receipt, payment, voucher or transfer',
      hint = 'kind';
  end if;
  select * into ln from public.bank_statement_lines l where l.id = p_line_id and l.tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR830', message = 'unknown bank statement line', hint = 'line_id';
  end if;
  if ln.status = 'reconciled' then
    if ln.result ->> 'kind' = p_kind then
      return ln.result || jsonb_build_object('repeated', true);
    end if;
    raise exception using errcode = 'TR832',
      message = format('the line is already reconciled as %s', ln.result ->> 'kind'), hint = 'line_id';
  end if;
  select * into bank from public.bank_accounts b where b.id = ln.bank_account_id;
  amt := abs(ln.amount);
  summary := left(coalesce(ln.counterparty_name || ' ', '') || coalesce(ln.memo, ''), 200);
  key := 'bank-line:' || ln.id;

  if p_kind in ('receipt', 'payment') then
    if (p_kind = 'receipt') <> (ln.amount > 0) or ln.amount = 0 then
      raise exception using errcode = 'TR831',
        message = format('a %s needs %s line', p_kind, case p_kind when 'receipt' then 'an incoming' else 'an outgoing' end),
        hint = 'kind';
    end if;
    if p_open_item_id is not null then
      select * into oi from public.open_items o where o.id = p_open_item_id and o.tenant_id = t;
      if not found or oi.outstanding = 0 or (p_kind = 'receipt') <> (oi.outstanding > 0) then
        raise exception using errcode = 'TR831',
          message = format('not an open %s', case p_kind when 'receipt' then 'receivable' else 'payable' end),
          hint = 'open_item_id';
      end if;
      if p_party_id is not null and p_party_id <> oi.party_id then
        raise exception using errcode = 'TR831', message = 'the open item belongs to another party', hint = 'party_id';
      end if;
      p_party_id := oi.party_id;
      alloc := least(amt, abs(oi.outstanding));
    end if;
    if p_party_id is null then
      raise exception using errcode = 'TR831', message = 'an open item or a party is required', hint = 'party_id';
    end if;
    posted := public.post_document(case p_kind when 'receipt' then 'customer_receipt' else 'supplier_payment' end, key,
      jsonb_build_object('date', ln.txn_date, case p_kind when 'receipt' then 'customer_id' else 'supplier_id' end,
        p_party_id, 'amount', amt, 'bank_account_id', bank.account_id,
        'allocations', case when p_open_item_id is null then '[]'::jsonb
                            else jsonb_build_array(jsonb_build_object('open_item_id', p_open_item_id, 'amount', alloc)) end));
    posted := posted || jsonb_build_object('kind', p_kind);
    update public.bank_statement_lines set status = 'reconciled', matched_document_id = (posted ->> 'document_id')::uuid,
      matched_voucher_id = (posted ->> 'voucher_id')::uuid, result = posted, reconciled_by = auth.uid(),
      reconciled_at = now()
    where id = ln.id;
  else
    perform app_private.require('vouchers', 'post');
    if p_kind = 'transfer' then
      select * into other from public.bank_statement_lines l
      where l.id = p_other_line_id and l.tenant_id = t and l.bank_account_id <> ln.bank_account_id for update;
      if not found or other.amount <> -ln.amount or other.status <> 'unmatched' then
        raise exception using errcode = 'TR831',
          message = 'the other line must be an open line of the same amount, opposite sign, on another own account',
          hint = 'other_line_id';
      end if;
      select b.account_id into contra from public.bank_accounts b where b.id = other.bank_account_id;
    else
      contra := p_account_id;
      if contra is null or not exists (select 1 from public.accounts a where a.id = contra and a.tenant_id = t) then
        raise exception using errcode = 'TR831', message = 'a contra account of this company is required',
          hint = 'account_id';
      end if;
      if p_party_id is not null and not exists (select 1 from public.parties p where p.id = p_party_id and p.tenant_id = t) then
        raise exception using errcode = 'TR831', message = 'unknown party', hint = 'party_id';
      end if;
    end if;
    insert into public.vouchers (tenant_id, word, voucher_date, summary, source_type, source_id, prepared_by)
    values (t, case when p_kind = 'transfer' then '记' when ln.amount > 0 then '收' else '付' end, ln.txn_date,
      coalesce(nullif(summary, ''), '银行流水'), 'bank_statement_line', ln.id, auth.uid())
    returning id into v;
    insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, credit)
    values (t, v, 1, left(coalesce(nullif(summary, ''), '银行流水'), 200), bank.account_id,
      greatest(ln.amount, 0), greatest(-ln.amount, 0));
    insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, credit, party_id,
      department_id, project_id)
    values (t, v, 2, left(coalesce(nullif(summary, ''), '银行流水'), 200), contra,
      greatest(-ln.amount, 0), greatest(ln.amount, 0), case when p_kind = 'voucher' then p_party_id end,
      case when p_kind = 'voucher' then p_department_id end, case when p_kind = 'voucher' then p_project_id end);
    perform app_private.post_voucher(t, v, true);
    posted := jsonb_build_object('kind', p_kind, 'voucher_id', v, 'voucher_number',
      (select vo.word || '-' || vo.number from public.vouchers vo where vo.id = v));
    update public.bank_statement_lines set status = 'reconciled', matched_voucher_id = v, result = posted,
      reconciled_by = auth.uid(), reconciled_at = now()
    where id in (ln.id, p_other_line_id);
  end if;

  -- Learn: the counterparty (normalised) → how it was booked. Transfers are recognised by account number.
  if p_learn and p_kind <> 'transfer' and public.normalize_counterparty(ln.counterparty_name) is not null then
    learned_kind := p_kind;
    insert into public.matching_rules as r (tenant_id, counterparty, direction, kind, account_id, party_id,
      department_id, project_id, learned, hits, created_by)
    values (t, public.normalize_counterparty(ln.counterparty_name), case when ln.amount > 0 then 'in' else 'out' end,
      learned_kind, case when p_kind = 'voucher' then contra end, p_party_id,
      case when p_kind = 'voucher' then p_department_id end, case when p_kind = 'voucher' then p_project_id end,
      true, 1, auth.uid())
    on conflict (tenant_id, counterparty, keyword, direction) do update set
      kind = excluded.kind, account_id = excluded.account_id, party_id = excluded.party_id,
      department_id = excluded.department_id, project_id = excluded.project_id, hits = r.hits + 1;
  end if;
  return posted;
end
$$;
comment on function public.confirm_bank_line(uuid, text, uuid, uuid, uuid, uuid, uuid, uuid, boolean) is
  'Books a bank statement line (receipt, payment, voucher or transfer between own accounts) through the ledger '
  'engine, marks it reconciled and learns a matching rule (right: post on bank_statements; vouchers need '
  'post on vouchers). Confirming twice posts once. '
  'SECURITY DEFINER because reconciled lines and learned rules are written only here: it checks the rights itself.';

-- What is left of a statement, and the balance of its bank account in the books.
create function public.bank_reconciliation(p_statement_id uuid)
returns table (statement_id uuid, bank_account_id uuid, opening_balance numeric, closing_balance numeric,
  lines int, reconciled_count int, reconciled_sum numeric, unreconciled_count int, unreconciled_sum numeric,
  book_balance numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('bank_statements', 'read');
begin
  return query
  select s.id, s.bank_account_id, s.opening_balance::numeric, s.closing_balance::numeric,
    count(l.id)::int,
    count(l.id) filter (where l.status = 'reconciled')::int,
    coalesce(sum(l.amount) filter (where l.status = 'reconciled'), 0)::numeric,
    count(l.id) filter (where l.status = 'unmatched')::int,
    coalesce(sum(l.amount) filter (where l.status = 'unmatched'), 0)::numeric,
    (select coalesce(sum(g.debit - g.credit), 0)
     from app_private.gl_amounts(t) g
     join public.bank_accounts b on b.id = s.bank_account_id and b.account_id = g.account_id)::numeric
  from public.bank_statements s
  left join public.bank_statement_lines l on l.tenant_id = s.tenant_id and l.statement_id = s.id
  where s.id = p_statement_id and s.tenant_id = t
  group by s.id;
end
$$;
comment on function public.bank_reconciliation(uuid) is
  'Reconciliation of a statement: opening and closing balance, reconciled and open lines (count and sum), '
  'and the balance of the bank account in the books (right: read on bank_statements). '
  'SECURITY DEFINER because the balance comes from the folded ledger (app_private): it checks the right itself.';

revoke all on function app_private.bank_accounts_check(), app_private.bank_line_error(int, jsonb, text, text)
  from public;
revoke execute on function public.import_bank_statement(uuid, jsonb, jsonb), public.bank_match_input(uuid),
  public.confirm_bank_line(uuid, text, uuid, uuid, uuid, uuid, uuid, uuid, boolean),
  public.bank_reconciliation(uuid) from public, anon;
grant execute on function public.import_bank_statement(uuid, jsonb, jsonb), public.bank_match_input(uuid),
  public.confirm_bank_line(uuid, text, uuid, uuid, uuid, uuid, uuid, uuid, boolean),
  public.bank_reconciliation(uuid) to authenticated;
