-- VAT (增值税) for documents, 数电发票 invoice data, and a period's VAT from the posted books (issue 7, tax part).
--
-- Rates are the effective-dated public.tax_codes of each company (general-taxpayer rates; small-scale levy
-- 3 % reduced to 1 % until 2027-12-31); the amounts of the tax law that are not rates (small-scale monthly
-- exemption threshold, the 5,000,000 annual threshold for general-taxpayer registration) are effective-dated
-- rows of app_private.vat_parameters, read with public.vat_parameter(key, date). The document's date
-- chooses both. public.vat_document computes a whole document with the one line rule (public.vat_line:
-- per-line rounding, 价税合计 = sum of the lines).
--
-- Invoices: public.prepare_tax_invoice(document) turns a posted sales_invoice into the data a 数电发票
-- needs (seller from the company, buyer from the customer, items with their tax classification code);
-- public.record_tax_invoice_number stores the number the tax platform issued; public.prepare_red_invoice
-- makes the red-letter (红字) invoice of an issued one, linked to it.
--
-- Stable error codes:
--   TR840 invalid document line for VAT (hint: lines[n].field)
--   TR841 unknown VAT parameter or fiscal period
--   TR842 the document is not a posted, unreversed sales invoice of this company
--   TR843 seller or buyer data missing or invalid (hint: the field)
--   TR844 an item without a 19-digit tax classification code (hint: lines[n].tax_classification_code)
--   TR845 invalid or duplicate invoice number, or the invoice is not in a state that allows it
--   TR846 red-letter invoice: the original is not issued, or would be reversed more than once in full

create table app_private.vat_parameters (
  key text not null,
  value numeric not null,
  valid_from date not null,
  valid_to date,
  note text not null,
  primary key (key, valid_from),
  check (valid_to is null or valid_to >= valid_from)
);
comment on table app_private.vat_parameters is 'Amounts of the VAT rules that are not rates, effective-dated';
insert into app_private.vat_parameters (key, value, valid_from, valid_to, note) values
  ('small_scale_monthly_exemption', 100000, '2023-01-01', '2027-12-31',
   '小规模纳税人月销售额 10 万元以下 (季度 30 万) 免征增值税 (财政部 税务总局公告 2023 年第 19 号)'),
  ('small_scale_annual_threshold', 5000000, '2018-05-01', null,
   '年应征增值税销售额 500 万元以上登记为一般纳税人 (财税〔2018〕33 号; 增值税法)'),
  ('small_scale_reduced_rate', 0.01, '2023-01-01', '2027-12-31', '3% 征收率减按 1% (公告 2023 年第 19 号)');

create function public.vat_parameter(p_key text, p_date date default null) returns numeric
language plpgsql stable security definer set search_path = ''
as $$
declare
  d date := coalesce(p_date, (now() at time zone 'Asia/Shanghai')::date);
  v numeric;
begin
  select p.value into v from app_private.vat_parameters p
  where p.key = p_key and p.valid_from <= d and (p.valid_to is null or p.valid_to >= d);
  if not found then
    if not exists (select 1 from app_private.vat_parameters p where p.key = p_key) then
      raise exception using errcode = 'TR841', message = format('unknown VAT parameter "%s"', p_key), hint = 'key';
    end if;
    return null;
  end if;
  return v;
end
$$;
comment on function public.vat_parameter(text, date) is
  'An amount of the VAT rules on a date (null when none applies then): small_scale_monthly_exemption, '
  'small_scale_annual_threshold, small_scale_reduced_rate. '
  'SECURITY DEFINER because the parameters are platform data in app_private, the same for every company.';

-- A document's VAT: p_lines [{quantity, unit_price, tax_code? | tax_rate?, discount?}]; the rate of a code
-- is the one valid on p_date. Returns {lines: [{amount, tax, total, rate}], amount, tax, total}.
create function public.vat_document(p_date date, p_lines jsonb, p_tax_inclusive boolean default true)
returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  l record;
  r numeric; q numeric; price numeric; disc numeric;
  v record;
  out jsonb := '[]';
  a numeric := 0; tx numeric := 0;
  h text; m text;
