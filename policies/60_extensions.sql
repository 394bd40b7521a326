-- Open to extensions: API keys and webhooks (supabase/migrations/20261128184219_extensions.sql).
-- Both are for owners and administrators by default (who get every right automatically): a key or a
-- webhook carries the company's data out of Troika. Keys and the delivery log are written only by
-- their functions (create/rotate/revoke_api_key, emit_event, the worker's RPCs, replay_webhook_event);
-- endpoints are an ordinary table.
insert into public.permissions (resource, action, description) values
  ('api_keys', 'read', 'See the API keys of integrations (prefix only)'),
  ('api_keys', 'create', 'Create API keys'),
  ('api_keys', 'update', 'Rotate API keys'),
  ('api_keys', 'delete', 'Revoke API keys'),
  ('webhooks', 'read', 'See webhooks, their events and delivery log'),
  ('webhooks', 'create', 'Add webhooks'),
  ('webhooks', 'update', 'Change webhooks and replay events'),
  ('webhooks', 'delete', 'Delete webhooks')
on conflict (resource, action) do update set description = excluded.description;

call app_private.enable_tenant_rls('public.api_keys', 'api_keys', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.webhook_endpoints', 'webhooks');
call app_private.enable_tenant_rls('public.webhook_events', 'webhooks', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.webhook_deliveries', 'webhooks', 'tenant_id', '{select}');
call app_private.enable_tenant_rls('public.webhook_delivery_attempts', 'webhooks', 'tenant_id', '{select}');
call app_private.enable_audit('public.api_keys');
-- public.webhook_endpoints has its own audit trigger (in the migration), which leaves out the secrets.
