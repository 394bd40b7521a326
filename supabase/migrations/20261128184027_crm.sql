-- CRM and the master-data extras it needs (issue 6, CRM part): contacts and addresses of parties, item
-- categories, unit conversions and sale price lists; leads → customer + opportunity; opportunities on a
-- per-company stage pipeline with history; quotations with VAT lines; follow-ups with a next date and the
-- due lists; after-sales tickets; reassignment of a salesperson's work; the customer archive.
-- API functions: convert_lead, my_follow_ups_due, reassign_customers, customer_archive, expire_quotations;
-- views party_last_follow_ups and follow_ups_due (security_invoker). Rights: policies/45_crm.sql.
--
-- Decisions worth knowing:
-- * Ownership: leads, opportunities and follow-ups have an owner (负责人). Everyone whose role reads
--   them sees all of the company's; a person writes only the rows they own, unless their role has
--   crm_team:update (sales managers; owners and administrators have it). Parties keep the master-data
--   rule (parties:update) so that purchasing and accounting can maintain them.
-- * Owners are auth.users, not memberships (like parties.owner_id): a salesperson who left keeps
--   their rows until reassign_customers() moves them, so nothing is orphaned or lost.
-- * Numbers: quotations (QT-YYYYMM-nnnn) and tickets (TK-YYYYMM-nnnn) draw gap-free numbers from
--   app_private.next_document_number() in a trigger; the API cannot write them.
-- * Quotation lines: amount, tax and total come from public.vat_line() in a trigger (whatever the
--   client sends is overwritten) and the quotation's totals are sums of its lines, kept by a trigger.
--   Lines change only while the quotation is a draft.
-- * Quotation → sales order belongs to the order module: an accepted quotation is what it converts, and
--   it records the order in quotations.sales_order_id (no FK yet; set once, never changed).
-- * Opportunity stages are data per company (provisioned by a trigger on tenants, so this module does
--   not touch provision_books); a stage's outcome (open/won/lost) closes the opportunity.
--
-- Stable error codes (SQLSTATE, hint = the field):
--   TR600 invalid or missing field             TR601 lead already converted (or lost)
--   TR602 row not found in this company         TR603 unit not defined for the item
--   TR604 document not editable in its status   TR605 status change not allowed
--   TR606 satisfaction only when resolved/closed TR607 reassignment target is not a member
--   TR608 follow-up names no party, lead or opportunity
--   TR609 category cannot be placed under itself TR610 no tax rate for a line
--   TR611 import: bad payload                   TR612 (internal) import rolled back

-- ───────────────────────────── types ─────────────────────────────
create type public.address_kind as enum ('shipping', 'billing', 'registered');
comment on type public.address_kind is 'Address use: 收货 shipping, 开票/账单 billing, 注册 registered';
create type public.lead_status as enum ('new', 'contacted', 'qualified', 'converted', 'lost');
comment on type public.lead_status is 'Lead status: new, contacted, qualified, converted (to a customer), lost';
create type public.stage_outcome as enum ('open', 'won', 'lost');
comment on type public.stage_outcome is 'Whether a pipeline stage is still open, or closes the opportunity as won or lost';
create type public.quotation_status as enum ('draft', 'sent', 'accepted', 'rejected', 'expired');
comment on type public.quotation_status is 'Quotation status: draft, sent, accepted, rejected, expired';
create type public.follow_up_kind as enum ('call', 'visit', 'message', 'note');
comment on type public.follow_up_kind is 'Follow-up kind: 电话 call, 拜访 visit, 消息 message, 备注 note';
create type public.ticket_status as enum ('open', 'in_progress', 'resolved', 'closed');
comment on type public.ticket_status is 'Ticket status: open, in_progress, resolved, closed';
create type public.ticket_priority as enum ('low', 'normal', 'high', 'urgent');
comment on type public.ticket_priority is 'Ticket priority';

-- Today in China, where the companies work.
create function app_private.crm_today() returns date
language sql stable set search_path = ''
as $$ select (now() at time zone 'Asia/Shanghai')::date $$;

