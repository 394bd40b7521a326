-- People and roles of a company: invitations by e-mail with a one-time link, accepting them, role
-- and department changes, removing and leaving, handing over ownership, custom roles copied from
-- others, and the guards that hold even against direct SQL:
--   * a company always keeps an owner (constraint trigger on membership_roles; only deleting the
--     whole company lifts it),
--   * built-in roles cannot be deleted, re-keyed or faked, and nobody changes the owner role's rights,
--   * through the API nobody grants a right they do not hold themselves (role_permissions edits, and
--     roles given to people), and only owners give or take the owner role.
-- People and their roles change only through the functions below (RLS gives the API read access to
-- memberships, membership_roles and invitations; see policies/30_members.sql).
--
-- Invitation links: `<site>/accept-invite?token=<token>`, where <site> is the `site_url` row of
-- app_private.site_settings (default http://127.0.0.1:54321, the local admin; a deployment sets its
-- own: `update app_private.site_settings set value = 'https://erp.example.com' where key = 'site_url'`).
-- Only the SHA-256 of a token is stored; the clear token is returned once, to the inviter, and sent
-- on the `troika_outbox` notification channel (stack/outbox-log.ts prints it in local mode).
--
-- Stable error codes (SQLSTATE; the hint names the field):
--   TR106 unknown role (from the tenancy migration)
--   TR200 invalid e-mail address                    TR201 already a member of this company
--   TR202 invitation not found                      TR203 invitation expired
--   TR204 invitation already accepted               TR205 invitation revoked
--   TR206 invitation is for another e-mail address  TR207 person is not a member of this company
--   TR208 the last owner cannot lose the owner role, leave or be removed
--   TR209 only an owner may do this (owner role, acting on owners, handing over ownership)
--   TR210 cannot grant a role or right one does not hold oneself
--   TR211 built-in roles cannot be deleted, re-keyed or created
--   TR212 the owner role's rights cannot be changed
--   TR213 invalid role key or name                  TR214 role key already used in this company
--   TR215 at least one role is required             TR216 department not found in this company
--   TR217 ownership can only be handed to another member

-- ───────────────────────────── settings ─────────────────────────────
create table app_private.site_settings (
  key text primary key,
  value text not null
);
comment on table app_private.site_settings is 'Deployment settings the database needs (site_url: base of links sent to people)';
revoke all on app_private.site_settings from public;
insert into app_private.site_settings (key, value) values ('site_url', 'http://127.0.0.1:54321');

create function app_private.site_url() returns text
language sql stable set search_path = ''
as $$
  select coalesce(rtrim((select s.value from app_private.site_settings s where s.key = 'site_url'), '/'),
                  'http://127.0.0.1:54321')
$$;
revoke all on function app_private.site_url() from public;

-- ───────────────────────────── small predicates ─────────────────────────────
-- The WHATWG (HTML) e-mail syntax, on a lower-cased address.
create function app_private.is_valid_email(p_email text) returns boolean
language sql immutable set search_path = ''
as $$
  select p_email is not null and char_length(p_email) <= 254
     and p_email ~ '^[a-z0-9.!#$%&''*+/=?^_`{|}~-]+@[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$'
$$;
revoke all on function app_private.is_valid_email(text) from public;

create function app_private.is_owner_role(p_role uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.roles r where r.id = p_role and r.key = 'owner' and r.builtin)
$$;

create function app_private.is_owner(p_tenant uuid, p_user uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.membership_roles mr join public.roles r on r.id = mr.role_id
    where mr.tenant_id = p_tenant and mr.user_id = p_user and r.key = 'owner' and r.builtin
  )
$$;

-- Does the caller's set of roles in this company grant the right?
create function app_private.holds_right(p_tenant uuid, p_resource text, p_action text) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from public.membership_roles mr join public.role_permissions rp on rp.role_id = mr.role_id
    where mr.tenant_id = p_tenant and mr.user_id = (select auth.uid())
      and rp.resource = p_resource and rp.action = p_action
  )
$$;

