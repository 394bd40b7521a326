-- CRM and master-data extras (supabase/migrations/20261128184027_crm.sql, 20261128184100_crm_import.sql).
--
-- Who may do what (defaults; each company can change its roles' rights):
-- * Contacts and addresses of parties (resource party_contacts): everyone reads; sales, purchasing and
--   accountants maintain them. Item categories, unit conversions and price lists follow items.
-- * Leads, opportunities, follow-ups: sales read all of the company's, and write the rows they own
--   (owner_id = themselves); crm_team:update ("sales manager") writes everyone's and reassigns customers.
--   Owners and administrators hold every right, crm_team:update included.
-- * Quotations, tickets: sales (matrix only, no owner rule: colleagues cover for each other);
--   accountants read quotations. The pipeline stages are read by sales, edited by owners/admins.
insert into public.permissions (resource, action, description) values
  ('party_contacts', 'read', 'See contacts and addresses of customers and suppliers'),
  ('party_contacts', 'create', 'Add contacts and addresses'),
  ('party_contacts', 'update', 'Change contacts and addresses'),
  ('party_contacts', 'delete', 'Delete contacts and addresses'),
  ('leads', 'read', 'See leads'),
  ('leads', 'create', 'Add leads (owned by oneself)'),
  ('leads', 'update', 'Change and convert one''s own leads'),
  ('leads', 'delete', 'Delete one''s own leads'),
  ('opportunities', 'read', 'See opportunities and their stage history'),
  ('opportunities', 'create', 'Add opportunities (owned by oneself)'),
  ('opportunities', 'update', 'Change one''s own opportunities'),
  ('opportunities', 'delete', 'Delete one''s own opportunities'),
  ('opportunity_stages', 'read', 'See the sales pipeline stages'),
  ('opportunity_stages', 'create', 'Add pipeline stages'),
  ('opportunity_stages', 'update', 'Change pipeline stages'),
  ('opportunity_stages', 'delete', 'Delete pipeline stages'),
  ('follow_ups', 'read', 'See follow-ups'),
  ('follow_ups', 'create', 'Record follow-ups (owned by oneself)'),
  ('follow_ups', 'update', 'Change one''s own follow-ups'),
  ('follow_ups', 'delete', 'Delete one''s own follow-ups'),
  ('quotations', 'read', 'See quotations'),
  ('quotations', 'create', 'Add quotations'),
  ('quotations', 'update', 'Change quotations and their lines, send, accept, reject'),
  ('quotations', 'delete', 'Delete draft quotations'),
  ('tickets', 'read', 'See after-sales tickets'),
  ('tickets', 'create', 'Open after-sales tickets'),
  ('tickets', 'update', 'Work on after-sales tickets'),
  ('tickets', 'delete', 'Delete after-sales tickets'),
  ('crm_team', 'update', 'Sales manager: change colleagues'' leads, opportunities and follow-ups; reassign customers')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('*', 'party_contacts', '{read}'),
  ('sales', 'party_contacts', '{create,update,delete}'),
  ('purchasing', 'party_contacts', '{create,update,delete}'),
  ('accountant', 'party_contacts', '{create,update,delete}'),
  ('sales', 'leads', '{read,create,update,delete}'),
  ('sales', 'opportunities', '{read,create,update,delete}'),
  ('sales', 'opportunity_stages', '{read}'),
  ('sales', 'follow_ups', '{read,create,update,delete}'),
  ('sales', 'quotations', '{read,create,update,delete}'),
  ('accountant', 'quotations', '{read}'),
  ('sales', 'tickets', '{read,create,update}');

call app_private.enable_tenant_rls('public.party_contacts', 'party_contacts');
call app_private.enable_tenant_rls('public.party_addresses', 'party_contacts');
call app_private.enable_tenant_rls('public.item_categories', 'items');
call app_private.enable_tenant_rls('public.item_units', 'items');
call app_private.enable_tenant_rls('public.item_prices', 'items');
call app_private.enable_tenant_rls('public.opportunity_stages', 'opportunity_stages');
-- Written by a trigger only.
call app_private.enable_tenant_rls('public.opportunity_stage_history', 'opportunities', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.quotations', 'quotations');
call app_private.enable_tenant_rls('public.quotation_lines', 'quotations');
call app_private.enable_tenant_rls('public.tickets', 'tickets');

-- Owned rows: read with the matrix; insert, update and delete one's own, or anyone's with crm_team:update.
do $$
declare
  t text;
  res text;
begin
  foreach t in array array['leads', 'opportunities', 'follow_ups'] loop
    res := t;
    execute format('call app_private.enable_tenant_rls(%L, %L, %L, %L)', 'public.' || t, res, 'tenant_id', '{select}');
    execute format('drop policy if exists %I on public.%I', t || '_insert_owner', t);
    execute format('drop policy if exists %I on public.%I', t || '_update_owner', t);
    execute format('drop policy if exists %I on public.%I', t || '_delete_owner', t);
    execute format(
      'create policy %I on public.%I for insert to authenticated with check ('
      'tenant_id = (select app_private.tenant_if_can(%L, %L)) and (owner_id = (select auth.uid()) '
      'or (select app_private.can(%L, %L))))', t || '_insert_owner', t, res, 'create', 'crm_team', 'update');
    execute format(
      'create policy %I on public.%I for update to authenticated using ('
      'tenant_id = (select app_private.tenant_if_can(%L, %L)) and (owner_id = (select auth.uid()) '
      'or (select app_private.can(%L, %L)))) with check ('
      'tenant_id = (select app_private.tenant_if_can(%L, %L)) and (owner_id = (select auth.uid()) '
      'or (select app_private.can(%L, %L))))', t || '_update_owner', t, res, 'update', 'crm_team', 'update',
      res, 'update', 'crm_team', 'update');
    execute format(
      'create policy %I on public.%I for delete to authenticated using ('
      'tenant_id = (select app_private.tenant_if_can(%L, %L)) and (owner_id = (select auth.uid()) '
      'or (select app_private.can(%L, %L))))', t || '_delete_owner', t, res, 'delete', 'crm_team', 'update');
    execute format('comment on policy %I on public.%I is %L', t || '_insert_owner', t,
      format('members with %s:create, for rows they own (or anyone''s with crm_team:update)', res));
    execute format('comment on policy %I on public.%I is %L', t || '_update_owner', t,
      format('members with %s:update, on rows they own (or anyone''s with crm_team:update)', res));
    execute format('comment on policy %I on public.%I is %L', t || '_delete_owner', t,
      format('members with %s:delete, on rows they own (or anyone''s with crm_team:update)', res));
  end loop;
end
$$;

call app_private.enable_audit('public.party_contacts');
call app_private.enable_audit('public.party_addresses');
call app_private.enable_audit('public.item_categories');
call app_private.enable_audit('public.item_units');
call app_private.enable_audit('public.item_prices');
call app_private.enable_audit('public.leads');
call app_private.enable_audit('public.opportunity_stages');
call app_private.enable_audit('public.opportunities');
call app_private.enable_audit('public.quotations');
call app_private.enable_audit('public.quotation_lines');
call app_private.enable_audit('public.follow_ups');
call app_private.enable_audit('public.tickets');
