-- Supplier payment with approval (issue 6: "supplier bill → payment (approval)"): a payment request
-- (付款申请) names the supplier, the amount, the bank or cash account and the bills it settles; it goes
-- through the approval engine as document type supplier_payment (the built-in type and its chain
-- template 付款审批), and only an approved request is paid — posted through the ledger's supplier
-- payment (public.post_document('supplier_payment', …)) with an idempotency key.
--
-- * People write drafts through the API (column grants); status, number, the posted document and who
--   paid are written by the functions and by the approval engine, which writes the approval status
--   back into payment_requests.status (pending, approved, rejected, withdrawn) like it does for expense
--   claims. A request under approval or approved cannot change; a rejected or withdrawn one can, and is
--   submitted again.
-- * submit_payment_request(id): checks the lines (bills of this supplier on the payable account, each
--   at most what is still open; together at most the amount; the rest is a prepayment 预付) and submits
--   the facts; no chain applies → approved at once (recorded as auto-approved by the engine).
-- * pay_payment_request(key, id, date): only when approved, and approved for the request as it is now
--   (app_private.assert_approved compares the facts); a retry with the same key returns the first
--   result; a request paid already is refused with another key.
--
-- Stable error codes: TR664 invalid request or line (hint: the field); TR665 request not editable in
-- its status; TR666 wrong status for the action (e.g. paying one not approved); TR667 paid already.

create type public.payment_request_status as enum
  ('draft', 'pending', 'approved', 'rejected', 'withdrawn', 'paid', 'cancelled');
comment on type public.payment_request_status is
  '草稿 draft, 审批中 pending, 已批准 approved, 已驳回 rejected, 已撤回 withdrawn, 已付款 paid, 已作废 cancelled';

insert into app_private.document_sequence_templates (doc_type, name, prefix, reset_every, padding) values
  ('payment_request', '付款申请', 'PRQ', 'month', 4)
on conflict (doc_type) do nothing;
insert into public.document_sequences (tenant_id, doc_type, name, prefix, reset_every, padding)
select t.id, st.doc_type, st.name, st.prefix, st.reset_every, st.padding
from public.tenants t cross join app_private.document_sequence_templates st
where st.doc_type = 'payment_request'
on conflict do nothing;

create table public.payment_requests (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  party_id uuid not null,
  amount numeric(18, 2) not null check (amount > 0),
  bank_account_id uuid,
  request_date date not null default (now() at time zone 'Asia/Shanghai')::date,
  pay_by date,
  note text check (note is null or char_length(note) <= 1000),
  status public.payment_request_status not null default 'draft',
  requester_id uuid default auth.uid() references auth.users (id) on delete set null,
  document_id uuid,
  idempotency_key text,
  result jsonb,
  paid_at timestamptz,
  paid_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  check ((status = 'paid') = (document_id is not null)),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, bank_account_id) references public.accounts (tenant_id, id) on delete restrict,
  foreign key (tenant_id, document_id) references public.ledger_documents (tenant_id, id) on delete restrict
);
comment on table public.payment_requests is 'Payment requests to suppliers (付款申请): approved, then paid through the ledger';
comment on column public.payment_requests.number is 'Number (PRQ-YYYYMM-nnnn)';
comment on column public.payment_requests.party_id is 'Supplier';
comment on column public.payment_requests.amount is 'Amount to pay';
comment on column public.payment_requests.bank_account_id is 'Pay from (bank or cash account; empty: the default bank account)';
comment on column public.payment_requests.request_date is 'Request date';
comment on column public.payment_requests.pay_by is 'Pay by (期望付款日)';
comment on column public.payment_requests.note is 'Purpose and note';
comment on column public.payment_requests.status is 'Status';
comment on column public.payment_requests.requester_id is 'Requested by';
comment on column public.payment_requests.document_id is 'The posted supplier payment';
comment on column public.payment_requests.idempotency_key is 'Key of the payment posting';
comment on column public.payment_requests.result is 'Result of the payment posting';
comment on column public.payment_requests.paid_at is 'Paid at';
comment on column public.payment_requests.paid_by is 'Paid by (cashier)';
create unique index payment_requests_number_idx on public.payment_requests (tenant_id, number) where number <> '';
create index payment_requests_party_idx on public.payment_requests (tenant_id, party_id);
create index payment_requests_status_idx on public.payment_requests (tenant_id, status);
create index payment_requests_bank_idx on public.payment_requests (tenant_id, bank_account_id);
create index payment_requests_document_idx on public.payment_requests (tenant_id, document_id);
create index payment_requests_requester_idx on public.payment_requests (requester_id);
create index payment_requests_paid_by_idx on public.payment_requests (paid_by);

