-- A profile per signed-up person: display name and language for the admin. Created by a trigger on
-- auth.users, so every account has one; each person reads and edits only their own.
create table public.profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  display_name text not null default '' check (char_length(display_name) <= 100),
  locale text not null default 'zh-CN' check (locale in ('zh-CN', 'en')),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

comment on table public.profiles is 'Per-person settings: display name and interface language';
comment on column public.profiles.display_name is 'Name shown to colleagues';
comment on column public.profiles.locale is 'Interface language (zh-CN or en)';

alter table public.profiles enable row level security;

create policy profiles_select_own on public.profiles
  for select to authenticated using (id = (select auth.uid()));
create policy profiles_update_own on public.profiles
  for update to authenticated using (id = (select auth.uid())) with check (id = (select auth.uid()));

-- Rows come only from the trigger below; nobody deletes a profile except through its account.
revoke insert, delete, truncate on public.profiles from anon, authenticated;
revoke all on public.profiles from anon;

create function public.touch_updated_at() returns trigger
language plpgsql set search_path = ''
as $$
begin
  new.updated_at := now();
  return new;
end
$$;

create trigger profiles_touch before update on public.profiles
  for each row execute function public.touch_updated_at();

create function public.handle_new_user() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  insert into public.profiles (id, display_name)
  values (new.id, coalesce(new.raw_user_meta_data ->> 'display_name', split_part(new.email, '@', 1), ''));
  return new;
end
$$;
revoke execute on function public.handle_new_user() from public, anon, authenticated, service_role;

create trigger on_auth_user_created after insert on auth.users
  for each row execute function public.handle_new_user();

-- The caller's identity as the database sees it (from the JWT PostgREST verified).
create function public.whoami() returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object('id', auth.uid(), 'role', auth.role(), 'email', auth.email())
$$;
comment on function public.whoami() is 'The identity of the caller as the database sees it';

alter publication supabase_realtime add table public.profiles;
