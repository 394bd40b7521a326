-- The posting of each document type: public.post_document(doc_type, idempotency_key, document) and
-- public.reverse_document(...). Each builder validates the document (errors name the JSON path),
-- writes its lines, moves stock (lines in item order: one lock order for every posting) and returns
-- the facts the posting template reads: {document: {...}, lines: [...], allocations: [...]}.
-- Document JSON (dates YYYY-MM-DD, decimals as strings or numbers, ids as uuids):
--   purchase_receipt  {date, supplier_id, warehouse_id?, lines: [{item_id, quantity, unit_cost}]}
--   supplier_bill     {date, supplier_id, due_date?, tax_inclusive?, lines: [{receipt_line_id?, item_id?, account_id?,
--                      quantity, unit_price, tax_code? | tax_rate?, discount?}]}
--   supplier_payment  {date, supplier_id, amount, bank_account_id?, allocations?: [{open_item_id, amount}]}
--   delivery          {date, customer_id, warehouse_id?, lines: [{item_id, quantity}]}
--   sales_invoice     {date, customer_id, due_date?, tax_inclusive?, lines: [{item_id?, quantity, unit_price,
--                      tax_code? | tax_rate?, discount?}]}
--   customer_receipt  {date, customer_id, amount, bank_account_id?, allocations?: [{open_item_id, amount}]}
--   sales_return      {date, customer_id, warehouse_id?, tax_inclusive?, open_item_id?, lines: [{item_id, quantity,
--                      unit_price, unit_cost?, tax_code? | tax_rate?}]}
--   purchase_return   {date, supplier_id, warehouse_id?, tax_inclusive?, open_item_id?, lines: [{item_id, quantity,
--                      unit_price, tax_code? | tax_rate?}]}
--   stock_transfer    {date, from_warehouse_id, to_warehouse_id, lines: [{item_id, quantity}]}
--   stocktake         {date, warehouse_id?, lines: [{item_id, difference, unit_cost?}]}
--   expense_claim     {date, employee_id?, lines: [{account_id, amount, tax?, department_id?, project_id?}]}
--   profit_carry_forward {period_id}
-- Rights: post on the document type (e.g. post on delivery).

create function app_private.lock_stock(p_tenant uuid, p_item uuid, p_warehouse uuid) returns void
language sql set search_path = ''
as $$
  insert into public.stock_levels (tenant_id, item_id, warehouse_id) values (p_tenant, p_item, p_warehouse)
  on conflict do nothing;
  select 1 from public.stock_levels
  where tenant_id = p_tenant and item_id = p_item and warehouse_id = p_warehouse for update;
$$;

-- The lines of a document in lock order (item, then position), with their 1-based position.
create function app_private.lines_in_lock_order(p_doc jsonb)
returns table (line jsonb, n int, path text)
language sql stable set search_path = ''
as $$
  select e.value, e.ord::int, format('lines[%s]', e.ord)
  from jsonb_array_elements(app_private.doc_lines(p_doc)) with ordinality e(value, ord)
  order by e.value ->> 'item_id', e.ord
$$;

create function app_private.doc_item(p_tenant uuid, p_line jsonb, p_path text, p_optional boolean default false)
returns uuid
language plpgsql set search_path = ''
as $$
declare
  i uuid := app_private.doc_uuid(p_line, 'item_id', p_path || '.item_id', p_optional);
begin
  if i is not null and not exists (select 1 from public.items it where it.id = i and it.tenant_id = p_tenant) then
    perform app_private.doc_error(p_path || '.item_id', 'unknown item');
  end if;
  return i;
end
$$;

create function app_private.due_date(p_doc jsonb, p_date date, p_terms int) returns date
language plpgsql set search_path = ''
as $$
begin
  return coalesce((p_doc ->> 'due_date')::date, p_date + coalesce(p_terms, 0));
exception when invalid_datetime_format or datetime_field_overflow then
  perform app_private.doc_error('due_date', format('"%s" is not a date (YYYY-MM-DD)', p_doc ->> 'due_date'));
end
$$;

create function app_private.input_vat_deductible(p_tenant uuid) returns boolean
language sql stable set search_path = ''
as $$
  select exists (select 1 from public.posting_settings s where s.tenant_id = p_tenant and s.key = 'input_vat_account')
$$;

