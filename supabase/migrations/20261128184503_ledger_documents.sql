-- Business documents that post themselves (业财一体化): one SQL function call per document writes the
-- document, its stock moves, its voucher and its receivables/payables in one transaction.
--
-- * Posting templates are data per company (public.posting_templates, editable by the accountant):
--   each row says which side, which account (a posting-settings key, or an account named by a field of
--   the document) and which amount of the document or of each line. A voucher is a copy, so editing a
--   template never changes what was posted.
-- * Each public post_<type>(p_idempotency_key, p_document) returns {document_id, number, voucher_id,
--   voucher_number}. The key is claimed first: a retry with the same key and payload returns the
--   first result; the same key with another payload is refused (TR740). A concurrent retry waits for
--   the first call and then gets its result.
-- * Counters (document and voucher numbers) are drawn at the very end, so their rows stay locked only
--   for the commit; stock rows are locked in item/warehouse order.
-- * A leftover of at most 1 fen per line between debits and credits (rounding) goes to the
--   rounding_account setting, never dropped; more than that is an error (TR702).
-- * reverse_document posts the reversing voucher, moves the stock back at the original values and
--   reopens or closes the open items through the reversal lines.
--
-- Stable error codes: TR740 idempotency key reused with another payload / missing key;
-- TR741 invalid document field (hint = the JSON path, e.g. lines[2].quantity); TR742 template or setting
-- missing; TR743 document not found or already reversed; TR744 three-way match (billing more than received).

create table public.posting_templates (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  doc_type text not null check (doc_type ~ '^[a-z][a-z0-9_]*$'),
  line_no int not null check (line_no > 0),
  side public.balance_direction not null,
  account_setting text,
  account_field text check (account_field is null or account_field ~ '^[a-z][a-z0-9_]*$'),
  scope text not null default 'document' check (scope in ('document', 'lines', 'allocations')),
  amount_field text not null check (amount_field ~ '^[a-z][a-z0-9_]*$'),
  summary text not null default '' check (char_length(summary) <= 100),
  active boolean not null default true,
  updated_at timestamptz not null default now(),
  unique (tenant_id, doc_type, line_no),
  check ((account_setting is null) <> (account_field is null)),
  foreign key (tenant_id, account_setting) references public.posting_settings (tenant_id, key) on delete restrict
);
comment on table public.posting_templates is
  'Posting templates (凭证模板): how each document type posts, as data the accountant may edit';
comment on column public.posting_templates.doc_type is 'Document type';
comment on column public.posting_templates.line_no is 'Line';
comment on column public.posting_templates.side is 'Debit or credit (a negative amount swaps the side)';
comment on column public.posting_templates.account_setting is 'Account from the posting settings (key)';
comment on column public.posting_templates.account_field is 'Or: the document field holding the account (e.g. bank_account_id)';
comment on column public.posting_templates.scope is 'One line per document, per document line, or per allocation';
comment on column public.posting_templates.amount_field is 'Which amount (e.g. total, amount, tax, cost)';
comment on column public.posting_templates.summary is 'Summary; {number} and {party} are filled in';
comment on column public.posting_templates.active is 'In use';
create index posting_templates_setting_idx on public.posting_templates (tenant_id, account_setting);
create trigger posting_templates_touch before update on public.posting_templates
  for each row execute function public.touch_updated_at();

create table app_private.posting_template_defaults (
  doc_type text not null,
  line_no int not null,
  side public.balance_direction not null,
  account_setting text,
  account_field text,
  scope text not null,
  amount_field text not null,
  summary text not null,
  primary key (doc_type, line_no)
);
comment on table app_private.posting_template_defaults is 'The posting templates new companies get';