-- Whether a person belongs to a company (memberships are readable only with members:read).
create function app_private.crm_is_member(p_tenant uuid, p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$ select exists (select 1 from public.memberships m where m.tenant_id = p_tenant and m.user_id = p_user) $$;

-- ───────────────────────────── party contacts ─────────────────────────────
create table public.party_contacts (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  party_id uuid not null,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  title text check (title is null or char_length(title) <= 100),
  phone text check (phone is null or phone ~ '^[0-9+() -]{3,30}$'),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  wechat text check (wechat is null or char_length(wechat) <= 100),
  is_primary boolean not null default false,
  note text check (note is null or char_length(note) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete cascade
);
comment on table public.party_contacts is 'Contact people of customers and suppliers (联系人)';
comment on column public.party_contacts.party_id is 'Customer or supplier';
comment on column public.party_contacts.name is 'Name';
comment on column public.party_contacts.title is 'Job title (职务)';
comment on column public.party_contacts.phone is 'Phone';
comment on column public.party_contacts.email is 'E-mail';
comment on column public.party_contacts.wechat is 'WeChat';
comment on column public.party_contacts.is_primary is 'Primary contact (one per party: setting it clears the others)';
comment on column public.party_contacts.note is 'Note';
create index party_contacts_party_idx on public.party_contacts (tenant_id, party_id);
create unique index party_contacts_one_primary on public.party_contacts (tenant_id, party_id) where is_primary;
create trigger party_contacts_touch before update on public.party_contacts
  for each row execute function public.touch_updated_at();

-- One primary contact per party, one default address per party and kind: the newest choice wins.
create function app_private.party_contacts_one_primary() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.is_primary then
    update public.party_contacts c set is_primary = false
    where c.tenant_id = new.tenant_id and c.party_id = new.party_id and c.is_primary and c.id <> new.id;
  end if;
  return new;
end
$$;
create trigger party_contacts_one_primary before insert or update of is_primary, party_id on public.party_contacts
  for each row execute function app_private.party_contacts_one_primary();

-- ───────────────────────────── party addresses ─────────────────────────────
create table public.party_addresses (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  party_id uuid not null,
  kind public.address_kind not null default 'shipping',
  contact_name text check (contact_name is null or char_length(contact_name) <= 100),
  phone text check (phone is null or phone ~ '^[0-9+() -]{3,30}$'),
  province text check (province is null or char_length(province) <= 50),
  city text check (city is null or char_length(city) <= 50),
  district text check (district is null or char_length(district) <= 50),
  street text not null check (char_length(btrim(street)) between 1 and 300),
  postal_code text check (postal_code is null or postal_code ~ '^[0-9]{6}$'),
  is_default boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete cascade
);
comment on table public.party_addresses is 'Addresses of customers and suppliers: shipping, billing, registered';
comment on column public.party_addresses.party_id is 'Customer or supplier';
comment on column public.party_addresses.kind is 'Use: shipping (收货), billing (开票), registered (注册)';
comment on column public.party_addresses.contact_name is 'Recipient';
comment on column public.party_addresses.phone is 'Phone';
comment on column public.party_addresses.province is 'Province (省)';
comment on column public.party_addresses.city is 'City (市)';
comment on column public.party_addresses.district is 'District (区/县)';
comment on column public.party_addresses.street is 'Street address (详细地址)';
comment on column public.party_addresses.postal_code is 'Postal code (6 digits)';
comment on column public.party_addresses.is_default is 'Default address of its kind (one per party and kind)';
create index party_addresses_party_idx on public.party_addresses (tenant_id, party_id);
create unique index party_addresses_one_default on public.party_addresses (tenant_id, party_id, kind) where is_default;
create trigger party_addresses_touch before update on public.party_addresses
  for each row execute function public.touch_updated_at();

create function app_private.party_addresses_one_default() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.is_default then
    update public.party_addresses a set is_default = false
    where a.tenant_id = new.tenant_id and a.party_id = new.party_id and a.kind = new.kind
      and a.is_default and a.id <> new.id;
  end if;
  return new;
end
$$;
create trigger party_addresses_one_default before insert or update of is_default, kind, party_id on public.party_addresses
  for each row execute function app_private.party_addresses_one_default();

-- ───────────────────────────── item categories ─────────────────────────────
create table public.item_categories (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  code text not null check (code ~ '^[A-Za-z0-9_.-]{1,30}$'),
  name text not null check (char_length(btrim(name)) between 1 and 100),
  parent_id uuid,
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, code),
  unique (tenant_id, id),
  foreign key (tenant_id, parent_id) references public.item_categories (tenant_id, id) on delete restrict,
  check (parent_id is distinct from id)
);
comment on table public.item_categories is 'Product categories (商品分类), as a tree';
comment on column public.item_categories.code is 'Code';
comment on column public.item_categories.name is 'Name';
comment on column public.item_categories.parent_id is 'Parent category';
comment on column public.item_categories.active is 'In use';
create index item_categories_parent_idx on public.item_categories (tenant_id, parent_id);
create trigger item_categories_touch before update on public.item_categories
  for each row execute function public.touch_updated_at();

create function app_private.item_categories_no_cycle() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.parent_id is not null and exists (
    with recursive up(id) as (
      select new.parent_id
      union
      select c.parent_id from public.item_categories c join up on c.id = up.id where c.parent_id is not null
    )
    select 1 from up where id = new.id
  ) then
    raise exception using errcode = 'TR609', message = 'a category cannot be placed under itself', hint = 'parent_id';
  end if;
  return new;
end
$$;
create trigger item_categories_no_cycle before insert or update of parent_id on public.item_categories
  for each row execute function app_private.item_categories_no_cycle();

alter table public.items add column category_id uuid;
alter table public.items
  add foreign key (tenant_id, category_id) references public.item_categories (tenant_id, id) on delete set null (category_id);
comment on column public.items.category_id is 'Category (from the category tree; the text category follows its name)';
create index items_category_idx on public.items (tenant_id, category_id);

-- The free-text category stays for imports and reports; a chosen category_id sets it to the name.
create function app_private.items_category_name() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.category_id is not null then
    select c.name into new.category from public.item_categories c
    where c.tenant_id = new.tenant_id and c.id = new.category_id;
  end if;
  return new;
end
$$;
create trigger items_category_name before insert or update of category_id, category on public.items
  for each row execute function app_private.items_category_name();

-- ───────────────────────────── unit conversions ─────────────────────────────
create table public.item_units (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  item_id uuid not null,
  unit text not null check (char_length(btrim(unit)) between 1 and 20),
  factor numeric(18, 6) not null check (factor > 0),
  barcode text check (barcode is null or barcode ~ '^[0-9A-Za-z-]{1,40}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, item_id, unit),
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete cascade
);
comment on table public.item_units is 'Other units of an item and how many base units each holds (e.g. 箱 = 12 个)';
comment on column public.item_units.item_id is 'Item';
comment on column public.item_units.unit is 'Unit name (e.g. 箱)';
comment on column public.item_units.factor is 'Base units in one of this unit (> 0)';
comment on column public.item_units.barcode is 'Barcode of this packing';
create trigger item_units_touch before update on public.item_units
  for each row execute function public.touch_updated_at();
-- A conversion belongs to its item: only its unit, factor and barcode change.
revoke update on public.item_units from authenticated;
grant update (unit, factor, barcode) on public.item_units to authenticated;

create function app_private.item_units_not_base() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if exists (select 1 from public.items i where i.tenant_id = new.tenant_id and i.id = new.item_id
             and i.unit = btrim(new.unit)) then
    raise exception using errcode = 'TR600', message = format('"%s" is the item''s base unit already', new.unit),
      hint = 'unit';
  end if;
  new.unit := btrim(new.unit);
  return new;
end
$$;
create trigger item_units_not_base before insert or update of unit, item_id on public.item_units
  for each row execute function app_private.item_units_not_base();

-- Base units in one `p_unit` of an item: 1 for its base unit, the conversion otherwise (TR603 if none).
create function app_private.item_unit_factor(p_tenant uuid, p_item uuid, p_unit text) returns numeric
language plpgsql stable set search_path = ''
as $$
declare
  f numeric;
begin
  if exists (select 1 from public.items i where i.tenant_id = p_tenant and i.id = p_item and i.unit = p_unit) then
    return 1;
  end if;
  select u.factor into f from public.item_units u where u.tenant_id = p_tenant and u.item_id = p_item and u.unit = p_unit;
  if not found then
    raise exception using errcode = 'TR603', message = format('unit "%s" is not defined for this item', p_unit),
      hint = 'unit';
  end if;
  return f;
end
$$;

-- ───────────────────────────── item prices ─────────────────────────────
create table public.item_prices (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  item_id uuid not null,
  party_id uuid,
  unit text check (unit is null or char_length(btrim(unit)) between 1 and 20),
  min_quantity numeric(18, 4) not null default 0 check (min_quantity >= 0),
  price numeric(20, 6) not null check (price >= 0),
  tax_inclusive boolean not null default true,
  valid_from date not null default ((now() at time zone 'Asia/Shanghai')::date),
  valid_to date,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete cascade,
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete cascade,
  check (valid_to is null or valid_to >= valid_from)
);
comment on table public.item_prices is
  'Sale price lists (价格表): a price per item, unit and minimum quantity, for every customer or one, valid on dates';
comment on column public.item_prices.item_id is 'Item';
comment on column public.item_prices.party_id is 'Customer (empty: every customer)';
comment on column public.item_prices.unit is 'Unit (empty: the item''s base unit)';
comment on column public.item_prices.min_quantity is 'From this quantity on (tiered prices)';
comment on column public.item_prices.price is 'Unit price';
comment on column public.item_prices.tax_inclusive is 'The price includes VAT';
comment on column public.item_prices.valid_from is 'Valid from';
comment on column public.item_prices.valid_to is 'Valid until (empty: no end)';
create index item_prices_item_idx on public.item_prices (tenant_id, item_id, party_id);
create index item_prices_party_idx on public.item_prices (tenant_id, party_id);
create trigger item_prices_touch before update on public.item_prices
  for each row execute function public.touch_updated_at();
-- A price row keeps its item and company; everything else changes.
revoke update on public.item_prices from authenticated;
grant update (party_id, unit, min_quantity, price, tax_inclusive, valid_from, valid_to) on public.item_prices to authenticated;

-- The default sale price of a line: the customer's own price, else the list price for everyone (same
-- unit, the highest tier the quantity reaches, the latest valid), else the item's sale price (tax
-- inclusive, per base unit) times the unit's factor; turned to the document's side of tax at its rate.
-- Null when there is none. The order module can use it for sales order lines too.
create function app_private.item_default_sale_price(
  p_tenant uuid, p_item uuid, p_party uuid, p_unit text, p_factor numeric, p_quantity numeric, p_date date,
  p_tax_inclusive boolean, p_rate numeric
) returns numeric
language plpgsql stable set search_path = ''
as $$
declare
  price numeric;
  inclusive boolean;
begin
  select p.price, p.tax_inclusive into price, inclusive
  from public.item_prices p join public.items i on i.tenant_id = p.tenant_id and i.id = p.item_id
  where p.tenant_id = p_tenant and p.item_id = p_item and (p.party_id = p_party or p.party_id is null)
    and coalesce(p.unit, i.unit) = p_unit and p.min_quantity <= p_quantity
    and p.valid_from <= p_date and (p.valid_to is null or p.valid_to >= p_date)
  order by p.party_id nulls last, p.min_quantity desc, p.valid_from desc
  limit 1;
  if not found then
    select i.sale_price * p_factor, true into price, inclusive
    from public.items i where i.tenant_id = p_tenant and i.id = p_item;
  end if;
  if price is null then
    return null;
  end if;
  if inclusive and not p_tax_inclusive then
    return round(price / (1 + p_rate), 6);
  elsif not inclusive and p_tax_inclusive then
    return round(price * (1 + p_rate), 6);
  end if;
  return round(price, 6);
end
$$;