-- public.vat_line for a document line: its errors name the line's field.
create function app_private.doc_vat(p_quantity numeric, p_price numeric, p_rate numeric, p_inclusive boolean,
  p_discount numeric, p_path text) returns table (amount numeric, tax numeric, total numeric)
language plpgsql set search_path = ''
as $$
declare
  h text;
  m text;
begin
  return query select v.amount, v.tax, v.total from public.vat_line(p_quantity, p_price, p_rate, p_inclusive, p_discount) v;
exception when sqlstate 'TR311' then
  get stacked diagnostics h = pg_exception_hint, m = message_text;
  perform app_private.doc_error(p_path || '.' || h, m);
end
$$;

-- ── stock documents ──
create function app_private.build_purchase_receipt(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  sup record := app_private.doc_party(p_tenant, p, 'supplier');
  wh uuid := app_private.doc_warehouse(p_tenant, p);
  l record;
  item uuid; q numeric; c numeric; val numeric; total numeric := 0;
  facts jsonb := '[]';
begin
  update public.ledger_documents set party_id = sup.id, warehouse_id = wh where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    item := app_private.doc_item(p_tenant, l.line, l.path);
    q := app_private.doc_number(l.line, 'quantity', l.path || '.quantity');
    c := app_private.doc_number(l.line, 'unit_cost', l.path || '.unit_cost', false);
    if c < 0 then
      perform app_private.doc_error(l.path || '.unit_cost', 'must be zero or more');
    end if;
    val := app_private.stock_move(p_tenant, item, wh, p_date, q, c, null, 'purchase_receipt', p_doc, l.n);
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity,
      unit_price, amount, cost)
    values (p_tenant, p_doc, l.n, item, wh, q, c, val, val);
    facts := facts || jsonb_build_object('item_id', item, 'quantity', q, 'value', val);
    total := total + val;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('party_id', sup.id, 'value', total, 'total', total),
                            'lines', facts);
end
$$;

create function app_private.build_delivery(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  cus record := app_private.doc_party(p_tenant, p, 'customer');
  wh uuid := app_private.doc_warehouse(p_tenant, p);
  l record;
  item uuid; q numeric; cost numeric; total numeric := 0;
  facts jsonb := '[]';
begin
  update public.ledger_documents set party_id = cus.id, warehouse_id = wh where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    item := app_private.doc_item(p_tenant, l.line, l.path);
    q := app_private.doc_number(l.line, 'quantity', l.path || '.quantity');
    cost := -app_private.stock_move(p_tenant, item, wh, p_date, -q, null, null, 'delivery', p_doc, l.n);
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity, cost)
    values (p_tenant, p_doc, l.n, item, wh, q, cost);
    facts := facts || jsonb_build_object('item_id', item, 'quantity', q, 'cost', cost);
    total := total + cost;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('party_id', cus.id, 'cost', total, 'total', total),
                            'lines', facts);
end
$$;

create function app_private.build_stock_transfer(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  src uuid := app_private.doc_warehouse(p_tenant, p, 'from_warehouse_id');
  dst uuid := app_private.doc_warehouse(p_tenant, p, 'to_warehouse_id');
  l record;
  item uuid; q numeric; cost numeric; total numeric := 0;
  facts jsonb := '[]';
begin
  if p ->> 'from_warehouse_id' is null or p ->> 'to_warehouse_id' is null or src = dst then
    perform app_private.doc_error('to_warehouse_id', 'two different warehouses are required');
  end if;
  update public.ledger_documents set warehouse_id = src where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    item := app_private.doc_item(p_tenant, l.line, l.path);
    q := app_private.doc_number(l.line, 'quantity', l.path || '.quantity');
    -- both rows of the item, in warehouse order
    perform app_private.lock_stock(p_tenant, item, w) from unnest(array[src, dst]) w order by w;
    cost := -app_private.stock_move(p_tenant, item, src, p_date, -q, null, null, 'stock_transfer', p_doc, l.n);
    perform app_private.stock_move(p_tenant, item, dst, p_date, q, null, cost, 'stock_transfer', p_doc, l.n);
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity, cost)
    values (p_tenant, p_doc, l.n, item, dst, q, cost);
    facts := facts || jsonb_build_object('item_id', item, 'quantity', q, 'cost', cost);
    total := total + cost;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('total', total), 'lines', facts);
