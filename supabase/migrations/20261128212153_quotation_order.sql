-- Quotation → sales order in one step (issue 6, "quotations with lines and validity → sales order").
--
-- public.quotation_to_sales_order(p_quotation_id) copies the quotation's customer, contact, opportunity,
-- price basis (tax_inclusive), salesperson and note, and its lines (item, quantity, price, discount, VAT
-- rate) into a new draft sales order, marks the quotation accepted and links both ways
-- (quotations.sales_order_id, sales_orders.quotation_id). One call, one transaction: all or nothing.
-- Quotation lines in another unit (box = 12 pcs) become order lines in the item's base unit: quantity ×
-- factor, price ÷ factor (6 decimals), as deliveries move stock in base units.
-- Sales orders get the quotation's contact and opportunity as columns of their own (the CRM links).
--
-- Stable error codes: TR662 the quotation cannot become an order (not found, rejected, expired, no
-- lines; the hint names the field: quotation_id, status, valid_until, lines); TR663 it became an order
-- already (hint sales_order_id).

alter table public.sales_orders
  add column contact_id uuid,
  add column opportunity_id uuid,
  add foreign key (tenant_id, contact_id) references public.party_contacts (tenant_id, id) on delete set null (contact_id),
  add foreign key (tenant_id, opportunity_id) references public.opportunities (tenant_id, id) on delete set null (opportunity_id);
comment on column public.sales_orders.contact_id is 'Contact (of the customer)';
comment on column public.sales_orders.opportunity_id is 'Opportunity it closes';
create index sales_orders_contact_idx on public.sales_orders (tenant_id, contact_id);
create index sales_orders_opportunity_idx on public.sales_orders (tenant_id, opportunity_id);
grant insert (contact_id, opportunity_id), update (contact_id, opportunity_id) on public.sales_orders to authenticated;

-- The contact and the opportunity must be the customer's (the quotation rule, TR600).
-- security definer: the check reads contacts and opportunities whatever the writer may read.
create function app_private.sales_orders_check_links() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.quotations_check_links(new.tenant_id, new.party_id, new.contact_id, new.opportunity_id);
  return new;
end
$$;
create trigger sales_orders_check_links before insert or update of party_id, contact_id, opportunity_id
  on public.sales_orders for each row execute function app_private.sales_orders_check_links();

create function public.quotation_to_sales_order(p_quotation_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('sales_orders', 'create');
  q public.quotations;
  so uuid;
  so_number text;
begin
  perform app_private.require('quotations', 'update');
  -- locked: two conversions of one quotation serialize, the second finds sales_order_id set
  select * into q from public.quotations where id = p_quotation_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR662', message = 'quotation not found', hint = 'quotation_id';
  end if;
  if q.sales_order_id is not null then
    raise exception using errcode = 'TR663',
      message = format('quotation %s became sales order %s already', q.number,
                       (select o.number from public.sales_orders o where o.id = q.sales_order_id)),
      hint = 'sales_order_id';
  end if;
  if q.status in ('rejected', 'expired') then
    raise exception using errcode = 'TR662', message = format('quotation %s is %s', q.number, q.status), hint = 'status';
  end if;
  if q.valid_until is not null and q.valid_until < app_private.crm_today() then
    raise exception using errcode = 'TR662', message = format('quotation %s expired on %s', q.number, q.valid_until),
      hint = 'valid_until';
  end if;
  if not exists (select 1 from public.quotation_lines l where l.tenant_id = t and l.quotation_id = q.id) then
    raise exception using errcode = 'TR662', message = format('quotation %s has no lines', q.number), hint = 'lines';
  end if;

  insert into public.sales_orders (tenant_id, party_id, contact_id, opportunity_id, owner_id, tax_inclusive,
    quotation_id, note)
  values (t, q.party_id, q.contact_id, q.opportunity_id, coalesce(q.owner_id, auth.uid()), q.tax_inclusive, q.id,
    left(q.note, 1000))
  returning id, number into so, so_number;
  insert into public.sales_order_lines (tenant_id, order_id, line_no, item_id, quantity, unit_price, discount, tax_rate)
  select t, so, row_number() over (order by l.line_no, l.created_at, l.id), l.item_id,
    round(l.quantity * l.unit_factor, 4), round(l.unit_price / l.unit_factor, 6), l.discount, l.tax_rate
  from public.quotation_lines l where l.tenant_id = t and l.quotation_id = q.id;

  update public.quotations set status = 'accepted', sales_order_id = so where id = q.id;
  return jsonb_build_object('sales_order_id', so, 'number', so_number, 'quotation_number', q.number,
    'total', (select o.total from public.sales_orders o where o.id = so));
end
$$;
comment on function public.quotation_to_sales_order(uuid) is
  'Makes a draft sales order of a quotation (customer, contact, opportunity, prices, lines) and marks the quotation '
  'accepted and linked; refuses rejected or expired quotations and a second conversion (rights: create on '
  'sales_orders, update on quotations). SECURITY DEFINER because the quotation''s order link and status change '
  'through its guard, which people cannot write directly.';

revoke all on function app_private.sales_orders_check_links() from public;
revoke execute on function public.quotation_to_sales_order(uuid) from public, anon;
grant execute on function public.quotation_to_sales_order(uuid) to authenticated;