-- ───────────────────────────── leads ─────────────────────────────
create table public.leads (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  company text check (company is null or char_length(company) <= 200),
  title text check (title is null or char_length(title) <= 100),
  phone text check (phone is null or phone ~ '^[0-9+() -]{3,30}$'),
  email text check (email is null or email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  wechat text check (wechat is null or char_length(wechat) <= 100),
  source text check (source is null or char_length(source) <= 100),
  campaign text check (campaign is null or char_length(campaign) <= 100),
  owner_id uuid default auth.uid() references auth.users (id) on delete set null,
  status public.lead_status not null default 'new',
  lost_reason text check (lost_reason is null or char_length(lost_reason) <= 500),
  note text check (note is null or char_length(note) <= 2000),
  party_id uuid,
  opportunity_id uuid,
  converted_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete set null (party_id),
  -- Only convert_lead() sets the customer: a converted lead is one that has it.
  constraint leads_converted_when_dated check ((status = 'converted') = (converted_at is not null))
);
comment on table public.leads is 'Sales leads (线索): people or companies that may become customers';
comment on column public.leads.name is 'Contact name';
comment on column public.leads.company is 'Company';
comment on column public.leads.title is 'Job title';
comment on column public.leads.phone is 'Phone';
comment on column public.leads.email is 'E-mail';
comment on column public.leads.wechat is 'WeChat';
comment on column public.leads.source is 'Source (来源), e.g. website, exhibition, referral';
comment on column public.leads.campaign is 'Campaign (活动)';
comment on column public.leads.owner_id is 'Salesperson in charge (负责人)';
comment on column public.leads.status is 'Status: new, contacted, qualified, lost; converted only through convert_lead';
comment on column public.leads.lost_reason is 'Why it was lost';
comment on column public.leads.note is 'Note';
comment on column public.leads.party_id is 'Customer it became (set by convert_lead)';
comment on column public.leads.opportunity_id is 'Opportunity it became (set by convert_lead)';
comment on column public.leads.converted_at is 'Converted at';
create index leads_owner_idx on public.leads (owner_id);
create index leads_party_idx on public.leads (tenant_id, party_id);
create index leads_status_idx on public.leads (tenant_id, status);
create trigger leads_touch before update on public.leads
  for each row execute function public.touch_updated_at();
revoke insert, update on public.leads from authenticated;
grant insert (tenant_id, name, company, title, phone, email, wechat, source, campaign, owner_id, status, lost_reason, note)
  on public.leads to authenticated;
grant update (name, company, title, phone, email, wechat, source, campaign, owner_id, status, lost_reason, note)
  on public.leads to authenticated;

-- A converted lead is history: its customer and opportunity carry on.
create function app_private.leads_guard() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'DELETE' then
    if old.status = 'converted' then
      raise exception using errcode = 'TR601', message = 'a converted lead is the history of its customer: it is kept',
        hint = 'status';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' and new.status = 'converted' then
    raise exception using errcode = 'TR605', message = 'a lead becomes converted only through convert_lead',
      hint = 'status';
  end if;
  if tg_op = 'UPDATE' and new.status is distinct from old.status then
    if old.status = 'converted' then
      raise exception using errcode = 'TR601', message = 'this lead is converted already', hint = 'status';
    end if;
    if new.status = 'converted' and new.converted_at is null then
      raise exception using errcode = 'TR605', message = 'a lead becomes converted only through convert_lead',
        hint = 'status';
    end if;
  end if;
  return new;
end
$$;
create trigger leads_guard before insert or update or delete on public.leads
  for each row execute function app_private.leads_guard();

-- ───────────────────────────── opportunity stages ─────────────────────────────
create table public.opportunity_stages (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  key text not null check (key ~ '^[a-z][a-z0-9_]{0,29}$'),
  name text not null check (char_length(btrim(name)) between 1 and 50),
  position smallint not null check (position between 1 and 100),
  probability numeric(5, 2) not null check (probability between 0 and 100),
  outcome public.stage_outcome not null default 'open',
  active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, key),
  unique (tenant_id, id),
  check (outcome <> 'won' or probability = 100),
  check (outcome <> 'lost' or probability = 0)
);
comment on table public.opportunity_stages is 'The sales pipeline of a company (销售阶段): stages in order, each with a default win probability';
comment on column public.opportunity_stages.key is 'Stable key';
comment on column public.opportunity_stages.name is 'Stage name';
comment on column public.opportunity_stages.position is 'Order in the pipeline';
comment on column public.opportunity_stages.probability is 'Default win probability (%) of opportunities entering it';
comment on column public.opportunity_stages.outcome is 'open, or a terminal stage: won (赢单) or lost (输单)';
comment on column public.opportunity_stages.active is 'In use';
create trigger opportunity_stages_touch before update on public.opportunity_stages
  for each row execute function public.touch_updated_at();

create table app_private.opportunity_stage_templates (
  key text primary key,
  name text not null,
  position smallint not null,
  probability numeric(5, 2) not null,
  outcome public.stage_outcome not null
);
comment on table app_private.opportunity_stage_templates is 'The default pipeline, copied into new companies';
insert into app_private.opportunity_stage_templates (key, name, position, probability, outcome) values
  ('initial', '初步接洽 Initial contact', 10, 10, 'open'),
  ('needs', '需求确认 Needs confirmed', 20, 25, 'open'),
  ('proposal', '方案报价 Proposal', 30, 50, 'open'),
  ('negotiation', '商务谈判 Negotiation', 40, 75, 'open'),
  ('won', '赢单 Won', 90, 100, 'won'),
  ('lost', '输单 Lost', 95, 0, 'lost');

create function app_private.provision_crm(p_tenant uuid) returns void
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.opportunity_stages (tenant_id, key, name, position, probability, outcome)
  select p_tenant, t.key, t.name, t.position, t.probability, t.outcome from app_private.opportunity_stage_templates t
  on conflict (tenant_id, key) do nothing;
end
$$;

-- New companies get the pipeline with their row (provision_books stays the books' own).
create function app_private.tenants_provision_crm() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.provision_crm(new.id);
  return null;
end
$$;
create trigger tenants_provision_crm after insert on public.tenants
  for each row execute function app_private.tenants_provision_crm();
select app_private.provision_crm(t.id) from public.tenants t;

-- Document numbers of quotations and tickets, for new companies (templates) and existing ones.
insert into app_private.document_sequence_templates (doc_type, name, prefix, reset_every, padding) values
  ('quotation', '报价单', 'QT', 'month', 4),
  ('ticket', '售后工单', 'TK', 'month', 4)
on conflict (doc_type) do nothing;
insert into public.document_sequences (tenant_id, doc_type, name, prefix, reset_every, padding)
select t.id, st.doc_type, st.name, st.prefix, st.reset_every, st.padding
from public.tenants t cross join app_private.document_sequence_templates st
where st.doc_type in ('quotation', 'ticket')
on conflict (tenant_id, doc_type) do nothing;

-- ───────────────────────────── opportunities ─────────────────────────────
create table public.opportunities (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 200),
  party_id uuid not null,
  lead_id uuid,
  -- Both are filled by a trigger when left out (first open stage, its probability); the API may omit
  -- them, so NOT NULL is a check rather than a column property (the generated types follow the latter).
  stage_id uuid check (stage_id is not null),
  probability numeric(5, 2) check (probability is not null and probability between 0 and 100),
  expected_amount numeric(18, 2) check (expected_amount is null or expected_amount >= 0),
  expected_close_on date,
  owner_id uuid default auth.uid() references auth.users (id) on delete set null,
  closed_at timestamptz,
  lost_reason text check (lost_reason is null or char_length(lost_reason) <= 500),
  note text check (note is null or char_length(note) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, lead_id) references public.leads (tenant_id, id) on delete set null (lead_id),
  foreign key (tenant_id, stage_id) references public.opportunity_stages (tenant_id, id) on delete restrict
);
comment on table public.opportunities is 'Sales opportunities (商机) moving through the pipeline';
comment on column public.opportunities.name is 'Name';
comment on column public.opportunities.party_id is 'Customer';
comment on column public.opportunities.lead_id is 'Lead it came from';
comment on column public.opportunities.stage_id is 'Stage (default: the first open stage)';
comment on column public.opportunities.probability is 'Win probability (%); follows the stage unless set with the stage change';
comment on column public.opportunities.expected_amount is 'Expected amount (预计金额)';
comment on column public.opportunities.expected_close_on is 'Expected close date (预计成交日期)';
comment on column public.opportunities.owner_id is 'Salesperson in charge (负责人)';
comment on column public.opportunities.closed_at is 'Closed at (set when it enters a won or lost stage)';
comment on column public.opportunities.lost_reason is 'Why it was lost';
comment on column public.opportunities.note is 'Note';
create index opportunities_party_idx on public.opportunities (tenant_id, party_id);
create index opportunities_lead_idx on public.opportunities (tenant_id, lead_id);
create index opportunities_stage_idx on public.opportunities (tenant_id, stage_id);
create index opportunities_owner_idx on public.opportunities (owner_id);
create trigger opportunities_touch before update on public.opportunities
  for each row execute function public.touch_updated_at();
revoke insert, update on public.opportunities from authenticated;
grant insert (tenant_id, name, party_id, lead_id, stage_id, probability, expected_amount, expected_close_on, owner_id,
  lost_reason, note) on public.opportunities to authenticated;
