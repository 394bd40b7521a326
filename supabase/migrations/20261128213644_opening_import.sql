-- Opening balances from a file (issue 6: "Bulk import of … opening balances (stock and receivables) from
-- CSV and XLSX: a preview with per-row errors, then all-or-nothing").
--
-- import_opening_stock(p_rows, p_dry_run, p_date): rows {sku, warehouse (code; empty: the first active
-- warehouse), quantity, unit_cost | value, _row} → one ledger document opening_stock (OS-…): a stock move
-- per row at the given cost (the start of each item's moving average) and one voucher
--   Dr 库存商品 (inventory_account, per item)   Cr 期初余额调整 (opening_balance_account).
-- import_opening_balances(p_rows, p_dry_run, p_date): rows {kind (receivable 应收 | payable 应付; empty: from
-- the party when it is only a customer or only a supplier), party (name) | party_code | taxpayer_id,
-- document_number, date, due_date, amount, note, _row} → one ledger document opening_balance (OB-…) and one
-- voucher with a line per row, so each row becomes its own open item (kind opening) with its due date
-- for aging and settlement by later receipts and payments:
--   Dr 应收账款 (per customer) / Cr 应付账款 (per supplier)   and the net to 期初余额调整.
--
-- The convention (shared/domain/ACCOUNTING.md says nothing about opening balances): a 期初 suspense
-- account. Every company gets 310499 期初余额调整 (小企业会计准则; 410499 under 企业会计准则), a leaf of
-- 利润分配, named by the posting setting opening_balance_account. Stock and receivables/payables are
-- imported against it, and the accountant enters the remaining opening balances (cash, bank, fixed assets,
-- capital …) as an ordinary voucher against it too: once every opening balance is in, its balance is zero
-- (a balance left shows what is still missing; until then it sits in equity, so the balance sheet
-- balances). Opening vouchers are dated p_date, by default the first day of the earliest open period.
--
-- Same contract as import_customers: each row is checked field by field; the posting runs inside a block
-- that is rolled back when the call is a dry run or any row failed, so the preview runs exactly what the
-- real import runs and a real import writes all rows or none. Answer {ok, dry_run, rows, valid,
-- inserted, errors: [{row, field, message}], document_id?, number?, voucher_id?}. No double import:
-- stock for an item and warehouse that already has moves, and a party's document number imported before,
-- are row errors. Right: opening_balances:post (accountants by default).
--
-- Error codes: TR611 payload not an array / too many rows (as the other imports); TR612 internal.

-- ───────────────────────────── the suspense account ─────────────────────────────
insert into app_private.account_templates (standard, code, name, type, direction, auxiliary) values
  ('small_enterprise', '310499', '期初余额调整', 'equity', 'credit', '{}'),
  ('enterprise', '410499', '期初余额调整', 'equity', 'credit', '{}')
on conflict do nothing;
insert into app_private.posting_setting_templates (standard, taxpayer_type, key, account_code, description)
select s.standard, p.taxpayer_type, 'opening_balance_account',
  case s.standard when 'small_enterprise' then '310499' else '410499' end, '期初余额调整 (opening balance suspense)'
from unnest(enum_range(null::public.accounting_standard)) as s(standard)
cross join unnest(enum_range(null::public.taxpayer_type)) as p(taxpayer_type)
on conflict do nothing;
-- Existing companies: the account under their 利润分配 and the setting.
insert into public.accounts (tenant_id, code, name, parent_id, type, direction)
select a.tenant_id, a.code || '99', '期初余额调整', a.id, 'equity', 'credit'
from public.accounts a join public.tenants tn on tn.id = a.tenant_id
where a.code = case tn.accounting_standard when 'small_enterprise' then '3104' else '4104' end
on conflict do nothing;
insert into public.posting_settings (tenant_id, key, account_id, description)
select a.tenant_id, 'opening_balance_account', a.id, '期初余额调整 (opening balance suspense)'
from public.accounts a join public.tenants tn on tn.id = a.tenant_id
where a.code = case tn.accounting_standard when 'small_enterprise' then '310499' else '410499' end
on conflict do nothing;

insert into app_private.document_sequence_templates (doc_type, name, prefix, reset_every, padding) values
  ('opening_stock', '期初库存', 'OS', 'month', 4),
  ('opening_balance', '期初往来', 'OB', 'month', 4)
on conflict (doc_type) do nothing;
insert into public.document_sequences (tenant_id, doc_type, name, prefix, reset_every, padding)
select t.id, st.doc_type, st.name, st.prefix, st.reset_every, st.padding
from public.tenants t cross join app_private.document_sequence_templates st
where st.doc_type in ('opening_stock', 'opening_balance')
on conflict do nothing;

-- ───────────────────────────── helpers ─────────────────────────────
-- A date from spreadsheet text: 2026-01-05, 2026/1/5, 2026.01.05, 20260105; null when it is not one.
create function app_private.import_date(p_text text) returns date
language plpgsql immutable set search_path = ''
as $$
declare
  s text := btrim(p_text);
begin
  if s is null or s = '' then
    return null;
  end if;
  if s ~ '^\d{8}$' then
    return to_date(s, 'YYYYMMDD');
  end if;
  s := regexp_replace(s, '[/.年月]', '-', 'g');
  s := regexp_replace(s, '日$', '');
  if s !~ '^\d{4}-\d{1,2}-\d{1,2}$' then
    return null;
  end if;
  return s::date;
exception when others then
  return null;
end
$$;

-- The opening date: the one asked, else the first day of the earliest open period.
create function app_private.opening_date(p_tenant uuid, p_date date) returns date
language sql stable set search_path = ''
as $$
  select coalesce(p_date, (select min(fp.start_date) from public.fiscal_periods fp
                           where fp.tenant_id = p_tenant and fp.status = 'open'))
$$;

create function app_private.opening_account(p_tenant uuid, p_key text) returns uuid
language plpgsql stable set search_path = ''
as $$
declare
  a uuid;
begin
  select s.account_id into a from public.posting_settings s where s.tenant_id = p_tenant and s.key = p_key;
  if a is null then
    raise exception using errcode = 'TR742', message = format('no %s in the posting settings', p_key), hint = p_key;
  end if;
  return a;
end
$$;

-- Every posted document keeps its idempotency key and result (the engine's rule); an import's key is its
-- document's id.
create function app_private.opening_key(p_tenant uuid, p_doc_type text, p_doc uuid, p_result jsonb) returns void
language plpgsql set search_path = ''
as $$
begin
  perform app_private.claim_idempotency(p_tenant, p_doc_type || ':' || p_doc::text, p_doc_type, jsonb_build_object('document_id', p_doc));
  perform app_private.finish_idempotency(p_tenant, p_doc_type || ':' || p_doc::text, p_result);
end
$$;

-- ───────────────────────────── stock ─────────────────────────────
create function public.import_opening_stock(p_rows jsonb, p_dry_run boolean default true, p_date date default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('opening_balances', 'post');
  d date := app_private.opening_date(t, p_date);
  errors jsonb := '[]';
  good jsonb := '[]';
  seen jsonb := '{}';
  r jsonb;
  i bigint;
  rowno text;
  row_errors jsonb;
  it record;
  wh record;
  v_text text; q numeric; c numeric; val numeric;
  k text;
  g record;
  doc uuid; v uuid; num text; v_total numeric := 0; n int := 0;
  inv uuid; suspense uuid; inv_aux text[];
  valid int := 0;
  inserted int := 0;
  answer jsonb := '{}';
begin
  perform app_private.import_check_payload(p_rows);
  for r, i in select x, o from jsonb_array_elements(p_rows) with ordinality as z(x, o) loop
    rowno := coalesce(case when jsonb_typeof(r) = 'object' then r ->> '_row' end, i::text);
    row_errors := '[]';
    if jsonb_typeof(r) <> 'object' then
      errors := errors || jsonb_build_object('row', rowno, 'field', null, 'message', 'not an object');
      continue;
    end if;
    it := null; wh := null;
    v_text := app_private.import_text(r, 'sku');
    if v_text is null then
      row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', 'required');
    else
      select x.id, x.sku, x.is_stock, x.active into it from public.items x where x.tenant_id = t and x.sku = v_text;
      if not found then
        row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', format('no item %s', v_text));
      elsif not (it.is_stock and it.active) then
        row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', format('item %s is not an active stock item', v_text));
      end if;
    end if;
    v_text := app_private.import_text(r, 'warehouse');
    if v_text is null then
      select w.id, w.code into wh from public.warehouses w where w.tenant_id = t and w.active order by w.code limit 1;
    else
      select w.id, w.code into wh from public.warehouses w where w.tenant_id = t and w.active and w.code = v_text;
      if not found then
        row_errors := row_errors || jsonb_build_object('field', 'warehouse', 'message', format('no active warehouse %s', v_text));
      end if;
    end if;
    v_text := app_private.import_text(r, 'quantity');
    q := app_private.import_numeric(v_text);
    if q is null or q <= 0 or q <> round(q, 4) then
      row_errors := row_errors || jsonb_build_object('field', 'quantity', 'message', 'a quantity greater than zero (4 decimals at most)');
    end if;
    v_text := app_private.import_text(r, 'unit_cost');
    c := app_private.import_numeric(v_text);
    if v_text is not null and (c is null or c < 0 or c <> round(c, 6)) then
      row_errors := row_errors || jsonb_build_object('field', 'unit_cost', 'message', 'a unit cost of zero or more (6 decimals at most)');
    end if;
    v_text := app_private.import_text(r, 'value');
    val := app_private.import_numeric(v_text);
    if v_text is not null and (val is null or val < 0 or val <> round(val, 2)) then
      row_errors := row_errors || jsonb_build_object('field', 'value', 'message', 'an amount of zero or more (fen at most)');
    end if;
    if app_private.import_text(r, 'unit_cost') is null and app_private.import_text(r, 'value') is null then
      row_errors := row_errors || jsonb_build_object('field', 'unit_cost', 'message', 'give the unit cost or the value');
    end if;
    if it.id is not null and wh.id is not null then
      k := it.id::text || '/' || wh.id::text;
      if seen ? k then
        row_errors := row_errors || jsonb_build_object('field', 'sku', 'message', format('%s in %s is also on row %s', it.sku, wh.code, seen ->> k));
      elsif exists (select 1 from public.stock_moves m where m.tenant_id = t and m.item_id = it.id and m.warehouse_id = wh.id) then
        row_errors := row_errors || jsonb_build_object('field', 'sku',
          'message', format('%s in %s has stock moves already: opening stock comes before any move', it.sku, wh.code));
      end if;
      seen := seen || jsonb_build_object(k, rowno);
    end if;
    if jsonb_array_length(row_errors) = 0 then
      valid := valid + 1;
      good := good || jsonb_build_object('row', rowno, 'item_id', it.id, 'sku', it.sku, 'warehouse_id', wh.id,
        'quantity', q, 'value', coalesce(val, round(q * c, 2)));
    end if;
    errors := errors || (select coalesce(jsonb_agg(jsonb_build_object('row', rowno) || x), '[]')
                         from jsonb_array_elements(row_errors) x);
  end loop;

  if jsonb_array_length(errors) = 0 and jsonb_array_length(good) > 0 then
    begin
      perform app_private.open_period_for(t, d);
      inv := app_private.opening_account(t, 'inventory_account');
      suspense := app_private.opening_account(t, 'opening_balance_account');
      select a.auxiliary into inv_aux from public.accounts a where a.id = inv;
      doc := app_private.start_document(t, 'opening_stock', d, null, null, jsonb_build_object('rows', good));
      insert into public.vouchers (tenant_id, word, voucher_date, summary, source_type, source_id)
      values (t, '记', d, '期初库存', 'opening_stock', doc) returning id into v;
      -- stock rows locked in item, warehouse order (the engine's one lock order)
      for g in
        select e.value as row, e.ord::int as n from jsonb_array_elements(good) with ordinality e(value, ord)
        order by e.value ->> 'item_id', e.value ->> 'warehouse_id'
      loop
        val := app_private.stock_move(t, (g.row ->> 'item_id')::uuid, (g.row ->> 'warehouse_id')::uuid, d,
          (g.row ->> 'quantity')::numeric, null, (g.row ->> 'value')::numeric, 'opening_stock', doc, g.n);
        insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity,
          unit_price, amount, cost)
        values (t, doc, g.n, (g.row ->> 'item_id')::uuid, (g.row ->> 'warehouse_id')::uuid, (g.row ->> 'quantity')::numeric,
          round(val / (g.row ->> 'quantity')::numeric, 6), val, val);
        if val <> 0 then
          n := n + 1;
          insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, item_id, quantity)
          values (t, v, n, left('期初库存 ' || (g.row ->> 'sku'), 200), inv, val,
            case when 'item' = any (inv_aux) then (g.row ->> 'item_id')::uuid end,
            case when 'item' = any (inv_aux) then (g.row ->> 'quantity')::numeric end);
        end if;
        v_total := v_total + val;
      end loop;
      num := app_private.next_document_number(t, 'opening_stock', d);
      if v_total > 0 then
        insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, credit)
        values (t, v, n + 1, '期初库存 ' || num, suspense, v_total);
        update public.vouchers set summary = '期初库存 ' || num where id = v;
        perform app_private.post_voucher(t, v, true);
      else
        delete from public.vouchers where id = v;
        v := null;
      end if;
      update public.ledger_documents set number = num, voucher_id = v, total = v_total where id = doc;
      answer := jsonb_build_object('document_id', doc, 'doc_type', 'opening_stock', 'number', num, 'voucher_id', v, 'total', v_total);
      perform app_private.opening_key(t, 'opening_stock', doc, answer);
      if p_dry_run then
        raise exception using errcode = 'TR612', message = 'import rolled back';
      end if;
      inserted := valid;
    exception when sqlstate 'TR612' then
      inserted := 0;
      answer := '{}';
    end;
  end if;
  return jsonb_build_object('ok', jsonb_array_length(errors) = 0, 'dry_run', p_dry_run,
    'rows', jsonb_array_length(p_rows), 'valid', valid, 'inserted', inserted, 'errors', errors, 'date', d) || answer;
end
$$;
comment on function public.import_opening_stock(jsonb, boolean, date) is
  'Imports opening stock from rows {sku, warehouse, quantity, unit_cost | value, _row}: validates every row and, '
  'unless p_dry_run or a row failed, posts them all as one opening_stock document (Dr inventory, Cr the '
  'opening_balance_account suspense) dated p_date (default: the first day of the earliest open period). Answers '
  '{ok, dry_run, rows, valid, inserted, errors[{row, field, message}], document_id, number}. Right: '
  'opening_balances:post. SECURITY DEFINER because stock and ledger tables are written only by the engine.';

-- ───────────────────────────── receivables and payables ─────────────────────────────
create function public.import_opening_balances(p_rows jsonb, p_dry_run boolean default true, p_date date default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('opening_balances', 'post');
  d date := app_private.opening_date(t, p_date);
  errors jsonb := '[]';
  good jsonb := '[]';
  seen jsonb := '{}';
  r jsonb;
  i bigint;
  rowno text;
  row_errors jsonb;
  pa record;
  v_kind text; v_text text; v_field text; v_num text; amt numeric; v_date date; v_due date;
  cnt int;
  k text;
  g record;
  doc uuid; v uuid; num text; net numeric := 0; n int := 0;
  ar uuid; ap uuid; suspense uuid; acct uuid;
  valid int := 0;
  inserted int := 0;
  answer jsonb := '{}';
begin
  perform app_private.import_check_payload(p_rows);
  for r, i in select x, o from jsonb_array_elements(p_rows) with ordinality as z(x, o) loop
    rowno := coalesce(case when jsonb_typeof(r) = 'object' then r ->> '_row' end, i::text);
    row_errors := '[]';
    if jsonb_typeof(r) <> 'object' then
      errors := errors || jsonb_build_object('row', rowno, 'field', null, 'message', 'not an object');
      continue;
    end if;
    -- the party: by code, else by 统一社会信用代码, else by exact name
    pa := null; cnt := 0;
    if app_private.import_text(r, 'party_code') is not null then
      v_field := 'party_code';
      select count(*) into cnt from public.parties p where p.tenant_id = t and p.code = app_private.import_text(r, 'party_code');
      select p.id, p.name, p.is_customer, p.is_supplier, p.active into pa from public.parties p
      where p.tenant_id = t and p.code = app_private.import_text(r, 'party_code');
    elsif app_private.import_text(r, 'taxpayer_id') is not null then
      v_field := 'taxpayer_id';
      select count(*) into cnt from public.parties p where p.tenant_id = t and p.taxpayer_id = upper(app_private.import_text(r, 'taxpayer_id'));
      select p.id, p.name, p.is_customer, p.is_supplier, p.active into pa from public.parties p
      where p.tenant_id = t and p.taxpayer_id = upper(app_private.import_text(r, 'taxpayer_id')) order by p.code limit 1;
    elsif app_private.import_text(r, 'party') is not null then
      v_field := 'party';
      select count(*) into cnt from public.parties p where p.tenant_id = t and p.name = app_private.import_text(r, 'party');
      select p.id, p.name, p.is_customer, p.is_supplier, p.active into pa from public.parties p
      where p.tenant_id = t and p.name = app_private.import_text(r, 'party') order by p.code limit 1;
    else
      v_field := 'party';
    end if;
    if app_private.import_text(r, v_field) is null then
      row_errors := row_errors || jsonb_build_object('field', 'party', 'message', 'name the customer or supplier (party, party_code or taxpayer_id)');
    elsif cnt = 0 then
      row_errors := row_errors || jsonb_build_object('field', v_field, 'message', format('no customer or supplier %s', app_private.import_text(r, v_field)));
    elsif cnt > 1 then
      row_errors := row_errors || jsonb_build_object('field', v_field,
        'message', format('%s parties match %s: use party_code', cnt, app_private.import_text(r, v_field)));
    elsif not pa.active then
      row_errors := row_errors || jsonb_build_object('field', v_field, 'message', format('%s is not active', pa.name));
    end if;
    v_text := lower(app_private.import_text(r, 'kind'));
    v_kind := case
      when v_text in ('receivable', 'ar', '应收', '应收账款', '客户') then 'receivable'
      when v_text in ('payable', 'ap', '应付', '应付账款', '供应商') then 'payable'
      when v_text is null and pa.id is not null and pa.is_customer and not pa.is_supplier then 'receivable'
      when v_text is null and pa.id is not null and pa.is_supplier and not pa.is_customer then 'payable'
    end;
    if v_kind is null and (v_text is not null or pa.id is not null) then
      row_errors := row_errors || jsonb_build_object('field', 'kind', 'message', 'receivable (应收) or payable (应付)');
    elsif v_kind = 'receivable' and pa.id is not null and not pa.is_customer then
      row_errors := row_errors || jsonb_build_object('field', 'kind', 'message', format('%s is not a customer', pa.name));
    elsif v_kind = 'payable' and pa.id is not null and not pa.is_supplier then
      row_errors := row_errors || jsonb_build_object('field', 'kind', 'message', format('%s is not a supplier', pa.name));
    end if;
    v_num := app_private.import_text(r, 'document_number');
    if v_num is null or char_length(v_num) > 60 then
      row_errors := row_errors || jsonb_build_object('field', 'document_number', 'message', 'required, at most 60 characters');
    elsif pa.id is not null and v_kind is not null then
      k := v_kind || '/' || pa.id::text || '/' || v_num;
      if seen ? k then
        row_errors := row_errors || jsonb_build_object('field', 'document_number', 'message', format('also on row %s', seen ->> k));
      elsif exists (select 1 from public.ledger_documents ld cross join lateral jsonb_array_elements(ld.payload -> 'rows') x
                    where ld.tenant_id = t and ld.doc_type = 'opening_balance' and ld.status = 'posted'
                      and x ->> 'kind' = v_kind and x ->> 'party_id' = pa.id::text and x ->> 'document_number' = v_num) then
        row_errors := row_errors || jsonb_build_object('field', 'document_number', 'message', format('%s was imported before', v_num));
      end if;
      seen := seen || jsonb_build_object(k, rowno);
    end if;
    v_text := app_private.import_text(r, 'date');
    v_date := app_private.import_date(v_text);
    if v_text is not null and v_date is null then
      row_errors := row_errors || jsonb_build_object('field', 'date', 'message', 'not a date (YYYY-MM-DD)');
    end if;
    v_text := app_private.import_text(r, 'due_date');
    v_due := app_private.import_date(v_text);
    if v_text is not null and v_due is null then
      row_errors := row_errors || jsonb_build_object('field', 'due_date', 'message', 'not a date (YYYY-MM-DD)');
    end if;
    v_text := app_private.import_text(r, 'amount');
    amt := app_private.import_numeric(v_text);
    if amt is null or amt = 0 or amt <> round(amt, 2) or abs(amt) >= 1e16 then
      row_errors := row_errors || jsonb_build_object('field', 'amount', 'message', 'an amount other than zero (fen at most)');
    end if;
    if jsonb_array_length(row_errors) = 0 then
      valid := valid + 1;
      good := good || jsonb_build_object('row', rowno, 'kind', v_kind, 'party_id', pa.id, 'document_number', v_num,
        'date', v_date, 'due_date', coalesce(v_due, d), 'amount', amt, 'note', left(app_private.import_text(r, 'note'), 100));
    end if;
    errors := errors || (select coalesce(jsonb_agg(jsonb_build_object('row', rowno) || x), '[]')
                         from jsonb_array_elements(row_errors) x);
  end loop;

  if jsonb_array_length(errors) = 0 and jsonb_array_length(good) > 0 then
    begin
      perform app_private.open_period_for(t, d);
      ar := app_private.opening_account(t, 'ar_account');
      ap := app_private.opening_account(t, 'ap_account');
      suspense := app_private.opening_account(t, 'opening_balance_account');
      doc := app_private.start_document(t, 'opening_balance', d, null, null, jsonb_build_object('rows', good));
      insert into public.vouchers (tenant_id, word, voucher_date, summary, source_type, source_id)
      values (t, '记', d, '期初往来', 'opening_balance', doc) returning id into v;
      for g in select e.value as row, e.ord::int as n from jsonb_array_elements(good) with ordinality e(value, ord) loop
        amt := (g.row ->> 'amount')::numeric;
        acct := case g.row ->> 'kind' when 'receivable' then ar else ap end;
        -- a receivable debits 应收 (a negative one credits it); a payable credits 应付
        insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, credit, party_id, due_date)
        values (t, v, g.n,
          left(format('期初%s %s%s%s', case g.row ->> 'kind' when 'receivable' then '应收' else '应付' end, g.row ->> 'document_number',
                      coalesce(' ' || (g.row ->> 'date'), ''), coalesce(' ' || (g.row ->> 'note'), '')), 200),
          acct,
          case when (g.row ->> 'kind' = 'receivable') = (amt > 0) then abs(amt) else 0 end,
          case when (g.row ->> 'kind' = 'receivable') = (amt > 0) then 0 else abs(amt) end,
          (g.row ->> 'party_id')::uuid, (g.row ->> 'due_date')::date);
        insert into public.ledger_document_lines (tenant_id, document_id, line_no, amount, total)
        values (t, doc, g.n, amt, amt);
        net := net + case g.row ->> 'kind' when 'receivable' then amt else -amt end;
        n := g.n;
      end loop;
      num := app_private.next_document_number(t, 'opening_balance', d);
      if net <> 0 then
        insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, credit)
        values (t, v, n + 1, '期初往来 ' || num, suspense, greatest(-net, 0), greatest(net, 0));
      end if;
      update public.vouchers set summary = '期初往来 ' || num where id = v;
      perform app_private.post_voucher(t, v, true);
      update public.ledger_documents set number = num, voucher_id = v, total = net where id = doc;
      answer := jsonb_build_object('document_id', doc, 'doc_type', 'opening_balance', 'number', num, 'voucher_id', v, 'net', net);
      perform app_private.opening_key(t, 'opening_balance', doc, answer);
      if p_dry_run then
        raise exception using errcode = 'TR612', message = 'import rolled back';
      end if;
      inserted := valid;
    exception when sqlstate 'TR612' then
      inserted := 0;
      answer := '{}';
    end;
  end if;
  return jsonb_build_object('ok', jsonb_array_length(errors) = 0, 'dry_run', p_dry_run,
    'rows', jsonb_array_length(p_rows), 'valid', valid, 'inserted', inserted, 'errors', errors, 'date', d) || answer;
end
$$;
comment on function public.import_opening_balances(jsonb, boolean, date) is
  'Imports opening receivables and payables from rows {kind, party | party_code | taxpayer_id, document_number, '
  'date, due_date, amount, note, _row}: validates every row and, unless p_dry_run or a row failed, posts them all '
  'as one opening_balance document whose voucher opens one open item per row (net against the '
  'opening_balance_account suspense), dated p_date (default: the first day of the earliest open period). Answers '
  '{ok, dry_run, rows, valid, inserted, errors[{row, field, message}], document_id, number}. Right: '
  'opening_balances:post. SECURITY DEFINER because the ledger tables are written only by the engine.';

revoke all on function app_private.import_date(text), app_private.opening_date(uuid, date),
  app_private.opening_key(uuid, text, uuid, jsonb),
  app_private.opening_account(uuid, text) from public;
revoke execute on function public.import_opening_stock(jsonb, boolean, date),
  public.import_opening_balances(jsonb, boolean, date) from public, anon;
grant execute on function public.import_opening_stock(jsonb, boolean, date),
  public.import_opening_balances(jsonb, boolean, date) to authenticated;
