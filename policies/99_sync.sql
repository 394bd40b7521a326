-- Expands the rows every module listed and makes them the default matrix (see 00_roles.sql).
create temporary table default_matrix_source on commit drop as
select distinct r.key as role_key, p.resource, p.action
from default_matrix_rows m
join app_private.builtin_roles r on m.role_key in ('*', r.key)
join public.permissions p
  on m.resource in ('*', p.resource) and ('*' = any (m.actions) or p.action = any (m.actions));

-- A row naming an action the catalog lacks is a typo: refuse it rather than drop it silently.
do $$
declare
  bad record;
begin
  select m.* into bad from default_matrix_rows m
  where m.resource <> '*' and exists (
    select 1 from unnest(m.actions) a(action)
    where a.action <> '*' and not exists (
      select 1 from public.permissions p where p.resource = m.resource and p.action = a.action));
  if found then
    raise exception 'default matrix row (%, %, %) names an action not in public.permissions',
      bad.role_key, bad.resource, bad.actions;
  end if;
end
$$;

call app_private.sync_default_matrix();