-- Still there? (Guards yield while a whole company is being deleted.)
create function app_private.tenant_exists(p_tenant uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (select 1 from public.tenants t where t.id = p_tenant)
$$;

revoke all on function app_private.is_owner_role(uuid), app_private.is_owner(uuid, uuid),
  app_private.holds_right(uuid, text, text), app_private.tenant_exists(uuid) from public;
-- The guard triggers below run as the caller (they must tell API callers apart), so callers need these.
grant execute on function app_private.is_owner_role(uuid), app_private.is_owner(uuid, uuid),
  app_private.holds_right(uuid, text, text), app_private.tenant_exists(uuid) to authenticated, service_role;

-- ───────────────────────────── invitations ─────────────────────────────
create table public.invitations (
  id uuid primary key default gen_random_uuid(),
  tenant_id uuid not null references public.tenants (id) on delete cascade,
  email text not null check (email = lower(btrim(email)) and email ~ '^[^@\s]+@[^@\s]+$'),
  role_keys text[] not null check (cardinality(role_keys) between 1 and 20),
  token_hash bytea not null unique check (octet_length(token_hash) = 32),
  invited_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null default now() + interval '7 days',
  accepted_at timestamptz,
  accepted_by uuid references auth.users (id) on delete set null,
  revoked_at timestamptz,
  revoked_by uuid references auth.users (id) on delete set null,
  check (accepted_at is null or revoked_at is null),
  check (accepted_at is not null or accepted_by is null),
  check (revoked_at is not null or revoked_by is null)
);
comment on table public.invitations is 'Invitations to join the company, sent by e-mail with a one-time link';
comment on column public.invitations.email is 'Invited e-mail address';
comment on column public.invitations.role_keys is 'Roles the person gets on accepting';
comment on column public.invitations.token_hash is
  'SHA-256 of the link token (the token itself is never stored; the hash cannot be turned back into it)';
comment on column public.invitations.invited_by is 'Invited by';
comment on column public.invitations.created_at is 'Sent on';
comment on column public.invitations.expires_at is 'Valid until';
comment on column public.invitations.accepted_at is 'Accepted on';
comment on column public.invitations.accepted_by is 'Accepted by';
comment on column public.invitations.revoked_at is 'Revoked on';
comment on column public.invitations.revoked_by is 'Revoked by';
-- Deny by default until policies/30_members.sql adds the read policy; writes only through functions.
alter table public.invitations enable row level security;
revoke all on public.invitations from anon;
revoke insert, update, delete, truncate on public.invitations from authenticated;
create index invitations_tenant_created_idx on public.invitations (tenant_id, created_at desc);
create index invitations_invited_by_idx on public.invitations (invited_by);
create index invitations_accepted_by_idx on public.invitations (accepted_by);
create index invitations_revoked_by_idx on public.invitations (revoked_by);
-- At most one open invitation per address and company: a new one supersedes (revokes) the old one.
create unique index invitations_open_email_idx on public.invitations (tenant_id, email)
  where accepted_at is null and revoked_at is null;

-- ───────────────────────────── guards ─────────────────────────────
-- A company always has an owner. Deferrable, so one transaction may hand the role over in any order;
-- only the deletion of the whole company (tenant row gone) lifts it. Memberships are covered too:
-- deleting one cascades to its membership_roles rows, which fire this trigger.
create function app_private.keep_an_owner() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if app_private.is_owner_role(old.role_id)
     and app_private.tenant_exists(old.tenant_id)
     and not exists (
       select 1 from public.membership_roles mr join public.roles r on r.id = mr.role_id
       where mr.tenant_id = old.tenant_id and r.key = 'owner' and r.builtin
     )
  then
    raise exception using errcode = 'TR208',
      message = 'the last owner of a company cannot lose the owner role, leave or be removed: hand over ownership first',
      hint = 'user_id';
  end if;
  return null;
end
$$;
revoke all on function app_private.keep_an_owner() from public;
create constraint trigger membership_roles_keep_an_owner after update or delete on public.membership_roles
  deferrable initially immediate for each row execute function app_private.keep_an_owner();

-- Built-in roles follow the default matrix by key: they cannot be deleted (except with their company),
-- re-keyed, or created by API callers, and no role changes its built-in flag.
-- Not security definer: current_user tells API callers (anon, authenticated, service_role) apart from
-- migrations and Troika's own functions (which run as their owner). Inserts by people outside the
-- row's company are left to RLS, which refuses them (42501) right after BEFORE triggers.
create function app_private.guard_builtin_roles() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if tg_op = 'INSERT' and new.builtin and current_user in ('anon', 'authenticated', 'service_role')
     and (auth.uid() is null or new.tenant_id = app_private.current_tenant_id()) then
    raise exception using errcode = 'TR211', message = 'built-in roles are provided by Troika and cannot be created',
      hint = 'builtin';
  elsif tg_op = 'UPDATE' and (new.builtin <> old.builtin or (old.builtin and new.key <> old.key)) then
    raise exception using errcode = 'TR211',
      message = format('the built-in role "%s" cannot be re-keyed, and no role can change its built-in flag', old.key),
      hint = 'key';
  elsif tg_op = 'DELETE' and old.builtin and app_private.tenant_exists(old.tenant_id) then
    raise exception using errcode = 'TR211', message = format('the built-in role "%s" cannot be deleted', old.key),
      hint = 'key';
  end if;
  return coalesce(new, old);
end
$$;
revoke all on function app_private.guard_builtin_roles() from public;
create trigger roles_guard_builtin before insert or update or delete on public.roles
  for each row execute function app_private.guard_builtin_roles();

-- Through the API (current_user is an API role): nobody changes the owner role's rights (service_role
-- included), and a person adds to a role only rights they hold themselves. The catalog FK refuses
-- rights that do not exist. Migrations (the default matrix), create_company and copy_role run as the
-- owner of the functions and pass. BEFORE the write, so the row being added is not yet a right the
-- caller holds (an AFTER trigger would see it and let a role grant itself anything).
create function app_private.guard_role_permissions() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user not in ('anon', 'authenticated', 'service_role') then
    return coalesce(new, old);
  end if;
  -- Rows for another company than the caller's are refused by RLS right after this trigger.
  if tg_op <> 'DELETE' and auth.uid() is not null
     and new.tenant_id is distinct from app_private.current_tenant_id() then
    return new;
  end if;
  if (tg_op <> 'INSERT' and app_private.is_owner_role(old.role_id))
     or (tg_op <> 'DELETE' and app_private.is_owner_role(new.role_id)) then
    raise exception using errcode = 'TR212', message = 'the rights of the owner role cannot be changed',
      hint = 'role_id';
  end if;
  -- Rights missing from the catalog are left to the foreign key, which names the real problem.
  if tg_op <> 'DELETE' and auth.uid() is not null
     and exists (select 1 from public.permissions p where p.resource = new.resource and p.action = new.action)
     and not app_private.holds_right(new.tenant_id, new.resource, new.action) then
    raise exception using errcode = 'TR210',
      message = format('you cannot grant %s on %s: you do not hold that right yourself', new.action, new.resource),
      hint = 'resource';
  end if;
  return coalesce(new, old);