end
$$;

create function app_private.build_stocktake(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  wh uuid := app_private.doc_warehouse(p_tenant, p);
  l record;
  item uuid; d numeric; c numeric; val numeric;
  facts jsonb := '[]';
begin
  update public.ledger_documents set warehouse_id = wh where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    item := app_private.doc_item(p_tenant, l.line, l.path);
    d := app_private.doc_number(l.line, 'difference', l.path || '.difference', false);
    if d = 0 then
      perform app_private.doc_error(l.path || '.difference', 'must not be zero');
    end if;
    c := app_private.doc_number(l.line, 'unit_cost', l.path || '.unit_cost', false, true);
    val := app_private.stock_move(p_tenant, item, wh, p_date, d, c, null, 'stocktake', p_doc, l.n);
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity, cost)
    values (p_tenant, p_doc, l.n, item, wh, d, val);
    facts := facts || jsonb_build_object('item_id', item, 'quantity', abs(d),
      'gain', greatest(val, 0), 'loss', greatest(-val, 0));
  end loop;
  return jsonb_build_object('document', '{}'::jsonb, 'lines', facts);
end
$$;

-- ── invoices and bills ──
create function app_private.build_sales_invoice(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  cus record := app_private.doc_party(p_tenant, p, 'customer');
  inclusive boolean := coalesce((p ->> 'tax_inclusive')::boolean, true);
  l record;
  item uuid; q numeric; price numeric; rate numeric; vat record; total numeric := 0;
  facts jsonb := '[]';
begin
  update public.ledger_documents set party_id = cus.id where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    item := app_private.doc_item(p_tenant, l.line, l.path, true);
    q := app_private.doc_number(l.line, 'quantity', l.path || '.quantity');
    price := app_private.doc_number(l.line, 'unit_price', l.path || '.unit_price', false);
    rate := app_private.line_tax_rate(p_tenant, l.line, l.path, p_date, item, false);
    select * into vat from app_private.doc_vat(q, price, rate, inclusive,
      app_private.doc_number(l.line, 'discount', l.path || '.discount', false, true), l.path);
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, quantity, unit_price, amount,
      tax, total)
    values (p_tenant, p_doc, l.n, item, q, price, vat.amount, vat.tax, vat.total);
    facts := facts || jsonb_build_object('item_id', item, 'quantity', q, 'amount', vat.amount, 'tax', vat.tax);
    total := total + vat.total;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('party_id', cus.id, 'total', total,
    'due_date', app_private.due_date(p, p_date, cus.payment_terms_days)), 'lines', facts);
end
$$;