create table public.payment_request_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  request_id uuid not null,
  open_item_id uuid not null,
  amount numeric(18, 2) not null check (amount > 0),
  unique (tenant_id, id),
  unique (request_id, open_item_id),
  foreign key (tenant_id, request_id) references public.payment_requests (tenant_id, id) on delete cascade,
  foreign key (tenant_id, open_item_id) references public.open_items (tenant_id, id) on delete restrict
);
comment on table public.payment_request_lines is 'Bills (open payables) a payment request settles';
comment on column public.payment_request_lines.request_id is 'Payment request';
comment on column public.payment_request_lines.open_item_id is 'Bill (open payable of the supplier)';
comment on column public.payment_request_lines.amount is 'Amount settled on it';
create index payment_request_lines_request_idx on public.payment_request_lines (tenant_id, request_id);
create index payment_request_lines_item_idx on public.payment_request_lines (tenant_id, open_item_id);

revoke insert, update on public.payment_requests, public.payment_request_lines from authenticated;
grant insert (id, tenant_id, party_id, amount, bank_account_id, request_date, pay_by, note)
  on public.payment_requests to authenticated;
grant update (party_id, amount, bank_account_id, request_date, pay_by, note) on public.payment_requests to authenticated;
grant insert (id, tenant_id, request_id, open_item_id, amount) on public.payment_request_lines to authenticated;
grant update (open_item_id, amount) on public.payment_request_lines to authenticated;

-- The approval engine writes the approval status back into the request.
update app_private.approval_doc_templates set doc_table = 'public.payment_requests', status_column = 'status'
where doc_type = 'supplier_payment';

-- ───────────────────────────── guards ─────────────────────────────
create function app_private.payment_request_editable(p_status public.payment_request_status) returns boolean
language sql immutable set search_path = ''
as $$ select p_status in ('draft', 'rejected', 'withdrawn') $$;

-- security definer: it writes the number and reads the supplier and the account whatever the writer reads.
create function app_private.payment_requests_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  sup record;
begin
  if tg_op = 'DELETE' then
    if not app_private.payment_request_editable(old.status) then
      raise exception using errcode = 'TR665', message = format('payment request %s is %s: cancel it instead', old.number, old.status),
        hint = 'status';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    new.status := 'draft';
    new.document_id := null; new.idempotency_key := null; new.result := null; new.paid_at := null; new.paid_by := null;
    new.number := app_private.next_document_number(new.tenant_id, 'payment_request', new.request_date);
  elsif (to_jsonb(new) - 'status' - 'document_id' - 'idempotency_key' - 'result' - 'paid_at' - 'paid_by' - 'updated_at')
        is distinct from (to_jsonb(old) - 'status' - 'document_id' - 'idempotency_key' - 'result' - 'paid_at' - 'paid_by' - 'updated_at')
        and not app_private.payment_request_editable(old.status) then
    raise exception using errcode = 'TR665',
      message = format('payment request %s is %s and cannot be changed', old.number, old.status), hint = 'status';
  end if;
  select p.name, p.is_supplier, p.active into sup from public.parties p where p.tenant_id = new.tenant_id and p.id = new.party_id;
  if not coalesce(sup.is_supplier and sup.active, false) then
    raise exception using errcode = 'TR664', message = 'the party is not an active supplier', hint = 'party_id';
  end if;
  if new.bank_account_id is not null and not exists (
    select 1 from public.accounts a where a.tenant_id = new.tenant_id and a.id = new.bank_account_id
      and (a.code like '1001%' or a.code like '1002%' or a.code like '1012%')) then
    raise exception using errcode = 'TR664', message = 'must be a cash or bank account (1001, 1002, 1012)',
      hint = 'bank_account_id';
  end if;
  new.updated_at := now();
  return new;
