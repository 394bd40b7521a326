-- Tenancy: the company, its people, roles, departments and audit log.
insert into public.permissions (resource, action, description) values
  ('tenant', 'read', 'See the company''s settings'),
  ('tenant', 'update', 'Change the company''s settings'),
  ('members', 'read', 'See colleagues'),
  ('members', 'create', 'Invite colleagues'),
  ('members', 'update', 'Change colleagues'' roles and departments'),
  ('members', 'delete', 'Remove colleagues'),
  ('roles', 'read', 'See roles and their rights'),
  ('roles', 'create', 'Create roles'),
  ('roles', 'update', 'Change roles and their rights'),
  ('roles', 'delete', 'Delete roles'),
  ('departments', 'read', 'See departments'),
  ('departments', 'create', 'Create departments'),
  ('departments', 'update', 'Change departments'),
  ('departments', 'delete', 'Delete departments'),
  ('audit_log', 'read', 'See the audit log'),
  ('audit_log', 'export', 'Export the audit log')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('*', 'tenant', '{read}'),
  ('*', 'members', '{read}'),
  ('*', 'roles', '{read}'),
  ('*', 'departments', '{read}'),
  ('accountant', 'audit_log', '{read,export}');

-- The company row itself: members read it, those with tenant:update change it; created only by
-- create_company(), never deleted through the API.
call app_private.enable_tenant_rls('public.tenants', 'tenant', 'id', '{select,update}');
-- People and their roles change only through the membership functions (invitations, role changes).
call app_private.enable_tenant_rls('public.memberships', 'members', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.membership_roles', 'members', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.roles', 'roles');
call app_private.enable_tenant_rls('public.role_permissions', 'roles');
call app_private.enable_tenant_rls('public.departments', 'departments');
call app_private.enable_tenant_rls('public.audit_log', 'audit_log', 'tenant_id', '{select}');

call app_private.enable_audit('public.tenants', 'id');
call app_private.enable_audit('public.memberships');
call app_private.enable_audit('public.membership_roles');
call app_private.enable_audit('public.roles');
call app_private.enable_audit('public.role_permissions');
call app_private.enable_audit('public.departments');