insert into app_private.posting_template_defaults values
  ('purchase_receipt', 1, 'debit', 'inventory_account', null, 'lines', 'value', '采购入库 {number} {party}'),
  ('purchase_receipt', 2, 'credit', 'grni_account', null, 'document', 'value', '暂估应付 {number} {party}'),
  ('supplier_bill', 1, 'debit', 'grni_account', null, 'lines', 'grni', '冲回暂估 {number} {party}'),
  ('supplier_bill', 2, 'debit', 'inventory_account', null, 'lines', 'inventory_difference', '采购价差 {number}'),
  ('supplier_bill', 3, 'debit', 'cogs_account', null, 'lines', 'cogs_difference', '采购价差(已售) {number}'),
  ('supplier_bill', 4, 'debit', null, 'account_id', 'lines', 'expense', '采购费用 {number} {party}'),
  ('supplier_bill', 5, 'debit', 'input_vat_account', null, 'lines', 'tax', '进项税额 {number}'),
  ('supplier_bill', 6, 'credit', 'ap_account', null, 'document', 'total', '应付账款 {number} {party}'),
  ('supplier_payment', 1, 'debit', 'ap_account', null, 'allocations', 'amount', '付款 {number} {party}'),
  ('supplier_payment', 2, 'debit', 'advance_paid_account', null, 'document', 'unallocated', '预付款 {number} {party}'),
  ('supplier_payment', 3, 'credit', null, 'bank_account_id', 'document', 'amount', '付款 {number} {party}'),
  ('delivery', 1, 'debit', 'cogs_account', null, 'lines', 'cost', '销售成本 {number} {party}'),
  ('delivery', 2, 'credit', 'inventory_account', null, 'lines', 'cost', '销售出库 {number} {party}'),
  ('sales_invoice', 1, 'debit', 'ar_account', null, 'document', 'total', '应收账款 {number} {party}'),
  ('sales_invoice', 2, 'credit', 'revenue_account', null, 'lines', 'amount', '销售收入 {number} {party}'),
  ('sales_invoice', 3, 'credit', 'output_vat_account', null, 'lines', 'tax', '销项税额 {number}'),
  ('customer_receipt', 1, 'debit', null, 'bank_account_id', 'document', 'amount', '收款 {number} {party}'),
  ('customer_receipt', 2, 'credit', 'ar_account', null, 'allocations', 'amount', '收回货款 {number} {party}'),
  ('customer_receipt', 3, 'credit', 'advance_received_account', null, 'document', 'unallocated', '预收款 {number} {party}'),
  ('sales_return', 1, 'debit', 'inventory_account', null, 'lines', 'cost', '销售退货入库 {number} {party}'),
  ('sales_return', 2, 'credit', 'cogs_account', null, 'lines', 'cost', '冲减销售成本 {number}'),
  ('sales_return', 3, 'debit', 'revenue_account', null, 'lines', 'amount', '销售退回 {number} {party}'),
  ('sales_return', 4, 'debit', 'output_vat_account', null, 'lines', 'tax', '冲减销项税额 {number}'),
  ('sales_return', 5, 'credit', 'ar_account', null, 'document', 'total', '冲减应收 {number} {party}'),
  ('purchase_return', 1, 'debit', 'ap_account', null, 'document', 'total', '采购退货 {number} {party}'),
  ('purchase_return', 2, 'credit', 'inventory_account', null, 'lines', 'cost', '采购退货出库 {number}'),
  ('purchase_return', 3, 'credit', 'input_vat_account', null, 'lines', 'tax', '冲减进项税额 {number}'),
  ('purchase_return', 4, 'credit', 'cogs_account', null, 'lines', 'difference', '退货价差 {number}'),
  ('stock_transfer', 1, 'debit', 'inventory_account', null, 'lines', 'cost', '调拨入库 {number}'),
  ('stock_transfer', 2, 'credit', 'inventory_account', null, 'lines', 'cost', '调拨出库 {number}'),
  ('stocktake', 1, 'debit', 'inventory_account', null, 'lines', 'gain', '盘盈 {number}'),
  ('stocktake', 2, 'credit', 'inventory_loss_account', null, 'lines', 'gain', '盘盈 {number}'),
  ('stocktake', 3, 'debit', 'inventory_loss_account', null, 'lines', 'loss', '盘亏 {number}'),
  ('stocktake', 4, 'credit', 'inventory_account', null, 'lines', 'loss', '盘亏 {number}'),
  ('expense_claim', 1, 'debit', null, 'account_id', 'lines', 'amount', '报销 {number} {party}'),
  ('expense_claim', 2, 'debit', 'input_vat_account', null, 'lines', 'tax', '进项税额 {number}'),
  ('expense_claim', 3, 'credit', 'employee_payable_account', null, 'document', 'total', '应付报销款 {number}'),
  ('profit_carry_forward', 1, 'credit', null, 'account_id', 'lines', 'balance', '结转损益 {number}'),
  ('profit_carry_forward', 2, 'debit', 'current_year_profit_account', null, 'document', 'net', '结转本年利润 {number}');

