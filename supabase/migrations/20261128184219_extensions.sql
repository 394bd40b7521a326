-- Open to extensions (issue 10): tenant API keys for integrations, and webhooks fed by an outbox.
--
-- API keys. An integration works as a SERVICE ACCOUNT of one company: each key has its own person
-- (a row in auth.users made here, without e-mail or password, so nobody can sign in as it) who is a
-- member of the company with one role of the permission matrix. The key `trk_<prefix>_<secret>` is
-- shown once; only its SHA-256 is stored (app_private.api_key_hashes), the prefix identifies it in
-- lists. The edge function `api-token` exchanges a key for a short-lived JWT of the service account
-- (claims `troika_api_key` = key id, `troika_key_gen` = generation), so through the key REST and
-- realtime behave exactly as for a member with that role: same RLS, same matrix, same audit trail.
-- A revoked key stops working at once: revoking removes the service account from the company (RLS
-- everywhere, realtime included, sees nothing from the next statement on), and PostgREST's
-- pre-request hook public.check_api_key_request() refuses any token of a revoked, expired or rotated
-- key with TR805 before the request runs. Tokens never outlive the key's expiry (api-token caps them).
-- A key never holds the owner role (an integration does not own a company), and nobody gives a key a
-- role with rights they do not hold themselves (the members rule, app_private.assert_can_grant).
--
-- Webhooks. Modules call app_private.emit_event(tenant, type, payload) INSIDE the transaction of the
-- change: the event (public.webhook_events, the outbox) and one delivery per subscribed endpoint
-- commit or roll back with it, so no event is lost or invented. A worker (functions/_shared/webhooks,
-- run by the edge function `webhook-dispatch` on a schedule, and by stack/webhook-worker.ts locally)
-- claims due deliveries (public.webhook_claim_deliveries: FOR UPDATE SKIP LOCKED plus a lease),
-- POSTs them with an HMAC-SHA256 signature and reports each attempt (public.webhook_record_attempt):
-- the attempt log, back-off, and disabling an endpoint after `failure_limit` consecutive failures.
-- Delivery is at least once; receivers de-duplicate on the event id. Endpoints of kind `dingtalk` or
-- `wecom` receive the group robots' message formats instead of the JSON event.
-- Events are recorded only when the company has an endpoint subscribed to their type.
--
-- Stable error codes (SQLSTATE; the hint names the field):
--   TR800 invalid API key name (1-100 characters)     TR801 expiry must be in the future
--   TR802 a key cannot hold the owner role             TR803 API key not found in this company
--   TR804 API key already revoked                      TR805 API key invalid, revoked, expired or rotated
--   TR810 invalid webhook URL (http or https)          TR811 unknown event type
--   TR812 subscribing needs read rights on the events' data
--   TR813 webhook endpoint not found in this company   TR814 webhook event not found in this company
--   TR815 invalid event payload (emit_event: a JSON object)

-- ───────────────────────────── API keys ─────────────────────────────
create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  prefix text not null unique check (prefix ~ '^[0-9a-f]{10}$'),
  service_user_id uuid not null unique references auth.users (id) on delete cascade,
  generation int not null default 1 check (generation >= 1),
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  rotated_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  unique (tenant_id, id),
  check (revoked_at is not null or revoked_by is null)
);
comment on table public.api_keys is
  'API keys of integrations: each acts as its own service account with one role (the secret is shown once, only its hash is kept)';
comment on column public.api_keys.name is 'Name (what the integration is)';
comment on column public.api_keys.prefix is 'Key prefix: the key reads trk_<prefix>_<secret>';
comment on column public.api_keys.service_user_id is 'Service account the key acts as (a member of the company)';
comment on column public.api_keys.generation is 'Rotations so far + 1: tokens of an older generation are refused';
comment on column public.api_keys.created_by is 'Created by';
comment on column public.api_keys.created_at is 'Created on';
comment on column public.api_keys.expires_at is 'Valid until (empty: no expiry)';
comment on column public.api_keys.last_used_at is 'Last exchanged for a token';
comment on column public.api_keys.rotated_at is 'Secret last replaced on';
comment on column public.api_keys.revoked_at is 'Revoked on';
comment on column public.api_keys.revoked_by is 'Revoked by';
create index api_keys_tenant_created_idx on public.api_keys (tenant_id, created_at desc);
create index api_keys_created_by_idx on public.api_keys (created_by);
create index api_keys_revoked_by_idx on public.api_keys (revoked_by);
alter table public.api_keys enable row level security;
revoke all on public.api_keys from anon;
revoke insert, update, delete, truncate on public.api_keys from authenticated;

-- Kept out of the API altogether: even the hash of a secret is nobody's business.
create table app_private.api_key_hashes (
  api_key_id uuid primary key references public.api_keys (id) on delete cascade,
  secret_hash bytea not null unique check (octet_length(secret_hash) = 32)
);
comment on table app_private.api_key_hashes is 'SHA-256 of each API key (the key itself is never stored)';
revoke all on app_private.api_key_hashes from public;

create function app_private.api_key_hash(p_key text) returns bytea
language sql immutable set search_path = ''
as $$
  select pg_catalog.sha256(pg_catalog.convert_to(p_key, 'UTF8'))
$$;
revoke all on function app_private.api_key_hash(text) from public;

