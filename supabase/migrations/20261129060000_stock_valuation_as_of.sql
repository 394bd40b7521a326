-- Stock valuation on a date (存货估值按日期): month-end stock at cost is what an accountant checks against
-- account 1405, and what an auditor asks for; stock_valuation showed only what is on hand now.
--
-- A stock move is never dated before an earlier move of the same item in the same warehouse (TR732), and
-- stock_levels is the running sum of stock_moves; so the stock on a date is the sum of the moves dated on
-- or before it, at the costs they were booked at. Without a date both functions read stock_levels, as
-- before.
--
-- stock_valuation(p_group, p_as_of) replaces stock_valuation(p_group) (same rows, one more argument with
-- a default: existing calls keep working). stock_on_hand lists the items behind one of its rows, for the
-- drill-down, on the same date.

drop function public.stock_valuation(text);

create function app_private.stock_as_of(p_tenant uuid, p_as_of date)
returns table (item_id uuid, warehouse_id uuid, quantity numeric, value numeric)
language sql stable set search_path = ''
as $$
  select s.item_id, s.warehouse_id, s.quantity, s.value
  from public.stock_levels s
  where p_as_of is null and s.tenant_id = p_tenant and (s.quantity <> 0 or s.value <> 0)
  union all
  select m.item_id, m.warehouse_id, sum(m.quantity), sum(m.value)
  from public.stock_moves m
  where p_as_of is not null and m.tenant_id = p_tenant and m.move_date <= p_as_of
  group by m.item_id, m.warehouse_id
  having sum(m.quantity) <> 0 or sum(m.value) <> 0
$$;
comment on function app_private.stock_as_of(uuid, date) is
  'Quantity and value on hand per item and warehouse: now (null) or at the end of a day (sum of the moves)';
revoke all on function app_private.stock_as_of(uuid, date) from public;

create function public.stock_valuation(p_group text default 'warehouse', p_as_of date default null)
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
  from app_private.stock_as_of(t, p_as_of) s
  join public.warehouses w on w.id = s.warehouse_id
  join public.items i on i.id = s.item_id
  group by 1, 2, 3
  order by 2, 3;
end
$$;
comment on function public.stock_valuation(text, date) is
  'Stock at cost (存货估值) by warehouse, by item category, or both, now or at the end of p_as_of '
  '(right: read on stock). SECURITY DEFINER because it joins items and warehouses, which fall under other '
  'rights, for one right: it checks that right itself.';

create function public.stock_on_hand(p_as_of date default null, p_warehouse uuid default null,
  p_category text default null)
returns table (item_id uuid, sku text, name text, category text, warehouse_id uuid, warehouse_name text,
  quantity numeric, value numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('stock', 'read');
begin
  return query
  select s.item_id, i.sku, i.name, coalesce(i.category, ''), s.warehouse_id, w.name, s.quantity, s.value
  from app_private.stock_as_of(t, p_as_of) s
  join public.warehouses w on w.id = s.warehouse_id
  join public.items i on i.id = s.item_id
  where (p_warehouse is null or s.warehouse_id = p_warehouse)
    and (p_category is null or coalesce(i.category, '') = p_category)
  order by i.sku, w.name;
end
$$;
comment on function public.stock_on_hand(date, uuid, text) is
  'The items on hand with quantity and value at cost, now or at the end of p_as_of, in one warehouse or '
  'all, of one category ('''' = none) or all: the lines behind a stock_valuation row (right: read on '
  'stock). SECURITY DEFINER because it joins items and warehouses, which fall under other rights, for one '
  'right: it checks that right itself.';

revoke execute on function public.stock_valuation(text, date), public.stock_on_hand(date, uuid, text)
  from public, anon;
grant execute on function public.stock_valuation(text, date), public.stock_on_hand(date, uuid, text)
  to authenticated;
