-- A payment request (付款申请) with the bills it settles in one call, for the buyer's entry screen:
-- public.save_payment_request(p_request, p_lines) is built like save_order and save_voucher (the shared
-- app_private.save_with_lines engine, SECURITY INVOKER): the header and the complete list of lines in
-- one transaction, with the caller's rights, RLS and the existing guards (a pending or approved request
-- stays frozen: TR665). A refused line is raised again as "lines[i]: …" with the field as hint, and
-- nothing of the call is kept.
--
-- * The engine keeps lines in order by line_no, which payment request lines did not have: a column
--   with a default, so rows written through the plain API keep working.
-- * Header fields: party_id, amount, bank_account_id, request_date, pay_by, note. Line fields:
--   open_item_id, amount. No id: a new draft.
-- * On top of the row guards, the saved lines together may not exceed the amount (the rule submit
--   checks, reported at once: TR664, hint amount), and a request that cannot change is refused before
--   anything is written (TR665, hint status).
-- * The right is asked first (create for a new request, update for an edit: TR104), since RLS alone
--   turns an edit by someone who may only read into a silent no-op.

alter table public.payment_request_lines add column line_no integer not null default 0;
comment on column public.payment_request_lines.line_no is 'Position on the request';
grant insert (line_no), update (line_no) on public.payment_request_lines to authenticated;

create function public.save_payment_request(p_request jsonb, p_lines jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_id uuid;
  v_status public.payment_request_status;
  v_number text;
  v_allocated numeric;
  v_amount numeric;
  v_result jsonb;
begin
  -- the right first: RLS alone would let a reader's edit pass as a silent no-op
  if jsonb_typeof(p_request) = 'object' and nullif(p_request ->> 'id', '') is not null then
    perform app_private.require('payment_requests', 'update');
    select r.status, r.number into v_status, v_number
    from public.payment_requests r where r.id = (p_request ->> 'id')::uuid;
    if found and not app_private.payment_request_editable(v_status) then
      raise exception using errcode = 'TR665',
        message = format('payment request %s is %s and cannot be changed', v_number, v_status), hint = 'status';
    end if;
  else
    perform app_private.require('payment_requests', 'create');
  end if;
  v_id := app_private.save_with_lines('payment_requests', 'payment_request_lines', 'request_id',
    array['party_id', 'amount', 'bank_account_id', 'request_date', 'pay_by', 'note'],
    array['open_item_id', 'amount'], p_request, p_lines);
  select r.amount, coalesce((select sum(l.amount) from public.payment_request_lines l where l.request_id = r.id), 0)
    into v_amount, v_allocated
  from public.payment_requests r where r.id = v_id;
  if v_allocated > v_amount then
    raise exception using errcode = 'TR664',
      message = format('the bills settled (%s) exceed the amount (%s)', v_allocated, v_amount), hint = 'amount';
  end if;
  -- money as text: a JSON number would become a float in a JavaScript client
  select jsonb_build_object('id', r.id, 'number', r.number, 'status', r.status, 'amount', r.amount::text,
    'allocated', v_allocated::text)
    into v_result from public.payment_requests r where r.id = v_id;
  return v_result;
end
$$;
comment on function public.save_payment_request(jsonb, jsonb) is
  'Saves a payment request to a supplier with its complete list of bills in one transaction: header fields '
  'party_id, amount, bank_account_id, request_date, pay_by, note (no id: a new draft); lines {open_item_id, '
  'amount} in order (with id: that line changed; without: new; unlisted: deleted). Runs with the caller''s '
  'rights and RLS; a refused line names itself (lines[i]) and leaves the request as it was; the bills together '
  'may not exceed the amount; a request under approval, approved, paid or cancelled is refused (TR665). '
  'Returns id, number, status, amount and allocated (money as text).';
revoke execute on function public.save_payment_request(jsonb, jsonb) from public, anon;
grant execute on function public.save_payment_request(jsonb, jsonb) to authenticated;
