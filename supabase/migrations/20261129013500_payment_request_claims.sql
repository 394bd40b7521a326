-- A bill may not be asked for twice: submitting a payment request now checks, per bill, that this request
-- together with the other requests under approval or approved (not yet paid) asks for no more than the
-- bill still has open. Until now only each line was checked against the bill, so two requests for the
-- whole bill could both be approved and the second could then not be paid (the ledger refuses to settle
-- more than is open), while the entry screen's "claimed" column was the only warning.
-- Drafts may overlap (a buyer may prepare alternatives); the check is made when a request claims the
-- money, at submission. The bills are locked in a fixed order so that two submissions naming the same
-- bill wait for each other instead of both passing. Everything else is submit_payment_request as it was
-- (20261128212258_payment_requests.sql).

create or replace function public.submit_payment_request(p_request_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('payment_requests', 'update');
  r public.payment_requests;
  allocated numeric;
  over record;
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

  perform 1 from public.open_items oi
  where oi.tenant_id = t and oi.id in (select l.open_item_id from public.payment_request_lines l where l.request_id = r.id)
  order by oi.id
  for no key update;
  with mine as (
    select l.*, row_number() over (order by l.line_no, l.id) - 1 as pos
    from public.payment_request_lines l where l.request_id = r.id
  )
  select m.pos, m.amount, -oi.outstanding as open, d.number as bill,
         coalesce(sum(o.amount), 0) as claimed, string_agg(op.number, ', ' order by op.number) as others
    into over
  from mine m
  join public.open_items oi on oi.tenant_id = m.tenant_id and oi.id = m.open_item_id
  left join public.ledger_documents d on d.tenant_id = oi.tenant_id and d.id = oi.source_id
  left join public.payment_request_lines o on o.tenant_id = m.tenant_id and o.open_item_id = m.open_item_id
    and o.request_id <> m.request_id
    and exists (select 1 from public.payment_requests x
                where x.id = o.request_id and x.status in ('pending', 'approved'))
  left join public.payment_requests op on op.id = o.request_id
  group by m.pos, m.amount, oi.outstanding, d.number
  having m.amount + coalesce(sum(o.amount), 0) > -oi.outstanding
  order by m.pos
  limit 1;
  if found then
    raise exception using errcode = 'TR664',
      message = format('bill %s: %s asked here and %s by %s exceed the %s still open', coalesce(over.bill, '?'),
        over.amount, over.claimed, coalesce(over.others, 'other requests'), over.open),
      hint = format('lines[%s].amount', over.pos);
  end if;

  inst := app_private.submit_approval(t, 'supplier_payment', r.id, app_private.payment_request_facts(r.id),
    coalesce(auth.uid(), r.requester_id));
  select * into r from public.payment_requests where id = r.id;
  return jsonb_build_object('status', r.status, 'approval_id', inst, 'number', r.number);
end
$$;
comment on function public.submit_payment_request(uuid) is
  'Submits a payment request for approval (document type supplier_payment); approved at once when no chain '
  'applies (right: update on payment_requests). Refuses a bill that this request and the other requests under '
  'approval or approved together ask more of than it still has open (TR664, hint lines[i].amount). SECURITY '
  'DEFINER because the approval tables and the status are written only by the engine and these functions.';
