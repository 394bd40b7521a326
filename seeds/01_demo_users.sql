-- Demo logins for a local stack (applied to a fresh local database only; never pushed to a project).
-- Password of all of them: troika-demo-2026 (stack/cli.ts prints it; tests/demo-seed.test.ts signs in).
-- 02_demo_company.sql makes them the people of the demo company, with their roles.
with demo(email, display_name) as (
  values
    ('boss@example.com', '王总 (Boss)'),
    ('accountant@example.com', '李会计 (Accountant)'),
    ('sales@example.com', '张销售 (Sales)'),
    ('sales2@example.com', '陈销售 (Sales)'),
    ('purchasing@example.com', '刘采购 (Purchasing)'),
    ('warehouse@example.com', '赵仓管 (Warehouse)'),
    ('cashier@example.com', '孙出纳 (Cashier)')
),
created as (
  insert into auth.users (
    instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
    -- GoTrue cannot scan NULL into these; it writes '' itself.
    confirmation_token, recovery_token, email_change_token_new, email_change
  )
  select
    '00000000-0000-0000-0000-000000000000', extensions.gen_random_uuid(), 'authenticated', 'authenticated',
    email, extensions.crypt('troika-demo-2026', extensions.gen_salt('bf', 10)), now(),
    '{"provider": "email", "providers": ["email"], "demo": true}'::jsonb,
    jsonb_build_object('display_name', display_name), now(), now(),
    '', '', '', ''
  from demo
  on conflict do nothing
  returning id, email
)
insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
select
  extensions.gen_random_uuid(), id::text, id,
  jsonb_build_object('sub', id::text, 'email', email, 'email_verified', true),
  'email', now(), now(), now()
from created;