grant update (name, party_id, stage_id, probability, expected_amount, expected_close_on, owner_id, lost_reason, note)
  on public.opportunities to authenticated;

alter table public.leads
  add foreign key (tenant_id, opportunity_id) references public.opportunities (tenant_id, id) on delete set null (opportunity_id);
create index leads_opportunity_idx on public.leads (tenant_id, opportunity_id);

create table public.opportunity_stage_history (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  opportunity_id uuid not null,
  from_stage_id uuid,
  to_stage_id uuid not null,
  probability numeric(5, 2) not null,
  changed_by uuid references auth.users (id) on delete set null,
  changed_at timestamptz not null default now(),
  foreign key (tenant_id, opportunity_id) references public.opportunities (tenant_id, id) on delete cascade,
  foreign key (tenant_id, from_stage_id) references public.opportunity_stages (tenant_id, id) on delete restrict,
  foreign key (tenant_id, to_stage_id) references public.opportunity_stages (tenant_id, id) on delete restrict
);
comment on table public.opportunity_stage_history is 'Every stage an opportunity entered, who moved it and when (written by a trigger)';
comment on column public.opportunity_stage_history.opportunity_id is 'Opportunity';
comment on column public.opportunity_stage_history.from_stage_id is 'Previous stage';
comment on column public.opportunity_stage_history.to_stage_id is 'New stage';
comment on column public.opportunity_stage_history.probability is 'Probability after the change (%)';
comment on column public.opportunity_stage_history.changed_by is 'Who';
comment on column public.opportunity_stage_history.changed_at is 'When';
create index opportunity_stage_history_opp_idx on public.opportunity_stage_history (tenant_id, opportunity_id);
create index opportunity_stage_history_from_idx on public.opportunity_stage_history (tenant_id, from_stage_id);
create index opportunity_stage_history_to_idx on public.opportunity_stage_history (tenant_id, to_stage_id);
create index opportunity_stage_history_by_idx on public.opportunity_stage_history (changed_by);
revoke insert, update, delete, truncate on public.opportunity_stage_history from authenticated;

create function app_private.opportunities_stage() returns trigger
language plpgsql set search_path = ''
as $$
declare
  st record;
begin
  if new.stage_id is null then
    select s.id into new.stage_id from public.opportunity_stages s
    where s.tenant_id = new.tenant_id and s.outcome = 'open' and s.active order by s.position limit 1;
  end if;
  select s.probability, s.outcome into st from public.opportunity_stages s
  where s.tenant_id = new.tenant_id and s.id = new.stage_id;
  if not found then
    raise exception using errcode = 'TR602', message = 'the stage is not in this company', hint = 'stage_id';
  end if;
  if tg_op = 'INSERT' then
    new.probability := coalesce(new.probability, st.probability);
  elsif new.stage_id is distinct from old.stage_id then
    if old.closed_at is not null then
      raise exception using errcode = 'TR605', message = 'this opportunity is closed: its stage no longer changes',
        hint = 'stage_id';
    end if;
    -- The stage's default unless the same update sets a probability of its own.
    if new.probability is not distinct from old.probability then
      new.probability := st.probability;
    end if;
  end if;
  if st.outcome <> 'open' then
    new.probability := st.probability;
    new.closed_at := coalesce(new.closed_at, now());
  else
    new.closed_at := null;
  end if;
  return new;
end
$$;
create trigger opportunities_stage before insert or update on public.opportunities
  for each row execute function app_private.opportunities_stage();

-- SECURITY DEFINER: the history is not writable through the API.
create function app_private.opportunities_history() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' or new.stage_id is distinct from old.stage_id then
    insert into public.opportunity_stage_history (tenant_id, opportunity_id, from_stage_id, to_stage_id, probability, changed_by)
    values (new.tenant_id, new.id, case when tg_op = 'UPDATE' then old.stage_id end, new.stage_id, new.probability, auth.uid());
  end if;
  return null;
end
$$;
create trigger opportunities_history after insert or update of stage_id on public.opportunities
  for each row execute function app_private.opportunities_history();

-- ───────────────────────────── quotations ─────────────────────────────
create table public.quotations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  party_id uuid not null,
  contact_id uuid,
  opportunity_id uuid,
  quote_date date not null default ((now() at time zone 'Asia/Shanghai')::date),
  valid_until date,
  tax_inclusive boolean not null default true,
  status public.quotation_status not null default 'draft',
  amount numeric(18, 2) not null default 0,
  tax numeric(18, 2) not null default 0,
  total numeric(18, 2) not null default 0,
  owner_id uuid default auth.uid() references auth.users (id) on delete set null,
  note text check (note is null or char_length(note) <= 2000),
  sent_at timestamptz,
  accepted_at timestamptz,
  sales_order_id uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, number),
  check (valid_until is null or valid_until >= quote_date),
  check (sales_order_id is null or status = 'accepted'),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, contact_id) references public.party_contacts (tenant_id, id) on delete set null (contact_id),
  foreign key (tenant_id, opportunity_id) references public.opportunities (tenant_id, id) on delete set null (opportunity_id)
);
comment on table public.quotations is 'Quotations (报价单) to customers; an accepted one becomes a sales order';
comment on column public.quotations.number is 'Number (QT-YYYYMM-nnnn, given on creation)';
comment on column public.quotations.party_id is 'Customer';
comment on column public.quotations.contact_id is 'Contact';
comment on column public.quotations.opportunity_id is 'Opportunity';
comment on column public.quotations.quote_date is 'Date';
comment on column public.quotations.valid_until is 'Valid until (有效期至)';
comment on column public.quotations.tax_inclusive is 'Prices include VAT (含税价)';
comment on column public.quotations.status is 'Status: draft, sent, accepted, rejected, expired';
comment on column public.quotations.amount is 'Amount before tax (金额), sum of the lines';
comment on column public.quotations.tax is 'VAT (税额), sum of the lines';
comment on column public.quotations.total is 'Total with tax (价税合计), sum of the lines';
comment on column public.quotations.owner_id is 'Salesperson';
comment on column public.quotations.note is 'Note';
comment on column public.quotations.sent_at is 'Sent at';
comment on column public.quotations.accepted_at is 'Accepted at';
comment on column public.quotations.sales_order_id is 'Sales order made from it (set by the order module)';
create index quotations_party_idx on public.quotations (tenant_id, party_id);
create index quotations_contact_idx on public.quotations (tenant_id, contact_id);
create index quotations_opportunity_idx on public.quotations (tenant_id, opportunity_id);
create index quotations_owner_idx on public.quotations (owner_id);
create index quotations_sales_order_idx on public.quotations (tenant_id, sales_order_id);
create trigger quotations_touch before update on public.quotations
  for each row execute function public.touch_updated_at();
-- Number, totals, timestamps and the order link belong to triggers and the order module.
revoke insert, update on public.quotations from authenticated;
grant insert (tenant_id, party_id, contact_id, opportunity_id, quote_date, valid_until, tax_inclusive, status, owner_id, note)
  on public.quotations to authenticated;
grant update (party_id, contact_id, opportunity_id, quote_date, valid_until, tax_inclusive, status, owner_id, note)
  on public.quotations to authenticated;

create table public.quotation_lines (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  quotation_id uuid not null,
  line_no int not null default 0 check (line_no >= 0),
  item_id uuid not null,
  description text check (description is null or char_length(description) <= 500),
  quantity numeric(18, 4) not null check (quantity > 0),
  unit text,
  unit_factor numeric(18, 6) not null default 1,
  -- Left out, it comes from the price list (see item_default_sale_price); NOT NULL as a check so the API may omit it.
  unit_price numeric(20, 6) check (unit_price is not null and unit_price >= 0),
  discount numeric(18, 2) not null default 0 check (discount >= 0),
  tax_rate numeric(6, 4) check (tax_rate is null or (tax_rate >= 0 and tax_rate < 1)),
  amount numeric(18, 2) not null default 0,
  tax numeric(18, 2) not null default 0,
  total numeric(18, 2) not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, quotation_id) references public.quotations (tenant_id, id) on delete cascade,
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete restrict
);
comment on table public.quotation_lines is 'Lines of a quotation; amounts follow the VAT rule (public.vat_line)';
comment on column public.quotation_lines.quotation_id is 'Quotation';
comment on column public.quotation_lines.line_no is 'Line number (default: next)';
comment on column public.quotation_lines.item_id is 'Item';
comment on column public.quotation_lines.description is 'Description';
comment on column public.quotation_lines.quantity is 'Quantity (in the line''s unit)';
comment on column public.quotation_lines.unit is 'Unit (the item''s base unit or one of its conversions; default: base unit)';
comment on column public.quotation_lines.unit_factor is 'Base units per unit (from the item''s conversions)';
comment on column public.quotation_lines.unit_price is 'Unit price (with or without tax, as the quotation says; default: the price list)';
comment on column public.quotation_lines.discount is 'Discount amount off the line';
comment on column public.quotation_lines.tax_rate is 'VAT rate (default: the rate of the item''s sales tax code on the quotation date)';
comment on column public.quotation_lines.amount is 'Amount before tax (金额), computed';
comment on column public.quotation_lines.tax is 'VAT (税额), computed';
comment on column public.quotation_lines.total is 'Total with tax (价税合计), computed';
create index quotation_lines_quotation_idx on public.quotation_lines (tenant_id, quotation_id, line_no);
create index quotation_lines_item_idx on public.quotation_lines (tenant_id, item_id);
create trigger quotation_lines_touch before update on public.quotation_lines
  for each row execute function public.touch_updated_at();
