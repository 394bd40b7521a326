-- Master data the books and documents point at: business partners (customers and suppliers in one
-- table, as a company is often both), stock items, and projects. They are the ledger's auxiliary
-- dimensions (customer, supplier, item, project; department is public.departments, employee is the
-- person's user id) and the parties and products of the trade documents.
--
-- Money is numeric(18,2) (yuan and fen), prices and costs numeric(20,6), quantities numeric(18,4):
-- never floating point. Codes are unique per company; rows are deactivated, not deleted, once used
-- (foreign keys from the ledger restrict deletes).
--
-- Stable error codes: TR400 invalid taxpayer id (统一社会信用代码) of a party.

create table public.parties (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,30}$'),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  is_customer boolean not null default true,
  is_supplier boolean not null default false,
  taxpayer_id text check (taxpayer_id is null or public.is_valid_credit_code(taxpayer_id)),
  invoice_title text check (invoice_title is null or char_length(invoice_title) <= 200),
  credit_limit numeric(18, 2) check (credit_limit is null or credit_limit >= 0),
  payment_terms_days int not null default 0 check (payment_terms_days between 0 and 3650),
  owner_id uuid references auth.users (id) on delete set null,
  tags text[] not null default '{}',
  source text check (source is null or char_length(source) <= 100),
  note text check (note is null or char_length(note) <= 2000),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, code),
  unique (tenant_id, id),
  check (is_customer or is_supplier)
);
comment on table public.parties is 'Customers and suppliers (往来单位): one row may be both';
comment on column public.parties.code is 'Code';
comment on column public.parties.name is 'Name';
comment on column public.parties.is_customer is 'Is a customer (客户)';
comment on column public.parties.is_supplier is 'Is a supplier (供应商)';
comment on column public.parties.taxpayer_id is 'Taxpayer id (统一社会信用代码)';
comment on column public.parties.invoice_title is 'Invoice title (发票抬头)';
comment on column public.parties.credit_limit is 'Credit limit (信用额度); empty: none';
comment on column public.parties.payment_terms_days is 'Payment terms in days (账期)';
comment on column public.parties.owner_id is 'Salesperson or buyer in charge (负责人)';
comment on column public.parties.tags is 'Tags';
comment on column public.parties.source is 'Source (来源)';
comment on column public.parties.note is 'Note';
comment on column public.parties.active is 'In use';
create index parties_owner_idx on public.parties (owner_id);
create index parties_name_idx on public.parties (tenant_id, name);
create trigger parties_touch before update on public.parties
  for each row execute function public.touch_updated_at();

create table public.items (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  sku text not null check (sku ~ '^[A-Za-z0-9_.-]{1,40}$'),
  barcode text check (barcode is null or barcode ~ '^[0-9A-Za-z-]{1,40}$'),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  spec text check (spec is null or char_length(spec) <= 200),
  unit text not null default '个' check (char_length(btrim(unit)) between 1 and 20),
  category text check (category is null or char_length(category) <= 100),
  tax_classification_code text check (tax_classification_code is null or tax_classification_code ~ '^[0-9]{19}$'),
  output_tax_code text,
  input_tax_code text,
  sale_price numeric(20, 6) check (sale_price is null or sale_price >= 0),
  purchase_price numeric(20, 6) check (purchase_price is null or purchase_price >= 0),
  is_stock boolean not null default true,
  reorder_point numeric(18, 4) check (reorder_point is null or reorder_point >= 0),
  reorder_quantity numeric(18, 4) check (reorder_quantity is null or reorder_quantity > 0),
  safety_stock numeric(18, 4) not null default 0 check (safety_stock >= 0),
  preferred_supplier_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, sku),
  unique (tenant_id, id),
  foreign key (tenant_id, preferred_supplier_id) references public.parties (tenant_id, id) on delete set null (preferred_supplier_id)
);
comment on table public.items is 'Products and stock items (商品/存货)';
comment on column public.items.sku is 'Item code (SKU)';
comment on column public.items.barcode is 'Barcode';
comment on column public.items.name is 'Name';
comment on column public.items.spec is 'Specification (规格型号)';
comment on column public.items.unit is 'Base unit (计量单位)';
comment on column public.items.category is 'Category';
comment on column public.items.tax_classification_code is 'Tax classification code (税收分类编码, 19 digits)';
comment on column public.items.output_tax_code is 'Tax code on sales';
comment on column public.items.input_tax_code is 'Tax code on purchases';
comment on column public.items.sale_price is 'Sale price (tax inclusive)';
comment on column public.items.purchase_price is 'Purchase price (tax inclusive)';
comment on column public.items.is_stock is 'Kept in stock (a service is not)';
comment on column public.items.reorder_point is 'Reorder point (再订货点)';
comment on column public.items.reorder_quantity is 'Reorder quantity';
comment on column public.items.safety_stock is 'Safety stock (安全库存)';
comment on column public.items.preferred_supplier_id is 'Preferred supplier';
comment on column public.items.active is 'In use';
create index items_supplier_idx on public.items (tenant_id, preferred_supplier_id);
create index items_name_idx on public.items (tenant_id, name);
create trigger items_touch before update on public.items
  for each row execute function public.touch_updated_at();

create table public.projects (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,30}$'),
  name text not null check (char_length(btrim(name)) between 1 and 200),
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, code),
  unique (tenant_id, id)
);
comment on table public.projects is 'Projects (项目), an auxiliary dimension of the books';
comment on column public.projects.code is 'Code';
comment on column public.projects.name is 'Name';
comment on column public.projects.active is 'In use';
create trigger projects_touch before update on public.projects
  for each row execute function public.touch_updated_at();