end
$$;
create trigger payment_requests_guard before insert or update or delete on public.payment_requests
  for each row execute function app_private.payment_requests_guard();

-- Lines: of editable requests; a bill of the request's supplier on the payable account, at most what is open.
-- security definer: it reads open items, which some writers may not read.
create function app_private.payment_request_lines_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  r record;
  it record;
begin
  select pr.tenant_id, pr.number, pr.status, pr.party_id into r from public.payment_requests pr
  where pr.id = case when tg_op = 'DELETE' then old.request_id else new.request_id end;
  if r.status is not null and not app_private.payment_request_editable(r.status) then
    raise exception using errcode = 'TR665',
      message = format('payment request %s is %s: its bills cannot change', r.number, r.status), hint = 'status';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'UPDATE' and new.request_id is distinct from old.request_id then
    raise exception using errcode = 'TR664', message = 'a line stays on its request', hint = 'request_id';
  end if;
  select oi.party_id, oi.outstanding, c.key into it from public.open_items oi
  left join app_private.control_accounts(new.tenant_id) c on c.account_id = oi.account_id
  where oi.tenant_id = new.tenant_id and oi.id = new.open_item_id;
  if not found or it.party_id <> r.party_id or it.key is distinct from 'ap_account' or it.outstanding >= 0 then
    raise exception using errcode = 'TR664', message = 'not an open payable (bill) of this supplier', hint = 'open_item_id';
  end if;
  if new.amount > -it.outstanding then
    raise exception using errcode = 'TR664',
      message = format('%s is more than the %s still open on this bill', new.amount, -it.outstanding), hint = 'amount';
  end if;
  return new;
end
$$;
create trigger payment_request_lines_guard before insert or update or delete on public.payment_request_lines
  for each row execute function app_private.payment_request_lines_guard();

-- ───────────────────────────── functions ─────────────────────────────
-- What approval looks at, always built the same way from the rows.
create function app_private.payment_request_facts(p_request uuid) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('title', '付款申请 ' || r.number, 'amount', r.amount, 'party_id', r.party_id,
    'bank_account_id', r.bank_account_id, 'department_id', m.department_id, 'pay_by', r.pay_by,
    'lines', coalesce((select jsonb_agg(jsonb_build_object('open_item_id', l.open_item_id, 'amount', l.amount)
                                        order by l.open_item_id)
                       from public.payment_request_lines l where l.request_id = r.id), '[]'))
  from public.payment_requests r
  left join public.memberships m on m.tenant_id = r.tenant_id and m.user_id = r.requester_id
  where r.id = p_request
$$;