end
$$;
revoke all on function app_private.guard_role_permissions() from public;
create trigger role_permissions_guard before insert or update or delete on public.role_permissions
  for each row execute function app_private.guard_role_permissions();

-- ───────────────────────────── helpers of the functions ─────────────────────────────
-- Role keys → role ids of the company, or TR215 / TR106.
create function app_private.resolve_role_keys(p_tenant uuid, p_role_keys text[]) returns uuid[]
language plpgsql stable set search_path = ''
as $$
declare
  ids uuid[];
  unknown text;
begin
  if p_role_keys is null or cardinality(array_remove(p_role_keys, null)) = 0 then
    raise exception using errcode = 'TR215', message = 'at least one role is required', hint = 'role_keys';
  end if;
  select x.key into unknown from unnest(p_role_keys) as x(key)
  where x.key is null or not exists (select 1 from public.roles r where r.tenant_id = p_tenant and r.key = x.key)
  limit 1;
  if found then
    raise exception using errcode = 'TR106', message = format('unknown role "%s"', coalesce(unknown, '')),
      hint = 'role_keys';
  end if;
  select array_agg(r.id order by r.key) into ids
  from public.roles r where r.tenant_id = p_tenant and r.key = any (p_role_keys);
  return ids;
end
$$;
revoke all on function app_private.resolve_role_keys(uuid, text[]) from public;

