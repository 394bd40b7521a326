-- Red-letter (红字) invoices for PART of an issued invoice (issue 7): some lines, part of a line's
-- quantity, or part of its amount (销售折让), each red line linked to the line of the original it credits.
--
-- The rule lives in a trigger on tax_invoice_lines, so every path that writes red lines (the full red
-- invoice, the one for a sales return, the partial one) obeys it: a red line names a line of ITS
-- original, credits with the opposite sign and the same rate, and all red lines of an original line
-- (cancelled invoices aside) never credit more amount, tax or quantity than the line has. The original
-- line is locked while this is checked, so two concurrent red invoices cannot both take the last part.
-- VAT of a partial credit is computed the way every line is (public.vat_line: per-line rounding); the
-- credit that closes a line takes exactly what is left of its amount and tax, so the red invoices of a
-- line add up to the line to the cent.
--
-- public.prepare_red_invoice (full) now credits what is left of each line (after partial red invoices),
-- and refuses when nothing is left.
--
-- Stable error codes (new):
--   TR847 a red-letter line credits more than is left on the original line, or does not fit it
--         (hint: lines[n] / lines[n].field, or original_line_id for direct writes)

alter table public.tax_invoice_lines add column original_line_id uuid;
alter table public.tax_invoice_lines add constraint tax_invoice_lines_original_line_fkey
  foreign key (tenant_id, original_line_id) references public.tax_invoice_lines (tenant_id, id) on delete restrict;
create index tax_invoice_lines_original_line_idx on public.tax_invoice_lines (tenant_id, original_line_id);
comment on column public.tax_invoice_lines.original_line_id is
  'For a red-letter line: the line of the original invoice it credits';

-- the red lines written before this migration: the original's line with the same number and item (full
-- red invoices copy line numbers), else its first line with the same item (red invoices of a return)
update public.tax_invoice_lines rl set original_line_id = coalesce(
    (select ol.id from public.tax_invoice_lines ol
     where ol.invoice_id = ti.original_id and ol.line_no = rl.line_no and ol.item_id is not distinct from rl.item_id),
    (select ol.id from public.tax_invoice_lines ol
     where ol.invoice_id = ti.original_id and ol.item_id = rl.item_id order by ol.line_no limit 1))
from public.tax_invoices ti
where ti.id = rl.invoice_id and ti.is_red and rl.original_line_id is null;

create function app_private.check_red_invoice_line() returns trigger
language plpgsql set search_path = ''
as $$
declare
  inv record;
  ol record;
  done_amount numeric;
  done_tax numeric;
  done_qty numeric;
  h text := format('lines[%s]', new.line_no);
