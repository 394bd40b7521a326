-- Members: pending and past invitations are visible to those who may see colleagues (members:read);
-- they are written only by the functions of supabase/migrations/20261128000004_members.sql
-- (invite_member, accept_invitation, revoke_invitation), which check members:create themselves.
-- The members:* and roles:* rights are in the catalog of 10_tenancy.sql; owners and administrators
-- hold them all, everybody else members:read and roles:read.
call app_private.enable_tenant_rls('public.invitations', 'members', 'tenant_id', '{select}');
call app_private.enable_audit('public.invitations');