begin
  if p_date is null then
    raise exception using errcode = 'TR840', message = 'the document date is required', hint = 'date';
  end if;
  if jsonb_typeof(p_lines) is distinct from 'array' or jsonb_array_length(p_lines) = 0 then
    raise exception using errcode = 'TR840', message = 'at least one line is required', hint = 'lines';
  end if;
  for l in select e.value as v, e.ord::int as n from jsonb_array_elements(p_lines) with ordinality e(value, ord) loop
    begin
      q := (l.v ->> 'quantity')::numeric;
      price := (l.v ->> 'unit_price')::numeric;
      disc := coalesce((l.v ->> 'discount')::numeric, 0);
      r := (l.v ->> 'tax_rate')::numeric;
    exception when others then
      raise exception using errcode = 'TR840', message = format('line %s: quantity, unit_price, discount and tax_rate must be numbers', l.n),
        hint = format('lines[%s]', l.n);
    end;
    if r is null then
      if l.v ->> 'tax_code' is null then
        raise exception using errcode = 'TR840', message = format('line %s: a tax code or tax rate is required', l.n),
          hint = format('lines[%s].tax_code', l.n);
      end if;
      select tc.rate into r from public.tax_codes tc
      where tc.tenant_id = (select app_private.current_tenant_id()) and tc.code = l.v ->> 'tax_code'
        and tc.valid_from <= p_date and (tc.valid_to is null or tc.valid_to >= p_date);
      if r is null then
        raise exception using errcode = 'TR840',
          message = format('line %s: tax code "%s" has no rate on %s', l.n, l.v ->> 'tax_code', p_date),
          hint = format('lines[%s].tax_code', l.n);
      end if;
    end if;
    begin
      select * into v from public.vat_line(q, price, r, p_tax_inclusive, disc);
    exception when sqlstate 'TR311' then
      get stacked diagnostics h = pg_exception_hint, m = message_text;
      raise exception using errcode = 'TR840', message = format('line %s: %s', l.n, m),
        hint = format('lines[%s].%s', l.n, h);
    end;
    out := out || jsonb_build_object('amount', v.amount, 'tax', v.tax, 'total', v.total, 'rate', r);
    a := a + v.amount;
    tx := tx + v.tax;
  end loop;
  return jsonb_build_object('lines', out, 'amount', a, 'tax', tx, 'total', a + tx);
end
$$;
comment on function public.vat_document(date, jsonb, boolean) is
  'VAT of a document: each line rounded to 0.01 (public.vat_line), 金额, 税额 and 价税合计 as sums of the lines; '
  'a tax code takes its rate on the document date';

-- ───────────────────────────── 数电发票 data ─────────────────────────────
create table public.tax_invoices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  document_id uuid not null,
  invoice_type text not null default 'normal' check (invoice_type in ('special', 'normal')),
  is_red boolean not null default false,
  original_id uuid,
  red_reason text check (red_reason is null or char_length(red_reason) <= 200),
  status text not null default 'prepared' check (status in ('prepared', 'issued', 'cancelled')),
  invoice_date date not null,
  seller_name text not null,
  seller_taxpayer_id text not null check (public.is_valid_credit_code(seller_taxpayer_id)),
  buyer_name text not null check (char_length(btrim(buyer_name)) between 1 and 200),
  buyer_taxpayer_id text check (buyer_taxpayer_id is null or public.is_valid_credit_code(buyer_taxpayer_id)),
  amount numeric(18, 2) not null,
  tax numeric(18, 2) not null,
  total numeric(18, 2) not null,
  invoice_number text check (invoice_number ~ '^[0-9]{20}$'),
  issued_at timestamptz,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, invoice_number),
  check (total = amount + tax),
  check (is_red = (original_id is not null)),
  check (is_red = (total < 0)),
  check ((status = 'issued') = (invoice_number is not null)),
  check (invoice_type = 'normal' or buyer_taxpayer_id is not null),
  foreign key (tenant_id, document_id) references public.ledger_documents (tenant_id, id) on delete restrict,
  foreign key (tenant_id, original_id) references public.tax_invoices (tenant_id, id) on delete restrict
);
comment on table public.tax_invoices is
  'Invoice data for 数电发票 (fully digitalised e-invoices) of posted sales invoices; red-letter ones linked to the original';
