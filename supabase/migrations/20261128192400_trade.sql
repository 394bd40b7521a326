-- Order to cash and procure to pay on the ledger engine: sales and purchase orders, their approval,
-- confirmation with an available-to-promise and credit check, and fulfilment (deliveries, invoices,
-- receipts, bills) that posts through public.post_document — nothing is keyed twice.
--
-- * Orders are drafts people edit through the API (line amounts come from public.vat_line in a
--   trigger; status, totals and progress columns are not writable). confirm_*_order() submits the
--   order for approval when a chain applies (app_private.submit_approval) and confirms it once it is
--   approved (app_private.assert_approved: an order changed since approval needs approval again).
-- * Available to promise = on hand − what confirmed orders still have to deliver (reservations are
--   the open order lines themselves, so they can never drift). Confirming locks the stock rows of its
--   items in one order, so two orders cannot promise the same last pieces; when short, the error says
--   when open purchase orders bring the item.
-- * Credit: receivables still open + orders confirmed but not invoiced + this order ≤ credit limit.
-- * Fulfilment functions take an idempotency key; the order row is locked first, so a retry returns
--   the first result. The ledger documents they post are linked in order_documents (with the carrier
--   and tracking number of a delivery).
-- * Three-way match: a supplier bill bills at most what was received (TR744 of the engine) at a price
--   within the company's tolerance of the order price (TR656).
--
-- Stable error codes: TR650 order not editable in its status; TR651 not enough available stock;
-- TR652 credit limit exceeded; TR653 order line / quantity invalid; TR654 wrong status for the action;
-- TR655 nothing to do; TR656 bill price outside the tolerance.

create type public.order_status as enum ('draft', 'submitted', 'confirmed', 'partial', 'completed', 'cancelled');
comment on type public.order_status is '草稿 draft, 审批中 submitted, 已确认 confirmed, 部分执行 partial, 已完成 completed, 已取消 cancelled';

create table public.trade_settings (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null unique references public.tenants (id) on delete cascade,
  price_tolerance numeric(6, 4) not null default 0.05 check (price_tolerance between 0 and 1),
  check_credit_limit boolean not null default true,
  updated_at timestamptz not null default now()
);
comment on table public.trade_settings is 'Trade rules of a company (absent: the defaults)';
comment on column public.trade_settings.price_tolerance is 'Allowed difference of a bill price from the order price (0.05 = 5 %)';
comment on column public.trade_settings.check_credit_limit is 'Refuse sales orders beyond the customer''s credit limit';

-- ───────────────────────────── orders ─────────────────────────────
create table public.sales_orders (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  party_id uuid not null,
  order_date date not null default (now() at time zone 'Asia/Shanghai')::date,
  warehouse_id uuid,
  owner_id uuid default auth.uid() references auth.users (id) on delete set null,
  tax_inclusive boolean not null default true,
  quotation_id uuid,
  expected_ship_date date,
  note text check (note is null or char_length(note) <= 1000),
  status public.order_status not null default 'draft',
  amount numeric(18, 2) not null default 0,
  tax numeric(18, 2) not null default 0,
  total numeric(18, 2) not null default 0,
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, warehouse_id) references public.warehouses (tenant_id, id) on delete restrict,
  foreign key (tenant_id, quotation_id) references public.quotations (tenant_id, id) on delete set null (quotation_id)
);
comment on table public.sales_orders is 'Sales orders and contracts (销售订单)';
comment on column public.sales_orders.number is 'Number';
comment on column public.sales_orders.party_id is 'Customer';
comment on column public.sales_orders.order_date is 'Order date';
comment on column public.sales_orders.warehouse_id is 'Warehouse to ship from';
comment on column public.sales_orders.owner_id is 'Salesperson';
comment on column public.sales_orders.tax_inclusive is 'Prices include VAT';
comment on column public.sales_orders.quotation_id is 'Quotation it came from';
comment on column public.sales_orders.expected_ship_date is 'Expected ship date';
comment on column public.sales_orders.note is 'Note';
comment on column public.sales_orders.status is 'Status';
comment on column public.sales_orders.amount is 'Amount excluding VAT (金额)';
comment on column public.sales_orders.tax is 'VAT (税额)';
comment on column public.sales_orders.total is 'Total (价税合计)';
comment on column public.sales_orders.confirmed_at is 'Confirmed at';
create index sales_orders_party_idx on public.sales_orders (tenant_id, party_id);
create index sales_orders_status_idx on public.sales_orders (tenant_id, status);
create index sales_orders_owner_idx on public.sales_orders (owner_id);
create index sales_orders_warehouse_idx on public.sales_orders (tenant_id, warehouse_id);
create index sales_orders_quotation_idx on public.sales_orders (tenant_id, quotation_id);
create unique index sales_orders_number_idx on public.sales_orders (tenant_id, number) where number <> '';

create table public.purchase_orders (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  party_id uuid not null,
  order_date date not null default (now() at time zone 'Asia/Shanghai')::date,
  warehouse_id uuid,
  owner_id uuid default auth.uid() references auth.users (id) on delete set null,
  tax_inclusive boolean not null default true,
  expected_date date,
  note text check (note is null or char_length(note) <= 1000),
  status public.order_status not null default 'draft',
  amount numeric(18, 2) not null default 0,
  tax numeric(18, 2) not null default 0,
  total numeric(18, 2) not null default 0,
  confirmed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, warehouse_id) references public.warehouses (tenant_id, id) on delete restrict
);
comment on table public.purchase_orders is 'Purchase orders (采购订单)';
comment on column public.purchase_orders.number is 'Number';
comment on column public.purchase_orders.party_id is 'Supplier';
comment on column public.purchase_orders.order_date is 'Order date';
comment on column public.purchase_orders.warehouse_id is 'Warehouse to receive into';
comment on column public.purchase_orders.owner_id is 'Buyer';
comment on column public.purchase_orders.tax_inclusive is 'Prices include VAT';
comment on column public.purchase_orders.expected_date is 'Expected arrival';
comment on column public.purchase_orders.note is 'Note';
comment on column public.purchase_orders.status is 'Status';
comment on column public.purchase_orders.amount is 'Amount excluding VAT (金额)';
comment on column public.purchase_orders.tax is 'VAT (税额)';
comment on column public.purchase_orders.total is 'Total (价税合计)';
comment on column public.purchase_orders.confirmed_at is 'Confirmed at';
create index purchase_orders_party_idx on public.purchase_orders (tenant_id, party_id);
create index purchase_orders_status_idx on public.purchase_orders (tenant_id, status);
create index purchase_orders_owner_idx on public.purchase_orders (owner_id);
create index purchase_orders_warehouse_idx on public.purchase_orders (tenant_id, warehouse_id);
create unique index purchase_orders_number_idx on public.purchase_orders (tenant_id, number) where number <> '';