create function app_private.build_supplier_bill(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  sup record := app_private.doc_party(p_tenant, p, 'supplier');
  inclusive boolean := coalesce((p ->> 'tax_inclusive')::boolean, true);
  deductible boolean := app_private.input_vat_deductible(p_tenant);
  l record; rl record; lev record;
  rline uuid; item uuid; acct uuid; q numeric; price numeric; rate numeric; vat record;
  amount numeric; tax numeric; grni numeric; diff numeric; total numeric := 0;
  facts jsonb := '[]';
begin
  update public.ledger_documents set party_id = sup.id where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    rline := app_private.doc_uuid(l.line, 'receipt_line_id', l.path || '.receipt_line_id', true);
    price := app_private.doc_number(l.line, 'unit_price', l.path || '.unit_price', false);
    grni := 0; diff := 0; acct := null; item := null;
    if rline is not null then
      select dl.*, d.party_id into rl from public.ledger_document_lines dl
      join public.ledger_documents d on d.id = dl.document_id
      where dl.id = rline and dl.tenant_id = p_tenant and d.doc_type = 'purchase_receipt' and d.status = 'posted'
      for update of dl;
      if not found or rl.party_id <> sup.id then
        perform app_private.doc_error(l.path || '.receipt_line_id', 'not a posted receipt line of this supplier');
      end if;
      item := rl.item_id;
      q := coalesce(app_private.doc_number(l.line, 'quantity', l.path || '.quantity', true, true),
                    rl.quantity - rl.billed_quantity);
      if rl.billed_quantity + q > rl.quantity then
        raise exception using errcode = 'TR744',
          message = format('%s: billing %s but only %s of the receipt line is not billed yet', l.path, q,
                           rl.quantity - rl.billed_quantity),
          hint = l.path || '.quantity';
      end if;
    else
      item := app_private.doc_item(p_tenant, l.line, l.path, true);
      acct := app_private.doc_uuid(l.line, 'account_id', l.path || '.account_id');
      q := app_private.doc_number(l.line, 'quantity', l.path || '.quantity');
    end if;
    rate := app_private.line_tax_rate(p_tenant, l.line, l.path, p_date, item, true);
    select * into vat from app_private.doc_vat(q, price, rate, inclusive,
      app_private.doc_number(l.line, 'discount', l.path || '.discount', false, true), l.path);
    amount := case when deductible then vat.amount else vat.total end;
    tax := case when deductible then vat.tax else 0 end;
    if rline is not null then
      -- the GRNI of the billed part; the last bill of a line clears what is left
      grni := case when rl.billed_quantity + q = rl.quantity
                   then rl.cost - round(rl.cost * rl.billed_quantity / rl.quantity, 2)
                   else round(rl.cost * q / rl.quantity, 2) end;
      diff := amount - grni;
      update public.ledger_document_lines set billed_quantity = billed_quantity + q where id = rline;
    end if;
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity,
      unit_price, amount, tax, total, source_line_id)
    values (p_tenant, p_doc, l.n, item, rl.warehouse_id, q, price, amount, tax, amount + tax, rline);
    if diff <> 0 then
      -- A price difference follows the goods: into stock value while they are on hand, else to cost of sales.
      perform app_private.lock_stock(p_tenant, item, rl.warehouse_id);
      select * into lev from public.stock_levels
      where tenant_id = p_tenant and item_id = item and warehouse_id = rl.warehouse_id;
      if lev.quantity >= q and lev.value + diff >= 0 and p_date >= coalesce(lev.last_move_date, p_date) then
        perform app_private.stock_move(p_tenant, item, rl.warehouse_id, p_date, 0, null, diff, 'supplier_bill', p_doc, l.n);
        facts := facts || jsonb_build_object('item_id', item, 'inventory_difference', diff, 'quantity', 0);
      else
        facts := facts || jsonb_build_object('item_id', item, 'cogs_difference', diff);
      end if;
    end if;
    facts := facts || jsonb_build_object('item_id', item, 'quantity', q, 'grni', grni, 'tax', tax,
      'expense', case when rline is null then amount end, 'account_id', acct,
      'department_id', l.line ->> 'department_id', 'project_id', l.line ->> 'project_id');
    total := total + amount + tax;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('party_id', sup.id, 'total', total,
    'due_date', app_private.due_date(p, p_date, sup.payment_terms_days)), 'lines', facts);
end
$$;

-- Sales returns take the goods back at the given unit cost, else at the current average.
create function app_private.build_sales_return(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  cus record := app_private.doc_party(p_tenant, p, 'customer');
  wh uuid := app_private.doc_warehouse(p_tenant, p);
  inclusive boolean := coalesce((p ->> 'tax_inclusive')::boolean, true);
  l record;
  item uuid; q numeric; price numeric; c numeric; rate numeric; vat record; cost numeric; total numeric := 0;
  facts jsonb := '[]';
begin
  update public.ledger_documents set party_id = cus.id, warehouse_id = wh where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    item := app_private.doc_item(p_tenant, l.line, l.path);
    q := app_private.doc_number(l.line, 'quantity', l.path || '.quantity');
    price := app_private.doc_number(l.line, 'unit_price', l.path || '.unit_price', false);
    c := app_private.doc_number(l.line, 'unit_cost', l.path || '.unit_cost', false, true);
    if c is null and coalesce((select sl.average_cost from public.stock_levels sl where sl.tenant_id = p_tenant
                               and sl.item_id = item and sl.warehouse_id = wh), 0) = 0 then
      perform app_private.doc_error(l.path || '.unit_cost', 'no cost is known for this item here: give the unit cost');
    end if;
    rate := app_private.line_tax_rate(p_tenant, l.line, l.path, p_date, item, false);
    select * into vat from app_private.doc_vat(q, price, rate, inclusive, 0, l.path);
    cost := app_private.stock_move(p_tenant, item, wh, p_date, q, c, null, 'sales_return', p_doc, l.n);
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity,
      unit_price, amount, tax, total, cost)
    values (p_tenant, p_doc, l.n, item, wh, q, price, vat.amount, vat.tax, vat.total, cost);
    facts := facts || jsonb_build_object('item_id', item, 'quantity', q, 'cost', cost, 'amount', vat.amount, 'tax', vat.tax);
    total := total + vat.total;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('party_id', cus.id, 'total', total,
    'open_item_id', app_private.doc_uuid(p, 'open_item_id', 'open_item_id', true)), 'lines', facts);