create function public.submit_payment_request(p_request_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('payment_requests', 'update');
  r public.payment_requests;
  allocated numeric;
  inst uuid;
begin
  select * into r from public.payment_requests where id = p_request_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR664', message = 'payment request not found', hint = 'request_id';
  end if;
  if not app_private.payment_request_editable(r.status) then
    raise exception using errcode = 'TR666', message = format('payment request %s is %s', r.number, r.status),
      hint = 'status';
  end if;
  select coalesce(sum(l.amount), 0) into allocated from public.payment_request_lines l where l.request_id = r.id;
  if allocated > r.amount then
    raise exception using errcode = 'TR664',
      message = format('the bills settled (%s) exceed the amount (%s)', allocated, r.amount), hint = 'amount';
  end if;
  inst := app_private.submit_approval(t, 'supplier_payment', r.id, app_private.payment_request_facts(r.id),
    coalesce(auth.uid(), r.requester_id));
  select * into r from public.payment_requests where id = r.id;
  return jsonb_build_object('status', r.status, 'approval_id', inst, 'number', r.number);
end
$$;
comment on function public.submit_payment_request(uuid) is
  'Submits a payment request for approval (document type supplier_payment); approved at once when no chain '
  'applies (right: update on payment_requests). SECURITY DEFINER because the approval tables and the status are '
  'written only by the engine and these functions.';

create function public.pay_payment_request(p_idempotency_key text, p_request_id uuid, p_date date default null)
returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('payment_requests', 'read');
  r public.payment_requests;
  res jsonb;
begin
  select * into r from public.payment_requests where id = p_request_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR664', message = 'payment request not found', hint = 'request_id';
  end if;
  if r.status = 'paid' then
    if r.idempotency_key = p_idempotency_key then
      return r.result;
    end if;
    raise exception using errcode = 'TR667',
      message = format('payment request %s was paid already (%s)', r.number, r.result ->> 'number'), hint = 'status';
  end if;
  if r.status <> 'approved' then
    raise exception using errcode = 'TR666',
      message = format('payment request %s is %s: only an approved request is paid', r.number, r.status), hint = 'status';
  end if;
  perform app_private.assert_approved(t, 'supplier_payment', r.id, app_private.payment_request_facts(r.id));
  res := public.post_document('supplier_payment', p_idempotency_key, jsonb_strip_nulls(jsonb_build_object(
    'date', coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date), 'supplier_id', r.party_id,
    'amount', r.amount, 'bank_account_id', r.bank_account_id, 'payment_request', r.number,
    'allocations', (select coalesce(jsonb_agg(jsonb_build_object('open_item_id', l.open_item_id, 'amount', l.amount)
                                              order by l.open_item_id), '[]')
                    from public.payment_request_lines l where l.request_id = r.id))));
  update public.payment_requests set status = 'paid', document_id = (res ->> 'document_id')::uuid,
    idempotency_key = p_idempotency_key, result = res, paid_at = now(), paid_by = auth.uid()
  where id = r.id;
  return res;
end
$$;
comment on function public.pay_payment_request(text, uuid, date) is
  'Pays an approved payment request: posts the supplier payment (allocated to its bills, the rest prepaid) '
  'through the ledger (rights: read on payment_requests, post on supplier_payment); a retry with the same key '
  'returns the first result. SECURITY DEFINER because the request''s status and document are not writable '
  'through the API.';

create function public.cancel_payment_request(p_request_id uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('payment_requests', 'update');
  r public.payment_requests;
begin
  select * into r from public.payment_requests where id = p_request_id and tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR664', message = 'payment request not found', hint = 'request_id';
  end if;
  if r.status = 'paid' then
    raise exception using errcode = 'TR667',
      message = format('payment request %s was paid: reverse the payment instead', r.number), hint = 'status';
  end if;
  if r.status in ('pending', 'cancelled') then
    raise exception using errcode = 'TR666',
      message = format('payment request %s is %s%s', r.number, r.status,
                       case when r.status = 'pending' then ': withdraw it first' else '' end), hint = 'status';
  end if;
  update public.payment_requests set status = 'cancelled' where id = r.id;
end
$$;
comment on function public.cancel_payment_request(uuid) is
  'Cancels a payment request that is not under approval and not paid (right: update on payment_requests). '
  'SECURITY DEFINER because the status is not writable through the API.';

revoke all on function app_private.payment_request_editable(public.payment_request_status),
  app_private.payment_requests_guard(), app_private.payment_request_lines_guard(),
  app_private.payment_request_facts(uuid) from public;
grant execute on function app_private.payment_request_editable(public.payment_request_status) to authenticated;
revoke execute on function public.submit_payment_request(uuid), public.pay_payment_request(text, uuid, date),
  public.cancel_payment_request(uuid) from public, anon;
grant execute on function public.submit_payment_request(uuid), public.pay_payment_request(text, uuid, date),
  public.cancel_payment_request(uuid) to authenticated;