create table public.sales_order_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  order_id uuid not null,
  line_no int not null check (line_no > 0),
  item_id uuid not null,
  quantity numeric(18, 4) not null check (quantity > 0),
  unit_price numeric(20, 6) not null check (unit_price >= 0),
  discount numeric(18, 2) not null default 0 check (discount >= 0),
  tax_rate numeric(6, 4) check (tax_rate >= 0 and tax_rate < 1),
  amount numeric(18, 2) not null default 0,
  tax numeric(18, 2) not null default 0,
  total numeric(18, 2) not null default 0,
  delivered_quantity numeric(18, 4) not null default 0 check (delivered_quantity >= 0),
  invoiced_quantity numeric(18, 4) not null default 0 check (invoiced_quantity >= 0),
  unique (tenant_id, id),
  unique (order_id, line_no),
  check (delivered_quantity <= quantity and invoiced_quantity <= quantity),
  foreign key (tenant_id, order_id) references public.sales_orders (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict
);
comment on table public.sales_order_lines is 'Lines of sales orders';
comment on column public.sales_order_lines.line_no is 'Line';
comment on column public.sales_order_lines.item_id is 'Item';
comment on column public.sales_order_lines.quantity is 'Quantity';
comment on column public.sales_order_lines.unit_price is 'Unit price';
comment on column public.sales_order_lines.discount is 'Discount (amount off the line)';
comment on column public.sales_order_lines.tax_rate is 'VAT rate (empty: the item''s tax code on the order date)';
comment on column public.sales_order_lines.amount is 'Amount excluding VAT';
comment on column public.sales_order_lines.tax is 'VAT';
comment on column public.sales_order_lines.total is 'Total';
comment on column public.sales_order_lines.delivered_quantity is 'Delivered so far';
comment on column public.sales_order_lines.invoiced_quantity is 'Invoiced so far';
create index sales_order_lines_order_idx on public.sales_order_lines (tenant_id, order_id);
create index sales_order_lines_item_idx on public.sales_order_lines (tenant_id, item_id);

create table public.purchase_order_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  order_id uuid not null,
  line_no int not null check (line_no > 0),
  item_id uuid not null,
  quantity numeric(18, 4) not null check (quantity > 0),
  unit_price numeric(20, 6) not null check (unit_price >= 0),
  discount numeric(18, 2) not null default 0 check (discount >= 0),
  tax_rate numeric(6, 4) check (tax_rate >= 0 and tax_rate < 1),
  amount numeric(18, 2) not null default 0,
  tax numeric(18, 2) not null default 0,
  total numeric(18, 2) not null default 0,
  received_quantity numeric(18, 4) not null default 0 check (received_quantity >= 0),
  billed_quantity numeric(18, 4) not null default 0 check (billed_quantity >= 0),
  unique (tenant_id, id),
  unique (order_id, line_no),
  check (received_quantity <= quantity and billed_quantity <= received_quantity),
  foreign key (tenant_id, order_id) references public.purchase_orders (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict
);
comment on table public.purchase_order_lines is 'Lines of purchase orders';
comment on column public.purchase_order_lines.line_no is 'Line';
comment on column public.purchase_order_lines.item_id is 'Item';
comment on column public.purchase_order_lines.quantity is 'Quantity';
comment on column public.purchase_order_lines.unit_price is 'Unit price';
comment on column public.purchase_order_lines.discount is 'Discount (amount off the line)';
comment on column public.purchase_order_lines.tax_rate is 'VAT rate (empty: the item''s input tax code on the order date)';
comment on column public.purchase_order_lines.amount is 'Amount excluding VAT';
comment on column public.purchase_order_lines.tax is 'VAT';
comment on column public.purchase_order_lines.total is 'Total';
comment on column public.purchase_order_lines.received_quantity is 'Received so far';
comment on column public.purchase_order_lines.billed_quantity is 'Billed so far';
create index purchase_order_lines_order_idx on public.purchase_order_lines (tenant_id, order_id);
create index purchase_order_lines_item_idx on public.purchase_order_lines (tenant_id, item_id);

-- The ledger documents posted from orders (deliveries with carrier and tracking number, invoices,
-- receipts, bills); line_map ties each document line to its order line.
create table public.order_documents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  sales_order_id uuid,
  purchase_order_id uuid,
  document_id uuid not null,
  doc_type text not null,
  carrier text check (carrier is null or char_length(carrier) <= 100),
  tracking_number text check (tracking_number is null or char_length(tracking_number) <= 100),
  line_map jsonb not null default '[]',
  idempotency_key text not null,
  result jsonb not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, idempotency_key),
  check ((sales_order_id is null) <> (purchase_order_id is null)),
  foreign key (tenant_id, sales_order_id) references public.sales_orders (tenant_id, id) on delete restrict,
  foreign key (tenant_id, purchase_order_id) references public.purchase_orders (tenant_id, id) on delete restrict,
  foreign key (tenant_id, document_id) references public.ledger_documents (tenant_id, id) on delete restrict
);
comment on table public.order_documents is 'Deliveries, invoices, receipts and bills posted from orders';
comment on column public.order_documents.sales_order_id is 'Sales order';
comment on column public.order_documents.purchase_order_id is 'Purchase order';
comment on column public.order_documents.document_id is 'Posted document';
comment on column public.order_documents.doc_type is 'Document type';
comment on column public.order_documents.carrier is 'Carrier (承运商)';
comment on column public.order_documents.tracking_number is 'Tracking number (运单号)';
create index order_documents_sales_idx on public.order_documents (tenant_id, sales_order_id);
create index order_documents_purchase_idx on public.order_documents (tenant_id, purchase_order_id);
create index order_documents_document_idx on public.order_documents (tenant_id, document_id);

-- Written by the functions only; people write orders and their lines, not the computed columns.
revoke insert, update, delete, truncate on public.order_documents from authenticated;
revoke insert, update on public.sales_orders, public.purchase_orders, public.sales_order_lines,
  public.purchase_order_lines from authenticated;
grant insert (id, tenant_id, party_id, order_date, warehouse_id, owner_id, tax_inclusive, quotation_id, expected_ship_date, note)
  on public.sales_orders to authenticated;
grant update (party_id, order_date, warehouse_id, owner_id, tax_inclusive, expected_ship_date, note)
  on public.sales_orders to authenticated;
grant insert (id, tenant_id, party_id, order_date, warehouse_id, owner_id, tax_inclusive, expected_date, note)
  on public.purchase_orders to authenticated;
grant update (party_id, order_date, warehouse_id, owner_id, tax_inclusive, expected_date, note)
  on public.purchase_orders to authenticated;
grant insert (id, tenant_id, order_id, line_no, item_id, quantity, unit_price, discount, tax_rate)
  on public.sales_order_lines, public.purchase_order_lines to authenticated;
grant update (line_no, item_id, quantity, unit_price, discount, tax_rate)
  on public.sales_order_lines, public.purchase_order_lines to authenticated;