comment on column public.tax_invoices.document_id is 'Posted sales invoice (or sales return for a red-letter invoice)';
comment on column public.tax_invoices.invoice_type is 'Special VAT invoice (增值税专用发票) or normal invoice (普通发票)';
comment on column public.tax_invoices.is_red is 'Red-letter invoice (红字发票)';
comment on column public.tax_invoices.original_id is 'The blue invoice a red-letter invoice reverses';
comment on column public.tax_invoices.red_reason is 'Reason for the red-letter invoice (开票有误, 销货退回, 服务中止, 销售折让)';
comment on column public.tax_invoices.status is 'Prepared, issued (has its number) or cancelled';
comment on column public.tax_invoices.invoice_date is 'Invoice date';
comment on column public.tax_invoices.seller_name is 'Seller name (销售方名称)';
comment on column public.tax_invoices.seller_taxpayer_id is 'Seller taxpayer id (销售方纳税人识别号)';
comment on column public.tax_invoices.buyer_name is 'Buyer name (购买方名称)';
comment on column public.tax_invoices.buyer_taxpayer_id is 'Buyer taxpayer id (购买方纳税人识别号); required for special invoices';
comment on column public.tax_invoices.amount is 'Amount excluding tax (金额)';
comment on column public.tax_invoices.tax is 'Tax (税额)';
comment on column public.tax_invoices.total is 'Total (价税合计), negative for red-letter invoices';
comment on column public.tax_invoices.invoice_number is 'Invoice number issued by the tax platform (20 digits)';
comment on column public.tax_invoices.issued_at is 'Issued at';
comment on column public.tax_invoices.created_by is 'Prepared by';
create unique index tax_invoices_one_blue_idx on public.tax_invoices (tenant_id, document_id)
  where not is_red and status <> 'cancelled';
create index tax_invoices_document_idx on public.tax_invoices (tenant_id, document_id);
create index tax_invoices_original_idx on public.tax_invoices (tenant_id, original_id);
create index tax_invoices_created_by_idx on public.tax_invoices (created_by);

create table public.tax_invoice_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  invoice_id uuid not null,
  line_no int not null check (line_no > 0),
  item_id uuid,
  name text not null,
  tax_classification_code text not null check (tax_classification_code ~ '^[0-9]{19}$'),
  spec text,
  unit text,
  quantity numeric(18, 4),
  unit_price numeric(20, 6),
  amount numeric(18, 2) not null,
  tax_rate numeric(6, 4) not null check (tax_rate >= 0 and tax_rate < 1),
  tax numeric(18, 2) not null,
  unique (tenant_id, id),
  unique (invoice_id, line_no),
  foreign key (tenant_id, invoice_id) references public.tax_invoices (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict
);
comment on table public.tax_invoice_lines is 'Items of a 数电发票 (项目名称, 规格型号, 单位, 数量, 单价, 金额, 税率, 税额)';
comment on column public.tax_invoice_lines.line_no is 'Line';
comment on column public.tax_invoice_lines.item_id is 'Item';
comment on column public.tax_invoice_lines.name is 'Item name as invoiced (*简称*名称)';
comment on column public.tax_invoice_lines.tax_classification_code is 'Tax classification code (税收分类编码, 19 digits)';
comment on column public.tax_invoice_lines.spec is 'Specification (规格型号)';
comment on column public.tax_invoice_lines.unit is 'Unit (单位)';
comment on column public.tax_invoice_lines.quantity is 'Quantity (数量)';
comment on column public.tax_invoice_lines.unit_price is 'Unit price excluding tax (单价)';
comment on column public.tax_invoice_lines.amount is 'Amount excluding tax (金额)';
comment on column public.tax_invoice_lines.tax_rate is 'Rate (税率/征收率)';
comment on column public.tax_invoice_lines.tax is 'Tax (税额)';
create index tax_invoice_lines_invoice_idx on public.tax_invoice_lines (tenant_id, invoice_id);
create index tax_invoice_lines_item_idx on public.tax_invoice_lines (tenant_id, item_id);

create function public.prepare_tax_invoice(p_document_id uuid, p_invoice_type text default 'normal')
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('tax_invoices', 'create');
  doc record;
  seller record;
  buyer record;
  l record;
  inv uuid;
  r numeric;
  n int := 0;
