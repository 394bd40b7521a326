-- Receivables and payables as open items (往来核销), kept by the ledger itself so that each sub-ledger
-- always equals its control account.
--
-- The control accounts are the ones the posting settings name for ar_account (1122), ap_account
-- (2202), advance_received_account (2203) and advance_paid_account (1123). When a voucher is posted,
-- every line on one of them either
--   * names an open item (open_item_id): it settles that item (an allocation), or
--   * names none: it opens a new item for its party (invoice, bill, credit note, prepayment, …),
-- so the GL balance of a party on a control account = the sum of its items' outstanding amounts, by
-- construction, whatever posted it (documents or manual vouchers).
--
-- Amounts are signed debit-positive: an invoice on 1122 is +, a supplier bill on 2202 is −, a
-- prepayment received on 2203 is −. outstanding moves toward 0 by allocations and never past 0 or
-- beyond the item's amount; the item row is locked while it is settled (allocations to one item queue,
-- allocations to different items do not wait for each other).
--
-- Stable error codes: TR720 settling an item of another party or account, or over-settling it;
-- TR721 a control-account line without a party.

create type public.open_item_kind as enum ('invoice', 'bill', 'credit_note', 'debit_note', 'prepayment', 'adjustment', 'opening');
comment on type public.open_item_kind is
  'Sales invoice, supplier bill, credit note, debit note, prepayment (预收/预付), adjustment, opening balance';

create table public.open_items (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  party_id uuid not null,
  account_id uuid not null,
  kind public.open_item_kind not null,
  source_type text,
  source_id uuid,
  voucher_id uuid not null,
  doc_date date not null,
  due_date date not null,
  amount numeric(18, 2) not null check (amount <> 0),
  outstanding numeric(18, 2) not null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  check (sign(outstanding) in (0, sign(amount)) and abs(outstanding) <= abs(amount)),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, account_id) references public.accounts (tenant_id, id) on delete restrict,
  foreign key (tenant_id, voucher_id) references public.vouchers (tenant_id, id) on delete restrict
);
comment on table public.open_items is 'Receivables and payables (应收/应付/预收/预付) per customer or supplier, with what is still open';
comment on column public.open_items.party_id is 'Customer or supplier';
comment on column public.open_items.account_id is 'Control account (1122, 2202, 2203, 1123)';
comment on column public.open_items.kind is 'Kind';
comment on column public.open_items.source_type is 'Type of the document';
comment on column public.open_items.source_id is 'The document';
comment on column public.open_items.voucher_id is 'The voucher that opened it';
comment on column public.open_items.doc_date is 'Document date';
comment on column public.open_items.due_date is 'Due date (到期日)';
comment on column public.open_items.amount is 'Amount, debit positive (invoice +, bill −)';
comment on column public.open_items.outstanding is 'Still open, same sign as the amount (0: settled)';
create index open_items_party_idx on public.open_items (tenant_id, party_id, account_id) where outstanding <> 0;
create index open_items_party_all_idx on public.open_items (tenant_id, party_id);
create index open_items_account_idx on public.open_items (tenant_id, account_id);
create index open_items_voucher_idx on public.open_items (tenant_id, voucher_id);
create index open_items_source_idx on public.open_items (tenant_id, source_id);

create table public.allocations (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  open_item_id uuid not null,
  voucher_id uuid not null,
  amount numeric(18, 2) not null check (amount <> 0),
  created_at timestamptz not null default now(),
  foreign key (tenant_id, open_item_id) references public.open_items (tenant_id, id) on delete restrict,
  foreign key (tenant_id, voucher_id) references public.vouchers (tenant_id, id) on delete restrict
);
comment on table public.allocations is 'Settlements (核销) of open items by receipts, payments, credit notes and reversals';
comment on column public.allocations.open_item_id is 'The item settled';
comment on column public.allocations.voucher_id is 'The voucher that settled it';
comment on column public.allocations.amount is 'Amount, debit positive (a receipt on an invoice is −)';
create index allocations_item_idx on public.allocations (tenant_id, open_item_id);
create index allocations_voucher_idx on public.allocations (tenant_id, voucher_id);

-- Neither table is written through the API: only the posting of vouchers writes them.
revoke insert, update, delete, truncate on public.open_items, public.allocations from authenticated;

create function app_private.ledger_rows_are_append_only() returns trigger
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'TR701', message = format('%s rows are never changed or deleted', tg_table_name);
end
$$;
create trigger allocations_append_only before update or delete on public.allocations
  for each row execute function app_private.ledger_rows_are_append_only();

-- The control accounts of a company (see the header).
create function app_private.control_accounts(p_tenant uuid) returns table (account_id uuid, key text)
language sql stable set search_path = ''
as $$
  select s.account_id, s.key from public.posting_settings s
  where s.tenant_id = p_tenant
    and s.key in ('ar_account', 'ap_account', 'advance_received_account', 'advance_paid_account')
$$;

-- Called by post_voucher: settles or opens items for the voucher's lines on control accounts. Items are
-- locked in id order (one order for every posting: no deadlocks between two settlements).
create function app_private.settle_open_items(p_tenant uuid, p_voucher uuid, p_date date, p_source_type text,
  p_source_id uuid) returns void