revoke insert, update on public.quotation_lines from authenticated;
grant insert (tenant_id, quotation_id, line_no, item_id, description, quantity, unit, unit_price, discount, tax_rate)
  on public.quotation_lines to authenticated;
grant update (line_no, item_id, description, quantity, unit, unit_price, discount, tax_rate)
  on public.quotation_lines to authenticated;

-- The contact and the opportunity of a document must be the customer's own.
create function app_private.quotations_check_links(p_tenant uuid, p_party uuid, p_contact uuid, p_opportunity uuid)
returns void
language plpgsql stable set search_path = ''
as $$
begin
  if p_contact is not null and not exists (
    select 1 from public.party_contacts c where c.tenant_id = p_tenant and c.id = p_contact and c.party_id = p_party) then
    raise exception using errcode = 'TR600', message = 'the contact is not one of this customer''s', hint = 'contact_id';
  end if;
  if p_opportunity is not null and not exists (
    select 1 from public.opportunities o where o.tenant_id = p_tenant and o.id = p_opportunity and o.party_id = p_party) then
    raise exception using errcode = 'TR600', message = 'the opportunity is not this customer''s', hint = 'opportunity_id';
  end if;
end
$$;

create function app_private.quotations_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  ok boolean;
begin
  if tg_op = 'DELETE' then
    if old.status <> 'draft' then
      raise exception using errcode = 'TR604', message = format('quotation %s is %s: only drafts are deleted', old.number, old.status),
        hint = 'status';
    end if;
    return old;
  end if;
  if tg_op = 'INSERT' then
    if new.status <> 'draft' then
      raise exception using errcode = 'TR605', message = 'a quotation starts as a draft', hint = 'status';
    end if;
    perform app_private.quotations_check_links(new.tenant_id, new.party_id, new.contact_id, new.opportunity_id);
    new.number := app_private.next_document_number(new.tenant_id, 'quotation', new.quote_date);
    new.amount := 0; new.tax := 0; new.total := 0;
    new.sent_at := null; new.accepted_at := null; new.sales_order_id := null;
    return new;
  end if;
  if new.number is distinct from old.number then
    raise exception using errcode = 'TR604', message = 'a quotation keeps its number', hint = 'number';
  end if;
  perform app_private.quotations_check_links(new.tenant_id, new.party_id, new.contact_id, new.opportunity_id);
  if old.status <> 'draft' and (new.party_id, new.contact_id, new.opportunity_id, new.quote_date, new.tax_inclusive)
       is distinct from (old.party_id, old.contact_id, old.opportunity_id, old.quote_date, old.tax_inclusive) then
    raise exception using errcode = 'TR604',
      message = format('quotation %s is %s: only drafts change (set it back to draft first)', old.number, old.status),
      hint = 'status';
  end if;
  -- A changed tax-inclusive flag changes every line (quotations_recompute rewrites them after this
  -- update); the totals are set here already, so that the updated row the API returns is right.
  if new.tax_inclusive is distinct from old.tax_inclusive then
    select coalesce(sum(v.amount), 0), coalesce(sum(v.tax), 0), coalesce(sum(v.total), 0)
      into new.amount, new.tax, new.total
    from public.quotation_lines l
    cross join lateral public.vat_line(l.quantity, l.unit_price, l.tax_rate, new.tax_inclusive, l.discount) v
    where l.tenant_id = new.tenant_id and l.quotation_id = new.id;
  end if;
  if new.status is distinct from old.status then
    ok := case old.status
      when 'draft' then new.status in ('sent', 'accepted', 'rejected', 'expired')
      when 'sent' then new.status in ('draft', 'accepted', 'rejected', 'expired')
      else false
    end;
    if not ok then
      raise exception using errcode = 'TR605',
        message = format('a quotation goes from %s to %s only as the workflow allows', old.status, new.status), hint = 'status';
    end if;
    if new.status = 'accepted' then
      if not exists (select 1 from public.quotation_lines l where l.tenant_id = new.tenant_id and l.quotation_id = new.id) then
        raise exception using errcode = 'TR605', message = 'a quotation without lines cannot be accepted', hint = 'status';
      end if;
      if new.valid_until is not null and new.valid_until < app_private.crm_today() then
        raise exception using errcode = 'TR605', message = format('quotation %s expired on %s', new.number, new.valid_until),
          hint = 'valid_until';
      end if;
      new.accepted_at := now();
    end if;
    if new.status = 'sent' then
      new.sent_at := now();
    end if;
  end if;
  if new.sales_order_id is distinct from old.sales_order_id and old.sales_order_id is not null then
    raise exception using errcode = 'TR604', message = 'this quotation became a sales order already', hint = 'sales_order_id';
  end if;
  return new;
end
$$;
create trigger quotations_guard before insert or update or delete on public.quotations
  for each row execute function app_private.quotations_guard();

-- Lines: only while the quotation is a draft; unit, rate and amounts decided here.
create function app_private.quotation_lines_compute() returns trigger
language plpgsql set search_path = ''
as $$
declare
  q record;
  it record;
  v record;
  qid uuid := case when tg_op = 'DELETE' then old.quotation_id else new.quotation_id end;
  tid uuid := case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end;
begin
  select h.status, h.number, h.tax_inclusive, h.quote_date, h.party_id into q
  from public.quotations h where h.tenant_id = tid and h.id = qid;
  if not found then
    if tg_op = 'DELETE' then
      return old; -- the quotation itself is being deleted
    end if;
    raise exception using errcode = 'TR602', message = 'the quotation is not in this company', hint = 'quotation_id';
  end if;
  if q.status <> 'draft' then
    raise exception using errcode = 'TR604',
      message = format('quotation %s is %s: its lines change only while it is a draft', q.number, q.status),
      hint = 'quotation_id';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if tg_op = 'UPDATE' and new.quotation_id is distinct from old.quotation_id then
    raise exception using errcode = 'TR604', message = 'a line stays on its quotation', hint = 'quotation_id';
  end if;
  select i.unit, i.output_tax_code into it from public.items i where i.tenant_id = new.tenant_id and i.id = new.item_id;
  if not found then
    raise exception using errcode = 'TR602', message = 'the item is not in this company', hint = 'item_id';
  end if;
  new.unit := coalesce(nullif(btrim(new.unit), ''), it.unit);
  new.unit_factor := app_private.item_unit_factor(new.tenant_id, new.item_id, new.unit);
  if new.tax_rate is null then
    if it.output_tax_code is null then
      raise exception using errcode = 'TR610', message = 'the item has no sales tax code: give the line a tax rate',
        hint = 'tax_rate';
    end if;
    begin
      new.tax_rate := public.tax_rate(it.output_tax_code, q.quote_date);
    exception when sqlstate 'TR310' then
      raise exception using errcode = 'TR610',
        message = format('tax code %s has no rate on %s: give the line a tax rate', it.output_tax_code, q.quote_date),
        hint = 'tax_rate';
    end;
  end if;
  if new.unit_price is null then
    new.unit_price := app_private.item_default_sale_price(new.tenant_id, new.item_id, q.party_id, new.unit, new.unit_factor,
      new.quantity, q.quote_date, q.tax_inclusive, new.tax_rate);
    if new.unit_price is null then
      raise exception using errcode = 'TR600', message = 'no price list entry or sale price for this item: give a unit price',
        hint = 'unit_price';
    end if;
  end if;
  if tg_op = 'INSERT' and new.line_no = 0 then
    select coalesce(max(l.line_no), 0) + 1 into new.line_no from public.quotation_lines l
    where l.tenant_id = new.tenant_id and l.quotation_id = new.quotation_id;
  end if;
  select * into v from public.vat_line(new.quantity, new.unit_price, new.tax_rate, q.tax_inclusive, new.discount);
  new.amount := v.amount;
  new.tax := v.tax;
  new.total := v.total;
  return new;