-- May the caller give these roles to someone? The owner role only by an owner (TR209); any other role
-- only if the caller holds every right it carries (TR210), so nobody climbs above their own rights.
create function app_private.assert_can_grant(p_tenant uuid, p_roles uuid[]) returns void
language plpgsql stable set search_path = ''
as $$
declare
  missing record;
begin
  if exists (select 1 from unnest(p_roles) as x(id) where app_private.is_owner_role(x.id))
     and not app_private.is_owner(p_tenant, auth.uid()) then
    raise exception using errcode = 'TR209', message = 'only an owner can give the owner role', hint = 'role_keys';
  end if;
  select r.key, rp.resource, rp.action into missing
  from public.role_permissions rp join public.roles r on r.id = rp.role_id
  where rp.role_id = any (p_roles) and not app_private.holds_right(p_tenant, rp.resource, rp.action)
  order by r.key, rp.resource, rp.action
  limit 1;
  if found then
    raise exception using errcode = 'TR210',
      message = format('you cannot give the role "%s": it grants %s on %s, which you do not hold',
                       missing.key, missing.action, missing.resource),
      hint = 'role_keys';
  end if;
end
$$;
revoke all on function app_private.assert_can_grant(uuid, uuid[]) from public;

-- The target person must belong to the company (TR207); a non-owner cannot act on an owner (TR209).
create function app_private.assert_member(p_tenant uuid, p_user uuid) returns void
language plpgsql stable set search_path = ''
as $$
begin
  if p_user is null or not exists (
    select 1 from public.memberships m where m.tenant_id = p_tenant and m.user_id = p_user
  ) then
    raise exception using errcode = 'TR207', message = 'this person is not a member of the company',
      hint = 'user_id';
  end if;
  if app_private.is_owner(p_tenant, p_user) and not app_private.is_owner(p_tenant, auth.uid()) then
    raise exception using errcode = 'TR209', message = 'only an owner can change or remove an owner',
      hint = 'user_id';
  end if;
end
$$;
revoke all on function app_private.assert_member(uuid, uuid) from public;

-- The friendly form of the constraint trigger's check, before anything changes.
create function app_private.assert_not_last_owner(p_tenant uuid, p_user uuid) returns void
language plpgsql stable set search_path = ''
as $$
begin
  if app_private.is_owner(p_tenant, p_user) and not exists (
    select 1 from public.membership_roles mr join public.roles r on r.id = mr.role_id
    where mr.tenant_id = p_tenant and mr.user_id <> p_user and r.key = 'owner' and r.builtin
  ) then
    raise exception using errcode = 'TR208',
      message = 'the last owner of a company cannot lose the owner role, leave or be removed: hand over ownership first',
      hint = 'user_id';
  end if;
end
$$;
revoke all on function app_private.assert_not_last_owner(uuid, uuid) from public;

create function app_private.invitation_token_hash(p_token text) returns bytea
language sql immutable set search_path = ''
as $$
  select pg_catalog.sha256(pg_catalog.convert_to(p_token, 'UTF8'))
$$;
revoke all on function app_private.invitation_token_hash(text) from public;

-- After removing or leaving: the person no longer works in that company.
create function app_private.forget_active_tenant(p_tenant uuid, p_user uuid) returns void
language sql volatile set search_path = ''
as $$
  update public.profiles set active_tenant_id = null where id = p_user and active_tenant_id = p_tenant
$$;
revoke all on function app_private.forget_active_tenant(uuid, uuid) from public;

-- ───────────────────────────── invitations API ─────────────────────────────
create function public.invite_member(p_email text, p_role_keys text[])
returns table (invitation_id uuid, token text, link text)
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('members', 'create');
  addr text := lower(btrim(coalesce(p_email, '')));
  roles uuid[];
  new_token text;
  new_id uuid;
  new_link text;
  expires timestamptz;