begin
  select ti.is_red, ti.original_id into inv from public.tax_invoices ti where ti.id = new.invoice_id;
  if not inv.is_red then
    if new.original_line_id is not null then
      raise exception using errcode = 'TR847', message = 'only a red-letter line credits a line of another invoice',
        hint = 'original_line_id';
    end if;
    return new;
  end if;
  if new.original_line_id is null then
    raise exception using errcode = 'TR847',
      message = format('red-letter line %s must name the line of the original it credits', new.line_no),
      hint = 'original_line_id';
  end if;
  -- locked: the red lines of this original line are checked one transaction at a time
  select l.* into ol from public.tax_invoice_lines l
  where l.id = new.original_line_id and l.tenant_id = new.tenant_id for update;
  if not found or ol.invoice_id is distinct from inv.original_id then
    raise exception using errcode = 'TR847',
      message = format('red-letter line %s credits a line that is not on its original invoice', new.line_no),
      hint = 'original_line_id';
  end if;
  if new.amount > 0 or new.tax > 0 or coalesce(new.quantity, 0) > 0 or (new.amount = 0 and new.tax = 0) then
    raise exception using errcode = 'TR847',
      message = format('red-letter line %s: amount, tax and quantity are negative (a credit), and not all zero',
                       new.line_no),
      hint = h || '.amount';
  end if;
  if new.tax_rate <> ol.tax_rate then
    raise exception using errcode = 'TR847',
      message = format('red-letter line %s: the rate must be the original line''s %s', new.line_no, ol.tax_rate),
      hint = h || '.tax_rate';
  end if;
  select coalesce(sum(-l.amount), 0), coalesce(sum(-l.tax), 0), coalesce(sum(-l.quantity), 0)
  into done_amount, done_tax, done_qty
  from public.tax_invoice_lines l join public.tax_invoices ti on ti.id = l.invoice_id
  where l.tenant_id = new.tenant_id and l.original_line_id = ol.id and l.id <> new.id and ti.status <> 'cancelled';
  if done_amount - new.amount > ol.amount or done_tax - new.tax > ol.tax
     or (new.quantity is not null and (ol.quantity is null or done_qty - new.quantity > ol.quantity)) then
    raise exception using errcode = 'TR847',
      message = format('line %s of the original has %s (tax %s%s) left to credit; this red-letter line credits %s (tax %s%s)',
                       ol.line_no, ol.amount - done_amount, ol.tax - done_tax,
                       case when ol.quantity is not null then format(', quantity %s', ol.quantity - done_qty) else '' end,
                       -new.amount, -new.tax,
                       case when new.quantity is not null then format(', quantity %s', -new.quantity) else '' end),
      hint = h;
  end if;
  -- the same VAT rule as every line: tax = round(amount × rate) (± 0.01 for prices that included tax);
  -- the credit that takes the rest of the line's amount takes the rest of its tax
  if done_amount - new.amount = ol.amount then
    if done_tax - new.tax <> ol.tax then
      raise exception using errcode = 'TR847',
        message = format('red-letter line %s credits the rest of the amount, so it credits the rest of the tax: %s',
                         new.line_no, ol.tax - done_tax),
        hint = h || '.tax';
    end if;
  elsif abs(new.tax - round(new.amount * new.tax_rate, 2)) > 0.01 then
    raise exception using errcode = 'TR847',
      message = format('red-letter line %s: tax %s does not follow from amount %s at rate %s', new.line_no, new.tax,
                       new.amount, new.tax_rate),
      hint = h || '.tax';
  end if;
  return new;
end
$$;
comment on function app_private.check_red_invoice_line() is
  'Red-letter lines credit a line of their original, never more than is left on it, at its rate, with the VAT rule';
create trigger tax_invoice_lines_red_check before insert or update on public.tax_invoice_lines
  for each row execute function app_private.check_red_invoice_line();

-- What is left to credit on each line of an invoice (an internal helper of the two functions below).
create function app_private.red_invoice_remaining(p_invoice_id uuid)
returns table (id uuid, line_no int, quantity numeric, amount numeric, tax numeric, unit_price numeric,
  tax_rate numeric)
language sql stable set search_path = ''
as $$
  select ol.id, ol.line_no, ol.quantity - coalesce(c.qty, 0), ol.amount - coalesce(c.amount, 0),
    ol.tax - coalesce(c.tax, 0), ol.unit_price, ol.tax_rate
  from public.tax_invoice_lines ol
  left join lateral (
    select sum(-l.quantity) qty, sum(-l.amount) amount, sum(-l.tax) tax
    from public.tax_invoice_lines l join public.tax_invoices ti on ti.id = l.invoice_id
    where l.tenant_id = ol.tenant_id and l.original_line_id = ol.id and ti.status <> 'cancelled') c on true
  where ol.invoice_id = p_invoice_id
$$;

-- The red-letter invoice header of an issued blue one (shared by the full and the partial function).
create function app_private.new_red_invoice(p_tenant uuid, p_original public.tax_invoices, p_reason text,
  p_document_id uuid)
returns uuid
language plpgsql volatile set search_path = ''
as $$
declare
  inv uuid;
