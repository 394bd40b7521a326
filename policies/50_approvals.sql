-- Approval chains and OA requests (supabase/migrations/20261128184201_approvals.sql).
-- approval_chains: the company's configuration (document types, chains, steps, approvers, copies,
-- settings). approvals: taking part in approvals (own tasks, own submissions, acting through the
-- engine's functions). approval_monitor: seeing every approval of the company and the analysis.
-- oa_requests: filing one's own requests; oa_requests_all: reading everyone's (finance pays claims).
insert into public.permissions (resource, action, description) values
  ('approval_chains', 'read', 'See approval chains and settings'),
  ('approval_chains', 'create', 'Add approval chains and document types'),
  ('approval_chains', 'update', 'Change approval chains and settings'),
  ('approval_chains', 'delete', 'Delete approval chains'),
  ('approvals', 'read', 'See one''s approval tasks and submissions'),
  ('approvals', 'approve', 'Decide on approval tasks assigned to oneself'),
  ('approval_monitor', 'read', 'See every approval of the company and how long they wait'),
  ('approval_delegations', 'read', 'See one''s substitutes'),
  ('approval_delegations', 'create', 'Name a substitute for one''s approvals'),
  ('approval_delegations', 'update', 'Change one''s substitutes'),
  ('approval_delegations', 'delete', 'Remove one''s substitutes'),
  ('oa_requests', 'read', 'See one''s own requests (leave, expenses, seals, generic)'),
  ('oa_requests', 'create', 'File requests'),
  ('oa_requests', 'update', 'Change one''s own requests'),
  ('oa_requests', 'delete', 'Delete one''s own draft requests'),
  ('oa_requests_all', 'read', 'See everyone''s requests')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('*', 'approval_chains', '{read}'),
  ('*', 'approvals', '{read,approve}'),
  ('*', 'approval_delegations', '{read,create,update,delete}'),
  ('*', 'oa_requests', '{read,create,update,delete}'),
  ('accountant', 'oa_requests_all', '{read}'),
  ('cashier', 'oa_requests_all', '{read}');

call app_private.enable_tenant_rls('public.approval_doc_types', 'approval_chains');
call app_private.enable_tenant_rls('public.approval_settings', 'approval_chains', 'tenant_id', '{select,update}');
call app_private.enable_tenant_rls('public.approval_chains', 'approval_chains');
call app_private.enable_tenant_rls('public.approval_chain_steps', 'approval_chains');
call app_private.enable_tenant_rls('public.approval_step_approvers', 'approval_chains');
call app_private.enable_tenant_rls('public.approval_chain_copies', 'approval_chains');

-- The running approvals: written only by the engine's functions. Monitors read everything.
call app_private.enable_tenant_rls('public.approval_instances', 'approval_monitor', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.approval_instance_steps', 'approval_monitor', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.approval_tasks', 'approval_monitor', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.approval_actions', 'approval_monitor', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.approval_delegations', 'approval_monitor', 'tenant_id', '{select}');

-- Participants read their own: tasks assigned to them, acted on by them or theirs to act on as a
-- substitute (realtime delivers the inbox through this policy), and the submissions behind them.
drop policy if exists approval_tasks_select_participant on public.approval_tasks;
create policy approval_tasks_select_participant on public.approval_tasks for select to authenticated using (
  tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
  and (assignee_id = (select auth.uid()) or acted_by = (select auth.uid())
       or app_private.acts_for(tenant_id, assignee_id, doc_type)
       or instance_id in (select i.id from public.approval_instances i where i.requester_id = (select auth.uid()))));
comment on policy approval_tasks_select_participant on public.approval_tasks is
  'people read their tasks, those they act on as substitutes, and the tasks of their own requests';

drop policy if exists approval_instances_select_participant on public.approval_instances;
create policy approval_instances_select_participant on public.approval_instances for select to authenticated using (
  tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
  and (requester_id = (select auth.uid()) or app_private.is_instance_participant(id)));
comment on policy approval_instances_select_participant on public.approval_instances is
  'requesters, approvers, substitutes and people copied read the submission';

drop policy if exists approval_instance_steps_select_participant on public.approval_instance_steps;
create policy approval_instance_steps_select_participant on public.approval_instance_steps for select
  to authenticated using (
  tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
  and instance_id in (select i.id from public.approval_instances i));
comment on policy approval_instance_steps_select_participant on public.approval_instance_steps is
  'the steps of the submissions one may read';

drop policy if exists approval_actions_select_participant on public.approval_actions;
create policy approval_actions_select_participant on public.approval_actions for select to authenticated using (
  tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
  and instance_id in (select i.id from public.approval_instances i));
comment on policy approval_actions_select_participant on public.approval_actions is
  'the history of the submissions one may read';

-- Substitutes: people name their own; both sides see the delegation.
drop policy if exists approval_delegations_select_own on public.approval_delegations;
create policy approval_delegations_select_own on public.approval_delegations for select to authenticated using (
  tenant_id = (select app_private.tenant_if_can('approval_delegations', 'read'))
  and (person_id = (select auth.uid()) or substitute_id = (select auth.uid())));
comment on policy approval_delegations_select_own on public.approval_delegations is
  'people see the substitutes they named and whom they stand in for';
drop policy if exists approval_delegations_insert_own on public.approval_delegations;
create policy approval_delegations_insert_own on public.approval_delegations for insert to authenticated with check (
  tenant_id = (select app_private.tenant_if_can('approval_delegations', 'create'))
  and person_id = (select auth.uid()));
comment on policy approval_delegations_insert_own on public.approval_delegations is 'people name their own substitutes';
drop policy if exists approval_delegations_update_own on public.approval_delegations;
create policy approval_delegations_update_own on public.approval_delegations for update to authenticated
  using (tenant_id = (select app_private.tenant_if_can('approval_delegations', 'update'))
         and person_id = (select auth.uid()))
  with check (tenant_id = (select app_private.tenant_if_can('approval_delegations', 'update'))
              and person_id = (select auth.uid()));
comment on policy approval_delegations_update_own on public.approval_delegations is 'people change their own substitutes';
drop policy if exists approval_delegations_delete_own on public.approval_delegations;
create policy approval_delegations_delete_own on public.approval_delegations for delete to authenticated using (
  tenant_id = (select app_private.tenant_if_can('approval_delegations', 'delete'))
  and person_id = (select auth.uid()));
comment on policy approval_delegations_delete_own on public.approval_delegations is 'people remove their own substitutes';

-- OA requests: own rows, everyone's with oa_requests_all, and those one takes part in as approver.
call app_private.enable_oa_rls('public.leave_requests', '''leave_request''::text');
call app_private.enable_oa_rls('public.expense_claims', '''expense_claim''::text');
call app_private.enable_oa_rls('public.seal_requests', '''seal_request''::text');
call app_private.enable_oa_rls('public.general_requests', 'doc_type');

-- Lines follow their claim: whoever reads the claim reads its lines; the claimant writes them.
alter table public.expense_claim_lines enable row level security;
revoke all on public.expense_claim_lines from anon;
drop policy if exists expense_claim_lines_select_member on public.expense_claim_lines;
create policy expense_claim_lines_select_member on public.expense_claim_lines for select to authenticated using (
  tenant_id = (select app_private.tenant_if_can('oa_requests', 'read'))
  and claim_id in (select c.id from public.expense_claims c));
comment on policy expense_claim_lines_select_member on public.expense_claim_lines is
  'the lines of the claims one may read';
drop policy if exists expense_claim_lines_select_all on public.expense_claim_lines;
create policy expense_claim_lines_select_all on public.expense_claim_lines for select to authenticated using (
  tenant_id = (select app_private.tenant_if_can('oa_requests_all', 'read')));
comment on policy expense_claim_lines_select_all on public.expense_claim_lines is
  'roles with oa_requests_all:read read every line';
drop policy if exists expense_claim_lines_select_approver on public.expense_claim_lines;
create policy expense_claim_lines_select_approver on public.expense_claim_lines for select to authenticated using (
  tenant_id = (select app_private.tenant_if_can('approvals', 'read'))
  and app_private.is_approval_participant(tenant_id, 'expense_claim'::text, claim_id));
comment on policy expense_claim_lines_select_approver on public.expense_claim_lines is
  'approvers read the lines of the claims they take part in';
drop policy if exists expense_claim_lines_insert_own on public.expense_claim_lines;
create policy expense_claim_lines_insert_own on public.expense_claim_lines for insert to authenticated with check (
  tenant_id = (select app_private.tenant_if_can('oa_requests', 'create'))
  and claim_id in (select c.id from public.expense_claims c where c.requester_id = (select auth.uid())));
comment on policy expense_claim_lines_insert_own on public.expense_claim_lines is 'claimants add lines to their claims';
drop policy if exists expense_claim_lines_update_own on public.expense_claim_lines;
create policy expense_claim_lines_update_own on public.expense_claim_lines for update to authenticated
  using (tenant_id = (select app_private.tenant_if_can('oa_requests', 'update'))
         and claim_id in (select c.id from public.expense_claims c where c.requester_id = (select auth.uid())))
  with check (tenant_id = (select app_private.tenant_if_can('oa_requests', 'update'))
              and claim_id in (select c.id from public.expense_claims c where c.requester_id = (select auth.uid())));
comment on policy expense_claim_lines_update_own on public.expense_claim_lines is 'claimants change their lines';
drop policy if exists expense_claim_lines_delete_own on public.expense_claim_lines;
create policy expense_claim_lines_delete_own on public.expense_claim_lines for delete to authenticated using (
  tenant_id = (select app_private.tenant_if_can('oa_requests', 'delete'))
  and claim_id in (select c.id from public.expense_claims c where c.requester_id = (select auth.uid())));
comment on policy expense_claim_lines_delete_own on public.expense_claim_lines is 'claimants remove their lines';

call app_private.enable_audit('public.approval_doc_types');
call app_private.enable_audit('public.approval_settings');
call app_private.enable_audit('public.approval_chains');
call app_private.enable_audit('public.approval_chain_steps');
call app_private.enable_audit('public.approval_step_approvers');
call app_private.enable_audit('public.approval_chain_copies');
call app_private.enable_audit('public.approval_delegations');
call app_private.enable_audit('public.leave_requests');
call app_private.enable_audit('public.expense_claims');
call app_private.enable_audit('public.expense_claim_lines');
call app_private.enable_audit('public.seal_requests');
call app_private.enable_audit('public.general_requests');
