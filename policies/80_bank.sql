-- Bank statements, matching and reconciliation; VAT and 数电发票 data
-- (supabase/migrations/20261128191725_bank.sql, 20261128191726_tax.sql).
insert into public.permissions (resource, action, description) values
  ('bank_accounts', 'read', 'See the company''s bank accounts'),
  ('bank_accounts', 'create', 'Add bank accounts'),
  ('bank_accounts', 'update', 'Change bank accounts'),
  ('bank_accounts', 'delete', 'Delete bank accounts'),
  ('bank_statements', 'read', 'See bank statements, their lines and the reconciliation'),
  ('bank_statements', 'create', 'Import bank statements'),
  ('bank_statements', 'update', 'Change saved column layouts of statement files'),
  ('bank_statements', 'delete', 'Delete saved column layouts of statement files'),
  ('bank_statements', 'post', 'Confirm matches of bank lines (posts receipts, payments or vouchers)'),
  ('matching_rules', 'read', 'See bank matching rules'),
  ('matching_rules', 'create', 'Add bank matching rules'),
  ('matching_rules', 'update', 'Change bank matching rules'),
  ('matching_rules', 'delete', 'Delete bank matching rules'),
  ('tax', 'read', 'See VAT summaries and the small-scale threshold'),
  ('tax_invoices', 'read', 'See invoice data (数电发票)'),
  ('tax_invoices', 'create', 'Prepare invoices and red-letter invoices'),
  ('tax_invoices', 'update', 'Record issued invoice numbers')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('accountant', 'bank_accounts', '{*}'),
  ('accountant', 'bank_statements', '{*}'),
  ('accountant', 'matching_rules', '{*}'),
  ('accountant', 'tax', '{read}'),
  ('accountant', 'tax_invoices', '{*}'),
  ('cashier', 'bank_accounts', '{read}'),
  ('cashier', 'bank_statements', '{*}'),
  ('cashier', 'matching_rules', '{read,create,update}'),
  ('sales', 'tax_invoices', '{read}');

call app_private.enable_tenant_rls('public.bank_accounts', 'bank_accounts');
call app_private.enable_tenant_rls('public.bank_statement_templates', 'bank_statements',
  'tenant_id', '{select,insert,update,delete}');
call app_private.enable_tenant_rls('public.bank_statements', 'bank_statements', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.bank_statement_lines', 'bank_statements', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.matching_rules', 'matching_rules');
call app_private.enable_tenant_rls('public.tax_invoices', 'tax_invoices', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.tax_invoice_lines', 'tax_invoices', 'tenant_id', '{select}');
call app_private.enable_audit('public.bank_accounts');
call app_private.enable_audit('public.bank_statement_templates');
call app_private.enable_audit('public.matching_rules');
call app_private.enable_audit('public.tax_invoices');