begin
  if not app_private.is_valid_email(addr) then
    raise exception using errcode = 'TR200', message = format('invalid e-mail address "%s"', addr), hint = 'email';
  end if;
  roles := app_private.resolve_role_keys(t, p_role_keys);
  perform app_private.assert_can_grant(t, roles);
  if exists (
    select 1 from public.memberships m left join auth.users u on u.id = m.user_id
    where m.tenant_id = t and (lower(m.email) = addr or lower(u.email) = addr)
  ) then
    raise exception using errcode = 'TR201', message = format('%s is already a member of this company', addr),
      hint = 'email';
  end if;

  -- A new invitation supersedes an open one for the same address (its link stops working).
  update public.invitations i set revoked_at = now(), revoked_by = auth.uid()
  where i.tenant_id = t and i.email = addr and i.accepted_at is null and i.revoked_at is null;

  new_token := pg_catalog.translate(pg_catalog.encode(extensions.gen_random_bytes(32), 'base64'), '+/=', '-_');
  insert into public.invitations (tenant_id, email, role_keys, token_hash, invited_by)
  values (t, addr, (select array_agg(r.key order by r.key) from public.roles r where r.id = any (roles)),
          app_private.invitation_token_hash(new_token), auth.uid())
  returning id, expires_at into new_id, expires;
  new_link := app_private.site_url() || '/accept-invite?token=' || new_token;

  -- Delivered at commit to whoever listens (the local stack prints it; there is no mail server locally).
  perform pg_catalog.pg_notify('troika_outbox', pg_catalog.json_build_object(
    'kind', 'invitation', 'invitation_id', new_id, 'tenant_id', t,
    'company', (select tn.name from public.tenants tn where tn.id = t),
    'email', addr, 'link', new_link, 'expires_at', expires
  )::text);

  return query select new_id, new_token, new_link;
end
$$;
comment on function public.invite_member(text, text[]) is
  'Invites a person by e-mail with roles; returns the one-time link (the token is not stored, only its hash). SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

