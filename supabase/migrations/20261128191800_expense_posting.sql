-- Approved expense claims post themselves (the approvals engine sets status 'approved' inside the
-- approver's approve_task transaction, so a posting error rolls the approval back and the approver
-- sees it). Each claim line's category chooses its expense account through expense_categories (data
-- per company, seeded from the accounts under 管理费用: a category is the account's name); an unknown
-- category goes to the other_expense_account setting (管理费用-其他). VAT on a special invoice (专票)
-- is input VAT; on other invoices it stays in the expense. The employee payable (224101, per employee)
-- is then paid by the cashier. The posting's idempotency key is derived from the claim, so the claim
-- posts once whatever happens.

insert into app_private.posting_setting_templates (standard, taxpayer_type, key, account_code, description)
select v.standard::public.accounting_standard, tt.t::public.taxpayer_type, 'other_expense_account', v.code, '其他费用 (报销类别未设置科目时)'
from (values ('small_enterprise', '560211'), ('enterprise', '660211')) v(standard, code)
cross join (values ('general'), ('small_scale')) tt(t)
on conflict do nothing;
insert into public.posting_settings (tenant_id, key, account_id, description)
select t.id, 'other_expense_account', a.id, '其他费用 (报销类别未设置科目时)'
from public.tenants t
join public.accounts a on a.tenant_id = t.id and a.code = case t.accounting_standard when 'enterprise' then '660211' else '560211' end
on conflict do nothing;

create table public.expense_categories (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 50),
  account_id uuid not null,
  unique (tenant_id, name),
  foreign key (tenant_id, account_id) references public.accounts (tenant_id, id) on delete restrict
);
comment on table public.expense_categories is 'Expense claim categories (报销类别) and the account each posts to';
comment on column public.expense_categories.name is 'Category (as on the claim line)';
comment on column public.expense_categories.account_id is 'Expense account';
create index expense_categories_account_idx on public.expense_categories (tenant_id, account_id);

create function app_private.provision_expense_categories(p_tenant uuid) returns void
language sql set search_path = ''
as $$
  insert into public.expense_categories (tenant_id, name, account_id)
  select p_tenant, a.name, a.id
  from public.accounts a join public.accounts p on p.id = a.parent_id
  where a.tenant_id = p_tenant and p.code in ('5602', '6602') and a.is_leaf and a.name <> '其他'
  on conflict (tenant_id, name) do nothing;
$$;
select app_private.provision_expense_categories(t.id) from public.tenants t;

alter function app_private.provision_books(uuid) rename to provision_books_before_expenses;
create function app_private.provision_books(p_tenant uuid) returns void
language plpgsql set search_path = ''
as $$
begin
  perform app_private.provision_books_before_expenses(p_tenant);
  perform app_private.provision_expense_categories(p_tenant);
end
$$;
comment on function app_private.provision_books(uuid) is 'Provisions a new company''s books, ledger templates and expense categories';

create function app_private.post_approved_expense_claim() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  other uuid;
  doc jsonb;
begin
  select s.account_id into other from public.posting_settings s
  where s.tenant_id = new.tenant_id and s.key = 'other_expense_account';
  select jsonb_build_object(
    'date', (now() at time zone 'Asia/Shanghai')::date,
    'employee_id', new.requester_id,
    'expense_claim_id', new.id,
    'lines', jsonb_agg(jsonb_build_object(
      'account_id', coalesce(c.account_id, other),
      'amount', l.amount - case when l.invoice_type = 'special' then l.tax_amount else 0 end,
      'tax', case when l.invoice_type = 'special' then l.tax_amount else 0 end,
      'department_id', new.department_id,
      'project_id', new.project_id) order by l.created_at, l.id))
  into doc
  from public.expense_claim_lines l
  left join public.expense_categories c on c.tenant_id = l.tenant_id and c.name = l.category
  where l.claim_id = new.id;
  if doc is null then
    raise exception using errcode = 'TR741', message = 'an expense claim without lines cannot be posted', hint = 'lines';
  end if;
  perform app_private.post_document(new.tenant_id, 'expense_claim', 'expense-claim-' || new.id, doc);
  return null;
end
$$;
comment on function app_private.post_approved_expense_claim() is
  'Posts an expense claim when it is approved (expense_claim template); SECURITY DEFINER because the approver '
  'acts on a decision, not with the right to post';
create trigger expense_claims_post_when_approved after update of status on public.expense_claims
  for each row when (new.status = 'approved' and old.status is distinct from 'approved')
  execute function app_private.post_approved_expense_claim();

revoke all on function app_private.provision_expense_categories(uuid), app_private.provision_books(uuid),
  app_private.post_approved_expense_claim() from public;