-- Document number sequences of the document types that had none.
insert into app_private.document_sequence_templates (doc_type, name, prefix, reset_every, padding) values
  ('sales_return', '销售退货单', 'SR', 'month', 4),
  ('purchase_return', '采购退货单', 'PR', 'month', 4),
  ('stock_transfer', '调拨单', 'TR', 'month', 4),
  ('profit_carry_forward', '结转损益', 'CF', 'month', 4)
on conflict (doc_type) do nothing;
insert into public.document_sequences (tenant_id, doc_type, name, prefix, reset_every, padding)
select t.id, st.doc_type, st.name, st.prefix, st.reset_every, st.padding
from public.tenants t cross join app_private.document_sequence_templates st
where st.doc_type in ('sales_return', 'purchase_return', 'stock_transfer', 'profit_carry_forward')
on conflict do nothing;

-- ───────────────────────────── documents ─────────────────────────────
create table public.ledger_documents (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  doc_type text not null,
  number text,
  doc_date date not null,
  party_id uuid,
  warehouse_id uuid,
  total numeric(18, 2),
  payload jsonb not null,
  status text not null default 'posted' check (status in ('posted', 'reversed')),
  voucher_id uuid,
  reversal_of uuid,
  reversed_by uuid,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, doc_type, number),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, warehouse_id) references public.warehouses (tenant_id, id) on delete restrict,
  foreign key (tenant_id, voucher_id) references public.vouchers (tenant_id, id) on delete restrict,
  foreign key (tenant_id, reversal_of) references public.ledger_documents (tenant_id, id) on delete restrict,
  foreign key (tenant_id, reversed_by) references public.ledger_documents (tenant_id, id) on delete restrict
);
comment on table public.ledger_documents is 'Posted business documents (业务单据) with the voucher each produced';
comment on column public.ledger_documents.doc_type is 'Document type';
comment on column public.ledger_documents.number is 'Number';
comment on column public.ledger_documents.doc_date is 'Date';
comment on column public.ledger_documents.party_id is 'Customer or supplier';
comment on column public.ledger_documents.warehouse_id is 'Warehouse';
comment on column public.ledger_documents.total is 'Total (价税合计 or amount)';
comment on column public.ledger_documents.payload is 'The document as posted';
comment on column public.ledger_documents.status is 'Posted or reversed';
comment on column public.ledger_documents.voucher_id is 'Voucher';
comment on column public.ledger_documents.reversal_of is 'The document this one reverses';
comment on column public.ledger_documents.reversed_by is 'The document that reversed this one';
comment on column public.ledger_documents.created_by is 'Posted by';
create index ledger_documents_type_idx on public.ledger_documents (tenant_id, doc_type, doc_date);
create index ledger_documents_party_idx on public.ledger_documents (tenant_id, party_id);
create index ledger_documents_warehouse_idx on public.ledger_documents (tenant_id, warehouse_id);
create index ledger_documents_voucher_idx on public.ledger_documents (tenant_id, voucher_id);
create index ledger_documents_reversal_idx on public.ledger_documents (tenant_id, reversal_of);
create index ledger_documents_reversed_idx on public.ledger_documents (tenant_id, reversed_by);
create index ledger_documents_created_by_idx on public.ledger_documents (created_by);