language plpgsql set search_path = ''
as $$
declare
  l record;
  it record;
  new_id uuid;
  delta numeric;
  after numeric;
begin
  for l in
    select vl.id, vl.line_no, vl.account_id, vl.party_id, vl.open_item_id, vl.due_date,
      vl.debit - vl.credit as signed, c.key
    from public.voucher_lines vl
    join app_private.control_accounts(p_tenant) c on c.account_id = vl.account_id
    where vl.voucher_id = p_voucher
    order by vl.open_item_id nulls last, vl.line_no
  loop
    if l.party_id is null then
      raise exception using errcode = 'TR721',
        message = format('line %s: a receivable or payable account needs a customer or supplier', l.line_no),
        hint = 'party_id';
    end if;
    if l.open_item_id is null then
      insert into public.open_items (tenant_id, party_id, account_id, kind, source_type, source_id, voucher_id,
        doc_date, due_date, amount, outstanding)
      values (p_tenant, l.party_id, l.account_id,
        case
          when l.key in ('advance_received_account', 'advance_paid_account') then 'prepayment'
          when p_source_type in ('opening_balance') then 'opening'
          when l.key = 'ar_account' and l.signed > 0 then 'invoice'
          when l.key = 'ar_account' then 'credit_note'
          when l.key = 'ap_account' and l.signed < 0 then 'bill'
          when l.key = 'ap_account' then 'debit_note'
          else 'adjustment'
        end::public.open_item_kind,
        p_source_type, p_source_id, p_voucher, p_date,
        coalesce(l.due_date, p_date + (select pa.payment_terms_days from public.parties pa where pa.id = l.party_id)),
        l.signed, l.signed)
      returning id into new_id;
      update public.voucher_lines set open_item_id = new_id where id = l.id;
    else
      select * into it from public.open_items oi where oi.id = l.open_item_id and oi.tenant_id = p_tenant for update;
      if not found or it.party_id <> l.party_id or it.account_id <> l.account_id then
        raise exception using errcode = 'TR720',
          message = format('line %s: the open item is not one of this party on this account', l.line_no),
          hint = 'open_item_id';
      end if;
      delta := l.signed;
      after := it.outstanding + delta;
      if sign(after) not in (0, sign(it.amount)) or abs(after) > abs(it.amount) then
        raise exception using errcode = 'TR720',
          message = format('line %s: %s would settle more than the %s still open on this item', l.line_no,
                           abs(delta), abs(it.outstanding)),
          hint = 'amount';
      end if;
      update public.open_items set outstanding = after where id = it.id;
      insert into public.allocations (tenant_id, open_item_id, voucher_id, amount) values (p_tenant, it.id, p_voucher, delta);
    end if;
  end loop;
end
$$;
comment on function app_private.settle_open_items(uuid, uuid, date, text, uuid) is
  'Opens or settles receivables and payables for the control-account lines of a voucher being posted';

-- Aging (账龄) of open items on a date: outstanding per party and bucket of days past due.
create function public.aging(p_kind text default 'receivable', p_as_of date default null)
returns table (party_id uuid, party_name text, not_due numeric, days_1_30 numeric, days_31_60 numeric,
  days_61_90 numeric, over_90 numeric, total numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('open_items', 'read');
  d date := coalesce(p_as_of, (now() at time zone 'Asia/Shanghai')::date);
  keys text[];
begin
  if p_kind not in ('receivable', 'payable') then
    raise exception using errcode = 'TR720', message = 'kind is receivable or payable', hint = 'kind';
  end if;
  keys := case p_kind when 'receivable' then array['ar_account', 'advance_received_account']
                      else array['ap_account', 'advance_paid_account'] end;
  return query
  with items as (
    select oi.party_id, case when p_kind = 'receivable' then oi.outstanding else -oi.outstanding end as open,
      d - oi.due_date as late
    from public.open_items oi
    join app_private.control_accounts(t) c on c.account_id = oi.account_id and c.key = any (keys)
    where oi.tenant_id = t and oi.outstanding <> 0 and oi.doc_date <= d
  )
  select i.party_id, p.name,
    sum(i.open) filter (where i.late <= 0), sum(i.open) filter (where i.late between 1 and 30),
    sum(i.open) filter (where i.late between 31 and 60), sum(i.open) filter (where i.late between 61 and 90),
    sum(i.open) filter (where i.late > 90), sum(i.open)
  from items i join public.parties p on p.id = i.party_id
  group by i.party_id, p.name
  order by sum(i.open) desc;
end
$$;
comment on function public.aging(text, date) is
  'Receivables or payables aging (账龄) per party in buckets of days past due, prepayments netted (right: read on open_items). '
  'SECURITY DEFINER because it reads the control-account settings, which only accountants may read: it checks the right itself.';

revoke all on function app_private.ledger_rows_are_append_only(), app_private.control_accounts(uuid),
  app_private.settle_open_items(uuid, uuid, date, text, uuid) from public;
revoke execute on function public.aging(text, date) from public, anon;
