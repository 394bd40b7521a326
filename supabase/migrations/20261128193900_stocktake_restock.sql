-- Stocktakes while stock keeps moving, and restock reminders for salespeople.
--
-- * start_stocktake() freezes a count sheet: the quantity on hand of each item of a warehouse at that
--   moment. People enter what they counted (counted_quantity) while deliveries and receipts go on;
--   post_stocktake() posts only counted − frozen for each counted line (a stocktake document through the
--   ledger: gains at the average cost, losses to 待处理财产损溢), so moves after the freeze are neither
--   counted twice nor lost.
-- * Restock reminders: when stock of an item arrives (a receipt, a return, a stocktake gain), every
--   customer with an unconfirmed order for it (draft, or waiting for approval — typically one that was
--   short) and every customer marked as wanting it (item_wishes) gets a follow-up for their salesperson,
--   due today, once per customer, item and day.
--
-- Stable error codes: TR660 stocktake not found or not counting; TR661 nothing counted.

create table public.stocktakes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  warehouse_id uuid not null,
  status text not null default 'counting' check (status in ('counting', 'posted', 'cancelled')),
  frozen_at timestamptz not null default now(),
  document_id uuid,
  note text check (note is null or char_length(note) <= 500),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  unique (tenant_id, id),
  foreign key (tenant_id, warehouse_id) references public.warehouses (tenant_id, id) on delete restrict,
  foreign key (tenant_id, document_id) references public.ledger_documents (tenant_id, id) on delete restrict
);
comment on table public.stocktakes is 'Count sheets (盘点单) frozen at a moment while stock keeps moving';
comment on column public.stocktakes.warehouse_id is 'Warehouse';
comment on column public.stocktakes.status is 'Counting, posted or cancelled';
comment on column public.stocktakes.frozen_at is 'Quantities frozen at';
comment on column public.stocktakes.document_id is 'The posted stocktake document';
comment on column public.stocktakes.note is 'Note';
comment on column public.stocktakes.created_by is 'Started by';
create index stocktakes_warehouse_idx on public.stocktakes (tenant_id, warehouse_id);
create index stocktakes_document_idx on public.stocktakes (tenant_id, document_id);
create index stocktakes_created_by_idx on public.stocktakes (created_by);

create table public.stocktake_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  stocktake_id uuid not null,
  item_id uuid not null,
  frozen_quantity numeric(18, 4) not null,
  counted_quantity numeric(18, 4) check (counted_quantity is null or counted_quantity >= 0),
  unique (tenant_id, id),
  unique (stocktake_id, item_id),
  foreign key (tenant_id, stocktake_id) references public.stocktakes (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict
);
comment on table public.stocktake_lines is 'Items of a count sheet: frozen quantity and what was counted';
comment on column public.stocktake_lines.item_id is 'Item';
comment on column public.stocktake_lines.frozen_quantity is 'On hand when the sheet was frozen';
comment on column public.stocktake_lines.counted_quantity is 'Counted (empty: not counted yet)';
create index stocktake_lines_sheet_idx on public.stocktake_lines (tenant_id, stocktake_id);
create index stocktake_lines_item_idx on public.stocktake_lines (tenant_id, item_id);

revoke insert, update, delete on public.stocktakes, public.stocktake_lines from authenticated;
grant update (note) on public.stocktakes to authenticated;
grant update (counted_quantity) on public.stocktake_lines to authenticated;

create function app_private.stocktake_lines_while_counting() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (select s.status from public.stocktakes s where s.id = new.stocktake_id) <> 'counting' then
    raise exception using errcode = 'TR660', message = 'this stocktake is no longer counting', hint = 'status';
  end if;
  return new;
end
$$;
create trigger stocktake_lines_while_counting before update on public.stocktake_lines
  for each row execute function app_private.stocktake_lines_while_counting();

