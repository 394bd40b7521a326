-- Closing the books and financial reports: statements, cash-flow tags and rules, period close
-- (supabase/migrations/20261128191855_statements.sql, 20261128192701_closing.sql).
insert into public.permissions (resource, action, description) values
  ('financial_statements', 'read', 'See the balance sheet, income statement, cash flow and sales margins'),
  ('statement_line_overrides', 'read', 'See the company''s own statement line formulas'),
  ('statement_line_overrides', 'create', 'Add own statement line formulas'),
  ('statement_line_overrides', 'update', 'Change own statement line formulas'),
  ('statement_line_overrides', 'delete', 'Delete own statement line formulas'),
  ('cash_flow_rules', 'read', 'See the cash-flow rules'),
  ('cash_flow_rules', 'create', 'Add cash-flow rules'),
  ('cash_flow_rules', 'update', 'Change cash-flow rules'),
  ('cash_flow_rules', 'delete', 'Delete cash-flow rules'),
  ('cash_flow_tags', 'read', 'See the cash-flow items of cash lines'),
  ('cash_flow_tags', 'update', 'Tag cash lines with cash-flow items'),
  ('period_closing', 'read', 'See closing checks and the closing log'),
  ('period_closing', 'post', 'Close periods (结账)'),
  ('period_closing', 'approve', 'Reopen closed periods (反结账), audited')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('accountant', 'financial_statements', '{read}'),
  ('accountant', 'statement_line_overrides', '{*}'),
  ('accountant', 'cash_flow_rules', '{*}'),
  ('accountant', 'cash_flow_tags', '{*}'),
  ('accountant', 'period_closing', '{read,post}'),
  ('cashier', 'cash_flow_rules', '{read}'),
  ('cashier', 'cash_flow_tags', '{read,update}');

call app_private.enable_tenant_rls('public.statement_line_overrides', 'statement_line_overrides');
call app_private.enable_tenant_rls('public.cash_flow_rules', 'cash_flow_rules');
call app_private.enable_tenant_rls('public.voucher_line_cash_flow', 'cash_flow_tags', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.period_closings', 'period_closing', 'tenant_id', '{select}');

call app_private.enable_audit('public.statement_line_overrides');
call app_private.enable_audit('public.cash_flow_rules');
call app_private.enable_audit('public.period_closings');