create table public.ledger_document_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  document_id uuid not null,
  line_no int not null,
  item_id uuid,
  warehouse_id uuid,
  quantity numeric(18, 4),
  unit_price numeric(20, 6),
  amount numeric(18, 2),
  tax numeric(18, 2),
  total numeric(18, 2),
  cost numeric(18, 2),
  billed_quantity numeric(18, 4) not null default 0,
  source_line_id uuid,
  unique (tenant_id, id),
  unique (document_id, line_no),
  foreign key (tenant_id, document_id) references public.ledger_documents (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict,
  foreign key (tenant_id, warehouse_id) references public.warehouses (tenant_id, id) on delete restrict,
  foreign key (tenant_id, source_line_id) references public.ledger_document_lines (tenant_id, id) on delete restrict
);
comment on table public.ledger_document_lines is 'Lines of posted documents, with their amounts and costs';
comment on column public.ledger_document_lines.line_no is 'Line';
comment on column public.ledger_document_lines.item_id is 'Item';
comment on column public.ledger_document_lines.warehouse_id is 'Warehouse';
comment on column public.ledger_document_lines.quantity is 'Quantity';
comment on column public.ledger_document_lines.unit_price is 'Unit price or cost';
comment on column public.ledger_document_lines.amount is 'Amount excluding tax (金额)';
comment on column public.ledger_document_lines.tax is 'Tax (税额)';
comment on column public.ledger_document_lines.total is 'Total (价税合计)';
comment on column public.ledger_document_lines.cost is 'Cost at moving average';
comment on column public.ledger_document_lines.billed_quantity is 'Quantity billed by suppliers so far (receipts)';
comment on column public.ledger_document_lines.source_line_id is 'The receipt line a supplier bill line matches';
create index ledger_document_lines_document_idx on public.ledger_document_lines (tenant_id, document_id);
create index ledger_document_lines_item_idx on public.ledger_document_lines (tenant_id, item_id);
create index ledger_document_lines_warehouse_idx on public.ledger_document_lines (tenant_id, warehouse_id);
create index ledger_document_lines_source_idx on public.ledger_document_lines (tenant_id, source_line_id);

revoke insert, update, delete, truncate on public.ledger_documents, public.ledger_document_lines,
  public.posting_templates from authenticated;
grant update (side, account_setting, account_field, scope, amount_field, summary, active)
  on public.posting_templates to authenticated;
grant insert (tenant_id, doc_type, line_no, side, account_setting, account_field, scope, amount_field, summary, active)
  on public.posting_templates to authenticated;
grant delete on public.posting_templates to authenticated;

create table app_private.posting_requests (
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  idempotency_key text not null,
  doc_type text not null,
  payload_hash text not null,
  result jsonb,
  created_at timestamptz not null default now(),
  primary key (tenant_id, idempotency_key)
);
comment on table app_private.posting_requests is 'Idempotency keys of postings and their first result';

-- ───────────────────────────── helpers ─────────────────────────────
-- Claims an idempotency key: null when the call is new (go on), else the first call's result.
create function app_private.claim_idempotency(p_tenant uuid, p_key text, p_doc_type text, p_payload jsonb)
returns jsonb
language plpgsql set search_path = ''
as $$
declare
  h text := md5(p_doc_type || ':' || p_payload::text);
  prior record;
begin
  if p_key is null or char_length(p_key) not between 8 and 200 then
    raise exception using errcode = 'TR740', message = 'an idempotency key of 8 to 200 characters is required',
      hint = 'idempotency_key';
  end if;
  insert into app_private.posting_requests (tenant_id, idempotency_key, doc_type, payload_hash)
  values (p_tenant, p_key, p_doc_type, h)
  on conflict do nothing;
  if found then
    return null;
  end if;
  select * into prior from app_private.posting_requests r where r.tenant_id = p_tenant and r.idempotency_key = p_key;
  if prior.payload_hash <> h then
    raise exception using errcode = 'TR740',
      message = format('idempotency key "%s" was already used for another %s', p_key,
                       case when prior.doc_type = p_doc_type then 'payload' else 'document type (' || prior.doc_type || ')' end),
      hint = 'idempotency_key';
  end if;
  return prior.result;
end
$$;

create function app_private.finish_idempotency(p_tenant uuid, p_key text, p_result jsonb) returns jsonb
language sql set search_path = ''
as $$
  update app_private.posting_requests set result = p_result where tenant_id = p_tenant and idempotency_key = p_key;
  select p_result;
$$;

create function app_private.doc_error(p_field text, p_message text) returns void
language plpgsql set search_path = ''
as $$
begin
  raise exception using errcode = 'TR741', message = format('%s: %s', p_field, p_message), hint = p_field;
end
$$;

create function app_private.doc_date(p_doc jsonb) returns date
language plpgsql set search_path = ''
as $$
begin
  if p_doc ->> 'date' is null then
    return (now() at time zone 'Asia/Shanghai')::date;
  end if;
  return (p_doc ->> 'date')::date;