create function public.start_stocktake(p_warehouse_id uuid, p_item_ids uuid[] default null, p_note text default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('stocktakes', 'create');
  s uuid;
begin
  if not exists (select 1 from public.warehouses w where w.id = p_warehouse_id and w.tenant_id = t and w.active) then
    raise exception using errcode = 'TR660', message = 'unknown or inactive warehouse', hint = 'warehouse_id';
  end if;
  insert into public.stocktakes (tenant_id, warehouse_id, note) values (t, p_warehouse_id, p_note) returning id into s;
  -- the frozen quantities: a consistent snapshot of this transaction
  insert into public.stocktake_lines (tenant_id, stocktake_id, item_id, frozen_quantity)
  select t, s, i.id, coalesce(sl.quantity, 0)
  from public.items i
  left join public.stock_levels sl on sl.tenant_id = t and sl.item_id = i.id and sl.warehouse_id = p_warehouse_id
  where i.tenant_id = t and i.is_stock and i.active
    and (p_item_ids is null and sl.item_id is not null or i.id = any (p_item_ids));
  return s;
end
$$;
comment on function public.start_stocktake(uuid, uuid[], text) is
  'Freezes a count sheet of a warehouse (all items it holds, or the ones given) (right: create on stocktakes). '
  'SECURITY DEFINER because sheets and frozen quantities are not writable through the API.';

create function public.post_stocktake(p_idempotency_key text, p_stocktake_id uuid, p_date date default null) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('stocktakes', 'update');
  s record;
  lines jsonb;
  r jsonb;
begin
  select * into s from public.stocktakes where id = p_stocktake_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR660', message = 'stocktake not found', hint = 'stocktake_id';
  end if;
  if s.status = 'posted' then
    return (select d.payload - 'lines' || jsonb_build_object('document_id', d.id, 'number', d.number)
            from public.ledger_documents d where d.id = s.document_id);
  end if;
  if s.status <> 'counting' then
    raise exception using errcode = 'TR660', message = 'this stocktake was cancelled', hint = 'status';
  end if;
  select jsonb_agg(jsonb_build_object('item_id', l.item_id, 'difference', l.counted_quantity - l.frozen_quantity))
  into lines
  from public.stocktake_lines l
  where l.stocktake_id = s.id and l.counted_quantity is not null and l.counted_quantity <> l.frozen_quantity;
  if not exists (select 1 from public.stocktake_lines l where l.stocktake_id = s.id and l.counted_quantity is not null) then
    raise exception using errcode = 'TR661', message = 'nothing was counted on this sheet', hint = 'counted_quantity';
  end if;
  if lines is not null then
    -- the warehouse keeper's right to post stocktakes is checked by post_document
    r := public.post_document('stocktake', p_idempotency_key, jsonb_build_object(
      'date', coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date), 'warehouse_id', s.warehouse_id,
      'lines', lines, 'stocktake_id', s.id));
  end if;
  update public.stocktakes set status = 'posted', document_id = (r ->> 'document_id')::uuid where id = s.id;
  return coalesce(r, jsonb_build_object('document_id', null, 'differences', 0));
end
$$;
comment on function public.post_stocktake(text, uuid, date) is
  'Posts a count sheet: counted − frozen for each counted item, as a stocktake document (rights: update on '
  'stocktakes, post on stocktake). SECURITY DEFINER because sheets are not writable through the API.';

-- ───────────────────────────── restock reminders ─────────────────────────────
create table public.item_wishes (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  party_id uuid not null,
  item_id uuid not null,
  note text check (note is null or char_length(note) <= 500),
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, party_id, item_id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete cascade
);
comment on table public.item_wishes is 'Customers waiting for an item (缺货登记): their salesperson is reminded when it arrives';
comment on column public.item_wishes.party_id is 'Customer';
comment on column public.item_wishes.item_id is 'Item';
comment on column public.item_wishes.note is 'Note';
create index item_wishes_item_idx on public.item_wishes (tenant_id, item_id);
create index item_wishes_created_by_idx on public.item_wishes (created_by);

-- security definer: the poster of a receipt may not read orders or write follow-ups.
create function app_private.restock_reminders() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  today date := (now() at time zone 'Asia/Shanghai')::date;
begin
  insert into public.follow_ups (tenant_id, party_id, kind, content, next_follow_up_on, next_action, owner_id, created_by)
  select distinct on (w.party_id) new.tenant_id, w.party_id, 'note',
    format('到货提醒: %s %s 到货 %s %s', i.sku, i.name, trim_scale(new.quantity), i.unit),
    today, format('联系客户: %s 已到货', i.name), coalesce(w.owner, p.owner_id), w.owner
  from (
    select o.party_id, o.owner_id as owner from public.sales_order_lines l join public.sales_orders o on o.id = l.order_id
    where l.tenant_id = new.tenant_id and l.item_id = new.item_id and o.warehouse_id = new.warehouse_id
      and o.status in ('draft', 'submitted')
    union all
    select wi.party_id, null from public.item_wishes wi where wi.tenant_id = new.tenant_id and wi.item_id = new.item_id
  ) w
  join public.parties p on p.id = w.party_id
  join public.items i on i.id = new.item_id
  where not exists (
    select 1 from public.follow_ups f where f.tenant_id = new.tenant_id and f.party_id = w.party_id
      and f.next_follow_up_on = today and f.content like format('到货提醒: %s %%', i.sku))
  order by w.party_id, w.owner nulls last;
  return null;
end
$$;
create trigger stock_moves_restock_reminders after insert on public.stock_moves
  for each row when (new.quantity > 0) execute function app_private.restock_reminders();

revoke all on function app_private.stocktake_lines_while_counting(), app_private.restock_reminders() from public;
revoke execute on function public.start_stocktake(uuid, uuid[], text), public.post_stocktake(text, uuid, date)
  from public, anon;
