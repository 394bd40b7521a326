-- Trade additions: payment requests with approval (supabase/migrations/20261128212258_payment_requests.sql).
-- Buyers and accountants write requests; cashiers read them and pay the approved ones (paying also needs
-- post on supplier_payment); approvers read the requests waiting for them whatever their role.
insert into public.permissions (resource, action, description) values
  ('payment_requests', 'read', 'See payment requests to suppliers'),
  ('payment_requests', 'create', 'Enter payment requests'),
  ('payment_requests', 'update', 'Change, submit and cancel payment requests'),
  ('payment_requests', 'delete', 'Delete draft payment requests')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('purchasing', 'payment_requests', '{read,create,update,delete}'),
  ('accountant', 'payment_requests', '{read,create,update,delete}'),
  ('cashier', 'payment_requests', '{read}');

call app_private.enable_tenant_rls('public.payment_requests', 'payment_requests');
call app_private.enable_tenant_rls('public.payment_request_lines', 'payment_requests');
call app_private.enable_audit('public.payment_requests');

drop policy if exists payment_requests_select_approver on public.payment_requests;
create policy payment_requests_select_approver on public.payment_requests for select to authenticated
  using (tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
         and app_private.is_pending_approver(tenant_id, 'supplier_payment', id));
drop policy if exists payment_request_lines_select_approver on public.payment_request_lines;
create policy payment_request_lines_select_approver on public.payment_request_lines for select to authenticated
  using (tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
         and app_private.is_pending_approver(tenant_id, 'supplier_payment', request_id));

-- Opening balances from files (supabase/migrations/20261128213644_opening_import.sql): accountants import
-- opening stock and opening receivables/payables (owners and admins hold every right).
insert into public.permissions (resource, action, description) values
  ('opening_balances', 'post', 'Import and post opening stock, receivables and payables (期初)')
on conflict (resource, action) do update set description = excluded.description;
insert into default_matrix_rows values
  ('accountant', 'opening_balances', '{post}');