-- ───────────────────────────── triggers ─────────────────────────────
-- People edit drafts, and submitted orders whose approval is not running (rejected or withdrawn:
-- confirming again resubmits the changed order).
create function app_private.order_editable(p_tenant uuid, p_kind text, p_order uuid, p_status public.order_status)
returns boolean
language sql stable security definer set search_path = ''
as $$
  select p_status = 'draft' or (p_status = 'submitted' and not exists (
    select 1 from public.approval_instances i
    where i.tenant_id = p_tenant and i.doc_type = p_kind and i.doc_id = p_order and i.status = 'pending'))
$$;

-- security definer: it writes numbers and computed columns people may not write.
create function app_private.order_before_write() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  kind text := case tg_table_name when 'sales_orders' then 'sales_order' else 'purchase_order' end;
begin
  if tg_op = 'INSERT' then
    new.status := 'draft';
    new.number := app_private.next_document_number(new.tenant_id, kind, new.order_date);
    if new.warehouse_id is null then
      select w.id into new.warehouse_id from public.warehouses w
      where w.tenant_id = new.tenant_id and w.active order by w.code limit 1;
    end if;
    return new;
  end if;
  if tg_op = 'DELETE' then
    if not app_private.order_editable(old.tenant_id, kind, old.id, old.status) then
      raise exception using errcode = 'TR650', message = format('order %s is %s: cancel it instead', old.number, old.status);
    end if;
    return old;
  end if;
  -- the functions change status and progress; people change drafts only
  if new.status = old.status and not app_private.order_editable(old.tenant_id, kind, old.id, old.status)
     and (to_jsonb(new) - 'amount' - 'tax' - 'total' - 'updated_at') is distinct from (to_jsonb(old) - 'amount' - 'tax' - 'total' - 'updated_at') then
    raise exception using errcode = 'TR650', message = format('order %s is %s and cannot be edited', old.number, old.status),
      hint = 'status';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger sales_orders_before_write before insert or update or delete on public.sales_orders
  for each row execute function app_private.order_before_write();
create trigger purchase_orders_before_write before insert or update or delete on public.purchase_orders
  for each row execute function app_private.order_before_write();

-- Lines of drafts only; amounts from public.vat_line with the item's tax code when no rate is given.
-- security definer: it writes numbers and computed columns people may not write.
create function app_private.order_line_before_write() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  sales boolean := tg_table_name = 'sales_order_lines';
  o record;
  oid uuid := case when tg_op = 'DELETE' then old.order_id else new.order_id end;
  v_code text;
  vat record;
begin
  if sales then
    select s.tenant_id, s.id, s.status, s.number, s.tax_inclusive, s.order_date into o from public.sales_orders s where s.id = oid for share;
  else
    select p.tenant_id, p.id, p.status, p.number, p.tax_inclusive, p.order_date into o from public.purchase_orders p where p.id = oid for share;
  end if;
  if o.status is not null
     and not app_private.order_editable(o.tenant_id, case when sales then 'sales_order' else 'purchase_order' end, o.id, o.status)
     and not coalesce(current_setting('troika.order_progress', true), '') = 'on' then
    raise exception using errcode = 'TR650', message = format('order %s is %s: its lines cannot change', o.number, o.status),
      hint = 'status';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if coalesce(current_setting('troika.order_progress', true), '') = 'on' then
    return new;
  end if;
  if new.tax_rate is null then
    select case when sales then i.output_tax_code else i.input_tax_code end into v_code from public.items i where i.id = new.item_id;
    select tc.rate into new.tax_rate from public.tax_codes tc
    where tc.tenant_id = new.tenant_id and tc.code = v_code and tc.valid_from <= o.order_date
      and (tc.valid_to is null or tc.valid_to >= o.order_date);
    if new.tax_rate is null then
      raise exception using errcode = 'TR653', message = format('line %s: the item has no tax code: give the tax rate', new.line_no),
        hint = 'tax_rate';
    end if;
  end if;
  select * into vat from public.vat_line(new.quantity, new.unit_price, new.tax_rate, o.tax_inclusive, new.discount);
  new.amount := vat.amount;
  new.tax := vat.tax;
  new.total := vat.total;
  return new;
end
$$;
create trigger sales_order_lines_before_write before insert or update or delete on public.sales_order_lines
  for each row execute function app_private.order_line_before_write();
create trigger purchase_order_lines_before_write before insert or update or delete on public.purchase_order_lines
  for each row execute function app_private.order_line_before_write();

-- security definer: it writes numbers and computed columns people may not write.
create function app_private.order_totals() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  oid uuid := case when tg_op = 'DELETE' then old.order_id else new.order_id end;
begin
  if coalesce(current_setting('troika.order_progress', true), '') = 'on' then
    return null;
  end if;
  if tg_table_name = 'sales_order_lines' then
    update public.sales_orders o set amount = s.a, tax = s.t, total = s.s
    from (select coalesce(sum(l.amount), 0) a, coalesce(sum(l.tax), 0) t, coalesce(sum(l.total), 0) s
          from public.sales_order_lines l where l.order_id = oid) s
    where o.id = oid;
  else
    update public.purchase_orders o set amount = s.a, tax = s.t, total = s.s
    from (select coalesce(sum(l.amount), 0) a, coalesce(sum(l.tax), 0) t, coalesce(sum(l.total), 0) s
          from public.purchase_order_lines l where l.order_id = oid) s
    where o.id = oid;
  end if;
  return null;
end
$$;
create trigger sales_order_lines_totals after insert or update or delete on public.sales_order_lines
  for each row execute function app_private.order_totals();
create trigger purchase_order_lines_totals after insert or update or delete on public.purchase_order_lines
  for each row execute function app_private.order_totals();

-- Header changes of a draft recompute the lines (tax_inclusive, order date).
-- security definer: it writes numbers and computed columns people may not write.
create function app_private.order_header_recompute() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.status = 'draft' and (new.tax_inclusive is distinct from old.tax_inclusive) then
    if tg_table_name = 'sales_orders' then
      update public.sales_order_lines set quantity = quantity where order_id = new.id;
    else
      update public.purchase_order_lines set quantity = quantity where order_id = new.id;
    end if;
  end if;
  return null;
end
$$;
create trigger sales_orders_recompute after update of tax_inclusive on public.sales_orders
  for each row execute function app_private.order_header_recompute();
create trigger purchase_orders_recompute after update of tax_inclusive on public.purchase_orders
  for each row execute function app_private.order_header_recompute();

