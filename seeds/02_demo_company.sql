-- The demo company a newcomer finds after `npm start` on a fresh local database: 上海三驾马车贸易有限公司,
-- a small wholesale trading company (一般纳税人, 小企业会计准则), paid (active, not a trial), with a boss,
-- sales, purchasing, warehouse and finance people in an org chart. Never pushed to a project.
-- Later modules add its customers, products, orders … in their own seed files (find it by credit code).
--
-- Everything goes through the real functions with the JWT claims of the person acting (set_config of
-- request.jwt.claims, as PostgREST does): create_company() gives it the same roles, matrix and books as
-- one created in the admin; invite_member()/accept_invitation() bring in the colleagues; the audit log
-- names who did what. Only the paid status and the departments are written directly (role postgres).
--
-- Its people are the demo logins of 01_demo_users.sql. Safe to run twice: the company is skipped when
-- its credit code exists.

-- ───────────────────────────── the company, its people and its org chart ─────────────────────────────
do $$
declare
  -- GB 32100: 9 (工商) 1 (企业) 310115 (上海市浦东新区) MA1K2T7B1 (organisation code, GB 11714 check) L.
  demo_code constant text := '91310115MA1K2T7B1L';
  boss uuid := (select id from auth.users where email = 'boss@example.com');
  company uuid;
  head_office uuid;
  sales_dept uuid;
  warehouse_dept uuid;
  finance_dept uuid;
  person record;
  invite_token text;
begin
  if boss is null then
    raise exception 'seeds/02_demo_company.sql needs boss@example.com from seeds/01_demo_users.sql';
  end if;
  if exists (select 1 from public.tenants where tenants.credit_code = demo_code) then
    raise notice 'demo company % exists already: left as it is', demo_code;
    return;
  end if;

  -- Act as the boss, signed in: create_company() reads auth.uid() and the audit log records the actor.
  perform set_config('request.jwt.claims', json_build_object('sub', boss, 'role', 'authenticated')::text, true);
  company := public.create_company(
    '上海三驾马车贸易有限公司', demo_code, 'general', 'small_enterprise', 1, '批发和零售业'
  );

  -- A paying customer: no trial banner, never read-only.
  update public.tenants set status = 'active' where id = company;

  -- Colleagues join as they would in the admin: the boss invites each with a role (members RPCs of
  -- 20261128000004_members.sql) and each accepts the link, which also makes it their active company.
  for person in
    select u.id, u.email, v.role_key
    from (values
      (1, 'sales@example.com', 'sales'),
      (2, 'sales2@example.com', 'sales'),
      (3, 'purchasing@example.com', 'purchasing'),
      (4, 'warehouse@example.com', 'warehouse'),
      (5, 'accountant@example.com', 'accountant'),
      (6, 'cashier@example.com', 'cashier')
    ) as v(n, email, role_key)
    join auth.users u on u.email = v.email
    order by v.n
  loop
    perform set_config('request.jwt.claims', json_build_object('sub', boss, 'role', 'authenticated')::text, true);
    select i.token into invite_token from public.invite_member(person.email, array[person.role_key]) i;
    perform set_config('request.jwt.claims', json_build_object('sub', person.id, 'role', 'authenticated')::text, true);
    perform public.accept_invitation(invite_token);
  end loop;
  perform set_config('request.jwt.claims', json_build_object('sub', boss, 'role', 'authenticated')::text, true);

  -- Org chart: 总经办 at the top, the three departments under it, each with its manager.
  insert into public.departments (tenant_id, name, manager_id)
  values (company, '总经办', boss)
  returning id into head_office;
  insert into public.departments (tenant_id, name, parent_id, manager_id)
  select company, '销售部', head_office, id from auth.users where email = 'sales@example.com'
  returning id into sales_dept;
  insert into public.departments (tenant_id, name, parent_id, manager_id)
  select company, '仓储部', head_office, id from auth.users where email = 'warehouse@example.com'
  returning id into warehouse_dept;
  insert into public.departments (tenant_id, name, parent_id, manager_id)
  select company, '财务部', head_office, id from auth.users where email = 'accountant@example.com'
  returning id into finance_dept;

  perform public.set_member_department(u.id, case u.email
    when 'boss@example.com' then head_office
    when 'purchasing@example.com' then head_office
    when 'sales@example.com' then sales_dept
    when 'sales2@example.com' then sales_dept
    when 'warehouse@example.com' then warehouse_dept
    when 'accountant@example.com' then finance_dept
    when 'cashier@example.com' then finance_dept
  end)
  from public.memberships m
  join auth.users u on u.id = m.user_id
  where m.tenant_id = company;

  perform set_config('request.jwt.claims', '', true);
end
$$;
