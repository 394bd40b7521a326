-- The stock ledger: append-only moves per item and warehouse at moving-average cost (移动加权平均).
--
-- stock_levels holds, per item and warehouse, the quantity and value after the last move; a move locks
-- that one row (documents move their lines sorted by item and warehouse: one lock order, no deadlocks,
-- and two postings on different items never wait for each other). Receipts add quantity and value and
-- so change the average (value / quantity); issues take quantity × average, rounded to the fen, and the
-- issue that empties the stock takes the whole remaining value, so no rounding residue stays behind.
-- Each move row keeps quantity, value and average after it (like ERPNext's stock ledger entries).
--
-- Policies (documented choices):
-- * Negative stock is refused unless ledger_settings.allow_negative_stock (then issues below zero are
--   costed at the last average).
-- * Backdated moves: a move dated before the last move of its item and warehouse is refused (TR732),
--   because accepting it would change the cost of every later issue. Post it on or after that date.
-- * A move at a fixed value (reversals) that would leave value without quantity, or negative value,
--   is refused (TR733): stock has moved since, so a return document is the right correction.
--
-- Stable error codes: TR730 insufficient stock (names item, warehouse, requested, available);
-- TR731 not a stock item / inactive item or warehouse; TR732 backdated move; TR733 fixed-value move
-- the stock cannot take.

create table public.stock_levels (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  item_id uuid not null,
  warehouse_id uuid not null,
  quantity numeric(18, 4) not null default 0,
  value numeric(18, 2) not null default 0,
  average_cost numeric(20, 6) not null default 0,
  last_move_date date,
  primary key (tenant_id, item_id, warehouse_id),
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict,
  foreign key (tenant_id, warehouse_id) references public.warehouses (tenant_id, id) on delete restrict
);
comment on table public.stock_levels is 'Stock on hand (库存) per item and warehouse, after the last move';
comment on column public.stock_levels.item_id is 'Item';
comment on column public.stock_levels.warehouse_id is 'Warehouse';
comment on column public.stock_levels.quantity is 'Quantity on hand';
comment on column public.stock_levels.value is 'Value at cost';
comment on column public.stock_levels.average_cost is 'Moving average unit cost';
comment on column public.stock_levels.last_move_date is 'Date of the last move';
create index stock_levels_warehouse_idx on public.stock_levels (tenant_id, warehouse_id);

create table public.stock_moves (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  item_id uuid not null,
  warehouse_id uuid not null,
  move_date date not null,
  quantity numeric(18, 4) not null,
  unit_cost numeric(20, 6) not null,
  value numeric(18, 2) not null,
  quantity_after numeric(18, 4) not null,
  value_after numeric(18, 2) not null,
  average_after numeric(20, 6) not null,
  source_type text not null,
  source_id uuid not null,
  source_line int,
  created_at timestamptz not null default now(),
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict,
  foreign key (tenant_id, warehouse_id) references public.warehouses (tenant_id, id) on delete restrict
);
comment on table public.stock_moves is 'Stock moves (出入库流水): signed quantity and value, and what is on hand after';
comment on column public.stock_moves.item_id is 'Item';
comment on column public.stock_moves.warehouse_id is 'Warehouse';
comment on column public.stock_moves.move_date is 'Date';
comment on column public.stock_moves.quantity is 'Quantity (in +, out −)';
comment on column public.stock_moves.unit_cost is 'Unit cost';
comment on column public.stock_moves.value is 'Value (in +, out −)';
comment on column public.stock_moves.quantity_after is 'Quantity on hand after the move';
comment on column public.stock_moves.value_after is 'Value on hand after the move';
comment on column public.stock_moves.average_after is 'Moving average after the move';
comment on column public.stock_moves.source_type is 'Type of the document';
comment on column public.stock_moves.source_id is 'The document';
comment on column public.stock_moves.source_line is 'Line of the document';
create index stock_moves_item_idx on public.stock_moves (tenant_id, item_id, warehouse_id, id);
create index stock_moves_warehouse_idx on public.stock_moves (tenant_id, warehouse_id);
create index stock_moves_source_idx on public.stock_moves (tenant_id, source_id);

revoke insert, update, delete, truncate on public.stock_levels, public.stock_moves from authenticated;
create trigger stock_moves_append_only before update or delete on public.stock_moves
  for each row execute function app_private.ledger_rows_are_append_only();

-- One move. p_unit_cost: the cost of a receipt (null: at the current average); p_value: a fixed value
-- (reversals and value adjustments; wins over the others). Returns the signed value moved.
create function app_private.stock_move(
  p_tenant uuid, p_item uuid, p_warehouse uuid, p_date date, p_quantity numeric, p_unit_cost numeric,
  p_value numeric, p_source_type text, p_source_id uuid, p_source_line int
) returns numeric
language plpgsql set search_path = ''
as $$
declare
  lev record;
  it record;
  wh record;
  v numeric;
  q_after numeric;
  v_after numeric;
  negative_ok boolean;
begin
  select i.sku, i.is_stock, i.active into it from public.items i where i.id = p_item and i.tenant_id = p_tenant;
  if not found or not it.is_stock or not it.active then
    raise exception using errcode = 'TR731',
      message = format('line %s: %s', p_source_line,
                       case when not found then 'unknown item' when not it.is_stock then format('item %s is not kept in stock', it.sku)
                            else format('item %s is not in use', it.sku) end),
      hint = format('lines[%s].item_id', p_source_line);
  end if;
  select w.code, w.active into wh from public.warehouses w where w.id = p_warehouse and w.tenant_id = p_tenant;
  if not found or not wh.active then
    raise exception using errcode = 'TR731', message = 'unknown or inactive warehouse', hint = 'warehouse_id';
  end if;

  insert into public.stock_levels (tenant_id, item_id, warehouse_id) values (p_tenant, p_item, p_warehouse)
  on conflict do nothing;
  select * into lev from public.stock_levels sl
  where sl.tenant_id = p_tenant and sl.item_id = p_item and sl.warehouse_id = p_warehouse
  for update;

  if lev.last_move_date is not null and p_date < lev.last_move_date then
    raise exception using errcode = 'TR732',
      message = format('line %s: item %s in warehouse %s has moves up to %s; a move dated %s would change their cost',
                       p_source_line, it.sku, wh.code, lev.last_move_date, p_date),
      hint = 'date';
  end if;

  -- Negative stock is refused for every issue, whatever fixes its value (reversals too).
  if p_quantity < 0 and lev.quantity + p_quantity < 0 then
    select coalesce(s.allow_negative_stock, false) into negative_ok from public.ledger_settings s where s.tenant_id = p_tenant;
    if not coalesce(negative_ok, false) then
      raise exception using errcode = 'TR730',
        message = format('line %s: not enough %s in warehouse %s: %s requested, %s available', p_source_line,
                         it.sku, wh.code, trim_scale(-p_quantity), trim_scale(lev.quantity)),
        hint = format('lines[%s].quantity', p_source_line);
    end if;
  end if;

  if p_value is not null then
    v := p_value;
  elsif p_quantity > 0 then
    v := round(p_quantity * coalesce(p_unit_cost, lev.average_cost), 2);
  elsif p_quantity < 0 then
    v := case
      when lev.quantity + p_quantity = 0 then -lev.value
      when lev.quantity > 0 and lev.quantity + p_quantity > 0 then -round(-p_quantity * lev.value / lev.quantity, 2)
      else -round(-p_quantity * lev.average_cost, 2)
    end;
  else
    v := 0;
  end if;

  q_after := lev.quantity + p_quantity;
  v_after := lev.value + v;
  if p_value is not null and ((q_after = 0 and v_after <> 0) or (q_after > 0 and v_after < 0)) then
    raise exception using errcode = 'TR733',
      message = format('line %s: item %s in warehouse %s has moved since; this would leave %s of value on %s on hand',
                       p_source_line, it.sku, wh.code, v_after, q_after),
      hint = format('lines[%s]', p_source_line);
  end if;

  update public.stock_levels
  set quantity = q_after, value = v_after,
      average_cost = case when q_after > 0 then round(v_after / q_after, 6) else average_cost end,
      last_move_date = greatest(coalesce(last_move_date, p_date), p_date)
  where tenant_id = p_tenant and item_id = p_item and warehouse_id = p_warehouse;

  insert into public.stock_moves (tenant_id, item_id, warehouse_id, move_date, quantity, unit_cost, value,
    quantity_after, value_after, average_after, source_type, source_id, source_line)
  values (p_tenant, p_item, p_warehouse, p_date, p_quantity,
    case when p_quantity <> 0 then round(abs(v / p_quantity), 6) else 0 end, v,
    q_after, v_after, case when q_after > 0 then round(v_after / q_after, 6) else lev.average_cost end,
    p_source_type, p_source_id, p_source_line);
  return v;
end
$$;
comment on function app_private.stock_move(uuid, uuid, uuid, date, numeric, numeric, numeric, text, uuid, int) is
  'Moves stock of one item in one warehouse at moving-average cost; returns the signed value moved';

revoke all on function app_private.stock_move(uuid, uuid, uuid, date, numeric, numeric, numeric, text, uuid, int)
  from public;