create function public.accept_invitation(p_token text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  inv public.invitations;
  my_email text;
  my_name text;
  roles uuid[];
begin
  if me is null then
    raise exception using errcode = 'TR100', message = 'not signed in';
  end if;
  select * into inv from public.invitations i
  where i.token_hash = app_private.invitation_token_hash(coalesce(p_token, ''))
  for update;
  if not found then
    raise exception using errcode = 'TR202', message = 'invitation not found: check the link', hint = 'token';
  end if;
  if inv.accepted_at is not null then
    raise exception using errcode = 'TR204', message = 'this invitation has already been used', hint = 'token';
  end if;
  if inv.revoked_at is not null then
    raise exception using errcode = 'TR205', message = 'this invitation has been revoked: ask for a new one',
      hint = 'token';
  end if;
  if inv.expires_at <= now() then
    raise exception using errcode = 'TR203', message = 'this invitation has expired: ask for a new one',
      hint = 'token';
  end if;

  select lower(u.email), coalesce(nullif(p.display_name, ''), split_part(u.email, '@', 1))
    into my_email, my_name
  from auth.users u left join public.profiles p on p.id = u.id where u.id = me;
  if my_email is distinct from inv.email then
    raise exception using errcode = 'TR206',
      message = 'this invitation is for another e-mail address: sign in with the invited address', hint = 'email';
  end if;
  if exists (select 1 from public.memberships m where m.tenant_id = inv.tenant_id and m.user_id = me) then
    raise exception using errcode = 'TR201', message = 'you are already a member of this company', hint = 'email';
  end if;
  if not app_private.tenant_is_writable(inv.tenant_id) then
    raise exception using errcode = 'TR105', message = 'the trial of this company has ended: it is read-only';
  end if;
  roles := app_private.resolve_role_keys(inv.tenant_id, inv.role_keys);

  insert into public.memberships (tenant_id, user_id, display_name, email)
  values (inv.tenant_id, me, coalesce(my_name, ''), my_email);
  insert into public.membership_roles (tenant_id, user_id, role_id)
  select inv.tenant_id, me, x.id from unnest(roles) as x(id);
  update public.invitations set accepted_at = now(), accepted_by = me where id = inv.id;
  update public.profiles set active_tenant_id = inv.tenant_id where id = me;
  return inv.tenant_id;
end
$$;
comment on function public.accept_invitation(text) is
  'Joins the company of an invitation (the signed-in e-mail must be the invited one) and works in it. SECURITY DEFINER because the invitee is not a member yet and RLS would hide the invitation and the company';

create function public.revoke_invitation(p_invitation uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('members', 'create');
  inv public.invitations;
begin
  select * into inv from public.invitations i where i.id = p_invitation and i.tenant_id = t for update;
  if not found then
    raise exception using errcode = 'TR202', message = 'invitation not found in this company', hint = 'invitation_id';
  end if;
  if inv.accepted_at is not null then
    raise exception using errcode = 'TR204', message = 'this invitation has already been used: remove the member instead',
      hint = 'invitation_id';
  end if;
  if inv.revoked_at is not null then
    raise exception using errcode = 'TR205', message = 'this invitation is already revoked', hint = 'invitation_id';
  end if;
  update public.invitations set revoked_at = now(), revoked_by = auth.uid() where id = inv.id;
end
$$;
comment on function public.revoke_invitation(uuid) is 'Revokes an open invitation: its link stops working. SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

-- ───────────────────────────── members API ─────────────────────────────
create function public.change_member_roles(p_user uuid, p_role_keys text[]) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('members', 'update');
  wanted uuid[];
  held uuid[];
begin
  perform app_private.assert_member(t, p_user);
  wanted := app_private.resolve_role_keys(t, p_role_keys);
  select coalesce(array_agg(mr.role_id), '{}') into held
  from public.membership_roles mr where mr.tenant_id = t and mr.user_id = p_user;
  -- Taking the owner role away is for owners too (giving it is checked with the other new roles).
  if exists (select 1 from unnest(held) as h(id) where app_private.is_owner_role(h.id) and h.id <> all (wanted)) then
    if not app_private.is_owner(t, auth.uid()) then
      raise exception using errcode = 'TR209', message = 'only an owner can take away the owner role',
        hint = 'role_keys';
    end if;
    perform app_private.assert_not_last_owner(t, p_user);
  end if;
  perform app_private.assert_can_grant(t, array(select x.id from unnest(wanted) as x(id) where x.id <> all (held)));

  delete from public.membership_roles mr
  where mr.tenant_id = t and mr.user_id = p_user and mr.role_id <> all (wanted);
  insert into public.membership_roles (tenant_id, user_id, role_id)
  select t, p_user, x.id from unnest(wanted) as x(id)
  on conflict do nothing;
end
$$;
comment on function public.change_member_roles(uuid, text[]) is 'Sets the roles of a member (replaces them). SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

create function public.set_member_department(p_user uuid, p_department uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('members', 'update');
begin
  perform app_private.assert_member(t, p_user);
  if p_department is not null
     and not exists (select 1 from public.departments d where d.tenant_id = t and d.id = p_department) then
    raise exception using errcode = 'TR216', message = 'department not found in this company', hint = 'department_id';
  end if;
  update public.memberships set department_id = p_department where tenant_id = t and user_id = p_user;
end
$$;
comment on function public.set_member_department(uuid, uuid) is 'Places a member in a department (null: none). SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

create function public.remove_member(p_user uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('members', 'delete');
begin
  perform app_private.assert_member(t, p_user);
  perform app_private.assert_not_last_owner(t, p_user);
  delete from public.memberships where tenant_id = t and user_id = p_user;
  perform app_private.forget_active_tenant(t, p_user);
end
$$;
comment on function public.remove_member(uuid) is 'Removes a person from the company (the last owner cannot be removed). SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

create function public.leave_tenant() returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  t uuid := app_private.current_tenant_id();
begin
  if me is null then
    raise exception using errcode = 'TR100', message = 'not signed in';
  end if;
  if t is null then
    raise exception using errcode = 'TR103', message = 'no current company to leave: choose one with switch_tenant',
      hint = 'x-tenant-id';
  end if;
  -- No right needed and allowed in expired trials too: nobody is kept in a company against their will.
  perform app_private.assert_not_last_owner(t, me);
  delete from public.memberships where tenant_id = t and user_id = me;
  perform app_private.forget_active_tenant(t, me);
end
$$;
comment on function public.leave_tenant() is 'Leaves the current company (the last owner must hand over ownership first). SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

create function public.transfer_ownership(p_user uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  me uuid := auth.uid();
  t uuid := app_private.require('members', 'update');
  owner_role uuid;
  admin_role uuid;
begin
  if not app_private.is_owner(t, me) then
    raise exception using errcode = 'TR209', message = 'only an owner can hand over ownership', hint = 'user_id';
  end if;
  if p_user is not distinct from me then
    raise exception using errcode = 'TR217', message = 'hand ownership over to another member', hint = 'user_id';
  end if;
  perform app_private.assert_member(t, p_user);
  select r.id into owner_role from public.roles r where r.tenant_id = t and r.key = 'owner' and r.builtin;
  select r.id into admin_role from public.roles r where r.tenant_id = t and r.key = 'admin' and r.builtin;
  insert into public.membership_roles (tenant_id, user_id, role_id) values (t, p_user, owner_role)
  on conflict do nothing;
  insert into public.membership_roles (tenant_id, user_id, role_id) values (t, me, admin_role)
  on conflict do nothing;
  delete from public.membership_roles where tenant_id = t and user_id = me and role_id = owner_role;
end
$$;
comment on function public.transfer_ownership(uuid) is
  'Hands the owner role to another member; the caller stays as administrator. SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

-- ───────────────────────────── roles API ─────────────────────────────
create function public.copy_role(p_from_key text, p_new_key text, p_name text) returns uuid
language plpgsql volatile security definer set search_path = ''
as $$
declare
  t uuid := app_private.require('roles', 'create');
  source uuid;
  new_role uuid;
begin
  select r.id into source from public.roles r where r.tenant_id = t and r.key = p_from_key;
  if not found then
    raise exception using errcode = 'TR106', message = format('unknown role "%s"', coalesce(p_from_key, '')),
      hint = 'from_key';
  end if;
  if p_new_key is null or p_new_key !~ '^[a-z][a-z0-9_]*$' or char_length(p_new_key) > 50 then
    raise exception using errcode = 'TR213',
      message = 'role key must start with a lower-case letter and use only a-z, 0-9 and _ (at most 50)', hint = 'key';
  end if;
  if p_name is null or char_length(btrim(p_name)) not between 1 and 100 then
    raise exception using errcode = 'TR213', message = 'role name must have 1 to 100 characters', hint = 'name';
  end if;
  if exists (select 1 from public.roles r where r.tenant_id = t and r.key = p_new_key)
     or exists (select 1 from app_private.builtin_roles b where b.key = p_new_key) then
    raise exception using errcode = 'TR214', message = format('the role key "%s" is already used', p_new_key),
      hint = 'key';
  end if;
  insert into public.roles (tenant_id, key, name, builtin) values (t, p_new_key, btrim(p_name), false)
  returning id into new_role;
  insert into public.role_permissions (tenant_id, role_id, resource, action)
  select t, new_role, rp.resource, rp.action from public.role_permissions rp where rp.role_id = source;
  return new_role;
end
$$;
comment on function public.copy_role(text, text, text) is
  'Creates a role of the company with the rights of another; change its rights afterwards. SECURITY DEFINER because memberships, membership_roles, roles and invitations are written only through these functions; rights are checked here with app_private.require';

revoke execute on function public.invite_member(text, text[]), public.accept_invitation(text),
  public.revoke_invitation(uuid), public.change_member_roles(uuid, text[]),
  public.set_member_department(uuid, uuid), public.remove_member(uuid), public.leave_tenant(),
  public.transfer_ownership(uuid), public.copy_role(text, text, text) from public, anon, service_role;
grant execute on function public.invite_member(text, text[]), public.accept_invitation(text),
  public.revoke_invitation(uuid), public.change_member_roles(uuid, text[]),
  public.set_member_department(uuid, uuid), public.remove_member(uuid), public.leave_tenant(),
  public.transfer_ownership(uuid), public.copy_role(text, text, text) to authenticated;
