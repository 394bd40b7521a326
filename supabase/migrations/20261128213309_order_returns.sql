-- Returns against orders (issue 6: "Sales returns reverse stock and receivable"; "Purchase returns"):
-- return_sales_order / return_purchase_order (p_idempotency_key, p_order_id, p_lines [{order_line_id,
-- quantity}], p_date) post the ledger's sales_return / purchase_return documents for lines of an order
-- and count what came back on the order lines (returned_quantity), like the fulfilment functions do.
--
-- * Sales: at most what was delivered and not returned yet per line. The goods come back at the cost
--   they left with (the average cost of the line's deliveries), so the margin of the order is undone
--   exactly. A return takes back goods not invoiced first: for those only stock and cost of sales move
--   (price 0); for goods already invoiced the receivable, revenue and output VAT are reduced at the
--   order's price (its discount spread over the quantity), settling an open invoice of the order when
--   one still owes that much, else leaving a credit note (贷项) for the customer. Invoicing later bills
--   at most delivered − returned, and an order whose every line is delivered and invoiced net of
--   returns is completed.
-- * Purchases: at most what was received and not returned, and only goods the supplier billed (the
--   engine's purchase_return debits the payable: goods not billed yet are still 暂估 — reverse their
--   receipt instead). The payable of an open bill of the order is reduced, else a debit note remains.
-- * Nothing is left when a call fails (one transaction); a retry with the same key returns the first result.
--
-- Error codes (trade range): TR653 line / quantity invalid (hint lines[i].quantity or
-- lines[i].order_line_id); TR654 order not found; TR655 nothing to return.

alter table public.sales_order_lines
  add column returned_quantity numeric(18, 4) not null default 0
    check (returned_quantity >= 0),
  add constraint sales_order_lines_returned_check check (returned_quantity <= delivered_quantity);
comment on column public.sales_order_lines.returned_quantity is 'Returned by the customer so far';
alter table public.purchase_order_lines
  add column returned_quantity numeric(18, 4) not null default 0
    check (returned_quantity >= 0),
  add constraint purchase_order_lines_returned_check check (returned_quantity <= received_quantity);
comment on column public.purchase_order_lines.returned_quantity is 'Returned to the supplier so far';

-- Invoicing bills what was delivered and not returned (was: delivered).
create or replace function app_private.fulfilment_lines(p_lines jsonb, p_order uuid, p_sales boolean, p_what text)
returns table (line_id uuid, line_no int, item_id uuid, quantity numeric, ordered numeric, unit_price numeric,
  discount numeric, tax_rate numeric, done numeric, upto numeric)
language plpgsql set search_path = ''
as $$
begin
  return query
  with asked as (
    select (e.value ->> 'order_line_id')::uuid as id, (e.value ->> 'quantity')::numeric as q
    from jsonb_array_elements(coalesce(p_lines, '[]')) e
  ), lines as (
    select l.id, l.line_no, l.item_id, l.quantity, l.unit_price, l.discount, l.tax_rate,
      case p_what when 'deliver' then l.delivered_quantity when 'invoice' then l.invoiced_quantity end as done,
      case p_what when 'deliver' then l.quantity when 'invoice' then l.delivered_quantity - l.returned_quantity end as upto
    from public.sales_order_lines l where p_sales and l.order_id = p_order
    union all
    select l.id, l.line_no, l.item_id, l.quantity, l.unit_price, l.discount, l.tax_rate,
      case p_what when 'receive' then l.received_quantity when 'bill' then l.billed_quantity end,
      case p_what when 'receive' then l.quantity when 'bill' then l.received_quantity end
    from public.purchase_order_lines l where not p_sales and l.order_id = p_order
  )
  select l.id, l.line_no, l.item_id,
    case when p_lines is null or jsonb_array_length(p_lines) = 0 then l.upto - l.done else a.q end,
    l.quantity, l.unit_price, l.discount, l.tax_rate, l.done, l.upto
  from lines l left join asked a on a.id = l.id
  where (p_lines is null or jsonb_array_length(p_lines) = 0 and l.upto > l.done) or a.id is not null
  order by l.line_no;
  if p_lines is not null and jsonb_array_length(p_lines) > 0
     and (select count(*) from jsonb_array_elements(p_lines)) <> (
       select count(*) from jsonb_array_elements(p_lines) e
       join (select id from public.sales_order_lines where p_sales and order_id = p_order
             union all select id from public.purchase_order_lines where not p_sales and order_id = p_order) x
         on x.id = (e.value ->> 'order_line_id')::uuid) then
    raise exception using errcode = 'TR653', message = 'a line is not a line of this order', hint = 'lines';
  end if;
end
$$;

-- A sales order the fulfilment functions mark partial is completed when every line is delivered and
-- invoiced net of returns (fulfil_order itself compares invoiced with ordered).
-- security definer: it reads the lines whatever the writer reads (it runs inside the definer functions).
create function app_private.sales_order_status_net_of_returns() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'partial' then
    if not exists (select 1 from public.sales_order_lines x where x.order_id = new.id
                   and (x.delivered_quantity < x.quantity or x.invoiced_quantity < x.delivered_quantity - x.returned_quantity)) then
      new.status := 'completed';
    end if;
  end if;
  return new;
end
$$;
create trigger sales_orders_status_net_of_returns before update of status on public.sales_orders
  for each row execute function app_private.sales_order_status_net_of_returns();

-- The lines of a return call: [{order_line_id, quantity}], each checked; errors name lines[i].
create function app_private.return_lines(p_lines jsonb) returns table (n int, line_id uuid, quantity numeric)
language plpgsql set search_path = ''
as $$
declare
  e record;
  q numeric;
  lid uuid;
begin
  if p_lines is null or jsonb_typeof(p_lines) <> 'array' or jsonb_array_length(p_lines) = 0 then
    raise exception using errcode = 'TR653', message = 'name the lines to return: [{order_line_id, quantity}]', hint = 'lines';
  end if;
  for e in select x.value, x.ord from jsonb_array_elements(p_lines) with ordinality x(value, ord) loop
    begin
      lid := (e.value ->> 'order_line_id')::uuid;
    exception when invalid_text_representation then
      lid := null;
    end;
    if lid is null then
      raise exception using errcode = 'TR653', message = format('lines[%s]: order_line_id is required', e.ord),
        hint = format('lines[%s].order_line_id', e.ord);
    end if;
    begin
      q := (e.value ->> 'quantity')::numeric;
    exception when invalid_text_representation then
      q := null;
    end;
    if q is null or q <= 0 then
      raise exception using errcode = 'TR653', message = format('lines[%s]: the quantity must be greater than zero', e.ord),
        hint = format('lines[%s].quantity', e.ord);
    end if;
    n := e.ord; line_id := lid; quantity := q;
    return next;
  end loop;
end
$$;

create function public.return_sales_order(p_idempotency_key text, p_order_id uuid, p_lines jsonb,
  p_date date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('sales_orders', 'read');
  o public.sales_orders;
  prior jsonb;
  r record;
  l public.sales_order_lines;
  cost numeric;
  credited numeric;
  price numeric;
  doc_lines jsonb := '[]';
  line_map jsonb := '[]';
  expected numeric := 0;
  item uuid;
  result jsonb;
  d date := coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date);
begin
  select * into o from public.sales_orders where id = p_order_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR654', message = 'sales order not found', hint = 'order_id';
  end if;
  select od.result into prior from public.order_documents od where od.tenant_id = t and od.idempotency_key = p_idempotency_key;
  if found then
    return prior;
  end if;
  for r in select * from app_private.return_lines(p_lines) loop
    select * into l from public.sales_order_lines x where x.id = r.line_id and x.order_id = o.id;
    if not found then
      raise exception using errcode = 'TR653', message = format('lines[%s]: not a line of order %s', r.n, o.number),
        hint = format('lines[%s].order_line_id', r.n);
    end if;
    if line_map @> jsonb_build_array(jsonb_build_object('order_line_id', l.id)) then
      raise exception using errcode = 'TR653', message = format('lines[%s]: line %s is named twice', r.n, l.line_no),
        hint = format('lines[%s].order_line_id', r.n);
    end if;
    if l.returned_quantity + r.quantity > l.delivered_quantity then
      raise exception using errcode = 'TR653',
        message = format('line %s: %s to return, but %s delivered and %s returned already', l.line_no, trim_scale(r.quantity),
                         trim_scale(l.delivered_quantity), trim_scale(l.returned_quantity)),
        hint = format('lines[%s].quantity', r.n);
    end if;
    -- the average cost the line's deliveries took out of stock
    select round(sum(dl.cost) / nullif(sum(dl.quantity), 0), 6) into cost
    from public.order_documents od
    cross join lateral jsonb_array_elements(od.line_map) m
    join public.ledger_documents dd on dd.id = od.document_id and dd.status = 'posted'
    join public.ledger_document_lines dl on dl.document_id = od.document_id and dl.line_no = (m ->> 'line_no')::int
    where od.tenant_id = t and od.sales_order_id = o.id and od.doc_type = 'delivery'
      and (m ->> 'order_line_id')::uuid = l.id;
    -- goods not invoiced go back first; the rest was invoiced and is credited
    credited := greatest(l.invoiced_quantity - (l.delivered_quantity - l.returned_quantity - r.quantity), 0)
              - greatest(l.invoiced_quantity - (l.delivered_quantity - l.returned_quantity), 0);
    price := case when l.discount = 0 then l.unit_price else round((l.unit_price * l.quantity - l.discount) / l.quantity, 6) end;
    item := l.item_id;
    if r.quantity - credited > 0 then
      doc_lines := doc_lines || jsonb_build_object('item_id', item, 'quantity', r.quantity - credited, 'unit_price', 0,
        'tax_rate', l.tax_rate, 'unit_cost', cost);
      line_map := line_map || jsonb_build_object('order_line_id', l.id, 'line_no', jsonb_array_length(doc_lines),
        'quantity', r.quantity - credited);
    end if;
    if credited > 0 then
      doc_lines := doc_lines || jsonb_build_object('item_id', item, 'quantity', credited, 'unit_price', price,
        'tax_rate', l.tax_rate, 'unit_cost', cost);
      line_map := line_map || jsonb_build_object('order_line_id', l.id, 'line_no', jsonb_array_length(doc_lines),
        'quantity', credited, 'credited', true);
      expected := expected + (select v.total from public.vat_line(credited, price, l.tax_rate, o.tax_inclusive, 0) v);
    end if;
  end loop;

  result := public.post_document('sales_return', p_idempotency_key, jsonb_strip_nulls(jsonb_build_object(
    'date', d, 'customer_id', o.party_id, 'warehouse_id', o.warehouse_id, 'tax_inclusive', o.tax_inclusive,
    'lines', doc_lines, 'order_number', o.number,
    -- the newest open invoice of the order that still owes the credit
    'open_item_id', case when expected > 0 then (
      select oi.id from public.order_documents od
      join public.open_items oi on oi.tenant_id = od.tenant_id and oi.source_id = od.document_id
      where od.tenant_id = t and od.sales_order_id = o.id and od.doc_type = 'sales_invoice' and oi.outstanding >= expected
      order by od.created_at desc limit 1) end)));

  perform app_private.trade_progress_on();
  update public.sales_order_lines x set returned_quantity = x.returned_quantity + s.q
  from (select (m ->> 'order_line_id')::uuid as id, sum((m ->> 'quantity')::numeric) as q
        from jsonb_array_elements(line_map) m group by 1) s
  where x.id = s.id;
  update public.sales_orders set status = case when not exists (
      select 1 from public.sales_order_lines x where x.order_id = o.id
        and (x.delivered_quantity < x.quantity or x.invoiced_quantity < x.delivered_quantity - x.returned_quantity))
    then 'completed' else 'partial' end::public.order_status
  where id = o.id and status in ('confirmed', 'partial', 'completed');
  perform app_private.trade_progress_off();

  insert into public.order_documents (tenant_id, sales_order_id, document_id, doc_type, line_map, idempotency_key, result)
  values (t, o.id, (result ->> 'document_id')::uuid, 'sales_return', line_map, p_idempotency_key, result);
  return result;
end
$$;
comment on function public.return_sales_order(text, uuid, jsonb, date) is
  'Takes back goods delivered on a sales order (lines [{order_line_id, quantity}], at most delivered − returned): '
  'stock back at the cost it left with, receivable and revenue reduced for goods already invoiced (rights: read on '
  'sales_orders, post on sales_return). SECURITY DEFINER because order progress is not writable through the API.';

create function public.return_purchase_order(p_idempotency_key text, p_order_id uuid, p_lines jsonb,
  p_date date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('purchase_orders', 'read');
  o public.purchase_orders;
  prior jsonb;
  r record;
  l public.purchase_order_lines;
  price numeric;
  doc_lines jsonb := '[]';
  line_map jsonb := '[]';
  expected numeric := 0;
  result jsonb;
  d date := coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date);
begin
  select * into o from public.purchase_orders where id = p_order_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR654', message = 'purchase order not found', hint = 'order_id';
  end if;
  select od.result into prior from public.order_documents od where od.tenant_id = t and od.idempotency_key = p_idempotency_key;
  if found then
    return prior;
  end if;
  for r in select * from app_private.return_lines(p_lines) loop
    select * into l from public.purchase_order_lines x where x.id = r.line_id and x.order_id = o.id;
    if not found then
      raise exception using errcode = 'TR653', message = format('lines[%s]: not a line of order %s', r.n, o.number),
        hint = format('lines[%s].order_line_id', r.n);
    end if;
    if line_map @> jsonb_build_array(jsonb_build_object('order_line_id', l.id)) then
      raise exception using errcode = 'TR653', message = format('lines[%s]: line %s is named twice', r.n, l.line_no),
        hint = format('lines[%s].order_line_id', r.n);
    end if;
    if l.returned_quantity + r.quantity > l.received_quantity then
      raise exception using errcode = 'TR653',
        message = format('line %s: %s to return, but %s received and %s returned already', l.line_no, trim_scale(r.quantity),
                         trim_scale(l.received_quantity), trim_scale(l.returned_quantity)),
        hint = format('lines[%s].quantity', r.n);
    end if;
    if l.returned_quantity + r.quantity > l.billed_quantity then
      raise exception using errcode = 'TR653',
        message = format('line %s: %s to return, but only %s billed (%s returned already): goods not billed yet are '
                         'returned by reversing their receipt', l.line_no, trim_scale(r.quantity),
                         trim_scale(l.billed_quantity), trim_scale(l.returned_quantity)),
        hint = format('lines[%s].quantity', r.n);
    end if;
    price := case when l.discount = 0 then l.unit_price else round((l.unit_price * l.quantity - l.discount) / l.quantity, 6) end;
    doc_lines := doc_lines || jsonb_build_object('item_id', l.item_id, 'quantity', r.quantity, 'unit_price', price,
      'tax_rate', l.tax_rate);
    line_map := line_map || jsonb_build_object('order_line_id', l.id, 'line_no', jsonb_array_length(doc_lines),
      'quantity', r.quantity);
    expected := expected + (select v.total from public.vat_line(r.quantity, price, l.tax_rate, o.tax_inclusive, 0) v);
  end loop;

  result := public.post_document('purchase_return', p_idempotency_key, jsonb_strip_nulls(jsonb_build_object(
    'date', d, 'supplier_id', o.party_id, 'warehouse_id', o.warehouse_id, 'tax_inclusive', o.tax_inclusive,
    'lines', doc_lines, 'order_number', o.number,
    'open_item_id', (
      select oi.id from public.order_documents od
      join public.open_items oi on oi.tenant_id = od.tenant_id and oi.source_id = od.document_id
      where od.tenant_id = t and od.purchase_order_id = o.id and od.doc_type = 'supplier_bill' and -oi.outstanding >= expected
      order by od.created_at desc limit 1))));

  perform app_private.trade_progress_on();
  update public.purchase_order_lines x set returned_quantity = x.returned_quantity + (m ->> 'quantity')::numeric
  from jsonb_array_elements(line_map) m where x.id = (m ->> 'order_line_id')::uuid;
  perform app_private.trade_progress_off();

  insert into public.order_documents (tenant_id, purchase_order_id, document_id, doc_type, line_map, idempotency_key, result)
  values (t, o.id, (result ->> 'document_id')::uuid, 'purchase_return', line_map, p_idempotency_key, result);
  return result;
end
$$;
comment on function public.return_purchase_order(text, uuid, jsonb, date) is
  'Sends billed goods of a purchase order back to the supplier (lines [{order_line_id, quantity}], at most received '
  'and billed − returned): stock out at average cost, payable reduced (rights: read on purchase_orders, post on '
  'purchase_return). SECURITY DEFINER because order progress is not writable through the API.';

revoke all on function app_private.sales_order_status_net_of_returns(), app_private.return_lines(jsonb) from public;
revoke execute on function public.return_sales_order(text, uuid, jsonb, date),
  public.return_purchase_order(text, uuid, jsonb, date) from public, anon;
grant execute on function public.return_sales_order(text, uuid, jsonb, date),
  public.return_purchase_order(text, uuid, jsonb, date) to authenticated;