begin
  insert into public.tax_invoices (tenant_id, document_id, invoice_type, is_red, original_id, red_reason, invoice_date,
    seller_name, seller_taxpayer_id, buyer_name, buyer_taxpayer_id, amount, tax, total, created_by)
  values (p_tenant, coalesce(p_document_id, p_original.document_id), p_original.invoice_type, true, p_original.id,
    btrim(p_reason), (now() at time zone 'Asia/Shanghai')::date, p_original.seller_name,
    p_original.seller_taxpayer_id, p_original.buyer_name, p_original.buyer_taxpayer_id, -1, 0, -1, auth.uid())
  returning id into inv;
  return inv;
end
$$;

-- A red-letter invoice for part of an issued one. p_lines: [{line_no, quantity | amount | total}] — for
-- each line of the original to credit, exactly one of: the quantity returned (金额 and 税额 from the
-- line's unit price and rate, per-line rounded), the amount excluding tax (a 销售折让 without quantity),
-- or the total including tax (价税合计, split by the rate). The credit that takes all that is left of a line
-- takes exactly its remaining amount and tax.
create function public.prepare_partial_red_invoice(p_original_id uuid, p_reason text, p_lines jsonb)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('tax_invoices', 'create');
  o public.tax_invoices;
  e record;
  rl record;
  ol record;
  inv uuid;
  q numeric; a numeric; tot numeric;
  qty numeric; amt numeric; tx numeric;
  given int;
  n int := 0;
  seen int[] := '{}';
  h text;
begin
  select * into o from public.tax_invoices ti where ti.id = p_original_id and ti.tenant_id = t for update;
  if not found or o.is_red or o.status <> 'issued' then
    raise exception using errcode = 'TR846', message = 'the original must be an issued blue invoice of this company',
      hint = 'original_id';
  end if;
  if coalesce(btrim(p_reason), '') = '' or char_length(p_reason) > 200 then
    raise exception using errcode = 'TR846', message = 'a reason of 1 to 200 characters is required', hint = 'reason';
  end if;
  if jsonb_typeof(p_lines) is distinct from 'array' or jsonb_array_length(p_lines) = 0 then
    raise exception using errcode = 'TR847', message = 'at least one line to credit is required', hint = 'lines';
  end if;
  inv := app_private.new_red_invoice(t, o, p_reason, null);
  for e in select x.value as v, x.ord::int as i from jsonb_array_elements(p_lines) with ordinality x(value, ord) loop
    h := format('lines[%s]', e.i);
    if jsonb_typeof(e.v) is distinct from 'object' then
      raise exception using errcode = 'TR847', message = format('line %s: an object {line_no, quantity | amount | total}', e.i),
        hint = h;
    end if;
    begin
      q := (e.v ->> 'quantity')::numeric;
      a := (e.v ->> 'amount')::numeric;
      tot := (e.v ->> 'total')::numeric;
      n := (e.v ->> 'line_no')::int;
    exception when others then
      raise exception using errcode = 'TR847',
        message = format('line %s: line_no, quantity, amount and total must be numbers', e.i), hint = h;
    end;
    select * into rl from app_private.red_invoice_remaining(o.id) r where r.line_no = n;
    if n is null or not found then
      raise exception using errcode = 'TR847',
        message = format('line %s: the original invoice has no line %s', e.i, coalesce(n::text, '(none)')),
        hint = h || '.line_no';
    end if;
    if n = any (seen) then
      raise exception using errcode = 'TR847', message = format('line %s: line %s of the original is named twice', e.i, n),
        hint = h || '.line_no';
    end if;
    seen := seen || n;
    given := (q is not null)::int + (a is not null)::int + (tot is not null)::int;
    if given <> 1 then
      raise exception using errcode = 'TR847',
        message = format('line %s: give exactly one of quantity, amount or total to credit', e.i), hint = h;
    end if;
    if coalesce(q, a, tot) <= 0 then
      raise exception using errcode = 'TR847',
        message = format('line %s: the quantity, amount or total to credit must be more than zero', e.i),
        hint = h || case when q is not null then '.quantity' when a is not null then '.amount' else '.total' end;
    end if;
    qty := null;
    if q is not null then
      if rl.quantity is null or rl.unit_price is null then
        raise exception using errcode = 'TR847',
          message = format('line %s: line %s of the original has no quantity: credit an amount', e.i, n),
          hint = h || '.quantity';
      end if;
      if q > rl.quantity then
        raise exception using errcode = 'TR847',
          message = format('line %s: %s left to credit on line %s of the original, not %s', e.i, rl.quantity, n, q),
          hint = h || '.quantity';
      end if;
      qty := q;
      if q = rl.quantity then
        amt := rl.amount;
        tx := rl.tax;
      else
        select v.amount, v.tax into amt, tx from public.vat_line(q, rl.unit_price, rl.tax_rate, false, 0) v;
      end if;
    elsif a is not null then
      if a = rl.amount then
        amt := rl.amount;
        tx := rl.tax;
      else
        select v.amount, v.tax into amt, tx from public.vat_line(1, a, rl.tax_rate, false, 0) v;
      end if;
    else
      if tot = rl.amount + rl.tax then
        amt := rl.amount;
        tx := rl.tax;
      else
        select v.amount, v.tax into amt, tx from public.vat_line(1, tot, rl.tax_rate, true, 0) v;
      end if;
    end if;
    -- a credit that (after rounding) takes the whole amount left takes the whole tax left; a smaller one
    -- never more tax than is left (earlier roundings may have taken a cent more)
    if amt = rl.amount then
      tx := rl.tax;
    elsif amt < rl.amount then
      tx := least(tx, rl.tax);
    end if;
    if amt > rl.amount or tx > rl.tax then
      raise exception using errcode = 'TR847',
        message = format('line %s: line %s of the original has %s (tax %s) left to credit, not %s (tax %s)', e.i, n,
                         rl.amount, rl.tax, amt, tx),
        hint = h || case when q is not null then '.quantity' when a is not null then '.amount' else '.total' end;
    end if;
    select * into ol from public.tax_invoice_lines x where x.id = rl.id;
    insert into public.tax_invoice_lines (tenant_id, invoice_id, line_no, item_id, name, tax_classification_code, spec,
      unit, quantity, unit_price, amount, tax_rate, tax, original_line_id)
    values (t, inv, e.i, ol.item_id, ol.name, ol.tax_classification_code, ol.spec, ol.unit, -qty,
      case when qty is not null then ol.unit_price end, -amt, ol.tax_rate, -tx, ol.id);
  end loop;
  update public.tax_invoices ti set amount = s.a, tax = s.t, total = s.a + s.t
  from (select sum(l.amount) a, sum(l.tax) t from public.tax_invoice_lines l where l.invoice_id = inv) s
  where ti.id = inv;
  return inv;
end
$$;
comment on function public.prepare_partial_red_invoice(uuid, text, jsonb) is
  'Prepares a red-letter (红字) invoice for part of an issued invoice: lines [{line_no, quantity | amount | total}], '
  'VAT per line as on every line, never more than is left on each line (right: create on tax_invoices). '
  'SECURITY DEFINER because invoice data is written only from issued invoices: it checks the right itself.';

-- Full red-letter invoice (or the one of a posted sales return): as before, with each red line linked to
-- the original line; "in full" now means what is left after partial red-letter invoices.
create or replace function public.prepare_red_invoice(p_original_id uuid, p_reason text, p_document_id uuid default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('tax_invoices', 'create');
  o public.tax_invoices;
  ret record;
  inv uuid;
  reds numeric;
begin
  select * into o from public.tax_invoices ti where ti.id = p_original_id and ti.tenant_id = t for update;
  if not found or o.is_red or o.status <> 'issued' then
    raise exception using errcode = 'TR846', message = 'the original must be an issued blue invoice of this company',
      hint = 'original_id';
  end if;
  if coalesce(btrim(p_reason), '') = '' or char_length(p_reason) > 200 then
    raise exception using errcode = 'TR846', message = 'a reason of 1 to 200 characters is required', hint = 'reason';
  end if;
  select coalesce(sum(ti.total), 0) into reds from public.tax_invoices ti
  where ti.tenant_id = t and ti.original_id = o.id and ti.status <> 'cancelled';
  if p_document_id is not null then
    select d.* into ret from public.ledger_documents d join public.ledger_documents od on od.id = o.document_id
    where d.id = p_document_id and d.tenant_id = t and d.doc_type = 'sales_return' and d.status = 'posted'
      and d.party_id = od.party_id;
    if not found then
      raise exception using errcode = 'TR846', message = 'not a posted sales return of the same customer',
        hint = 'document_id';
    end if;
  elsif not exists (select 1 from app_private.red_invoice_remaining(o.id) r where r.amount > 0 or r.tax > 0) then
    raise exception using errcode = 'TR846',
      message = format('nothing is left to credit: red-letter invoices already reverse the original total %s', o.total),
      hint = 'original_id';
  end if;
  inv := app_private.new_red_invoice(t, o, p_reason, p_document_id);
  if p_document_id is null then
    insert into public.tax_invoice_lines (tenant_id, invoice_id, line_no, item_id, name, tax_classification_code, spec,
      unit, quantity, unit_price, amount, tax_rate, tax, original_line_id)
    select t, inv, l.line_no, l.item_id, l.name, l.tax_classification_code, l.spec, l.unit, -r.quantity, l.unit_price,
      -r.amount, l.tax_rate, -r.tax, l.id
    from public.tax_invoice_lines l join app_private.red_invoice_remaining(o.id) r on r.id = l.id
    where l.invoice_id = o.id and (r.amount > 0 or r.tax > 0);
  else
    insert into public.tax_invoice_lines (tenant_id, invoice_id, line_no, item_id, name, tax_classification_code, spec,
      unit, quantity, unit_price, amount, tax_rate, tax, original_line_id)
    select t, inv, row_number() over (order by dl.line_no), dl.item_id, ol.name, ol.tax_classification_code, ol.spec,
      ol.unit, -dl.quantity, ol.unit_price, -dl.amount, ol.tax_rate, -dl.tax, ol.id
    from public.ledger_document_lines dl
    join lateral (select * from public.tax_invoice_lines x where x.invoice_id = o.id and x.item_id = dl.item_id
                  order by x.line_no limit 1) ol on true
    where dl.document_id = p_document_id;
    if not found then
      raise exception using errcode = 'TR846', message = 'the return has no item of the original invoice',
        hint = 'document_id';
    end if;
  end if;
  update public.tax_invoices ti set amount = s.a, tax = s.t, total = s.a + s.t
  from (select sum(l.amount) a, sum(l.tax) t from public.tax_invoice_lines l where l.invoice_id = inv) s
  where ti.id = inv;
  if reds + (select ti.total from public.tax_invoices ti where ti.id = inv) < -o.total then
    raise exception using errcode = 'TR846',
      message = format('red-letter invoices would exceed the original total %s', o.total), hint = 'original_id';
  end if;
  return inv;
end
$$;
comment on function public.prepare_red_invoice(uuid, text, uuid) is
  'Prepares a red-letter (红字) invoice of an issued one, for all that is left of it or for a posted sales return; '
  'never more than is left on each line (right: create on tax_invoices). '
  'SECURITY DEFINER because invoice data is written only from issued invoices and posted documents: it checks the right itself.';

revoke execute on function app_private.red_invoice_remaining(uuid), app_private.new_red_invoice(uuid, public.tax_invoices, text, uuid)
  from public, anon, authenticated;
revoke execute on function public.prepare_partial_red_invoice(uuid, text, jsonb) from public, anon;
grant execute on function public.prepare_partial_red_invoice(uuid, text, jsonb) to authenticated;