-- A fresh key: `trk_` + 10 hex prefix + `_` + 64 hex secret.
create function app_private.new_api_key() returns table (prefix text, api_key text)
language plpgsql volatile set search_path = ''
as $$
declare
  p text := pg_catalog.encode(extensions.gen_random_bytes(5), 'hex');
begin
  return query select p, 'trk_' || p || '_' || pg_catalog.encode(extensions.gen_random_bytes(32), 'hex');
end
$$;
revoke all on function app_private.new_api_key() from public;

create function public.create_api_key(p_name text, p_role_key text, p_expires_at timestamptz default null)
returns table (api_key_id uuid, api_key text, prefix text, expires_at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('api_keys', 'create');
  roles uuid[];
  key_id uuid := gen_random_uuid();
  account uuid := gen_random_uuid();
  fresh record;
  label text := btrim(coalesce(p_name, ''));
begin
  if char_length(label) not between 1 and 100 then
    raise exception using errcode = 'TR800', message = 'the key''s name must have 1 to 100 characters', hint = 'name';
  end if;
  if p_expires_at is not null and p_expires_at <= now() then
    raise exception using errcode = 'TR801', message = 'the expiry of a key must be in the future', hint = 'expires_at';
  end if;
  if p_role_key = 'owner' then
    raise exception using errcode = 'TR802', message = 'an API key cannot hold the owner role: choose another role',
      hint = 'role_key';
  end if;
  roles := app_private.resolve_role_keys(t, array[p_role_key]);
  perform app_private.assert_can_grant(t, roles);
  select * into fresh from app_private.new_api_key();

  -- The service account: no e-mail and no password, so it cannot sign in; only api-token speaks for it.
  insert into auth.users (instance_id, id, aud, role, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
  values ('00000000-0000-0000-0000-000000000000', account, 'authenticated', 'authenticated',
          pg_catalog.jsonb_build_object('provider', 'troika_api_key', 'providers', pg_catalog.jsonb_build_array(),
                                        'service_account', true, 'tenant_id', t, 'api_key_id', key_id),
          pg_catalog.jsonb_build_object('display_name', 'API: ' || label), now(), now());
  insert into public.api_keys (id, tenant_id, name, prefix, service_user_id, created_by, expires_at)
  values (key_id, t, label, fresh.prefix, account, auth.uid(), p_expires_at);
  insert into app_private.api_key_hashes (api_key_id, secret_hash) values (key_id, app_private.api_key_hash(fresh.api_key));
  insert into public.memberships (tenant_id, user_id, display_name) values (t, account, 'API: ' || label);
  insert into public.membership_roles (tenant_id, user_id, role_id) select t, account, x.id from unnest(roles) as x(id);
  update public.profiles set active_tenant_id = t where id = account;
  return query select key_id, fresh.api_key, fresh.prefix, p_expires_at;
end
$$;
comment on function public.create_api_key(text, text, timestamptz) is
  'Creates an API key acting as a new service account with the given role; returns the key once (only its hash is kept). '
  'SECURITY DEFINER because it creates the service account (auth.users, membership, role) and the key''s hash, which no API caller may write; rights are checked here with app_private.require and assert_can_grant';

create function public.list_api_keys()
returns table (id uuid, name text, prefix text, role_keys text[], status text, created_at timestamptz,
               expires_at timestamptz, last_used_at timestamptz, rotated_at timestamptz, revoked_at timestamptz)
language sql stable security definer set search_path = ''
as $$
  select k.id, k.name, k.prefix,
    coalesce(array(select r.key from public.membership_roles mr join public.roles r on r.id = mr.role_id
                   where mr.tenant_id = k.tenant_id and mr.user_id = k.service_user_id order by r.key), '{}'),
    case when k.revoked_at is not null then 'revoked'
         -- Removed from the company as a member (remove_member): as good as revoked.
         when not exists (select 1 from public.memberships m where m.tenant_id = k.tenant_id and m.user_id = k.service_user_id)
           then 'revoked'
         when k.expires_at is not null and k.expires_at <= now() then 'expired'
         else 'active' end,
    k.created_at, k.expires_at, k.last_used_at, k.rotated_at, k.revoked_at
  from public.api_keys k
  where k.tenant_id = app_private.require('api_keys', 'read')
  order by k.created_at desc
$$;
comment on function public.list_api_keys() is
  'The company''s API keys (prefix only, never the secret or its hash) with their roles and status. '
  'SECURITY DEFINER because it shows the roles of the service accounts, which RLS shows only with members:read; rights are checked here with app_private.require';

create function app_private.api_key_of_company(p_tenant uuid, p_key uuid) returns public.api_keys
language plpgsql volatile set search_path = ''
as $$
declare
  k public.api_keys;
begin
  select * into k from public.api_keys a where a.id = p_key and a.tenant_id = p_tenant for update;
  if not found then
    raise exception using errcode = 'TR803', message = 'API key not found in this company', hint = 'api_key_id';
  end if;
  if k.revoked_at is not null then
    raise exception using errcode = 'TR804', message = 'this API key is revoked', hint = 'api_key_id';
  end if;
  return k;
end
$$;
revoke all on function app_private.api_key_of_company(uuid, uuid) from public;

create function public.rotate_api_key(p_api_key uuid) returns table (api_key text, prefix text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('api_keys', 'update');
  k public.api_keys := app_private.api_key_of_company(t, p_api_key);
  fresh record;
begin
  select * into fresh from app_private.new_api_key();
  update public.api_keys set prefix = fresh.prefix, generation = generation + 1, rotated_at = now() where id = k.id;
  update app_private.api_key_hashes set secret_hash = app_private.api_key_hash(fresh.api_key) where api_key_id = k.id;
  return query select fresh.api_key, fresh.prefix;
end
$$;
comment on function public.rotate_api_key(uuid) is
  'Replaces the secret of an API key: the old key and every token made with it stop working at once; returns the new key once. '
  'SECURITY DEFINER because key hashes are not writable by API callers; rights are checked here with app_private.require';

create function public.revoke_api_key(p_api_key uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('api_keys', 'delete');
  k public.api_keys := app_private.api_key_of_company(t, p_api_key);
begin
  update public.api_keys set revoked_at = now(), revoked_by = auth.uid() where id = k.id;
  -- The service account leaves the company: RLS (REST, realtime, RPCs) refuses it from now on.
  delete from public.memberships where tenant_id = t and user_id = k.service_user_id;
  update public.profiles set active_tenant_id = null where id = k.service_user_id;
end
$$;
comment on function public.revoke_api_key(uuid) is
  'Revokes an API key for good: its tokens stop working at once (the service account leaves the company, the key row stays for the record). '
  'SECURITY DEFINER because memberships are written only through functions; rights are checked here with app_private.require';

-- Whichever way roles are given later (change_member_roles), a service account never becomes an owner.
create function app_private.service_accounts_not_owners() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if app_private.is_owner_role(new.role_id)
     and exists (select 1 from public.api_keys k where k.service_user_id = new.user_id) then
    raise exception using errcode = 'TR802', message = 'an API key cannot hold the owner role', hint = 'role_keys';
  end if;
  return new;
end
$$;
revoke all on function app_private.service_accounts_not_owners() from public;
create trigger membership_roles_service_accounts_not_owners before insert or update on public.membership_roles
  for each row execute function app_private.service_accounts_not_owners();

-- For the `api-token` edge function (service_role only): who a key stands for, if it is still valid.
create function public.api_key_token_claims(p_api_key text)
returns table (api_key_id uuid, user_id uuid, tenant_id uuid, generation int, expires_at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  k public.api_keys;
begin
  select a.* into k from app_private.api_key_hashes h join public.api_keys a on a.id = h.api_key_id
  where h.secret_hash = app_private.api_key_hash(coalesce(p_api_key, ''))
    and a.revoked_at is null and (a.expires_at is null or a.expires_at > now())
    and exists (select 1 from public.memberships m where m.tenant_id = a.tenant_id and m.user_id = a.service_user_id);
  if not found then
    raise exception using errcode = 'TR805', message = 'invalid, revoked or expired API key', hint = 'api_key';
  end if;
  update public.api_keys set last_used_at = now() where id = k.id;
  return query select k.id, k.service_user_id, k.tenant_id, k.generation, k.expires_at;
end
$$;
comment on function public.api_key_token_claims(text) is
  'For the api-token edge function only (service_role): the service account, company and generation of a valid key. '
  'SECURITY DEFINER because key hashes live in app_private, out of every API role''s reach';

-- PostgREST calls this before every request (pgrst.db_pre_request, set below). Requests without the
-- claim (people, anon, service_role) pass at the cost of one JSON lookup.
create function public.check_api_key_request() returns void
language plpgsql stable security definer set search_path = ''
as $$
declare
  claims jsonb := nullif(current_setting('request.jwt.claims', true), '')::jsonb;
  key_id uuid;
begin
  if claims is null or not claims ? 'troika_api_key' then
    return;
  end if;
  key_id := (claims ->> 'troika_api_key')::uuid;
  if not exists (
    select 1 from public.api_keys k
    where k.id = key_id and k.revoked_at is null and (k.expires_at is null or k.expires_at > now())
      and k.generation = (claims ->> 'troika_key_gen')::int
      and k.service_user_id = (claims ->> 'sub')::uuid
  ) then
    -- PostgREST's own error format: answered as HTTP 401 with our stable code.
    raise sqlstate 'PGRST' using
      message = pg_catalog.json_build_object('code', 'TR805',
        'message', 'this API key was revoked, rotated or has expired: exchange a valid key for a new token',
        'hint', 'authorization', 'details', null)::text,
      detail = pg_catalog.json_build_object('status', 401, 'headers', pg_catalog.json_build_object())::text;
  end if;
end
$$;
comment on function public.check_api_key_request() is
  'PostgREST pre-request check: refuses tokens of revoked, rotated or expired API keys (TR805, HTTP 401). '
  'SECURITY DEFINER because every API role (anon included) runs it and it reads api_keys behind RLS';

revoke all on function public.create_api_key(text, text, timestamptz), public.list_api_keys(),
  public.rotate_api_key(uuid), public.revoke_api_key(uuid), public.api_key_token_claims(text),
  public.check_api_key_request() from public, anon, authenticated;
grant execute on function public.create_api_key(text, text, timestamptz), public.list_api_keys(),
  public.rotate_api_key(uuid), public.revoke_api_key(uuid) to authenticated;
grant execute on function public.api_key_token_claims(text) to service_role;
grant execute on function public.check_api_key_request() to anon, authenticated, service_role;

-- On Supabase and locally (the stack's PostgREST reads in-database settings at start and on reload).
-- Should a platform refuse it, keys still stop at once on revocation (the service account leaves the
-- company) and tokens end with the key's expiry; only tokens of a rotated key would live out their
-- 10 minutes. The warning says how to set it by hand (SQL editor).
do $$
begin
  alter role authenticator set pgrst.db_pre_request = 'public.check_api_key_request';
exception when insufficient_privilege then
  raise warning 'could not set pgrst.db_pre_request (%): run "alter role authenticator set pgrst.db_pre_request = '
    '''public.check_api_key_request''; notify pgrst, ''reload config'';" as a privileged user', sqlerrm;
end
$$;
notify pgrst, 'reload config';

-- ───────────────────────────── webhooks: the event catalog ─────────────────────────────
create table public.webhook_event_types (
  type text primary key check (type ~ '^[a-z][a-z_]*(\.[a-z][a-z_]*)+$'),
  description text not null,
  -- Subscribing needs read on this resource, so a webhook never shows more than its creator may see.
  resource text not null,
  example jsonb not null default '{}'
);
comment on table public.webhook_event_types is 'Events a webhook can subscribe to (the catalog)';
comment on column public.webhook_event_types.type is 'Event type';
comment on column public.webhook_event_types.description is 'What happened';
comment on column public.webhook_event_types.resource is 'Resource whose read right subscribing needs';
comment on column public.webhook_event_types.example is 'Example of the event''s data';
alter table public.webhook_event_types enable row level security;
create policy webhook_event_types_select_authenticated on public.webhook_event_types for select to authenticated using (true);
comment on policy webhook_event_types_select_authenticated on public.webhook_event_types is 'the event catalog is public to members';
revoke all on public.webhook_event_types from anon;
revoke insert, update, delete, truncate on public.webhook_event_types from authenticated;

insert into public.webhook_event_types (type, description, resource, example) values
  ('member.joined', 'A person joined the company (accepted an invitation or was added)', 'members',
   '{"user_id": "…", "display_name": "张三", "email": "zhang@example.com"}'),
  ('party.created', 'A customer or supplier was added', 'parties',
   '{"id": "…", "code": "C001", "name": "上海某某有限公司", "is_customer": true, "is_supplier": false}'),
  ('item.created', 'A product or stock item was added', 'items',
   '{"id": "…", "sku": "A-100", "name": "办公椅", "unit": "把"}'),
  ('document.confirmed', 'A business document (order, delivery, invoice, …) was confirmed', 'documents',
   '{"document_id": "…", "doc_type": "sales_order", "number": "SO-2026-0001"}'),
  ('document.posted', 'A document was posted to the ledger', 'documents',
   '{"document_id": "…", "doc_type": "sales_invoice", "number": "SI-2026-0001", "voucher_id": "…"}'),
  ('document.approved', 'A document passed its approval', 'documents',
   '{"document_id": "…", "doc_type": "expense_claim", "number": "EC-2026-0001", "approved_by": "…"}'),
  ('document.rejected', 'A document was rejected in approval', 'documents',
   '{"document_id": "…", "doc_type": "expense_claim", "number": "EC-2026-0001", "rejected_by": "…", "comment": "…"}'),
  ('approval.task_created', 'An approval task waits for someone', 'documents',
   '{"task_id": "…", "document_id": "…", "title": "报销单 EC-2026-0001 ¥1,280.00", "assignee": "…", "link": "https://…"}'),
  ('payment.received', 'A customer payment was received', 'documents',
   '{"payment_id": "…", "party_id": "…", "amount": "1280.00", "currency": "CNY"}'),
  ('stock.below_reorder_point', 'An item''s stock fell below its reorder point', 'items',
   '{"item_id": "…", "sku": "A-100", "name": "办公椅", "warehouse": "主仓库", "quantity": "3.0000", "reorder_point": "10.0000"}')
on conflict (type) do update set description = excluded.description, resource = excluded.resource, example = excluded.example;

-- ───────────────────────────── webhooks: endpoints ─────────────────────────────
create table public.webhook_endpoints (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  name text not null check (char_length(btrim(name)) between 1 and 100),
  url text not null check (url ~ '^https?://[^\s/?#]+' and char_length(url) <= 2000),
  kind text not null default 'generic' check (kind in ('generic', 'dingtalk', 'wecom')),
  event_types text[] not null check (cardinality(event_types) between 1 and 50),
  secret text not null default pg_catalog.encode(extensions.gen_random_bytes(24), 'hex')
    check (char_length(secret) between 1 and 200),
  active boolean not null default true,
  failure_limit int not null default 10 check (failure_limit between 1 and 100),
  consecutive_failures int not null default 0 check (consecutive_failures >= 0),
  disabled_at timestamptz,
  disabled_reason text,
  created_by uuid references auth.users (id) on delete set null default auth.uid(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (tenant_id, id)
);
comment on table public.webhook_endpoints is 'Webhooks: URLs that receive the company''s events (JSON, DingTalk or WeCom robots)';
comment on column public.webhook_endpoints.name is 'Name';
comment on column public.webhook_endpoints.url is 'URL (for robots: the robot''s webhook address with its access_token or key)';
comment on column public.webhook_endpoints.kind is 'generic (signed JSON), dingtalk (钉钉群机器人) or wecom (企业微信群机器人)';
comment on column public.webhook_endpoints.event_types is 'Events sent (see webhook_event_types)';
comment on column public.webhook_endpoints.secret is
  'Signing secret: receivers check the Troika-Signature header with it; for DingTalk the robot''s 加签 secret (SEC…)';
comment on column public.webhook_endpoints.active is 'Active (turned off automatically after too many failures; turning it on again resumes delivery)';
comment on column public.webhook_endpoints.failure_limit is 'Consecutive failed attempts after which the endpoint is turned off';
comment on column public.webhook_endpoints.consecutive_failures is 'Failed attempts since the last success';
comment on column public.webhook_endpoints.disabled_at is 'Turned off automatically on';
comment on column public.webhook_endpoints.disabled_reason is 'Why it was turned off';
comment on column public.webhook_endpoints.created_by is 'Created by';
comment on column public.webhook_endpoints.created_at is 'Created on';
create index webhook_endpoints_created_by_idx on public.webhook_endpoints (created_by);
create trigger webhook_endpoints_touch before update on public.webhook_endpoints
  for each row execute function public.touch_updated_at();
-- The delivery state is the worker's: API callers change only what describes the endpoint.
revoke update on public.webhook_endpoints from authenticated;
grant update (name, url, kind, event_types, secret, active, failure_limit) on public.webhook_endpoints to authenticated;
revoke insert on public.webhook_endpoints from authenticated;
grant insert (id, tenant_id, name, url, kind, event_types, secret, active, failure_limit) on public.webhook_endpoints to authenticated;

-- The audit trail of endpoints, without their secrets (the audit log is readable by accountants) and
-- without the worker's counters: a changed secret shows as "(changed)".
create function app_private.audit_webhook_endpoint() returns trigger
language plpgsql security definer set search_path = ''
as $$
declare
  noise text[] := array['secret', 'consecutive_failures', 'updated_at'];
  old_row jsonb := case when tg_op <> 'INSERT' then to_jsonb(old) - noise end;
  new_row jsonb := case when tg_op <> 'DELETE' then to_jsonb(new) - noise end;
  any_row jsonb := coalesce(new_row, old_row);
begin
  if tg_op = 'UPDATE' then
    if old.secret is distinct from new.secret then
      new_row := new_row || '{"secret": "(changed)"}';
    end if;
    if old_row = new_row then
      return null;
    end if;
  end if;
  insert into public.audit_log (tenant_id, table_name, row_id, action, old_values, new_values, actor_id, on_behalf_of)
  values ((any_row ->> 'tenant_id')::uuid, tg_table_name, any_row ->> 'id', lower(tg_op), old_row, new_row, auth.uid(),
          nullif(current_setting('troika.on_behalf_of', true), '')::uuid);
  return null;
end
$$;
revoke all on function app_private.audit_webhook_endpoint() from public;
create trigger webhook_endpoints_audit after insert or update or delete on public.webhook_endpoints
  for each row execute function app_private.audit_webhook_endpoint();

-- Known event types only, each readable by the person subscribing (an API caller); turning an endpoint
-- back on clears its failure count.
create function app_private.webhook_endpoints_check() returns trigger
language plpgsql set search_path = ''
as $$
declare
  unknown text;
  missing text;
begin
  new.event_types := array(select distinct x from unnest(new.event_types) as x(x) where x is not null order by 1);
  if cardinality(new.event_types) = 0 then
    raise exception using errcode = 'TR811', message = 'choose at least one event type', hint = 'event_types';
  end if;
  select x into unknown from unnest(new.event_types) as x(x)
  where not exists (select 1 from public.webhook_event_types t where t.type = x) limit 1;
  if found then
    raise exception using errcode = 'TR811', message = format('unknown event type "%s"', unknown), hint = 'event_types';
  end if;
  if new.url !~ '^https?://[^\s/?#]+' then
    raise exception using errcode = 'TR810', message = 'the webhook URL must start with http:// or https://', hint = 'url';
  end if;
  if current_user in ('anon', 'authenticated') and new.tenant_id = app_private.current_tenant_id() then
    select t.type into missing from public.webhook_event_types t
    where t.type = any (new.event_types)
      and (exists (select 1 from public.permissions p where p.resource = t.resource and p.action = 'read'))
      and not app_private.holds_right(new.tenant_id, t.resource, 'read')
    limit 1;
    if found then
      raise exception using errcode = 'TR812',
        message = format('you cannot subscribe to "%s": you may not read %s yourself', missing,
                         (select t.resource from public.webhook_event_types t where t.type = missing)),
        hint = 'event_types';
    end if;
  end if;
  if tg_op = 'UPDATE' and new.active and not old.active then
    new.consecutive_failures := 0;
    new.disabled_at := null;
    new.disabled_reason := null;
  end if;
  return new;
end
$$;
revoke all on function app_private.webhook_endpoints_check() from public;
create trigger webhook_endpoints_check before insert or update on public.webhook_endpoints
  for each row execute function app_private.webhook_endpoints_check();

-- ───────────────────────────── webhooks: outbox, deliveries, attempts ─────────────────────────────
create table public.webhook_events (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  type text not null references public.webhook_event_types (type),
  payload jsonb not null check (jsonb_typeof(payload) = 'object'),
  created_at timestamptz not null default now(),
  unique (tenant_id, id)
);
comment on table public.webhook_events is 'Webhook events (the outbox): written in the same transaction as the change they report';
comment on column public.webhook_events.id is 'Event id (receivers de-duplicate on it)';
comment on column public.webhook_events.type is 'Event type';
comment on column public.webhook_events.payload is 'Event data';
comment on column public.webhook_events.created_at is 'Happened on';
create index webhook_events_tenant_created_idx on public.webhook_events (tenant_id, created_at desc);
create index webhook_events_type_idx on public.webhook_events (type);
alter table public.webhook_events enable row level security;
revoke all on public.webhook_events from anon;
revoke insert, update, delete, truncate on public.webhook_events from authenticated;

create table public.webhook_deliveries (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  event_id uuid not null,
  endpoint_id uuid not null,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0 check (attempts >= 0),
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_status_code int,
  last_error text,
  delivered_at timestamptz,
  replay boolean not null default false,
  created_at timestamptz not null default now(),
  unique (tenant_id, id),
  foreign key (tenant_id, event_id) references public.webhook_events (tenant_id, id) on delete cascade,
  foreign key (tenant_id, endpoint_id) references public.webhook_endpoints (tenant_id, id) on delete cascade
);
comment on table public.webhook_deliveries is 'Webhook deliveries: one per event and endpoint (and per replay)';
comment on column public.webhook_deliveries.event_id is 'Event';
comment on column public.webhook_deliveries.endpoint_id is 'Endpoint';
comment on column public.webhook_deliveries.status is 'pending, delivered or failed (gave up after the last retry)';
comment on column public.webhook_deliveries.attempts is 'Attempts so far';
comment on column public.webhook_deliveries.next_attempt_at is 'Next attempt at';
comment on column public.webhook_deliveries.locked_until is 'Being sent by a worker until';
comment on column public.webhook_deliveries.last_status_code is 'Last HTTP status';
comment on column public.webhook_deliveries.last_error is 'Last error';
comment on column public.webhook_deliveries.delivered_at is 'Delivered on';
comment on column public.webhook_deliveries.replay is 'Sent again on request';
comment on column public.webhook_deliveries.created_at is 'Queued on';
create index webhook_deliveries_event_idx on public.webhook_deliveries (tenant_id, event_id);
create index webhook_deliveries_endpoint_idx on public.webhook_deliveries (tenant_id, endpoint_id, created_at desc);
create index webhook_deliveries_due_idx on public.webhook_deliveries (next_attempt_at) where status = 'pending';
alter table public.webhook_deliveries enable row level security;
-- Realtime: the admin can watch deliveries as they happen (RLS decides who sees which, as for REST).
alter publication supabase_realtime add table public.webhook_deliveries;
revoke all on public.webhook_deliveries from anon;
revoke insert, update, delete, truncate on public.webhook_deliveries from authenticated;

create table public.webhook_delivery_attempts (
  id bigint generated always as identity primary key,
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  delivery_id bigint not null,
  attempt int not null check (attempt >= 1),
  at timestamptz not null default now(),
  ok boolean not null,
  status_code int,
  error text,
  response text,
  duration_ms int,
  foreign key (tenant_id, delivery_id) references public.webhook_deliveries (tenant_id, id) on delete cascade
);
comment on table public.webhook_delivery_attempts is 'Webhook delivery log: every attempt with its answer';
comment on column public.webhook_delivery_attempts.delivery_id is 'Delivery';
comment on column public.webhook_delivery_attempts.attempt is 'Attempt number';
comment on column public.webhook_delivery_attempts.at is 'Sent on';
comment on column public.webhook_delivery_attempts.ok is 'Succeeded';
comment on column public.webhook_delivery_attempts.status_code is 'HTTP status';
comment on column public.webhook_delivery_attempts.error is 'Error';
comment on column public.webhook_delivery_attempts.response is 'Start of the answer';
comment on column public.webhook_delivery_attempts.duration_ms is 'Took (ms)';
create index webhook_delivery_attempts_delivery_idx on public.webhook_delivery_attempts (tenant_id, delivery_id, attempt);
alter table public.webhook_delivery_attempts enable row level security;
revoke all on public.webhook_delivery_attempts from anon;
revoke insert, update, delete, truncate on public.webhook_delivery_attempts from authenticated;

-- ───────────────────────────── emitting events ─────────────────────────────
-- THE way modules report events: call it inside the transaction of the change (a trigger or the
-- function doing the change), so the event commits or rolls back with it. Returns the event id, or
-- null when no endpoint of the company subscribes to the type (nothing is recorded then).
create function app_private.emit_event(p_tenant uuid, p_type text, p_payload jsonb) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  event uuid;
begin
  if not exists (select 1 from public.webhook_event_types t where t.type = p_type) then
    raise exception using errcode = 'TR811', message = format('unknown event type "%s"', p_type), hint = 'type';
  end if;
  if p_payload is null or jsonb_typeof(p_payload) <> 'object' then
    raise exception using errcode = 'TR815', message = 'an event''s payload must be a JSON object', hint = 'payload';
  end if;
  if not exists (select 1 from public.webhook_endpoints e where e.tenant_id = p_tenant and p_type = any (e.event_types)) then
    return null;
  end if;
  insert into public.webhook_events (tenant_id, type, payload) values (p_tenant, p_type, p_payload)
  returning id into event;
  insert into public.webhook_deliveries (tenant_id, event_id, endpoint_id)
  select p_tenant, event, e.id from public.webhook_endpoints e
  where e.tenant_id = p_tenant and e.active and p_type = any (e.event_types);
  -- Wakes the local worker at commit (a rollback sends nothing); hosted, the schedule picks it up.
  perform pg_catalog.pg_notify('troika_webhooks', event::text);
  return event;
end
$$;
comment on function app_private.emit_event(uuid, text, jsonb) is
  'Records a webhook event in the outbox, in the caller''s transaction, with a delivery per subscribed active endpoint';
revoke all on function app_private.emit_event(uuid, text, jsonb) from public;

-- Events Troika emits today (documents, payments, stock and approvals follow with their modules).
create function app_private.emit_member_joined() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  -- Service accounts of API keys are not people joining.
  if exists (select 1 from public.api_keys k where k.service_user_id = new.user_id) then
    return null;
  end if;
  perform app_private.emit_event(new.tenant_id, 'member.joined', pg_catalog.jsonb_build_object(
    'user_id', new.user_id, 'display_name', new.display_name, 'email', new.email, 'joined_at', new.joined_at));
  return null;
end
$$;
create trigger memberships_emit_joined after insert on public.memberships
  for each row execute function app_private.emit_member_joined();

create function app_private.emit_row_created() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  perform app_private.emit_event(new.tenant_id, tg_argv[0], to_jsonb(new) - 'tenant_id');
  return null;
end
$$;
create trigger parties_emit_created after insert on public.parties
  for each row execute function app_private.emit_row_created('party.created');
create trigger items_emit_created after insert on public.items
  for each row execute function app_private.emit_row_created('item.created');
revoke all on function app_private.emit_member_joined(), app_private.emit_row_created() from public;

-- ───────────────────────────── the delivery worker's functions (service_role) ─────────────────────────────
-- Takes up to p_limit due deliveries of active endpoints and leases them for p_lease_seconds: another
-- worker skips them meanwhile (SKIP LOCKED while claiming, the lease while sending); a worker that
-- dies mid-send leaves them to be taken again when the lease ends (at least once).
create function public.webhook_claim_deliveries(p_limit int default 20, p_lease_seconds int default 60)
returns table (delivery_id bigint, attempt int, tenant_id uuid, endpoint_id uuid, kind text, url text, secret text,
               event_id uuid, event_type text, payload jsonb, event_created_at timestamptz)
language plpgsql volatile security definer set search_path = ''
as $$
begin
  return query
  with due as (
    select d.id from public.webhook_deliveries d
    join public.webhook_endpoints e on e.id = d.endpoint_id
    where d.status = 'pending' and d.next_attempt_at <= now()
      and (d.locked_until is null or d.locked_until < now()) and e.active
    order by d.next_attempt_at, d.id
    limit least(greatest(coalesce(p_limit, 20), 1), 500)
    for update of d skip locked
  ), claimed as (
    update public.webhook_deliveries d
    set attempts = d.attempts + 1,
        locked_until = now() + make_interval(secs => least(greatest(coalesce(p_lease_seconds, 60), 5), 3600))
    from due where d.id = due.id
    returning d.id, d.attempts, d.tenant_id, d.endpoint_id, d.event_id
  )
  select c.id, c.attempts, c.tenant_id, c.endpoint_id, e.kind, e.url, e.secret, ev.id, ev.type, ev.payload, ev.created_at
  from claimed c
  join public.webhook_endpoints e on e.id = c.endpoint_id
  join public.webhook_events ev on ev.id = c.event_id
  order by c.id;
end
$$;
comment on function public.webhook_claim_deliveries(int, int) is
  'For the delivery worker only (service_role): leases due deliveries with everything needed to send them. '
  'SECURITY DEFINER because it works across companies for the platform''s worker, which no member may do';

-- Reports one attempt: the log row, then delivered, retried after p_retry_in_seconds, or failed for
-- good (null); an endpoint is turned off after failure_limit consecutive failures.
create function public.webhook_record_attempt(
  p_delivery_id bigint, p_attempt int, p_ok boolean, p_status_code int, p_error text,
  p_response text, p_duration_ms int, p_retry_in_seconds int
) returns text
language plpgsql volatile security definer set search_path = ''
as $$
declare
  d public.webhook_deliveries;
  ep public.webhook_endpoints;
begin
  select * into d from public.webhook_deliveries where id = p_delivery_id for update;
  if not found then
    return 'gone';
  end if;
  insert into public.webhook_delivery_attempts (tenant_id, delivery_id, attempt, ok, status_code, error, response, duration_ms)
  values (d.tenant_id, d.id, coalesce(p_attempt, d.attempts), coalesce(p_ok, false), p_status_code,
          left(p_error, 1000), left(p_response, 1000), p_duration_ms);
  -- A late report of an attempt whose lease ran out (and was taken again) changes nothing else.
  if d.status <> 'pending' or p_attempt is distinct from d.attempts then
    return d.status;
  end if;
  select * into ep from public.webhook_endpoints where id = d.endpoint_id for update;
  if coalesce(p_ok, false) then
    update public.webhook_deliveries set status = 'delivered', delivered_at = now(), locked_until = null,
      last_status_code = p_status_code, last_error = null where id = d.id;
    update public.webhook_endpoints set consecutive_failures = 0 where id = ep.id;
    return 'delivered';
  end if;
  update public.webhook_deliveries
  set status = case when p_retry_in_seconds is null then 'failed' else 'pending' end,
      next_attempt_at = case when p_retry_in_seconds is null then next_attempt_at
                             else now() + make_interval(secs => greatest(p_retry_in_seconds, 0)) end,
      locked_until = null, last_status_code = p_status_code, last_error = left(p_error, 1000)
  where id = d.id;
  update public.webhook_endpoints
  set consecutive_failures = consecutive_failures + 1,
      active = case when consecutive_failures + 1 >= failure_limit then false else active end,
      disabled_at = case when active and consecutive_failures + 1 >= failure_limit then now() else disabled_at end,
      disabled_reason = case when active and consecutive_failures + 1 >= failure_limit
        then format('turned off after %s consecutive failed deliveries; last: %s', consecutive_failures + 1,
                    coalesce(p_status_code::text, left(p_error, 200)))
        else disabled_reason end
  where id = ep.id;
  return case when p_retry_in_seconds is null then 'failed' else 'pending' end;
end
$$;
comment on function public.webhook_record_attempt(bigint, int, boolean, int, text, text, int, int) is
  'For the delivery worker only (service_role): logs an attempt, schedules the retry or gives up, turns off failing endpoints. '
  'SECURITY DEFINER because it works across companies for the platform''s worker, which no member may do';

revoke all on function public.webhook_claim_deliveries(int, int),
  public.webhook_record_attempt(bigint, int, boolean, int, text, text, int, int) from public, anon, authenticated;
grant execute on function public.webhook_claim_deliveries(int, int),
  public.webhook_record_attempt(bigint, int, boolean, int, text, text, int, int) to service_role;

-- ───────────────────────────── replay ─────────────────────────────
create function public.replay_webhook_event(p_event_id uuid, p_endpoint_id uuid default null) returns int
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('webhooks', 'update');
  ev public.webhook_events;
  n int;
begin
  select * into ev from public.webhook_events e where e.id = p_event_id and e.tenant_id = t;
  if not found then
    raise exception using errcode = 'TR814', message = 'webhook event not found in this company', hint = 'event_id';
  end if;
  if p_endpoint_id is not null
     and not exists (select 1 from public.webhook_endpoints e where e.id = p_endpoint_id and e.tenant_id = t) then
    raise exception using errcode = 'TR813', message = 'webhook endpoint not found in this company', hint = 'endpoint_id';
  end if;
  insert into public.webhook_deliveries (tenant_id, event_id, endpoint_id, replay)
  select t, ev.id, e.id, true from public.webhook_endpoints e
  where e.tenant_id = t
    and (e.id = p_endpoint_id or (p_endpoint_id is null and e.active and ev.type = any (e.event_types)));
  get diagnostics n = row_count;
  perform pg_catalog.pg_notify('troika_webhooks', ev.id::text);
  return n;
end
$$;
comment on function public.replay_webhook_event(uuid, uuid) is
  'Sends an event again (same event id) to one endpoint, or to every active endpoint subscribed to it; returns the deliveries queued. '
  'SECURITY DEFINER because deliveries are written only by Troika; rights are checked here with app_private.require';
revoke all on function public.replay_webhook_event(uuid, uuid) from public, anon;
grant execute on function public.replay_webhook_event(uuid, uuid) to authenticated;

-- ───────────────────────────── documentation data ─────────────────────────────
-- What the admin's API page shows next to PostgREST's OpenAPI: the event catalog, the signature
-- scheme, the realtime channels and how keys are exchanged (docs/API.md is the long form).
create function public.api_reference() returns jsonb
language sql stable set search_path = ''
as $$
  select pg_catalog.jsonb_build_object(
    'openapi', 'GET /rest/v1/ with a member''s or an API key''s token: PostgREST''s OpenAPI with our table, column and function comments',
    'guide', 'docs/API.md (reference: docs/API-reference.md, generated by stack/api-docs.ts)',
    'token_exchange', pg_catalog.jsonb_build_object(
      'function', '/functions/v1/api-token', 'method', 'POST', 'body', '{"api_key": "trk_…"}',
      'answer', '{"access_token", "token_type": "bearer", "expires_in", "expires_at", "tenant_id"}'),
    'webhook_headers', pg_catalog.jsonb_build_array('Troika-Event-Id', 'Troika-Event-Type', 'Troika-Delivery-Id',
      'Troika-Delivery-Attempt', 'Troika-Signature'),
    'signature', 'Troika-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the endpoint''s secret>',
    'realtime', 'postgres_changes on any table you may read (schema public), filtered by RLS as for REST',
    'events', coalesce((select pg_catalog.jsonb_agg(pg_catalog.jsonb_build_object(
        'type', t.type, 'description', t.description, 'resource', t.resource, 'example', t.example) order by t.type)
      from public.webhook_event_types t), '[]'::jsonb)
  )
$$;
comment on function public.api_reference() is
  'What the API documentation page shows besides the OpenAPI description: key exchange, webhook events and signature, realtime';
revoke all on function public.api_reference() from public, anon;
grant execute on function public.api_reference() to authenticated;
