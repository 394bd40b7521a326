-- The ledger engine: vouchers, balances, open items, stock, posted documents, posting templates
-- (supabase/migrations/20261128184500_ledger_gl.sql … 20261128184504_ledger_posting.sql).
insert into public.permissions (resource, action, description) values
  ('vouchers', 'read', 'See vouchers, the trial balance and ledgers'),
  ('vouchers', 'create', 'Prepare vouchers'),
  ('vouchers', 'update', 'Change draft vouchers'),
  ('vouchers', 'delete', 'Delete draft vouchers'),
  ('vouchers', 'approve', 'Review vouchers (审核)'),
  ('vouchers', 'post', 'Post and reverse vouchers (记账)'),
  ('open_items', 'read', 'See receivables, payables and balances of customers and suppliers'),
  ('stock', 'read', 'See stock on hand and stock moves'),
  ('ledger_documents', 'read', 'See posted business documents'),
  ('posting_templates', 'read', 'See posting templates'),
  ('posting_templates', 'create', 'Add posting template lines'),
  ('posting_templates', 'update', 'Change posting templates'),
  ('posting_templates', 'delete', 'Delete posting template lines'),
  ('ledger_settings', 'read', 'See the ledger rules'),
  ('ledger_settings', 'create', 'Set the ledger rules'),
  ('ledger_settings', 'update', 'Change the ledger rules'),
  ('purchase_receipt', 'post', 'Post purchase receipts (采购入库)'),
  ('supplier_bill', 'post', 'Post supplier bills (采购发票)'),
  ('supplier_payment', 'post', 'Post payments to suppliers (付款)'),
  ('delivery', 'post', 'Post deliveries (销售出库)'),
  ('sales_invoice', 'post', 'Post sales invoices (销售发票)'),
  ('customer_receipt', 'post', 'Post receipts from customers (收款)'),
  ('sales_return', 'post', 'Post sales returns (销售退货)'),
  ('purchase_return', 'post', 'Post purchase returns (采购退货)'),
  ('stock_transfer', 'post', 'Post stock transfers (调拨)'),
  ('stocktake', 'post', 'Post stocktake gains and losses (盘点)'),
  ('expense_claim', 'post', 'Post expense claims to the ledger (报销入账)'),
  ('profit_carry_forward', 'post', 'Carry profit and loss forward (结转损益)')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('*', 'stock', '{read}'),
  ('accountant', 'vouchers', '{*}'),
  ('accountant', 'open_items', '{read}'),
  ('accountant', 'ledger_documents', '{read}'),
  ('accountant', 'posting_templates', '{*}'),
  ('accountant', 'ledger_settings', '{*}'),
  ('accountant', 'purchase_receipt', '{post}'),
  ('accountant', 'supplier_bill', '{post}'),
  ('accountant', 'supplier_payment', '{post}'),
  ('accountant', 'delivery', '{post}'),
  ('accountant', 'sales_invoice', '{post}'),
  ('accountant', 'customer_receipt', '{post}'),
  ('accountant', 'sales_return', '{post}'),
  ('accountant', 'purchase_return', '{post}'),
  ('accountant', 'stock_transfer', '{post}'),
  ('accountant', 'stocktake', '{post}'),
  ('accountant', 'expense_claim', '{post}'),
  ('accountant', 'profit_carry_forward', '{post}'),
  ('cashier', 'vouchers', '{read}'),
  ('cashier', 'open_items', '{read}'),
  ('cashier', 'ledger_documents', '{read}'),
  ('cashier', 'customer_receipt', '{post}'),
  ('cashier', 'supplier_payment', '{post}'),
  ('sales', 'open_items', '{read}'),
  ('sales', 'ledger_documents', '{read}'),
  ('warehouse', 'ledger_documents', '{read}'),
  ('warehouse', 'purchase_receipt', '{post}'),
  ('warehouse', 'delivery', '{post}'),
  ('warehouse', 'sales_return', '{post}'),
  ('warehouse', 'purchase_return', '{post}'),
  ('warehouse', 'stock_transfer', '{post}'),
  ('warehouse', 'stocktake', '{post}'),
  ('purchasing', 'open_items', '{read}'),
  ('purchasing', 'ledger_documents', '{read}'),
  ('purchasing', 'purchase_receipt', '{post}'),
  ('purchasing', 'purchase_return', '{post}');

call app_private.enable_tenant_rls('public.vouchers', 'vouchers');
call app_private.enable_tenant_rls('public.voucher_lines', 'vouchers');
call app_private.enable_tenant_rls('public.ledger_settings', 'ledger_settings', 'tenant_id', '{select,insert,update}');
call app_private.enable_tenant_rls('public.open_items', 'open_items', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.allocations', 'open_items', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.stock_levels', 'stock', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.stock_moves', 'stock', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.ledger_documents', 'ledger_documents', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.ledger_document_lines', 'ledger_documents', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.posting_templates', 'posting_templates');

call app_private.enable_audit('public.ledger_settings');
call app_private.enable_audit('public.posting_templates');

-- Expense categories (supabase/migrations/20261128191800_expense_posting.sql): everyone reads them for
-- their claims; accountants choose the accounts.
insert into public.permissions (resource, action, description) values
  ('expense_categories', 'read', 'See expense categories'),
  ('expense_categories', 'create', 'Add expense categories'),
  ('expense_categories', 'update', 'Change the accounts of expense categories'),
  ('expense_categories', 'delete', 'Delete expense categories')
on conflict (resource, action) do update set description = excluded.description;
insert into default_matrix_rows values
  ('*', 'expense_categories', '{read}'),
  ('accountant', 'expense_categories', '{create,update,delete}');
call app_private.enable_tenant_rls('public.expense_categories', 'expense_categories');
call app_private.enable_audit('public.expense_categories');