exception when invalid_datetime_format or datetime_field_overflow then
  perform app_private.doc_error('date', format('"%s" is not a date (YYYY-MM-DD)', p_doc ->> 'date'));
end
$$;

-- A uuid field of the document (or of one of its lines), required unless p_optional.
create function app_private.doc_uuid(p_obj jsonb, p_field text, p_path text, p_optional boolean default false)
returns uuid
language plpgsql set search_path = ''
as $$
begin
  if p_obj ->> p_field is null then
    if not p_optional then
      perform app_private.doc_error(p_path, 'is required');
    end if;
    return null;
  end if;
  return (p_obj ->> p_field)::uuid;
exception when invalid_text_representation then
  perform app_private.doc_error(p_path, format('"%s" is not an id', p_obj ->> p_field));
end
$$;

-- A decimal field; p_min_exclusive: must be greater than zero.
create function app_private.doc_number(p_obj jsonb, p_field text, p_path text, p_positive boolean default true,
  p_optional boolean default false) returns numeric
language plpgsql set search_path = ''
as $$
declare
  n numeric;
begin
  if p_obj ->> p_field is null then
    if not p_optional then
      perform app_private.doc_error(p_path, 'is required');
    end if;
    return null;
  end if;
  n := (p_obj ->> p_field)::numeric;
  if p_positive and n <= 0 then
    perform app_private.doc_error(p_path, 'must be greater than zero');
  end if;
  return n;
exception when invalid_text_representation then
  perform app_private.doc_error(p_path, format('"%s" is not a number', p_obj ->> p_field));
end
$$;

create function app_private.doc_lines(p_doc jsonb) returns jsonb
language plpgsql set search_path = ''
as $$
begin
  if jsonb_typeof(p_doc -> 'lines') is distinct from 'array' or jsonb_array_length(p_doc -> 'lines') = 0 then
    perform app_private.doc_error('lines', 'at least one line is required');
  end if;
  if jsonb_array_length(p_doc -> 'lines') > 1000 then
    perform app_private.doc_error('lines', 'at most 1000 lines');
  end if;
  return p_doc -> 'lines';
end
$$;

-- The party of a document, which must be a customer (p_role 'customer') or a supplier.
create function app_private.doc_party(p_tenant uuid, p_doc jsonb, p_role text) returns record
language plpgsql set search_path = ''
as $$
declare
  field text := p_role || '_id';
  pid uuid := app_private.doc_uuid(p_doc, field, field);
  p record;
begin
  select pa.id, pa.name, pa.is_customer, pa.is_supplier, pa.active, pa.payment_terms_days into p
  from public.parties pa where pa.id = pid and pa.tenant_id = p_tenant;
  if not found then
    perform app_private.doc_error(field, 'unknown customer or supplier');
  end if;
  if not p.active or (p_role = 'customer' and not p.is_customer) or (p_role = 'supplier' and not p.is_supplier) then
    perform app_private.doc_error(field, format('%s is not an active %s', p.name, p_role));
  end if;
  return p;
end
$$;

create function app_private.doc_warehouse(p_tenant uuid, p_doc jsonb, p_field text default 'warehouse_id') returns uuid
language plpgsql set search_path = ''
as $$
declare
  w uuid := app_private.doc_uuid(p_doc, p_field, p_field, true);
begin
  if w is null then
    select wh.id into w from public.warehouses wh where wh.tenant_id = p_tenant and wh.active order by wh.code limit 1;
  end if;
  if not exists (select 1 from public.warehouses wh where wh.id = w and wh.tenant_id = p_tenant and wh.active) then
    perform app_private.doc_error(p_field, 'unknown or inactive warehouse');
  end if;
  return w;
end
$$;

-- The bank or cash account of a receipt or payment: the document's, else the bank_account setting.
create function app_private.doc_bank_account(p_tenant uuid, p_doc jsonb) returns uuid
language plpgsql set search_path = ''
as $$
declare
  a uuid := app_private.doc_uuid(p_doc, 'bank_account_id', 'bank_account_id', true);
begin
  if a is null then
    select s.account_id into a from public.posting_settings s where s.tenant_id = p_tenant and s.key = 'bank_account';
  end if;
  if not exists (select 1 from public.accounts ac where ac.id = a and ac.tenant_id = p_tenant
                 and (ac.code like '1001%' or ac.code like '1002%' or ac.code like '1012%')) then
    perform app_private.doc_error('bank_account_id', 'must be a cash or bank account (1001, 1002, 1012)');
  end if;
  return a;