end
$$;

create function app_private.build_purchase_return(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  sup record := app_private.doc_party(p_tenant, p, 'supplier');
  wh uuid := app_private.doc_warehouse(p_tenant, p);
  inclusive boolean := coalesce((p ->> 'tax_inclusive')::boolean, true);
  deductible boolean := app_private.input_vat_deductible(p_tenant);
  l record;
  item uuid; q numeric; price numeric; rate numeric; vat record; cost numeric; amount numeric; tax numeric;
  total numeric := 0;
  facts jsonb := '[]';
begin
  update public.ledger_documents set party_id = sup.id, warehouse_id = wh where id = p_doc;
  for l in select * from app_private.lines_in_lock_order(p) loop
    item := app_private.doc_item(p_tenant, l.line, l.path);
    q := app_private.doc_number(l.line, 'quantity', l.path || '.quantity');
    price := app_private.doc_number(l.line, 'unit_price', l.path || '.unit_price', false);
    rate := app_private.line_tax_rate(p_tenant, l.line, l.path, p_date, item, true);
    select * into vat from app_private.doc_vat(q, price, rate, inclusive, 0, l.path);
    amount := case when deductible then vat.amount else vat.total end;
    tax := case when deductible then vat.tax else 0 end;
    cost := -app_private.stock_move(p_tenant, item, wh, p_date, -q, null, null, 'purchase_return', p_doc, l.n);
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, warehouse_id, quantity,
      unit_price, amount, tax, total, cost)
    values (p_tenant, p_doc, l.n, item, wh, q, price, amount, tax, amount + tax, cost);
    facts := facts || jsonb_build_object('item_id', item, 'quantity', q, 'cost', cost, 'tax', tax,
      'difference', amount - cost);
    total := total + amount + tax;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('party_id', sup.id, 'total', total,
    'open_item_id', app_private.doc_uuid(p, 'open_item_id', 'open_item_id', true)), 'lines', facts);
end
$$;

-- ── money ──
-- Receipts (p_role customer) and payments (supplier): allocations to open items, the rest a prepayment.
create function app_private.build_settlement(p_tenant uuid, p_doc uuid, p_date date, p jsonb, p_role text)
returns jsonb
language plpgsql set search_path = ''
as $$
declare
  who record := app_private.doc_party(p_tenant, p, p_role);
  amount numeric := app_private.doc_number(p, 'amount', 'amount');
  bank uuid := app_private.doc_bank_account(p_tenant, p);
  a record;
  item uuid; x numeric; allocated numeric := 0;
  facts jsonb := '[]';
begin
  update public.ledger_documents set party_id = who.id where id = p_doc;
  if p ? 'allocations' and jsonb_typeof(p -> 'allocations') <> 'array' then
    perform app_private.doc_error('allocations', 'must be a list');
  end if;
  for a in
    select e.value as al, format('allocations[%s]', e.ord) as path
    from jsonb_array_elements(coalesce(p -> 'allocations', '[]')) with ordinality e(value, ord)
    order by e.value ->> 'open_item_id', e.ord
  loop
    item := app_private.doc_uuid(a.al, 'open_item_id', a.path || '.open_item_id');
    x := app_private.doc_number(a.al, 'amount', a.path || '.amount');
    if not exists (select 1 from public.open_items oi where oi.id = item and oi.tenant_id = p_tenant and oi.party_id = who.id) then
      perform app_private.doc_error(a.path || '.open_item_id', format('not an open item of %s', who.name));
    end if;
    allocated := allocated + x;
    facts := facts || jsonb_build_object('open_item_id', item, 'amount', x);
  end loop;
  if allocated > amount then
    perform app_private.doc_error('allocations', format('allocations (%s) exceed the amount (%s)', allocated, amount));
  end if;
  return jsonb_build_object('document', jsonb_build_object('party_id', who.id, 'amount', amount,
    'unallocated', amount - allocated, 'bank_account_id', bank, 'total', amount), 'allocations', facts);