begin
  if p_invoice_type is null or p_invoice_type not in ('special', 'normal') then
    raise exception using errcode = 'TR843', message = 'invoice type must be special or normal', hint = 'invoice_type';
  end if;
  select * into doc from public.ledger_documents d where d.id = p_document_id and d.tenant_id = t
    and d.doc_type = 'sales_invoice' and d.status = 'posted';
  if not found then
    raise exception using errcode = 'TR842', message = 'not a posted sales invoice of this company',
      hint = 'document_id';
  end if;
  select ti.id into inv from public.tax_invoices ti
  where ti.tenant_id = t and ti.document_id = doc.id and not ti.is_red and ti.status <> 'cancelled';
  if found then
    return inv;
  end if;
  select tn.name, tn.credit_code into seller from public.tenants tn where tn.id = t;
  select coalesce(nullif(btrim(p.invoice_title), ''), p.name) as name, p.taxpayer_id into buyer
  from public.parties p where p.id = doc.party_id;
  if p_invoice_type = 'special' and buyer.taxpayer_id is null then
    raise exception using errcode = 'TR843',
      message = format('a special VAT invoice needs the buyer''s taxpayer id: add it to %s', buyer.name),
      hint = 'buyer_taxpayer_id';
  end if;
  insert into public.tax_invoices (tenant_id, document_id, invoice_type, invoice_date, seller_name, seller_taxpayer_id,
    buyer_name, buyer_taxpayer_id, amount, tax, total, created_by)
  select t, doc.id, p_invoice_type, doc.doc_date, seller.name, seller.credit_code, buyer.name, buyer.taxpayer_id,
    coalesce(sum(dl.amount), 0), coalesce(sum(dl.tax), 0), coalesce(sum(dl.amount + dl.tax), 0), auth.uid()
  from public.ledger_document_lines dl where dl.document_id = doc.id
  returning id into inv;
  for l in
    select dl.*, i.name as item_name, i.spec, i.unit, i.tax_classification_code,
      doc.payload -> 'lines' -> (dl.line_no - 1) as src
    from public.ledger_document_lines dl left join public.items i on i.id = dl.item_id
    where dl.document_id = doc.id order by dl.line_no
  loop
    n := n + 1;
    if l.tax_classification_code is null then
      raise exception using errcode = 'TR844',
        message = format('line %s: item %s has no tax classification code (税收分类编码)', l.line_no,
                         coalesce(l.item_name, '(none)')),
        hint = format('lines[%s].tax_classification_code', l.line_no);
    end if;
    r := app_private.line_tax_rate(t, coalesce(l.src, '{}'), format('lines[%s]', l.line_no), doc.doc_date,
      l.item_id, false);
    insert into public.tax_invoice_lines (tenant_id, invoice_id, line_no, item_id, name, tax_classification_code, spec,
      unit, quantity, unit_price, amount, tax_rate, tax)
    values (t, inv, l.line_no, l.item_id, l.item_name, l.tax_classification_code, l.spec, l.unit, l.quantity,
      case when l.quantity <> 0 then round(l.amount / l.quantity, 6) end, l.amount, r, l.tax);
  end loop;
  if n = 0 then
    raise exception using errcode = 'TR842', message = 'the sales invoice has no lines', hint = 'document_id';
  end if;
  return inv;
end
$$;
comment on function public.prepare_tax_invoice(uuid, text) is
  'Prepares the 数电发票 data of a posted sales invoice (seller, buyer, items with tax classification codes); '
  'again for the same document returns the same invoice (right: create on tax_invoices). '
  'SECURITY DEFINER because invoice data is written only from posted documents: it checks the right itself.';

create function public.record_tax_invoice_number(p_invoice_id uuid, p_invoice_number text,
  p_issued_at timestamptz default null)
returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('tax_invoices', 'update');
  inv record;
begin
  select * into inv from public.tax_invoices ti where ti.id = p_invoice_id and ti.tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR845', message = 'unknown invoice', hint = 'invoice_id';
  end if;
  if coalesce(p_invoice_number, '') !~ '^[0-9]{20}$' then
    raise exception using errcode = 'TR845', message = 'a 数电发票 number has 20 digits', hint = 'invoice_number';
  end if;
  if inv.status = 'issued' then
    if inv.invoice_number = p_invoice_number then
      return;
    end if;
    raise exception using errcode = 'TR845',
      message = format('the invoice was already issued as %s', inv.invoice_number), hint = 'invoice_number';
  end if;
  if inv.status <> 'prepared' then
    raise exception using errcode = 'TR845', message = 'the invoice is cancelled', hint = 'invoice_id';
  end if;
  if exists (select 1 from public.tax_invoices ti where ti.tenant_id = t and ti.invoice_number = p_invoice_number) then
    raise exception using errcode = 'TR845', message = format('invoice number %s is already recorded', p_invoice_number),
      hint = 'invoice_number';
  end if;
  update public.tax_invoices set status = 'issued', invoice_number = p_invoice_number,
    issued_at = coalesce(p_issued_at, now())
  where id = inv.id;