end
$$;

-- The VAT rate of a sales or purchase line: tax_rate, else tax_code on the date, else the item's code.
create function app_private.line_tax_rate(p_tenant uuid, p_line jsonb, p_path text, p_date date, p_item uuid,
  p_purchase boolean) returns numeric
language plpgsql set search_path = ''
as $$
declare
  v_code text := p_line ->> 'tax_code';
  r numeric;
begin
  if p_line ->> 'tax_rate' is not null then
    r := app_private.doc_number(p_line, 'tax_rate', p_path || '.tax_rate', false);
    if r < 0 or r >= 1 then
      perform app_private.doc_error(p_path || '.tax_rate', 'must be from 0 to below 1 (e.g. 0.13)');
    end if;
    return r;
  end if;
  if v_code is null and p_item is not null then
    select case when p_purchase then i.input_tax_code else i.output_tax_code end into v_code
    from public.items i where i.id = p_item;
  end if;
  if v_code is null then
    perform app_private.doc_error(p_path || '.tax_code', 'a tax code or tax rate is required');
  end if;
  select tc.rate into r from public.tax_codes tc
  where tc.tenant_id = p_tenant and tc.code = v_code and tc.valid_from <= p_date
    and (tc.valid_to is null or tc.valid_to >= p_date);
  if not found then
    perform app_private.doc_error(p_path || '.tax_code', format('tax code "%s" has no rate on %s', v_code, p_date));
  end if;
  return r;
end
$$;

-- Writes the document row (its number comes last, see finish_document).
create function app_private.start_document(p_tenant uuid, p_doc_type text, p_date date, p_party uuid,
  p_warehouse uuid, p_payload jsonb) returns uuid
language sql set search_path = ''
as $$
  insert into public.ledger_documents (tenant_id, doc_type, doc_date, party_id, warehouse_id, payload, created_by)
  values (p_tenant, p_doc_type, p_date, p_party, p_warehouse, p_payload, auth.uid())
  returning id;
$$;

-- Expands the company's template for the document type over the facts into a draft voucher and puts
-- any rounding leftover on the rounding account. The generated lines live in a jsonb value, not a
-- temporary table (creating one per posting costs catalog writes). Returns the voucher, or null when
-- the template produces no lines.
create function app_private.voucher_from_template(p_tenant uuid, p_doc_type text, p_document uuid, p_date date,
  p_facts jsonb, p_number text, p_word text default '记') returns uuid
language plpgsql set search_path = ''
as $$
declare
  doc jsonb := p_facts -> 'document';
  controls uuid[];
  gen jsonb;
  v uuid;
  party_name text;
  diff numeric;
  n_lines int;
  bad record;
  rounding uuid;
