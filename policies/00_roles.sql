-- The built-in roles, and the scratch table in which each module's file lists its default rights
-- (99_sync.sql applies them). A row of the matrix: role ('*' = every built-in role), resource
-- ('*' = every resource), actions ('{*}' = every action the catalog has for the resource).
insert into app_private.builtin_roles (key, name, position) values
  ('owner', '老板 Owner', 1),
  ('admin', '管理员 Administrator', 2),
  ('sales', '销售 Sales', 3),
  ('purchasing', '采购 Purchasing', 4),
  ('warehouse', '仓管 Warehouse', 5),
  ('accountant', '会计 Accountant', 6),
  ('cashier', '出纳 Cashier', 7),
  ('employee', '员工 Employee', 8)
on conflict (key) do update set name = excluded.name, position = excluded.position;

create temporary table default_matrix_rows (role_key text, resource text, actions text[]) on commit drop;

-- Owners and administrators may do everything that exists.
insert into default_matrix_rows values ('owner', '*', '{*}'), ('admin', '*', '{*}');