end
$$;
comment on function public.record_tax_invoice_number(uuid, text, timestamptz) is
  'Records the number the tax platform issued for a prepared invoice (right: update on tax_invoices). '
  'SECURITY DEFINER because issued invoices are immutable for the API: it checks the right itself.';

-- A red-letter invoice reversing an issued blue one in full, or (p_document_id: a posted sales_return of
-- the same customer) by the returned lines.
create function public.prepare_red_invoice(p_original_id uuid, p_reason text, p_document_id uuid default null)
returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('tax_invoices', 'create');
  o record;
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
  end if;
  insert into public.tax_invoices (tenant_id, document_id, invoice_type, is_red, original_id, red_reason, invoice_date,
    seller_name, seller_taxpayer_id, buyer_name, buyer_taxpayer_id, amount, tax, total, created_by)
  values (t, coalesce(p_document_id, o.document_id), o.invoice_type, true, o.id, btrim(p_reason),
    (now() at time zone 'Asia/Shanghai')::date, o.seller_name, o.seller_taxpayer_id, o.buyer_name,
    o.buyer_taxpayer_id, -1, 0, -1, auth.uid())
  returning id into inv;
  if p_document_id is null then
    insert into public.tax_invoice_lines (tenant_id, invoice_id, line_no, item_id, name, tax_classification_code, spec,
      unit, quantity, unit_price, amount, tax_rate, tax)
    select t, inv, l.line_no, l.item_id, l.name, l.tax_classification_code, l.spec, l.unit, -l.quantity, l.unit_price,
      -l.amount, l.tax_rate, -l.tax
    from public.tax_invoice_lines l where l.invoice_id = o.id;
  else
    insert into public.tax_invoice_lines (tenant_id, invoice_id, line_no, item_id, name, tax_classification_code, spec,
      unit, quantity, unit_price, amount, tax_rate, tax)
    select t, inv, row_number() over (order by dl.line_no), dl.item_id, ol.name, ol.tax_classification_code, ol.spec,
      ol.unit, -dl.quantity, ol.unit_price, -dl.amount, ol.tax_rate, -dl.tax
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
  'Prepares a red-letter (红字) invoice of an issued one, in full or for a posted sales return; never more than '
  'the original (right: create on tax_invoices). '
  'SECURITY DEFINER because invoice data is written only from issued invoices and posted documents: it checks the right itself.';

-- ───────────────────────────── VAT from the books ─────────────────────────────
-- A period's VAT from the folded balances (app_private.gl_amounts): output tax (销项, or 简易计税 for
-- small-scale taxpayers), input tax (进项), input transferred out (进项税额转出, 22210103), and payable =
-- output + transferred out − input (negative: 留抵, carried forward).
create function public.vat_summary(p_period_id uuid)
returns table (period_id uuid, start_date date, end_date date, taxpayer_type text, output_vat numeric,
  input_vat numeric, input_transferred_out numeric, payable numeric, carried_forward numeric, sales numeric,
  monthly_exemption numeric)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('tax', 'read');
  p record;
  tp text;
  out_acct uuid; in_acct uuid; rev uuid;
  o numeric; i numeric; x numeric; s numeric;
begin
  select * into p from public.fiscal_periods fp where fp.id = p_period_id and fp.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR841', message = 'unknown fiscal period', hint = 'period_id';
  end if;
  select tn.taxpayer_type::text into tp from public.tenants tn where tn.id = t;
  select ps.account_id into out_acct from public.posting_settings ps where ps.tenant_id = t and ps.key = 'output_vat_account';
  select ps.account_id into in_acct from public.posting_settings ps where ps.tenant_id = t and ps.key = 'input_vat_account';
  select ps.account_id into rev from public.posting_settings ps where ps.tenant_id = t and ps.key = 'revenue_account';
  select coalesce(sum(g.credit - g.debit) filter (where g.account_id = out_acct), 0),
         coalesce(sum(g.debit - g.credit) filter (where g.account_id = in_acct), 0),
         coalesce(sum(g.credit - g.debit) filter (where a.code = '22210103'), 0),
         coalesce(sum(g.credit) filter (where g.account_id = rev), 0)
  into o, i, x, s
  from app_private.gl_amounts(t) g join public.accounts a on a.id = g.account_id
  where g.period_id = p.id;
  return query select p.id, p.start_date, p.end_date, tp, o, i, x, greatest(o + x - i, 0), greatest(i - o - x, 0), s,
    case when tp = 'small_scale' then public.vat_parameter('small_scale_monthly_exemption', p.end_date) end;