end
$$;

create function app_private.build_expense_claim(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  emp uuid := coalesce(app_private.doc_uuid(p, 'employee_id', 'employee_id', true), auth.uid());
  deductible boolean := app_private.input_vat_deductible(p_tenant);
  l record;
  acct uuid; amount numeric; tax numeric; total numeric := 0;
  facts jsonb := '[]';
begin
  if not exists (select 1 from public.memberships m where m.tenant_id = p_tenant and m.user_id = emp) then
    perform app_private.doc_error('employee_id', 'not a member of this company');
  end if;
  for l in select * from app_private.lines_in_lock_order(p) loop
    acct := app_private.doc_uuid(l.line, 'account_id', l.path || '.account_id');
    amount := app_private.doc_number(l.line, 'amount', l.path || '.amount');
    tax := coalesce(app_private.doc_number(l.line, 'tax', l.path || '.tax', false, true), 0);
    if tax < 0 then
      perform app_private.doc_error(l.path || '.tax', 'must be zero or more');
    end if;
    if not deductible then
      amount := amount + tax;
      tax := 0;
    end if;
    insert into public.ledger_document_lines (tenant_id, document_id, line_no, amount, tax, total)
    values (p_tenant, p_doc, l.n, amount, tax, amount + tax);
    facts := facts || jsonb_build_object('account_id', acct, 'amount', amount, 'tax', tax,
      'department_id', l.line ->> 'department_id', 'project_id', l.line ->> 'project_id');
    total := total + amount + tax;
  end loop;
  return jsonb_build_object('document', jsonb_build_object('employee_id', emp, 'total', total), 'lines', facts);
end
$$;

-- Month-end: every profit-and-loss balance of the period to 本年利润 (dated the period's last day).
create function app_private.build_profit_carry_forward(p_tenant uuid, p_doc uuid, p_date date, p jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  per uuid := app_private.doc_uuid(p, 'period_id', 'period_id');
  facts jsonb;
begin
  if not exists (select 1 from public.fiscal_periods fp where fp.id = per and fp.tenant_id = p_tenant) then
    perform app_private.doc_error('period_id', 'unknown fiscal period');
  end if;
  select coalesce(jsonb_agg(jsonb_build_object('account_id', g.account_id, 'balance', g.balance,
    'party_id', g.party_id, 'item_id', g.item_id, 'department_id', g.department_id, 'project_id', g.project_id,
    'employee_id', g.employee_id)), '[]')
  into facts
  from (
    select x.account_id, x.party_id, x.item_id, x.department_id, x.project_id, x.employee_id,
      sum(x.debit - x.credit) as balance
    from app_private.gl_amounts(p_tenant) x
    join public.accounts a on a.id = x.account_id and a.type = 'profit_and_loss'
    where x.period_id = per
    group by 1, 2, 3, 4, 5, 6
    having sum(x.debit - x.credit) <> 0
  ) g;
  return jsonb_build_object('document', jsonb_build_object('net',
    (select coalesce(sum((e ->> 'balance')::numeric), 0) from jsonb_array_elements(facts) e)), 'lines', facts);
end
$$;

-- ───────────────────────────── API ─────────────────────────────
-- The posting itself, for a company whose right the caller has checked (public.post_document) or for
-- the system acting on a decision already taken (an approved expense claim).
create function app_private.post_document(t uuid, p_doc_type text, p_idempotency_key text, p_document jsonb)
returns jsonb
language plpgsql set search_path = ''
as $$
declare
  prior jsonb;
  d date;
  doc uuid;
  facts jsonb;
begin
  if jsonb_typeof(p_document) is distinct from 'object' then
    perform app_private.doc_error('document', 'must be a JSON object');
  end if;
  prior := app_private.claim_idempotency(t, p_idempotency_key, p_doc_type, p_document);
  if prior is not null then
    return prior;
  end if;
  if p_doc_type = 'profit_carry_forward' then
    select fp.end_date into d from public.fiscal_periods fp
    where fp.id = app_private.doc_uuid(p_document, 'period_id', 'period_id') and fp.tenant_id = t;
    d := coalesce(d, app_private.doc_date(p_document));
  else
    d := app_private.doc_date(p_document);
  end if;
  perform app_private.open_period_for(t, d);
  doc := app_private.start_document(t, p_doc_type, d, null, null, p_document);
  facts := case p_doc_type
    when 'purchase_receipt' then app_private.build_purchase_receipt(t, doc, d, p_document)
    when 'supplier_bill' then app_private.build_supplier_bill(t, doc, d, p_document)
    when 'supplier_payment' then app_private.build_settlement(t, doc, d, p_document, 'supplier')
    when 'delivery' then app_private.build_delivery(t, doc, d, p_document)
    when 'sales_invoice' then app_private.build_sales_invoice(t, doc, d, p_document)
    when 'customer_receipt' then app_private.build_settlement(t, doc, d, p_document, 'customer')
    when 'sales_return' then app_private.build_sales_return(t, doc, d, p_document)
    when 'purchase_return' then app_private.build_purchase_return(t, doc, d, p_document)
    when 'stock_transfer' then app_private.build_stock_transfer(t, doc, d, p_document)
    when 'stocktake' then app_private.build_stocktake(t, doc, d, p_document)
    when 'expense_claim' then app_private.build_expense_claim(t, doc, d, p_document)
    when 'profit_carry_forward' then app_private.build_profit_carry_forward(t, doc, d, p_document)
  end;
  return app_private.finish_document(t, doc, p_doc_type,
    case p_doc_type when 'purchase_receipt' then 'receipt' when 'supplier_payment' then 'payment'
                    when 'customer_receipt' then 'receipt_voucher' else p_doc_type end,
    facts || jsonb_build_object('payload', p_document), case p_doc_type when 'customer_receipt' then '收' when 'supplier_payment' then '付' else '记' end,
    p_idempotency_key);
end
$$;

create function public.post_document(p_doc_type text, p_idempotency_key text, p_document jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  kinds constant text[] := array['purchase_receipt', 'supplier_bill', 'supplier_payment', 'delivery', 'sales_invoice',
    'customer_receipt', 'sales_return', 'purchase_return', 'stock_transfer', 'stocktake', 'expense_claim',
    'profit_carry_forward'];
begin
  if p_doc_type is null or not p_doc_type = any (kinds) then
    raise exception using errcode = 'TR741', message = format('unknown document type "%s"', p_doc_type),
      hint = 'doc_type';
  end if;
  return app_private.post_document(app_private.require(p_doc_type, 'post'), p_doc_type, p_idempotency_key, p_document);
end
$$;
comment on function public.post_document(text, text, jsonb) is
  'Posts a business document in one call: document, stock moves, voucher, receivables/payables '
  '(right: post on the document type). Returns {document_id, number, voucher_id, voucher_number, total}; '
  'a retry with the same idempotency key returns the first result. '
  'SECURITY DEFINER because the ledger tables are written only by the engine: it checks the right itself.';

-- Reverses a posted document on a date: the reversing voucher, the stock moved back at the original
-- values, the open items closed or reopened, the receipt lines a bill matched released. A date in a
-- closed period books the reversal in the open one (app_private.correction_date), naming the original.
create function public.reverse_document(p_idempotency_key text, p_document_id uuid, p_date date default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.current_tenant_id();
  orig record;
  prior jsonb;
  wanted date := coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date);
  d date;
  doc uuid;
  m record;
  rv uuid;
  num text;
  ov record;
begin
  select * into orig from public.ledger_documents ld where ld.id = p_document_id and ld.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR743', message = 'document not found', hint = 'document_id';
  end if;
  t := app_private.require(orig.doc_type, 'post');
  prior := app_private.claim_idempotency(t, p_idempotency_key, 'reversal',
    jsonb_build_object('document_id', p_document_id, 'date', wanted));
  if prior is not null then
    return prior;
  end if;
  select * into orig from public.ledger_documents ld where ld.id = p_document_id for update;
  if orig.status <> 'posted' or orig.reversal_of is not null then
    raise exception using errcode = 'TR743',
      message = format('%s %s is %s', orig.doc_type, orig.number,
                       case when orig.reversal_of is not null then 'itself a reversal' else 'already reversed' end),
      hint = 'document_id';
  end if;
  if exists (select 1 from public.ledger_document_lines dl where dl.document_id = orig.id and dl.billed_quantity > 0) then
    raise exception using errcode = 'TR743',
      message = format('%s %s is already billed by the supplier: reverse the bill first', orig.doc_type, orig.number),
      hint = 'document_id';
  end if;
  -- a date in a closed period: the correction goes to the open period
  d := app_private.correction_date(t, wanted);
  perform app_private.open_period_for(t, d);
  doc := app_private.start_document(t, orig.doc_type, d, orig.party_id, orig.warehouse_id,
    jsonb_build_object('reversal_of', orig.id)
    || case when d <> wanted then jsonb_build_object('requested_date', wanted, 'adjusts_closed_period', true)
            else '{}'::jsonb end);
  update public.ledger_documents set reversal_of = orig.id where id = doc;
  for m in
    select sm.* from public.stock_moves sm where sm.tenant_id = t and sm.source_id = orig.id
    order by sm.item_id, sm.warehouse_id, sm.id desc
  loop
    perform app_private.stock_move(t, m.item_id, m.warehouse_id, d, -m.quantity, null, -m.value,
      orig.doc_type, doc, m.source_line);
  end loop;
  update public.ledger_document_lines rl set billed_quantity = rl.billed_quantity - bl.quantity
  from public.ledger_document_lines bl
  where bl.document_id = orig.id and bl.source_line_id = rl.id;
  if orig.voucher_id is not null then
    if d <> wanted then
      select x.word, x.number, x.summary into ov from public.vouchers x where x.id = orig.voucher_id;
      rv := app_private.reverse_voucher(t, orig.voucher_id, d,
        format('调整(%s 所在期间已结账) 冲销 %s %s, %s-%s 号凭证 %s', wanted, orig.doc_type, orig.number,
               ov.word, ov.number, ov.summary), doc);
    else
      rv := app_private.reverse_voucher(t, orig.voucher_id, d, null, doc);
    end if;
  end if;
  num := app_private.next_document_number(t,
    case orig.doc_type when 'purchase_receipt' then 'receipt' when 'supplier_payment' then 'payment'
                       when 'customer_receipt' then 'receipt_voucher' else orig.doc_type end, d);
  update public.ledger_documents set number = num, voucher_id = rv, total = -orig.total where id = doc;
  update public.ledger_documents set status = 'reversed', reversed_by = doc where id = orig.id;
  return app_private.finish_idempotency(t, p_idempotency_key, jsonb_build_object(
    'document_id', doc, 'doc_type', orig.doc_type, 'number', num, 'voucher_id', rv,
    'voucher_number', (select v.word || '-' || v.number from public.vouchers v where v.id = rv),
    'total', -orig.total, 'date', d));
end
$$;
comment on function public.reverse_document(text, uuid, date) is
  'Reverses a posted document (红字冲销) on a date, default today: voucher, stock and open items '
  '(right: post on the document type); a date in a closed period books the reversal in the open period, '
  'naming the original. SECURITY DEFINER because the ledger tables are written only by the engine: it checks the right itself.';

revoke all on function app_private.lock_stock(uuid, uuid, uuid), app_private.post_document(uuid, text, text, jsonb),
  app_private.doc_vat(numeric, numeric, numeric, boolean, numeric, text), app_private.lines_in_lock_order(jsonb),
  app_private.doc_item(uuid, jsonb, text, boolean), app_private.due_date(jsonb, date, int),
  app_private.input_vat_deductible(uuid),
  app_private.build_purchase_receipt(uuid, uuid, date, jsonb), app_private.build_delivery(uuid, uuid, date, jsonb),
  app_private.build_stock_transfer(uuid, uuid, date, jsonb), app_private.build_stocktake(uuid, uuid, date, jsonb),
  app_private.build_sales_invoice(uuid, uuid, date, jsonb), app_private.build_supplier_bill(uuid, uuid, date, jsonb),
  app_private.build_sales_return(uuid, uuid, date, jsonb), app_private.build_purchase_return(uuid, uuid, date, jsonb),
  app_private.build_settlement(uuid, uuid, date, jsonb, text), app_private.build_expense_claim(uuid, uuid, date, jsonb),
  app_private.build_profit_carry_forward(uuid, uuid, date, jsonb) from public;
revoke execute on function public.post_document(text, text, jsonb), public.reverse_document(text, uuid, date)
  from public, anon;
