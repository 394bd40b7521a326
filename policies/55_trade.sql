-- Orders, their fulfilment links, trade settings and the dashboard (supabase/migrations/20261128192400_trade.sql).
insert into public.permissions (resource, action, description) values
  ('sales_orders', 'read', 'See sales orders'),
  ('sales_orders', 'create', 'Enter sales orders'),
  ('sales_orders', 'update', 'Change and confirm sales orders'),
  ('sales_orders', 'delete', 'Delete draft sales orders'),
  ('purchase_orders', 'read', 'See purchase orders'),
  ('purchase_orders', 'create', 'Enter purchase orders'),
  ('purchase_orders', 'update', 'Change and confirm purchase orders'),
  ('purchase_orders', 'delete', 'Delete draft purchase orders'),
  ('order_documents', 'read', 'See deliveries, invoices, receipts and bills of orders'),
  ('trade_settings', 'read', 'See the trade rules'),
  ('trade_settings', 'create', 'Set the trade rules'),
  ('trade_settings', 'update', 'Change the trade rules'),
  ('dashboard', 'read', 'See the boss dashboard')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('*', 'trade_settings', '{read}'),
  ('sales', 'sales_orders', '{read,create,update,delete}'),
  ('sales', 'order_documents', '{read}'),
  ('purchasing', 'purchase_orders', '{read,create,update,delete}'),
  ('purchasing', 'sales_orders', '{read}'),
  ('purchasing', 'order_documents', '{read}'),
  ('warehouse', 'sales_orders', '{read}'),
  ('warehouse', 'purchase_orders', '{read}'),
  ('warehouse', 'order_documents', '{read}'),
  ('accountant', 'sales_orders', '{read}'),
  ('accountant', 'purchase_orders', '{read}'),
  ('accountant', 'order_documents', '{read}'),
  ('accountant', 'trade_settings', '{create,update}'),
  ('accountant', 'dashboard', '{read}'),
  ('cashier', 'sales_orders', '{read}'),
  ('cashier', 'purchase_orders', '{read}'),
  ('cashier', 'order_documents', '{read}');

call app_private.enable_tenant_rls('public.sales_orders', 'sales_orders');
call app_private.enable_tenant_rls('public.sales_order_lines', 'sales_orders');
call app_private.enable_tenant_rls('public.purchase_orders', 'purchase_orders');
call app_private.enable_tenant_rls('public.purchase_order_lines', 'purchase_orders');
call app_private.enable_tenant_rls('public.order_documents', 'order_documents', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.trade_settings', 'trade_settings', 'tenant_id', '{select,insert,update}');
call app_private.enable_audit('public.sales_orders');
call app_private.enable_audit('public.purchase_orders');
call app_private.enable_audit('public.trade_settings');

-- Approvers read the orders waiting for them, whatever their role.
drop policy if exists sales_orders_select_approver on public.sales_orders;
create policy sales_orders_select_approver on public.sales_orders for select to authenticated
  using (tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
         and app_private.is_pending_approver(tenant_id, 'sales_order', id));
drop policy if exists sales_order_lines_select_approver on public.sales_order_lines;
create policy sales_order_lines_select_approver on public.sales_order_lines for select to authenticated
  using (tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
         and app_private.is_pending_approver(tenant_id, 'sales_order', order_id));
drop policy if exists purchase_orders_select_approver on public.purchase_orders;
create policy purchase_orders_select_approver on public.purchase_orders for select to authenticated
  using (tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
         and app_private.is_pending_approver(tenant_id, 'purchase_order', id));
drop policy if exists purchase_order_lines_select_approver on public.purchase_order_lines;
create policy purchase_order_lines_select_approver on public.purchase_order_lines for select to authenticated
  using (tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
         and app_private.is_pending_approver(tenant_id, 'purchase_order', order_id));

-- Count sheets and restock wishes (supabase/migrations/20261128193900_stocktake_restock.sql).
insert into public.permissions (resource, action, description) values
  ('stocktakes', 'read', 'See count sheets'),
  ('stocktakes', 'create', 'Start count sheets'),
  ('stocktakes', 'update', 'Enter counts and post count sheets'),
  ('item_wishes', 'read', 'See which customers wait for which items'),
  ('item_wishes', 'create', 'Register customers waiting for items'),
  ('item_wishes', 'update', 'Change waiting customers'),
  ('item_wishes', 'delete', 'Remove waiting customers')
on conflict (resource, action) do update set description = excluded.description;
insert into default_matrix_rows values
  ('warehouse', 'stocktakes', '{read,create,update}'),
  ('accountant', 'stocktakes', '{read,create,update}'),
  ('purchasing', 'stocktakes', '{read}'),
  ('sales', 'item_wishes', '{read,create,update,delete}'),
  ('purchasing', 'item_wishes', '{read}');
call app_private.enable_tenant_rls('public.stocktakes', 'stocktakes', 'tenant_id', '{select,update}');
call app_private.enable_tenant_rls('public.stocktake_lines', 'stocktakes', 'tenant_id', '{select,update}');
call app_private.enable_tenant_rls('public.item_wishes', 'item_wishes');
call app_private.enable_audit('public.stocktakes');
call app_private.enable_audit('public.item_wishes');