begin
  select pa.name into party_name from public.parties pa where pa.id = (doc ->> 'party_id')::uuid;
  select array_agg(c.account_id) into controls from app_private.control_accounts(p_tenant) c;

  select coalesce(jsonb_agg(jsonb_build_object(
    'side', case when x.amount < 0 then (case t.side when 'debit' then 'credit' else 'debit' end) else t.side::text end,
    -- an account named by a field: of the line, of the document's facts, or of the document as sent
    'account_id', coalesce(s.account_id, (x.row ->> t.account_field)::uuid, (doc ->> t.account_field)::uuid,
                           (p_facts -> 'payload' ->> t.account_field)::uuid),
    'amount', abs(x.amount),
    'summary', replace(replace(t.summary, '{party}', coalesce(party_name, '')), '{number}', coalesce(p_number, '')),
    'party_id', coalesce(x.row ->> 'party_id', doc ->> 'party_id'),
    'item_id', x.row ->> 'item_id',
    'department_id', coalesce(x.row ->> 'department_id', doc ->> 'department_id'),
    'project_id', coalesce(x.row ->> 'project_id', doc ->> 'project_id'),
    'employee_id', coalesce(x.row ->> 'employee_id', doc ->> 'employee_id'),
    'quantity', x.row ->> 'quantity',
    'open_item_id', x.row ->> 'open_item_id',
    'due_date', coalesce(x.row ->> 'due_date', doc ->> 'due_date'),
    'template_line', t.line_no,
    'setting', coalesce(t.account_setting, t.account_field))), '[]')
  into gen
  from public.posting_templates t
  left join public.posting_settings s on s.tenant_id = p_tenant and s.key = t.account_setting
  cross join lateral (
    select r.row, (r.row ->> t.amount_field)::numeric as amount
    from (
      select doc as row where t.scope = 'document'
      union all
      select e.value from jsonb_array_elements(coalesce(p_facts -> t.scope, '[]')) e where t.scope <> 'document'
    ) r
  ) x
  where t.tenant_id = p_tenant and t.doc_type = p_doc_type and t.active and coalesce(x.amount, 0) <> 0;

  select g ->> 'template_line' as line, g ->> 'setting' as setting into bad
  from jsonb_array_elements(gen) g where g ->> 'account_id' is null limit 1;
  if found then
    raise exception using errcode = 'TR742',
      message = format('posting template %s line %s: no account for "%s" (posting settings or the document)',
                       p_doc_type, bad.line, bad.setting),
      hint = bad.setting;
  end if;
  select count(*), coalesce(sum(case g ->> 'side' when 'debit' then (g ->> 'amount')::numeric
                                                  else -(g ->> 'amount')::numeric end), 0)
    into n_lines, diff from jsonb_array_elements(gen) g;
  if n_lines = 0 then
    return null;
  end if;
  if diff <> 0 then
    if abs(diff) > 0.01 * n_lines then
      raise exception using errcode = 'TR702',
        message = format('the %s template does not balance for this document: debits − credits = %s', p_doc_type, diff),
        hint = 'posting_templates';
    end if;
    select s.account_id into rounding from public.posting_settings s where s.tenant_id = p_tenant and s.key = 'rounding_account';
    if rounding is null then
      raise exception using errcode = 'TR742', message = 'no rounding_account in the posting settings',
        hint = 'rounding_account';
    end if;
    gen := gen || jsonb_build_object('side', case when diff > 0 then 'credit' else 'debit' end, 'account_id', rounding,
      'amount', abs(diff), 'summary', '尾差', 'template_line', 1000000);
  end if;

  insert into public.vouchers (tenant_id, word, voucher_date, summary, source_type, source_id)
  values (p_tenant, p_word, p_date,
          left(coalesce((select g ->> 'summary' from jsonb_array_elements(gen) g
                         order by (g ->> 'template_line')::int limit 1), p_doc_type), 200),
          p_doc_type, p_document)
  returning id into v;

  -- Lines with the same side, account, dimensions and open item are one line; a dimension the account
  -- does not track is left off (the party stays on control accounts), so that lines add up per account.
  insert into public.voucher_lines (tenant_id, voucher_id, line_no, summary, account_id, debit, credit, party_id,
    item_id, department_id, project_id, employee_id, quantity, open_item_id, due_date)
  select p_tenant, v, row_number() over (order by min(k.template_line), min(k.account_code), min(k.item_id::text)),
    left(min(k.summary), 200), k.account_id,
    case when k.side = 'debit' then sum(k.amount) else 0 end,
    case when k.side = 'credit' then sum(k.amount) else 0 end,
    k.party_id, k.item_id, k.department_id, k.project_id, k.employee_id,
    case when k.item_id is not null then sum(k.quantity) end, k.open_item_id, min(k.due_date)
  from (
    select g.side, g.account_id, a.code as account_code, g.amount, g.summary, g.template_line, g.quantity,
      g.open_item_id, g.due_date,
      case when a.auxiliary && array['customer', 'supplier'] or g.account_id = any (controls) then g.party_id end as party_id,
      case when 'item' = any (a.auxiliary) then g.item_id end as item_id,
      case when 'department' = any (a.auxiliary) then g.department_id end as department_id,
      case when 'project' = any (a.auxiliary) then g.project_id end as project_id,
      case when 'employee' = any (a.auxiliary) then g.employee_id end as employee_id
    from jsonb_to_recordset(gen) as g(side text, account_id uuid, amount numeric, summary text, party_id uuid,
      item_id uuid, department_id uuid, project_id uuid, employee_id uuid, quantity numeric, open_item_id uuid,
      due_date date, template_line int)
    join public.accounts a on a.id = g.account_id
  ) k
  group by k.side, k.account_id, k.party_id, k.item_id, k.department_id, k.project_id, k.employee_id, k.open_item_id;
  return v;
