-- Members: pending and past invitations (with the invitees' e-mail addresses) are visible to those
-- who may invite (invitations:read, given by default to owners and administrators); they are written
-- only by the functions of supabase/migrations/20261128000004_members.sql (invite_member,
-- accept_invitation, revoke_invitation), which check members:create themselves.
insert into public.permissions (resource, action, description) values
  ('invitations', 'read', 'See pending and past invitations')
on conflict (resource, action) do update set description = excluded.description;

call app_private.enable_tenant_rls('public.invitations', 'invitations', 'tenant_id', '{select}');
call app_private.enable_audit('public.invitations');