end
$$;
create trigger quotation_lines_compute before insert or update or delete on public.quotation_lines
  for each row execute function app_private.quotation_lines_compute();

-- SECURITY DEFINER: the totals are not writable through the API (column privileges).
create function app_private.quotation_totals() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  tid uuid := case when tg_op = 'DELETE' then old.tenant_id else new.tenant_id end;
  qid uuid := case when tg_op = 'DELETE' then old.quotation_id else new.quotation_id end;
begin
  update public.quotations h set amount = s.amount, tax = s.tax, total = s.total
  from (
    select coalesce(sum(l.amount), 0) as amount, coalesce(sum(l.tax), 0) as tax, coalesce(sum(l.total), 0) as total
    from public.quotation_lines l where l.tenant_id = tid and l.quotation_id = qid
  ) s
  where h.tenant_id = tid and h.id = qid and (h.amount, h.tax, h.total) is distinct from (s.amount, s.tax, s.total);
  return null;
end
$$;
create trigger quotation_lines_totals after insert or update or delete on public.quotation_lines
  for each row execute function app_private.quotation_totals();

-- A changed tax-inclusive flag changes every line's amounts: recompute them (drafts only, see the guard).
create function app_private.quotations_recompute() returns trigger
language plpgsql set search_path = ''
as $$
begin
  update public.quotation_lines l set tax_rate = l.tax_rate where l.tenant_id = new.tenant_id and l.quotation_id = new.id;
  return null;
end
$$;
create trigger quotations_recompute after update of tax_inclusive on public.quotations
  for each row when (old.tax_inclusive is distinct from new.tax_inclusive)
  execute function app_private.quotations_recompute();

-- ───────────────────────────── follow-ups ─────────────────────────────
create table public.follow_ups (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  party_id uuid,
  lead_id uuid,
  opportunity_id uuid,
  kind public.follow_up_kind not null default 'call',
  content text not null check (char_length(btrim(content)) between 1 and 4000),
  happened_at timestamptz not null default now(),
  next_follow_up_on date,
  next_action text check (next_action is null or char_length(next_action) <= 500),
  next_done_at timestamptz,
  owner_id uuid default auth.uid() references auth.users (id) on delete set null,
  created_by uuid default auth.uid() references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete cascade,
  foreign key (tenant_id, lead_id) references public.leads (tenant_id, id) on delete cascade,
  foreign key (tenant_id, opportunity_id) references public.opportunities (tenant_id, id) on delete cascade,
  constraint follow_ups_names_someone check (num_nonnulls(party_id, lead_id, opportunity_id) > 0)
);
comment on table public.follow_ups is 'Follow-ups (跟进记录) with customers, leads and opportunities, and the next one planned';
comment on column public.follow_ups.party_id is 'Customer (filled from the opportunity or converted lead when empty)';
comment on column public.follow_ups.lead_id is 'Lead';
comment on column public.follow_ups.opportunity_id is 'Opportunity';
comment on column public.follow_ups.kind is 'Kind: call, visit, message, note';
comment on column public.follow_ups.content is 'What happened';
comment on column public.follow_ups.happened_at is 'When it happened';
comment on column public.follow_ups.next_follow_up_on is 'Next follow-up due on (下次跟进日期)';
comment on column public.follow_ups.next_action is 'What to do next';
comment on column public.follow_ups.next_done_at is 'When the planned next follow-up was done (set when a later follow-up is recorded)';
comment on column public.follow_ups.owner_id is 'Salesperson in charge of the next follow-up';
comment on column public.follow_ups.created_by is 'Recorded by';
create index follow_ups_party_idx on public.follow_ups (tenant_id, party_id, happened_at desc);
create index follow_ups_lead_idx on public.follow_ups (tenant_id, lead_id);
create index follow_ups_opportunity_idx on public.follow_ups (tenant_id, opportunity_id);
create index follow_ups_owner_due_idx on public.follow_ups (owner_id, next_follow_up_on);
create index follow_ups_created_by_idx on public.follow_ups (created_by);
create trigger follow_ups_touch before update on public.follow_ups
  for each row execute function public.touch_updated_at();
revoke insert, update on public.follow_ups from authenticated;
grant insert (tenant_id, party_id, lead_id, opportunity_id, kind, content, happened_at, next_follow_up_on, next_action,
  next_done_at, owner_id) on public.follow_ups to authenticated;
grant update (party_id, lead_id, opportunity_id, kind, content, happened_at, next_follow_up_on, next_action, next_done_at,
  owner_id) on public.follow_ups to authenticated;

create function app_private.follow_ups_fill() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.party_id is null and new.opportunity_id is not null then
    select o.party_id into new.party_id from public.opportunities o
    where o.tenant_id = new.tenant_id and o.id = new.opportunity_id;
  end if;
  if new.party_id is null and new.lead_id is not null then
    select l.party_id into new.party_id from public.leads l where l.tenant_id = new.tenant_id and l.id = new.lead_id;
  end if;
  if tg_op = 'INSERT' then
    new.created_by := coalesce(auth.uid(), new.created_by);
  end if;
  return new;
end
$$;
create trigger follow_ups_fill before insert or update of party_id, lead_id, opportunity_id on public.follow_ups
  for each row execute function app_private.follow_ups_fill();

-- A new follow-up of the same customer, lead or opportunity does the earlier planned ones.
-- SECURITY DEFINER: the earlier plan may be a colleague's row, which RLS would not let this person write.
create function app_private.follow_ups_done() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update public.follow_ups f set next_done_at = new.happened_at
  where f.tenant_id = new.tenant_id and f.id <> new.id and f.next_done_at is null
    and f.next_follow_up_on is not null and f.happened_at <= new.happened_at
    and ((new.party_id is not null and f.party_id = new.party_id)
      or (new.lead_id is not null and f.lead_id = new.lead_id)
      or (new.opportunity_id is not null and f.opportunity_id = new.opportunity_id));
  return null;
end
$$;
create trigger follow_ups_done after insert on public.follow_ups
  for each row execute function app_private.follow_ups_done();

-- The last follow-up of each customer (for lists and the archive).
create view public.party_last_follow_ups with (security_invoker = true) as
select distinct on (f.tenant_id, f.party_id)
  f.tenant_id, f.party_id, f.id as follow_up_id, f.kind, f.content, f.happened_at, f.owner_id, f.next_follow_up_on
from public.follow_ups f
where f.party_id is not null
order by f.tenant_id, f.party_id, f.happened_at desc, f.created_at desc;
comment on view public.party_last_follow_ups is 'The last follow-up of each customer';