-- ───────────────────────────── helpers ─────────────────────────────
-- What approval looks at: always built the same way from the rows.
create function app_private.order_facts(p_kind text, p_order uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('amount', o.total, 'party_id', o.party_id, 'department_id', m.department_id,
    'warehouse_id', o.warehouse_id, 'owner_id', o.owner_id,
    'lines', (select jsonb_agg(jsonb_build_object('item_id', l.item_id, 'quantity', l.quantity,
                'unit_price', l.unit_price, 'discount', l.discount, 'tax_rate', l.tax_rate) order by l.line_no)
              from (select order_id, line_no, item_id, quantity, unit_price, discount, tax_rate from public.sales_order_lines
                    where p_kind = 'sales_order' and order_id = p_order
                    union all
                    select order_id, line_no, item_id, quantity, unit_price, discount, tax_rate from public.purchase_order_lines
                    where p_kind = 'purchase_order' and order_id = p_order) l))
  from (select id, tenant_id, total, party_id, warehouse_id, owner_id from public.sales_orders where p_kind = 'sales_order' and id = p_order
        union all
        select id, tenant_id, total, party_id, warehouse_id, owner_id from public.purchase_orders where p_kind = 'purchase_order' and id = p_order) o
  left join public.memberships m on m.tenant_id = o.tenant_id and m.user_id = o.owner_id
$$;

-- Quantity still to deliver per item and warehouse over confirmed sales orders (the reservations).
create function app_private.reserved_quantity(p_tenant uuid, p_item uuid, p_warehouse uuid, p_except uuid default null)
returns numeric
language sql stable set search_path = ''
as $$
  select coalesce(sum(l.quantity - l.delivered_quantity), 0)
  from public.sales_order_lines l join public.sales_orders o on o.id = l.order_id
  where l.tenant_id = p_tenant and l.item_id = p_item and o.warehouse_id = p_warehouse
    and o.status in ('confirmed', 'partial') and o.id is distinct from p_except
$$;

create function app_private.trade_progress_on() returns void
language sql set search_path = ''
as $$
  select set_config('troika.order_progress', 'on', true);
$$;
create function app_private.trade_progress_off() returns void
language sql set search_path = ''
as $$
  select set_config('troika.order_progress', '', true);
$$;

-- Approval before confirming an order: null when it may be confirmed now (approved for its current
-- facts, or no chain applies); otherwise it is submitted (again, after a rejection or a change) and
-- the answer for the caller says so. Raises TR505 while an approval is running.
create function app_private.order_approval_gate(p_tenant uuid, p_kind text, p_order uuid, p_number text)
returns jsonb
language plpgsql set search_path = ''
as $$
declare
  facts jsonb := app_private.order_facts(p_kind, p_order);
  inst uuid;
begin
  begin
    perform app_private.assert_approved(p_tenant, p_kind, p_order, facts);
    return null;
  exception when sqlstate 'TR505' or sqlstate 'TR506' then
    if exists (select 1 from public.approval_instances i where i.tenant_id = p_tenant and i.doc_type = p_kind
               and i.doc_id = p_order and i.status = 'pending') then
      raise exception using errcode = 'TR505', message = format('order %s is still under approval', p_number),
        hint = 'status';
    end if;
  end;
  inst := app_private.submit_approval(p_tenant, p_kind, p_order, facts, auth.uid());
  -- a chain that approves at once (no approver needed) lets the order through now
  begin
    perform app_private.assert_approved(p_tenant, p_kind, p_order, facts);
    return null;
  exception when sqlstate 'TR505' or sqlstate 'TR506' then
    if p_kind = 'sales_order' then
      update public.sales_orders set status = 'submitted' where id = p_order;
    else
      update public.purchase_orders set status = 'submitted' where id = p_order;
    end if;
    return jsonb_build_object('status', 'submitted', 'approval_id', inst, 'number', p_number);
  end;
end
$$;

-- ───────────────────────────── confirm ─────────────────────────────
create function public.confirm_sales_order(p_order_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('sales_orders', 'update');
  o public.sales_orders;
  gate jsonb;
  l record;
  short text := '';
  avail numeric;
  arrival date;
  exposure numeric;
  limit_ numeric;
  check_credit boolean;
begin
  select * into o from public.sales_orders where id = p_order_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR654', message = 'sales order not found', hint = 'order_id';
  end if;
  if o.status not in ('draft', 'submitted') then
    raise exception using errcode = 'TR654', message = format('order %s is already %s', o.number, o.status), hint = 'status';
  end if;
  if not exists (select 1 from public.sales_order_lines where order_id = o.id) then
    raise exception using errcode = 'TR653', message = 'an order needs at least one line', hint = 'lines';
  end if;
  gate := app_private.order_approval_gate(t, 'sales_order', o.id, o.number);
  if gate is not null then
    return gate;
  end if;

  -- available to promise, the stock rows locked in item order
  for l in
    select li.item_id, i.sku, sum(li.quantity) as q
    from public.sales_order_lines li join public.items i on i.id = li.item_id
    where li.order_id = o.id and i.is_stock
    group by li.item_id, i.sku order by li.item_id
  loop
    perform app_private.lock_stock(t, l.item_id, o.warehouse_id);
    select coalesce(sl.quantity, 0) - app_private.reserved_quantity(t, l.item_id, o.warehouse_id, o.id) into avail
    from public.stock_levels sl where sl.tenant_id = t and sl.item_id = l.item_id and sl.warehouse_id = o.warehouse_id;
    if avail < l.q then
      select min(coalesce(po.expected_date, po.order_date)) into arrival
      from public.purchase_order_lines pl join public.purchase_orders po on po.id = pl.order_id
      where pl.tenant_id = t and pl.item_id = l.item_id and po.status in ('confirmed', 'partial')
        and pl.received_quantity < pl.quantity;
      short := short || format('%s%s: %s ordered, %s available%s', case when short = '' then '' else '; ' end,
        l.sku, trim_scale(l.q), trim_scale(greatest(avail, 0)),
        case when arrival is not null then format(' (open purchase orders arrive from %s)', arrival) else ' (no purchase order open)' end);
    end if;
  end loop;
  if short <> '' then
    raise exception using errcode = 'TR651', message = 'not enough available stock: ' || short, hint = 'lines';
  end if;

  select p.credit_limit into limit_ from public.parties p where p.id = o.party_id;
  select coalesce(ts.check_credit_limit, true) into check_credit from public.trade_settings ts where ts.tenant_id = t;
  if limit_ is not null and coalesce(check_credit, true) then
    select coalesce(sum(oi.outstanding), 0) into exposure
    from public.open_items oi join app_private.control_accounts(t) c on c.account_id = oi.account_id
      and c.key in ('ar_account', 'advance_received_account')
    where oi.tenant_id = t and oi.party_id = o.party_id;
    exposure := exposure + coalesce((
      select sum(round(l2.total * (l2.quantity - l2.invoiced_quantity) / l2.quantity, 2))
      from public.sales_order_lines l2 join public.sales_orders o2 on o2.id = l2.order_id
      where o2.tenant_id = t and o2.party_id = o.party_id and o2.status in ('confirmed', 'partial')), 0);
    if exposure + o.total > limit_ then
      raise exception using errcode = 'TR652',
        message = format('credit limit %s exceeded: %s open and ordered + %s this order', limit_, exposure, o.total),
        hint = 'credit_limit';
    end if;
  end if;

  update public.sales_orders set status = 'confirmed', confirmed_at = now() where id = o.id;
  return jsonb_build_object('status', 'confirmed', 'number', o.number);
end
$$;
comment on function public.confirm_sales_order(uuid) is
  'Submits a sales order for approval when a chain applies, else (or once approved) confirms it after the '
  'available-to-promise and credit-limit checks (right: update on sales_orders). '
  'SECURITY DEFINER because status is not writable through the API and the checks read stock and receivables.';

create function public.confirm_purchase_order(p_order_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('purchase_orders', 'update');
  o public.purchase_orders;
  gate jsonb;
begin
  select * into o from public.purchase_orders where id = p_order_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR654', message = 'purchase order not found', hint = 'order_id';
  end if;
  if o.status not in ('draft', 'submitted') then
    raise exception using errcode = 'TR654', message = format('order %s is already %s', o.number, o.status), hint = 'status';
  end if;
  if not exists (select 1 from public.purchase_order_lines where order_id = o.id) then
    raise exception using errcode = 'TR653', message = 'an order needs at least one line', hint = 'lines';
  end if;
  gate := app_private.order_approval_gate(t, 'purchase_order', o.id, o.number);
  if gate is not null then
    return gate;
  end if;
  update public.purchase_orders set status = 'confirmed', confirmed_at = now() where id = o.id;
  return jsonb_build_object('status', 'confirmed', 'number', o.number);
end
$$;
comment on function public.confirm_purchase_order(uuid) is
  'Submits a purchase order for approval when a chain applies, else (or once approved) confirms it '
  '(right: update on purchase_orders). SECURITY DEFINER because status is not writable through the API.';

-- ───────────────────────────── fulfilment ─────────────────────────────
-- The lines a fulfilment call names ([{order_line_id, quantity}]), or every line with what is left.
create function app_private.fulfilment_lines(p_lines jsonb, p_order uuid, p_sales boolean, p_what text)
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
      case p_what when 'deliver' then l.quantity when 'invoice' then l.delivered_quantity end as upto
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

-- One fulfilment step: checks, posts the ledger document, records progress and the link.
create function app_private.fulfil_order(p_key text, p_order uuid, p_sales boolean, p_what text, p_lines jsonb,
  p_date date, p_carrier text default null, p_tracking text default null) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  t uuid := app_private.current_tenant_id();
  so public.sales_orders;
  po public.purchase_orders;
  prior jsonb;
  l record;
  doc_lines jsonb := '[]';
  line_map jsonb := '[]';
  n int := 0;
  v_status public.order_status;
  party uuid; warehouse uuid; inclusive boolean; num text;
  doc_type text := case p_what when 'deliver' then 'delivery' when 'invoice' then 'sales_invoice'
                               when 'receive' then 'purchase_receipt' else 'supplier_bill' end;
  result jsonb;
  tol numeric;
  rl record;
  left_q numeric;
  take numeric;
  unit_cost numeric;
  bill_price numeric;
begin
  if p_sales then
    select * into so from public.sales_orders where id = p_order and tenant_id = t for update;
    v_status := so.status; party := so.party_id; warehouse := so.warehouse_id; inclusive := so.tax_inclusive; num := so.number;
  else
    select * into po from public.purchase_orders where id = p_order and tenant_id = t for update;
    v_status := po.status; party := po.party_id; warehouse := po.warehouse_id; inclusive := po.tax_inclusive; num := po.number;
  end if;
  if party is null then
    raise exception using errcode = 'TR654', message = 'order not found', hint = 'order_id';
  end if;
  select od.result into prior from public.order_documents od where od.tenant_id = t and od.idempotency_key = p_key;
  if found then
    return prior;
  end if;
  if v_status not in ('confirmed', 'partial') then
    raise exception using errcode = 'TR654', message = format('order %s is %s, not confirmed', num, v_status), hint = 'status';
  end if;
  select coalesce(ts.price_tolerance, 0.05) into tol from public.trade_settings ts where ts.tenant_id = t;
  tol := coalesce(tol, 0.05);

  for l in select * from app_private.fulfilment_lines(p_lines, p_order, p_sales, p_what) loop
    if l.quantity is null or l.quantity <= 0 or l.done + l.quantity > l.upto then
      raise exception using errcode = 'TR653',
        message = format('line %s: %s asked, %s left to %s', l.line_no, coalesce(trim_scale(l.quantity)::text, 'nothing'),
                         trim_scale(l.upto - l.done), p_what),
        hint = format('lines[%s].quantity', l.line_no);
    end if;
    if p_what = 'deliver' then
      doc_lines := doc_lines || jsonb_build_object('item_id', l.item_id, 'quantity', l.quantity);
    elsif p_what = 'invoice' then
      doc_lines := doc_lines || jsonb_build_object('item_id', l.item_id, 'quantity', l.quantity, 'unit_price', l.unit_price,
        'tax_rate', l.tax_rate, 'discount', round(l.discount * l.quantity / l.ordered, 2));
    elsif p_what = 'receive' then
      unit_cost := round((select v.amount from public.vat_line(l.ordered, l.unit_price, l.tax_rate, inclusive, l.discount) v)
                         / l.ordered, 6);
      doc_lines := doc_lines || jsonb_build_object('item_id', l.item_id, 'quantity', l.quantity, 'unit_cost', unit_cost);
    else
      -- bill: the price asked (default the order's) within the tolerance, against the receipt lines of this
      -- order line still open, oldest first
      bill_price := coalesce((select (e.value ->> 'unit_price')::numeric from jsonb_array_elements(p_lines) e
                              where (e.value ->> 'order_line_id')::uuid = l.line_id), l.unit_price);
      if abs(bill_price - l.unit_price) > l.unit_price * tol then
        raise exception using errcode = 'TR656',
          message = format('line %s: billed at %s, ordered at %s: more than %s %% apart', l.line_no, trim_scale(bill_price),
                           trim_scale(l.unit_price), trim_scale(tol * 100)),
          hint = format('lines[%s].unit_price', l.line_no);
      end if;
      left_q := l.quantity;
      for rl in
        select dl.id, dl.quantity - dl.billed_quantity as open
        from public.order_documents od
        cross join lateral jsonb_array_elements(od.line_map) m
        join public.ledger_document_lines dl on dl.document_id = od.document_id and dl.line_no = (m ->> 'line_no')::int
        join public.ledger_documents d on d.id = od.document_id and d.status = 'posted'
        where od.tenant_id = t and od.purchase_order_id = p_order and od.doc_type = 'purchase_receipt'
          and (m ->> 'order_line_id')::uuid = l.line_id and dl.quantity > dl.billed_quantity
        order by od.created_at
      loop
        exit when left_q <= 0;
        take := least(left_q, rl.open);
        doc_lines := doc_lines || jsonb_build_object('receipt_line_id', rl.id, 'quantity', take, 'unit_price', bill_price,
          'tax_rate', l.tax_rate);
        left_q := left_q - take;
      end loop;
    end if;
    n := jsonb_array_length(doc_lines);
    line_map := line_map || jsonb_build_object('order_line_id', l.line_id, 'line_no', n, 'quantity', l.quantity);
  end loop;
  if jsonb_array_length(doc_lines) = 0 then
    raise exception using errcode = 'TR655', message = format('nothing left to %s on order %s', p_what, num), hint = 'lines';
  end if;

  result := public.post_document(doc_type, p_key, jsonb_strip_nulls(jsonb_build_object(
    'date', p_date, case when p_sales then 'customer_id' else 'supplier_id' end, party, 'warehouse_id', warehouse,
    'tax_inclusive', inclusive, 'lines', doc_lines, 'order_number', num)));

  perform app_private.trade_progress_on();
  for l in select (m ->> 'order_line_id')::uuid id, (m ->> 'quantity')::numeric q from jsonb_array_elements(line_map) m loop
    if p_what = 'deliver' then update public.sales_order_lines set delivered_quantity = delivered_quantity + l.q where id = l.id;
    elsif p_what = 'invoice' then update public.sales_order_lines set invoiced_quantity = invoiced_quantity + l.q where id = l.id;
    elsif p_what = 'receive' then update public.purchase_order_lines set received_quantity = received_quantity + l.q where id = l.id;
    else update public.purchase_order_lines set billed_quantity = billed_quantity + l.q where id = l.id;
    end if;
  end loop;
  if p_sales then
    update public.sales_orders set status = case when not exists (
        select 1 from public.sales_order_lines x where x.order_id = p_order and (x.delivered_quantity < x.quantity or x.invoiced_quantity < x.quantity))
      then 'completed' else 'partial' end::public.order_status
    where id = p_order;
  else
    update public.purchase_orders set status = case when not exists (
        select 1 from public.purchase_order_lines x where x.order_id = p_order and (x.received_quantity < x.quantity or x.billed_quantity < x.quantity))
      then 'completed' else 'partial' end::public.order_status
    where id = p_order;
  end if;
  perform app_private.trade_progress_off();

  insert into public.order_documents (tenant_id, sales_order_id, purchase_order_id, document_id, doc_type, carrier,
    tracking_number, line_map, idempotency_key, result)
  values (t, case when p_sales then p_order end, case when not p_sales then p_order end, (result ->> 'document_id')::uuid,
    doc_type, nullif(btrim(p_carrier), ''), nullif(btrim(p_tracking), ''), line_map, p_key, result);
  return result;
end
$$;

create function public.deliver_sales_order(p_idempotency_key text, p_order_id uuid, p_lines jsonb default null,
  p_carrier text default null, p_tracking_number text default null, p_date date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform app_private.require('sales_orders', 'read');
  return app_private.fulfil_order(p_idempotency_key, p_order_id, true, 'deliver', p_lines,
    coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date), p_carrier, p_tracking_number);
end
$$;
comment on function public.deliver_sales_order(text, uuid, jsonb, text, text, date) is
  'Delivers a confirmed sales order, all that is left or the lines given [{order_line_id, quantity}], with the '
  'carrier and tracking number (rights: read on sales_orders, post on delivery). '
  'SECURITY DEFINER because order progress is not writable through the API: the delivery posting checks the right.';

create function public.invoice_sales_order(p_idempotency_key text, p_order_id uuid, p_lines jsonb default null,
  p_date date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform app_private.require('sales_orders', 'read');
  return app_private.fulfil_order(p_idempotency_key, p_order_id, true, 'invoice', p_lines,
    coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date));
end
$$;
comment on function public.invoice_sales_order(text, uuid, jsonb, date) is
  'Invoices what was delivered on a sales order (or the lines given) at the order''s prices (rights: read on '
  'sales_orders, post on sales_invoice). SECURITY DEFINER because order progress is not writable through the API.';

create function public.receive_purchase_order(p_idempotency_key text, p_order_id uuid, p_lines jsonb default null,
  p_date date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform app_private.require('purchase_orders', 'read');
  return app_private.fulfil_order(p_idempotency_key, p_order_id, false, 'receive', p_lines,
    coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date));
end
$$;
comment on function public.receive_purchase_order(text, uuid, jsonb, date) is
  'Receives a confirmed purchase order at its prices excluding VAT (暂估 until billed; rights: read on purchase_orders, '
  'post on purchase_receipt). SECURITY DEFINER because order progress is not writable through the API.';

create function public.bill_purchase_order(p_idempotency_key text, p_order_id uuid, p_lines jsonb default null,
  p_date date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform app_private.require('purchase_orders', 'read');
  return app_private.fulfil_order(p_idempotency_key, p_order_id, false, 'bill', p_lines,
    coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date));
end
$$;
comment on function public.bill_purchase_order(text, uuid, jsonb, date) is
  'Posts the supplier bill of what was received on a purchase order: three-way match of quantity (received) and '
  'price (within the company''s tolerance; lines [{order_line_id, quantity, unit_price}]). Rights: read on '
  'purchase_orders, post on supplier_bill. SECURITY DEFINER because order progress is not writable through the API.';

create function public.cancel_order(p_kind text, p_order_id uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require(case p_kind when 'sales' then 'sales_orders' else 'purchase_orders' end, 'update');
  done boolean;
begin
  if p_kind = 'sales' then
    select exists (select 1 from public.sales_order_lines where order_id = p_order_id and (delivered_quantity > 0 or invoiced_quantity > 0))
      into done;
  else
    select exists (select 1 from public.purchase_order_lines where order_id = p_order_id and received_quantity > 0) into done;
  end if;
  if done then
    raise exception using errcode = 'TR654', message = 'part of this order was fulfilled: return the goods instead', hint = 'status';
  end if;
  if p_kind = 'sales' then
    update public.sales_orders set status = 'cancelled' where id = p_order_id and tenant_id = t and status <> 'cancelled';
  else
    update public.purchase_orders set status = 'cancelled' where id = p_order_id and tenant_id = t and status <> 'cancelled';
  end if;
  if not found then
    raise exception using errcode = 'TR654', message = 'order not found or already cancelled', hint = 'order_id';
  end if;
end
$$;
comment on function public.cancel_order(text, uuid) is
  'Cancels a sales or purchase order nothing was fulfilled of (its reservation ends; right: update on the orders). '
  'SECURITY DEFINER because status is not writable through the API.';

-- ───────────────────────────── views and reports ─────────────────────────────
create view public.customer_shipments with (security_invoker = true) as
select od.tenant_id, o.party_id, o.id as sales_order_id, o.number as order_number, d.number as delivery_number,
  d.doc_date as shipped_on, od.carrier, od.tracking_number, od.created_at
from public.order_documents od
join public.sales_orders o on o.id = od.sales_order_id
join public.ledger_documents d on d.id = od.document_id
where od.doc_type = 'delivery';
comment on view public.customer_shipments is 'Shipments of customers'' orders with carrier and tracking number';

-- Per sales order: delivered, invoiced, still owed on its invoices.
create view public.sales_order_progress with (security_invoker = true) as
select o.tenant_id, o.id, o.number, o.party_id, o.status, o.total,
  (select coalesce(sum(l.delivered_quantity), 0) from public.sales_order_lines l where l.order_id = o.id) as delivered_quantity,
  (select coalesce(sum(l.invoiced_quantity), 0) from public.sales_order_lines l where l.order_id = o.id) as invoiced_quantity,
  (select coalesce(sum(d.total), 0) from public.order_documents od join public.ledger_documents d on d.id = od.document_id
   where od.sales_order_id = o.id and od.doc_type = 'sales_invoice') as invoiced_total,
  (select coalesce(sum(oi.outstanding), 0) from public.order_documents od
   join public.open_items oi on oi.source_id = od.document_id and oi.tenant_id = od.tenant_id
   where od.sales_order_id = o.id and od.doc_type = 'sales_invoice') as unpaid
from public.sales_orders o;
comment on view public.sales_order_progress is 'Sales orders with what was delivered, invoiced and is still unpaid';

-- Available to promise per item and warehouse: on hand, reserved by confirmed orders, on order.
create view public.item_availability with (security_invoker = true) as
select i.tenant_id, i.id as item_id, i.sku, i.name, w.id as warehouse_id, w.code as warehouse_code,
  coalesce(sl.quantity, 0) as on_hand,
  coalesce((select sum(l.quantity - l.delivered_quantity) from public.sales_order_lines l join public.sales_orders o on o.id = l.order_id
            where l.item_id = i.id and o.warehouse_id = w.id and o.status in ('confirmed', 'partial')), 0) as reserved,
  coalesce((select sum(l.quantity - l.received_quantity) from public.purchase_order_lines l join public.purchase_orders o on o.id = l.order_id
            where l.item_id = i.id and o.warehouse_id = w.id and o.status in ('confirmed', 'partial')), 0) as on_order
from public.items i
join public.warehouses w on w.tenant_id = i.tenant_id
left join public.stock_levels sl on sl.tenant_id = i.tenant_id and sl.item_id = i.id and sl.warehouse_id = w.id
where i.is_stock;
comment on view public.item_availability is 'On hand, reserved by confirmed sales orders and on order, per item and warehouse';

-- Replenishment: items whose on hand + on order − reserved − safety stock is below the reorder point.
create function public.replenishment_suggestions()
returns table (item_id uuid, sku text, name text, supplier_id uuid, supplier_name text, on_hand numeric,
  on_order numeric, reserved numeric, reorder_point numeric, suggested_quantity numeric)
language sql stable security invoker set search_path = ''
as $$
  select a.item_id, a.sku, a.name, i.preferred_supplier_id, p.name, sum(a.on_hand), sum(a.on_order), sum(a.reserved),
    i.reorder_point,
    greatest(coalesce(i.reorder_quantity, 0),
             i.reorder_point + i.safety_stock - (sum(a.on_hand) + sum(a.on_order) - sum(a.reserved)))
  from public.item_availability a
  join public.items i on i.id = a.item_id
  left join public.parties p on p.id = i.preferred_supplier_id
  where i.active and i.reorder_point is not null
  group by a.item_id, a.sku, a.name, i.preferred_supplier_id, p.name, i.reorder_point, i.reorder_quantity, i.safety_stock
  having sum(a.on_hand) + sum(a.on_order) - sum(a.reserved) - i.safety_stock < i.reorder_point
  order by p.name nulls last, a.sku
$$;
comment on function public.replenishment_suggestions() is
  'Items to reorder (on hand + on order − reserved − safety stock below the reorder point), with the quantity';

-- Turns the suggestions into draft purchase orders, one per preferred supplier, at the last price.
create function public.create_replenishment_orders() returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  t uuid := app_private.require('purchase_orders', 'create');
  s record;
  po uuid;
  made jsonb := '[]';
  n int;
begin
  for s in select distinct r.supplier_id from public.replenishment_suggestions() r where r.supplier_id is not null loop
    insert into public.purchase_orders (tenant_id, party_id) values (t, s.supplier_id) returning id into po;
    n := 0;
    insert into public.purchase_order_lines (tenant_id, order_id, line_no, item_id, quantity, unit_price)
    select t, po, row_number() over (order by r.sku), r.item_id, r.suggested_quantity, coalesce(i.purchase_price, 0)
    from public.replenishment_suggestions() r join public.items i on i.id = r.item_id
    where r.supplier_id = s.supplier_id;
    made := made || jsonb_build_object('purchase_order_id', po, 'supplier_id', s.supplier_id);
  end loop;
  return made;
end
$$;
comment on function public.create_replenishment_orders() is
  'Draft purchase orders from the replenishment suggestions, one per preferred supplier (right: create on purchase_orders)';

-- The boss's figures (老板看板), all from SQL.
create function public.boss_dashboard() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('dashboard', 'read');
  today date := (now() at time zone 'Asia/Shanghai')::date;
  month_start date := date_trunc('month', today)::date;
begin
  return jsonb_build_object(
    'today_sales', (select coalesce(sum(dl.amount), 0) from public.ledger_documents d join public.ledger_document_lines dl on dl.document_id = d.id
                    where d.tenant_id = t and d.doc_type in ('sales_invoice', 'sales_return') and d.doc_date = today
                      and d.reversal_of is null and d.status = 'posted'),
    'month_sales', (select coalesce(sum(case d.doc_type when 'sales_return' then -dl.amount else dl.amount end), 0)
                    from public.ledger_documents d join public.ledger_document_lines dl on dl.document_id = d.id
                    where d.tenant_id = t and d.doc_type in ('sales_invoice', 'sales_return') and d.doc_date >= month_start
                      and d.status = 'posted' and d.reversal_of is null),
    'receivables', (select coalesce(sum(oi.outstanding), 0) from public.open_items oi
                    join app_private.control_accounts(t) c on c.account_id = oi.account_id and c.key = 'ar_account' where oi.tenant_id = t),
    'overdue_receivables', (select coalesce(sum(oi.outstanding), 0) from public.open_items oi
                    join app_private.control_accounts(t) c on c.account_id = oi.account_id and c.key = 'ar_account'
                    where oi.tenant_id = t and oi.outstanding > 0 and oi.due_date < today),
    'payables', (select coalesce(-sum(oi.outstanding), 0) from public.open_items oi
                    join app_private.control_accounts(t) c on c.account_id = oi.account_id and c.key = 'ap_account' where oi.tenant_id = t),
    'cash_and_bank', (select coalesce(sum(g.debit - g.credit), 0) from app_private.gl_amounts(t) g
                      join public.accounts a on a.id = g.account_id where a.code like '1001%' or a.code like '1002%' or a.code like '1012%'),
    'stock_value', (select coalesce(sum(sl.value), 0) from public.stock_levels sl where sl.tenant_id = t),
    'top_products_by_sales', (select coalesce(jsonb_agg(x), '[]') from (
        select i.sku, i.name, sum(dl.amount) as sales from public.ledger_documents d
        join public.ledger_document_lines dl on dl.document_id = d.id join public.items i on i.id = dl.item_id
        where d.tenant_id = t and d.doc_type = 'sales_invoice' and d.status = 'posted' and d.doc_date >= month_start
        group by i.sku, i.name order by sum(dl.amount) desc limit 10) x),
    'top_products_by_stock_value', (select coalesce(jsonb_agg(x), '[]') from (
        select i.sku, i.name, sum(sl.value) as value from public.stock_levels sl join public.items i on i.id = sl.item_id
        where sl.tenant_id = t group by i.sku, i.name having sum(sl.value) > 0 order by sum(sl.value) desc limit 10) x),
    'low_stock', (select coalesce(jsonb_agg(x), '[]') from (
        select i.sku, i.name, coalesce(sum(sl.quantity), 0) as on_hand, i.reorder_point from public.items i
        left join public.stock_levels sl on sl.item_id = i.id
        where i.tenant_id = t and i.reorder_point is not null and i.active
        group by i.id having coalesce(sum(sl.quantity), 0) <= i.reorder_point order by i.sku limit 50) x),
    'pending_approvals', (select count(*) from public.approval_instances ai where ai.tenant_id = t and ai.status = 'pending'),
    'margin_by_customer', (select coalesce(jsonb_agg(x), '[]') from (
        select p.id as party_id, p.name,
          sum(case when d.doc_type = 'sales_invoice' then dl.amount when d.doc_type = 'sales_return' then -dl.amount else 0 end) as sales,
          sum(case when d.doc_type = 'delivery' then dl.cost when d.doc_type = 'sales_return' then -dl.cost else 0 end) as cost,
          sum(case when d.doc_type = 'sales_invoice' then dl.amount when d.doc_type = 'sales_return' then -dl.amount - (-dl.cost) else 0 end)
            - sum(case when d.doc_type = 'delivery' then dl.cost else 0 end) as margin
        from public.ledger_documents d join public.ledger_document_lines dl on dl.document_id = d.id
        join public.parties p on p.id = d.party_id
        where d.tenant_id = t and d.status = 'posted' and d.doc_type in ('sales_invoice', 'delivery', 'sales_return')
        group by p.id, p.name order by 5 desc limit 20) x)
  );
end
$$;
comment on function public.boss_dashboard() is
  'The boss''s figures: sales today and this month, receivables and overdue, payables, cash and bank, stock value, '
  'top products, low stock, pending approvals, margin by customer (right: read on dashboard). '
  'SECURITY DEFINER because it sums ledger tables some readers of the dashboard may not read row by row.';

-- The customer archive gets the trade figures (the CRM part stays as it was).
alter function public.customer_archive(uuid) rename to customer_archive_crm;
alter function public.customer_archive_crm(uuid) set schema app_private;
create function public.customer_archive(p_party_id uuid) returns jsonb
language plpgsql stable set search_path = ''
as $$
declare
  base jsonb := app_private.customer_archive_crm(p_party_id);
  t uuid := app_private.current_tenant_id();
begin
  return base || jsonb_build_object(
    'sales_orders', coalesce((select jsonb_agg(to_jsonb(p) order by p.number desc) from (
        select * from public.sales_order_progress where tenant_id = t and party_id = p_party_id order by number desc limit 100) p), '[]'),
    'deliveries', coalesce((select jsonb_agg(to_jsonb(s) order by s.shipped_on desc) from (
        select * from public.customer_shipments where tenant_id = t and party_id = p_party_id order by shipped_on desc limit 100) s), '[]'),
    'invoices', coalesce((select jsonb_agg(jsonb_build_object('number', d.number, 'date', d.doc_date, 'total', d.total,
          'outstanding', oi.outstanding, 'due_date', oi.due_date) order by d.doc_date desc)
        from public.ledger_documents d left join public.open_items oi on oi.source_id = d.id and oi.tenant_id = d.tenant_id
        where d.tenant_id = t and d.party_id = p_party_id and d.doc_type = 'sales_invoice'), '[]'),
    'receivable_balance', (select sum(oi.outstanding) from public.open_items oi where oi.tenant_id = t and oi.party_id = p_party_id),
    'overdue_amount', (select coalesce(sum(oi.outstanding), 0) from public.open_items oi
        where oi.tenant_id = t and oi.party_id = p_party_id and oi.outstanding > 0
          and oi.due_date < (now() at time zone 'Asia/Shanghai')::date),
    'lifetime_sales', (select coalesce(sum(case d.doc_type when 'sales_invoice' then dl.amount else -dl.amount end), 0)
        from public.ledger_documents d join public.ledger_document_lines dl on dl.document_id = d.id
        where d.tenant_id = t and d.party_id = p_party_id and d.doc_type in ('sales_invoice', 'sales_return') and d.status = 'posted'),
    'lifetime_margin', (select coalesce(sum(case d.doc_type when 'sales_invoice' then dl.amount when 'sales_return' then -dl.amount + dl.cost
                                                            when 'delivery' then -dl.cost else 0 end), 0)
        from public.ledger_documents d join public.ledger_document_lines dl on dl.document_id = d.id
        where d.tenant_id = t and d.party_id = p_party_id and d.status = 'posted'
          and d.doc_type in ('sales_invoice', 'sales_return', 'delivery')));
end
$$;
comment on function public.customer_archive(uuid) is
  'Everything about a customer: CRM (contacts, opportunities, quotations, follow-ups, tickets) and trade (orders, '
  'shipments with tracking numbers, invoices, receivable and overdue amounts, lifetime sales and margin); read under RLS';
grant execute on function app_private.customer_archive_crm(uuid) to authenticated;

-- Document numbers already exist for sales_order and purchase_order (books migration).
revoke all on function app_private.order_editable(uuid, text, uuid, public.order_status), app_private.order_before_write(), app_private.order_line_before_write(), app_private.order_totals(),
  app_private.order_header_recompute(), app_private.order_facts(text, uuid),
  app_private.order_approval_gate(uuid, text, uuid, text), app_private.reserved_quantity(uuid, uuid, uuid, uuid),
  app_private.trade_progress_on(), app_private.trade_progress_off(),
  app_private.fulfilment_lines(jsonb, uuid, boolean, text),
  app_private.fulfil_order(text, uuid, boolean, text, jsonb, date, text, text) from public;
revoke execute on function public.confirm_sales_order(uuid), public.confirm_purchase_order(uuid),
  public.deliver_sales_order(text, uuid, jsonb, text, text, date), public.invoice_sales_order(text, uuid, jsonb, date),
  public.receive_purchase_order(text, uuid, jsonb, date), public.bill_purchase_order(text, uuid, jsonb, date),
  public.cancel_order(text, uuid), public.replenishment_suggestions(), public.create_replenishment_orders(),
  public.boss_dashboard(), public.customer_archive(uuid) from public, anon;