end
$$;
comment on function app_private.voucher_from_template(uuid, text, uuid, date, jsonb, text, text) is
  'Builds the draft voucher of a document from the company''s posting template and the document''s facts';

-- Last steps of every posting: the document's number, the voucher built and posted (post_voucher draws
-- the voucher number last), and the result kept for retries with the same key. The counters are drawn
-- here, after the stock work, so that their rows stay locked only for the voucher and the commit.
create function app_private.finish_document(p_tenant uuid, p_document uuid, p_doc_type text, p_sequence text,
  p_facts jsonb, p_word text, p_key text) returns jsonb
language plpgsql set search_path = ''
as $$
declare
  num text;
  vnum text;
  d date;
  v uuid;
  v_total numeric := (p_facts -> 'document' ->> 'total')::numeric;
begin
  select doc_date into d from public.ledger_documents where id = p_document;
  num := app_private.next_document_number(p_tenant, p_sequence, d);
  v := app_private.voucher_from_template(p_tenant, p_doc_type, p_document, d, p_facts, num, p_word);
  update public.ledger_documents set number = num, voucher_id = v, total = v_total where id = p_document;
  if v is not null then
    vnum := p_word || '-' || app_private.post_voucher(p_tenant, v, true);
  end if;
  return app_private.finish_idempotency(p_tenant, p_key, jsonb_build_object(
    'document_id', p_document, 'doc_type', p_doc_type, 'number', num, 'voucher_id', v, 'voucher_number', vnum,
    'total', v_total));
end
$$;

revoke all on function app_private.claim_idempotency(uuid, text, text, jsonb),
  app_private.finish_idempotency(uuid, text, jsonb), app_private.doc_error(text, text), app_private.doc_date(jsonb),
  app_private.doc_uuid(jsonb, text, text, boolean), app_private.doc_number(jsonb, text, text, boolean, boolean),
  app_private.doc_lines(jsonb), app_private.doc_party(uuid, jsonb, text), app_private.doc_warehouse(uuid, jsonb, text),
  app_private.doc_bank_account(uuid, jsonb), app_private.line_tax_rate(uuid, jsonb, text, date, uuid, boolean),
  app_private.start_document(uuid, text, date, uuid, uuid, jsonb),
  app_private.voucher_from_template(uuid, text, uuid, date, jsonb, text, text),
  app_private.finish_document(uuid, uuid, text, text, jsonb, text, text) from public;

-- ───────────────────────────── provisioning ─────────────────────────────
create function app_private.provision_ledger(p_tenant uuid) returns void
language sql set search_path = ''
as $$
  insert into public.posting_templates (tenant_id, doc_type, line_no, side, account_setting, account_field, scope,
    amount_field, summary)
  select p_tenant, d.doc_type, d.line_no, d.side, d.account_setting, d.account_field, d.scope, d.amount_field, d.summary
  from app_private.posting_template_defaults d
  -- a template line whose setting the company lacks (input VAT for small-scale taxpayers) is left out
  where d.account_setting is null
     or exists (select 1 from public.posting_settings s where s.tenant_id = p_tenant and s.key = d.account_setting)
  on conflict do nothing;
  insert into public.ledger_settings (tenant_id) values (p_tenant) on conflict (tenant_id) do nothing;
$$;
comment on function app_private.provision_ledger(uuid) is 'Gives a company the default posting templates and ledger settings';

-- create_company() calls provision_books(): keep the books part under its own name and add the ledger.
alter function app_private.provision_books(uuid) rename to provision_books_before_ledger;
create function app_private.provision_books(p_tenant uuid) returns void
language plpgsql set search_path = ''
as $$
begin
  perform app_private.provision_books_before_ledger(p_tenant);
  perform app_private.provision_ledger(p_tenant);
end
$$;
comment on function app_private.provision_books(uuid) is 'Provisions a new company''s books, then its ledger templates';
revoke all on function app_private.provision_ledger(uuid), app_private.provision_books(uuid) from public;

select app_private.provision_ledger(t.id) from public.tenants t;
