-- The books: chart of accounts, tax codes, fiscal periods, warehouses, document numbers and posting
-- settings (tables in supabase/migrations/20261128000003_books.sql).
insert into public.permissions (resource, action, description) values
  ('accounts', 'read', 'See the chart of accounts'),
  ('accounts', 'create', 'Add accounts'),
  ('accounts', 'update', 'Change accounts'),
  ('accounts', 'delete', 'Delete accounts'),
  ('tax_codes', 'read', 'See tax codes and rates'),
  ('tax_codes', 'create', 'Add tax codes and rates'),
  ('tax_codes', 'update', 'Change tax codes and rates'),
  ('tax_codes', 'delete', 'Delete tax codes and rates'),
  ('fiscal_periods', 'read', 'See fiscal periods'),
  ('fiscal_periods', 'create', 'Add fiscal periods'),
  ('fiscal_periods', 'update', 'Change fiscal periods'),
  ('fiscal_periods', 'delete', 'Delete fiscal periods'),
  ('warehouses', 'read', 'See warehouses'),
  ('warehouses', 'create', 'Add warehouses'),
  ('warehouses', 'update', 'Change warehouses'),
  ('warehouses', 'delete', 'Delete warehouses'),
  ('document_sequences', 'read', 'See document numbering'),
  -- Sequences are provisioned, never inserted through the API: create means drawing a number.
  ('document_sequences', 'create', 'Draw document numbers'),
  ('document_sequences', 'update', 'Change document numbering'),
  ('posting_settings', 'read', 'See the accounts posting rules use'),
  ('posting_settings', 'create', 'Add posting settings'),
  ('posting_settings', 'update', 'Change the accounts posting rules use'),
  ('posting_settings', 'delete', 'Delete posting settings')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('*', 'accounts', '{read}'),
  ('*', 'tax_codes', '{read}'),
  ('*', 'warehouses', '{read}'),
  ('*', 'fiscal_periods', '{read}'),
  ('*', 'document_sequences', '{read}'),
  ('accountant', 'accounts', '{create,update,delete}'),
  ('accountant', 'tax_codes', '{create,update,delete}'),
  ('accountant', 'fiscal_periods', '{create,update,delete}'),
  ('accountant', 'document_sequences', '{update}'),
  ('accountant', 'posting_settings', '{read,create,update,delete}'),
  ('warehouse', 'warehouses', '{create,update,delete}'),
  ('purchasing', 'warehouses', '{create,update,delete}'),
  -- The roles that create documents draw their numbers.
  ('sales', 'document_sequences', '{create}'),
  ('purchasing', 'document_sequences', '{create}'),
  ('warehouse', 'document_sequences', '{create}'),
  ('accountant', 'document_sequences', '{create}'),
  ('cashier', 'document_sequences', '{create}');

call app_private.enable_tenant_rls('public.accounts', 'accounts');
call app_private.enable_tenant_rls('public.tax_codes', 'tax_codes');
call app_private.enable_tenant_rls('public.fiscal_periods', 'fiscal_periods');
call app_private.enable_tenant_rls('public.warehouses', 'warehouses');
-- Sequences come with the company (provision_books); members change their prefix and reset rule.
call app_private.enable_tenant_rls('public.document_sequences', 'document_sequences', 'tenant_id', '{select,update}');
-- Counters move only through next_document_number().
call app_private.enable_tenant_rls('public.document_sequence_counters', 'document_sequences', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.posting_settings', 'posting_settings');

call app_private.enable_audit('public.accounts');
call app_private.enable_audit('public.tax_codes');
call app_private.enable_audit('public.fiscal_periods');
call app_private.enable_audit('public.warehouses');
call app_private.enable_audit('public.document_sequences');
call app_private.enable_audit('public.posting_settings');