end
$$;
comment on function public.vat_summary(uuid) is
  'VAT of a period from the posted books: output, input, input transferred out, payable, carried forward '
  '(留抵), sales (revenue credits) and, for small-scale taxpayers, the monthly exemption threshold (right: read on tax). '
  'SECURITY DEFINER because it reads the folded ledger balances (app_private): it checks the right itself.';

-- Small-scale taxpayers: sales of the rolling 12 months (the months of the 12 fiscal periods ending with
-- the one containing p_as_of) against the annual threshold. Sales = credits to the revenue account except
-- the month-end carry-forward, read from the voucher lines of that one account (indexed by account).
create function public.small_scale_threshold_status(p_as_of date default null)
returns table (taxpayer_type text, window_start date, window_end date, sales numeric, threshold numeric,
  ratio numeric, level text, message text)
language plpgsql stable security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('tax', 'read');
  d date := coalesce(p_as_of, (now() at time zone 'Asia/Shanghai')::date);
  ws date := (date_trunc('month', d) - interval '11 months')::date;
  we date := (date_trunc('month', d) + interval '1 month - 1 day')::date;
  tp text;
  s numeric;
  th numeric := public.vat_parameter('small_scale_annual_threshold', d);
  r numeric;
  lvl text;
begin
  select tn.taxpayer_type::text into tp from public.tenants tn where tn.id = t;
  select coalesce(sum(vl.credit - vl.debit), 0) into s
  from public.voucher_lines vl
  join public.vouchers v on v.id = vl.voucher_id
  where vl.tenant_id = t
    and vl.account_id in (select a.id from public.accounts a join public.accounts ra on ra.tenant_id = a.tenant_id
                          and a.code like ra.code || '%'
                          join public.posting_settings ps on ps.account_id = ra.id and ps.key = 'revenue_account'
                          where ps.tenant_id = t)
    and v.status <> 'draft' and v.voucher_date between ws and we
    and coalesce(v.source_type, '') <> 'profit_carry_forward';
  r := case when th > 0 then round(s / th, 4) else 0 end;
  lvl := case when r >= 1 then 'exceeded' when r >= 0.8 then 'warning' else 'ok' end;
  return query select tp, ws, we, s, th, r, lvl,
    case lvl
      when 'exceeded' then format('连续 12 个月销售额 %s 元已超过 %s 元: 须登记为一般纳税人 / rolling 12-month sales %s exceed %s: registration as a general taxpayer is required', s, th, s, th)
      when 'warning' then format('连续 12 个月销售额 %s 元已达标准的 %s%%: 即将超过 %s 元 / rolling 12-month sales %s are %s%% of the %s threshold', s, round(r * 100, 1), th, s, round(r * 100, 1), th)
      else format('连续 12 个月销售额 %s 元, 标准 %s 元 / rolling 12-month sales %s of %s', s, th, s, th)
    end;
end
$$;
comment on function public.small_scale_threshold_status(date) is
  'Rolling 12-month sales against the 5,000,000 general-taxpayer threshold, level ok / warning (≥ 80 %) / '
  'exceeded, with a message in Chinese and English (right: read on tax). '
  'SECURITY DEFINER because it reads ledger lines of the revenue account only: it checks the right itself.';

revoke execute on function public.vat_parameter(text, date), public.vat_document(date, jsonb, boolean),
  public.prepare_tax_invoice(uuid, text), public.record_tax_invoice_number(uuid, text, timestamptz),
  public.prepare_red_invoice(uuid, text, uuid), public.vat_summary(uuid), public.small_scale_threshold_status(date)
  from public, anon;
grant execute on function public.vat_parameter(text, date), public.vat_document(date, jsonb, boolean),
  public.prepare_tax_invoice(uuid, text), public.record_tax_invoice_number(uuid, text, timestamptz),
  public.prepare_red_invoice(uuid, text, uuid), public.vat_summary(uuid), public.small_scale_threshold_status(date)
  to authenticated;