-- Planned follow-ups due today or overdue, of everyone the caller may read (managers' view per salesperson;
-- my_follow_ups_due() is the caller's own list).
create view public.follow_ups_due with (security_invoker = true) as
select f.tenant_id, f.owner_id, f.id as follow_up_id, f.next_follow_up_on as due_on,
  f.next_follow_up_on < app_private.crm_today() as overdue, f.party_id, f.lead_id, f.opportunity_id, f.kind, f.content,
  f.next_action, f.happened_at
from public.follow_ups f
where f.next_done_at is null and f.next_follow_up_on <= app_private.crm_today();
comment on view public.follow_ups_due is 'Planned follow-ups due today or overdue, per salesperson (owner_id)';

-- ───────────────────────────── tickets ─────────────────────────────
create table public.tickets (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  number text not null default '',
  party_id uuid not null,
  contact_id uuid,
  item_id uuid,
  subject text not null check (char_length(btrim(subject)) between 1 and 200),
  description text check (description is null or char_length(description) <= 4000),
  status public.ticket_status not null default 'open',
  priority public.ticket_priority not null default 'normal',
  owner_id uuid default auth.uid() references auth.users (id) on delete set null,
  satisfaction smallint check (satisfaction between 1 and 5),
  resolution text check (resolution is null or char_length(resolution) <= 4000),
  resolved_at timestamptz,
  closed_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id),
  unique (tenant_id, number),
  foreign key (tenant_id, party_id) references public.parties (tenant_id, id) on delete restrict,
  foreign key (tenant_id, contact_id) references public.party_contacts (tenant_id, id) on delete set null (contact_id),
  foreign key (tenant_id, item_id) references public.items (tenant_id, id) on delete set null (item_id),
  constraint tickets_satisfaction_when_done check (satisfaction is null or status in ('resolved', 'closed'))
);
comment on table public.tickets is 'After-sales tickets (售后工单)';
comment on column public.tickets.number is 'Number (TK-YYYYMM-nnnn, given on creation)';
comment on column public.tickets.party_id is 'Customer';
comment on column public.tickets.contact_id is 'Contact';
comment on column public.tickets.item_id is 'Product concerned';
comment on column public.tickets.subject is 'Subject';
comment on column public.tickets.description is 'Description';
comment on column public.tickets.status is 'Status: open, in_progress, resolved, closed';
comment on column public.tickets.priority is 'Priority';
comment on column public.tickets.owner_id is 'Person in charge';
comment on column public.tickets.satisfaction is 'Customer satisfaction 1-5 (only once resolved or closed)';
comment on column public.tickets.resolution is 'How it was resolved';
comment on column public.tickets.resolved_at is 'Resolved at';
comment on column public.tickets.closed_at is 'Closed at';
create index tickets_party_idx on public.tickets (tenant_id, party_id);
create index tickets_contact_idx on public.tickets (tenant_id, contact_id);
create index tickets_item_idx on public.tickets (tenant_id, item_id);
create index tickets_owner_idx on public.tickets (owner_id);
create index tickets_status_idx on public.tickets (tenant_id, status);
create trigger tickets_touch before update on public.tickets
  for each row execute function public.touch_updated_at();
revoke insert, update on public.tickets from authenticated;
grant insert (tenant_id, party_id, contact_id, item_id, subject, description, status, priority, owner_id, satisfaction, resolution)
  on public.tickets to authenticated;
grant update (party_id, contact_id, item_id, subject, description, status, priority, owner_id, satisfaction, resolution)
  on public.tickets to authenticated;

-- SECURITY DEFINER: draws the number (counters are not writable through the API).
create function app_private.tickets_guard() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if tg_op = 'INSERT' then
    new.number := app_private.next_document_number(new.tenant_id, 'ticket', app_private.crm_today());
  elsif new.number is distinct from old.number then
    raise exception using errcode = 'TR604', message = 'a ticket keeps its number', hint = 'number';
  elsif old.status = 'closed' and (new.status, new.party_id, new.subject, new.description, new.resolution)
        is distinct from (old.status, old.party_id, old.subject, old.description, old.resolution) then
    raise exception using errcode = 'TR604', message = format('ticket %s is closed', old.number), hint = 'status';
  end if;
  perform app_private.quotations_check_links(new.tenant_id, new.party_id, new.contact_id, null);
  if new.satisfaction is not null and new.status not in ('resolved', 'closed') then
    raise exception using errcode = 'TR606', message = 'satisfaction is rated once the ticket is resolved or closed',
      hint = 'satisfaction';
  end if;
  if new.status in ('resolved', 'closed') then
    new.resolved_at := coalesce(case when tg_op = 'UPDATE' then old.resolved_at end, now());
  else
    new.resolved_at := null;
  end if;
  new.closed_at := case when new.status = 'closed' then coalesce(case when tg_op = 'UPDATE' then old.closed_at end, now()) end;
  return new;
end
$$;
create trigger tickets_guard before insert or update on public.tickets
  for each row execute function app_private.tickets_guard();

-- ───────────────────────────── API functions ─────────────────────────────
create function public.convert_lead(
  p_lead_id uuid,
  p_party_id uuid default null,
  p_party_code text default null,
  p_opportunity_name text default null,
  p_expected_amount numeric default null,
  p_expected_close_on date default null
) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  tenant uuid := app_private.require('leads', 'update');
  me uuid := auth.uid();
  l record;
  p record;
  party uuid := p_party_id;
  opp uuid;
  created boolean := false;
begin
  perform app_private.require('opportunities', 'create');
  select * into l from public.leads x where x.tenant_id = tenant and x.id = p_lead_id for update;
  if not found then
    raise exception using errcode = 'TR602', message = 'no such lead in this company', hint = 'lead_id';
  end if;
  if l.owner_id is distinct from me and not app_private.can('crm_team', 'update') then
    raise exception using errcode = 'TR104', message = 'permission denied: this lead is a colleague''s', hint = 'lead_id';
  end if;
  if l.status = 'converted' then
    raise exception using errcode = 'TR601', message = 'this lead is converted already', hint = 'lead_id';
  end if;
  if l.status = 'lost' then
    raise exception using errcode = 'TR601', message = 'this lead is lost: set it back to qualified first', hint = 'lead_id';
  end if;
  if p_expected_amount is not null and (p_expected_amount < 0 or p_expected_amount <> round(p_expected_amount, 2)) then
    raise exception using errcode = 'TR600', message = 'expected amount: zero or more, in fen at most', hint = 'expected_amount';
  end if;

  if party is not null then
    select x.id, x.name, x.is_customer into p from public.parties x where x.tenant_id = tenant and x.id = party for update;
    if not found then
      raise exception using errcode = 'TR602', message = 'no such customer in this company', hint = 'party_id';
    end if;
    if not p.is_customer then
      perform app_private.require('parties', 'update');
      update public.parties set is_customer = true where tenant_id = tenant and id = party;
    end if;
  else
    perform app_private.require('parties', 'create');
    p_party_code := coalesce(nullif(btrim(p_party_code), ''), 'C' || upper(left(replace(l.id::text, '-', ''), 12)));
    if p_party_code !~ '^[A-Za-z0-9_.-]{1,30}$' then
      raise exception using errcode = 'TR600', message = 'customer code: 1 to 30 letters, digits, _ . or -', hint = 'party_code';
    end if;
    if exists (select 1 from public.parties x where x.tenant_id = tenant and x.code = p_party_code) then
      raise exception using errcode = 'TR600', message = format('customer code %s is used already', p_party_code),
        hint = 'party_code';
    end if;
    insert into public.parties (tenant_id, code, name, is_customer, owner_id, source, tags)
    values (tenant, p_party_code, left(coalesce(nullif(btrim(l.company), ''), l.name), 200), true, l.owner_id, l.source,
            case when l.campaign is null then '{}' else array[l.campaign] end)
    returning id into party;
    insert into public.party_contacts (tenant_id, party_id, name, title, phone, email, wechat, is_primary)
    values (tenant, party, l.name, l.title, l.phone, l.email, l.wechat, true);
    created := true;
  end if;

  insert into public.opportunities (tenant_id, name, party_id, lead_id, owner_id, expected_amount, expected_close_on)
  values (tenant, left(coalesce(nullif(btrim(p_opportunity_name), ''), coalesce(nullif(btrim(l.company), ''), l.name)), 200),
          party, l.id, l.owner_id, p_expected_amount, p_expected_close_on)
  returning id into opp;
  update public.leads set status = 'converted', party_id = party, opportunity_id = opp, converted_at = now()
  where tenant_id = tenant and id = l.id;
  -- The lead's follow-ups become the customer's history too.
  update public.follow_ups set party_id = party where tenant_id = tenant and lead_id = l.id and party_id is null;
  return jsonb_build_object('party_id', party, 'opportunity_id', opp, 'party_created', created);
end
$$;
comment on function public.convert_lead(uuid, uuid, text, text, numeric, date) is
  'Converts a lead into a customer (new, or the existing p_party_id) and an opportunity, in one transaction; '
  'refuses a converted or lost lead. Rights: leads:update (own lead, or crm_team:update), opportunities:create, '
  'parties:create. SECURITY DEFINER because the lead''s conversion columns are not writable through the API; '
  'the rights are checked here';

create function public.my_follow_ups_due()
returns table (
  follow_up_id uuid, due_on date, overdue boolean, days_overdue int, kind public.follow_up_kind, content text,
  next_action text, happened_at timestamptz, party_id uuid, party_name text, lead_id uuid, lead_name text,
  opportunity_id uuid, opportunity_name text
)
language sql stable set search_path = ''
as $$
  select f.id, f.next_follow_up_on, f.next_follow_up_on < app_private.crm_today(),
    greatest(app_private.crm_today() - f.next_follow_up_on, 0), f.kind, f.content, f.next_action, f.happened_at,
    f.party_id, p.name, f.lead_id, coalesce(l.company, l.name), f.opportunity_id, o.name
  from public.follow_ups f
  left join public.parties p on p.tenant_id = f.tenant_id and p.id = f.party_id
  left join public.leads l on l.tenant_id = f.tenant_id and l.id = f.lead_id
  left join public.opportunities o on o.tenant_id = f.tenant_id and o.id = f.opportunity_id
  where f.owner_id = (select auth.uid()) and f.tenant_id = (select app_private.current_tenant_id())
    and f.next_done_at is null and f.next_follow_up_on <= app_private.crm_today()
  order by f.next_follow_up_on, f.happened_at
