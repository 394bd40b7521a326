-- Customers and suppliers, items, projects (supabase/migrations/20261128183000_master_data.sql).
insert into public.permissions (resource, action, description) values
  ('parties', 'read', 'See customers and suppliers'),
  ('parties', 'create', 'Add customers and suppliers'),
  ('parties', 'update', 'Change customers and suppliers'),
  ('parties', 'delete', 'Delete customers and suppliers'),
  ('items', 'read', 'See products and stock items'),
  ('items', 'create', 'Add products'),
  ('items', 'update', 'Change products'),
  ('items', 'delete', 'Delete products'),
  ('projects', 'read', 'See projects'),
  ('projects', 'create', 'Add projects'),
  ('projects', 'update', 'Change projects'),
  ('projects', 'delete', 'Delete projects')
on conflict (resource, action) do update set description = excluded.description;

insert into default_matrix_rows values
  ('*', 'parties', '{read}'),
  ('*', 'items', '{read}'),
  ('*', 'projects', '{read}'),
  ('sales', 'parties', '{create,update}'),
  ('purchasing', 'parties', '{create,update}'),
  ('accountant', 'parties', '{create,update,delete}'),
  ('purchasing', 'items', '{create,update}'),
  ('warehouse', 'items', '{create,update}'),
  ('accountant', 'items', '{create,update,delete}'),
  ('accountant', 'projects', '{create,update,delete}');

call app_private.enable_tenant_rls('public.parties', 'parties');
call app_private.enable_tenant_rls('public.items', 'items');
call app_private.enable_tenant_rls('public.projects', 'projects');
call app_private.enable_audit('public.parties');
call app_private.enable_audit('public.items');
call app_private.enable_audit('public.projects');