$$;
comment on function public.my_follow_ups_due() is
  'The caller''s planned follow-ups due today or overdue (today in Asia/Shanghai), oldest first';

create function public.reassign_customers(p_from_user uuid, p_to_user uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  tenant uuid := app_private.require('crm_team', 'update');
  counts jsonb := '{}';
  n int;
begin
  if p_from_user is null then
    raise exception using errcode = 'TR600', message = 'whose customers? from_user is required', hint = 'from_user';
  end if;
  if p_to_user is null or not app_private.crm_is_member(tenant, p_to_user) then
    raise exception using errcode = 'TR607', message = 'the new owner is not a member of this company', hint = 'to_user';
  end if;
  if p_from_user = p_to_user then
    raise exception using errcode = 'TR600', message = 'from_user and to_user are the same person', hint = 'to_user';
  end if;
  update public.parties set owner_id = p_to_user where tenant_id = tenant and owner_id = p_from_user;
  get diagnostics n = row_count; counts := counts || jsonb_build_object('parties', n);
  update public.leads set owner_id = p_to_user
  where tenant_id = tenant and owner_id = p_from_user and status in ('new', 'contacted', 'qualified');
  get diagnostics n = row_count; counts := counts || jsonb_build_object('leads', n);
  update public.opportunities set owner_id = p_to_user
  where tenant_id = tenant and owner_id = p_from_user and closed_at is null;
  get diagnostics n = row_count; counts := counts || jsonb_build_object('opportunities', n);
  update public.follow_ups set owner_id = p_to_user
  where tenant_id = tenant and owner_id = p_from_user and next_follow_up_on is not null and next_done_at is null;
  get diagnostics n = row_count; counts := counts || jsonb_build_object('follow_ups', n);
  update public.quotations set owner_id = p_to_user
  where tenant_id = tenant and owner_id = p_from_user and status in ('draft', 'sent');
  get diagnostics n = row_count; counts := counts || jsonb_build_object('quotations', n);
  update public.tickets set owner_id = p_to_user
  where tenant_id = tenant and owner_id = p_from_user and status in ('open', 'in_progress');
  get diagnostics n = row_count; counts := counts || jsonb_build_object('tickets', n);
  return counts;
end
$$;
comment on function public.reassign_customers(uuid, uuid) is
  'Moves everything a salesperson is in charge of to a colleague in one transaction: customers and suppliers, '
  'open leads, open opportunities, planned follow-ups, open quotations and open tickets; closed work keeps its '
  'owner (sales history). Returns the counts; every row change is in the audit log. Right: crm_team:update. '
  'SECURITY DEFINER because it must move all of those rows whatever the caller''s rights on each table, '
  'and checks crm_team:update itself';

create function public.expire_quotations() returns int
language plpgsql volatile set search_path = ''
as $$
declare
  tenant uuid := app_private.require('quotations', 'update');
  n int;
begin
  update public.quotations set status = 'expired'
  where tenant_id = tenant and status in ('draft', 'sent') and valid_until < app_private.crm_today();
  get diagnostics n = row_count;
  return n;
end
$$;
comment on function public.expire_quotations() is
  'Marks the draft and sent quotations whose validity has ended as expired; returns how many (right: quotations:update). '
  'Meant for a daily job or before listing quotations';

create function public.customer_archive(p_party_id uuid) returns jsonb
language plpgsql stable set search_path = ''
as $$
declare
  tenant uuid := app_private.require('parties', 'read');
  party jsonb;
begin
  select to_jsonb(p) into party from public.parties p where p.tenant_id = tenant and p.id = p_party_id;
  if party is null then
    raise exception using errcode = 'TR602', message = 'no such customer in this company', hint = 'party_id';
  end if;
  return jsonb_build_object(
    'party', party,
    'contacts', coalesce((select jsonb_agg(to_jsonb(c) order by c.is_primary desc, c.name)
      from public.party_contacts c where c.tenant_id = tenant and c.party_id = p_party_id), '[]'),
    'addresses', coalesce((select jsonb_agg(to_jsonb(a) order by a.kind, a.is_default desc)
      from public.party_addresses a where a.tenant_id = tenant and a.party_id = p_party_id), '[]'),
    'opportunities', coalesce((select jsonb_agg(to_jsonb(o) || jsonb_build_object('stage', s.name, 'outcome', s.outcome)
        order by o.closed_at desc nulls first, o.created_at desc)
      from public.opportunities o join public.opportunity_stages s on s.tenant_id = o.tenant_id and s.id = o.stage_id
      where o.tenant_id = tenant and o.party_id = p_party_id), '[]'),
    'quotations', coalesce((select jsonb_agg(to_jsonb(q) order by q.quote_date desc, q.number desc)
      from (select * from public.quotations q where q.tenant_id = tenant and q.party_id = p_party_id
            order by q.quote_date desc, q.number desc limit 100) q), '[]'),
    'follow_ups', coalesce((select jsonb_agg(to_jsonb(f) order by f.happened_at desc)
      from (select * from public.follow_ups f where f.tenant_id = tenant and f.party_id = p_party_id
            order by f.happened_at desc limit 50) f), '[]'),
    'last_follow_up', (select to_jsonb(v) from public.party_last_follow_ups v
      where v.tenant_id = tenant and v.party_id = p_party_id),
    'open_tickets', coalesce((select jsonb_agg(to_jsonb(t) order by t.created_at desc)
      from public.tickets t where t.tenant_id = tenant and t.party_id = p_party_id and t.status in ('open', 'in_progress')), '[]'),
    'satisfaction_avg', (select round(avg(t.satisfaction), 2) from public.tickets t
      where t.tenant_id = tenant and t.party_id = p_party_id and t.satisfaction is not null),
    -- Filled by the trade and ledger modules (null until they replace this function).
    'sales_orders', null, 'deliveries', null, 'invoices', null,
    'receivable_balance', null, 'overdue_amount', null, 'lifetime_sales', null, 'lifetime_margin', null
  );
end
$$;
comment on function public.customer_archive(uuid) is
  'The customer archive (客户档案) in one answer: the party, contacts, addresses, opportunities, quotations, '
  'follow-ups, the last follow-up and open tickets (each part as the caller''s rights let them read it). '
  'Orders, deliveries, invoices, receivable, overdue, lifetime sales and margin are null until the trade and '
  'ledger modules fill them';

revoke execute on function public.convert_lead(uuid, uuid, text, text, numeric, date), public.my_follow_ups_due(),
  public.reassign_customers(uuid, uuid), public.customer_archive(uuid), public.expire_quotations() from public, anon;
grant execute on function public.convert_lead(uuid, uuid, text, text, numeric, date), public.my_follow_ups_due(),
  public.reassign_customers(uuid, uuid), public.customer_archive(uuid), public.expire_quotations() to authenticated;

revoke all on function app_private.quotations_check_links(uuid, uuid, uuid, uuid) from public;
revoke all on function app_private.crm_today(), app_private.crm_is_member(uuid, uuid), app_private.item_unit_factor(uuid, uuid, text),
  app_private.item_default_sale_price(uuid, uuid, uuid, text, numeric, numeric, date, boolean, numeric),
  app_private.provision_crm(uuid) from public;
grant execute on function app_private.crm_today(), app_private.crm_is_member(uuid, uuid), app_private.item_unit_factor(uuid, uuid, text),
  app_private.item_default_sale_price(uuid, uuid, uuid, text, numeric, numeric, date, boolean, numeric)
  to authenticated, service_role;
revoke all on function app_private.party_contacts_one_primary(), app_private.party_addresses_one_default(),
  app_private.item_categories_no_cycle(), app_private.items_category_name(), app_private.item_units_not_base(),
  app_private.leads_guard(), app_private.tenants_provision_crm(), app_private.opportunities_stage(),
  app_private.opportunities_history(), app_private.quotations_guard(), app_private.quotation_lines_compute(),
  app_private.quotation_totals(), app_private.quotations_recompute(), app_private.follow_ups_fill(),
  app_private.follow_ups_done(), app_private.tickets_guard() from public;
