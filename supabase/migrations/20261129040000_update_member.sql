-- One save for the member dialog of the admin: roles and department of a person in one transaction, so
-- that a refused part (a role the caller may not grant, the last owner losing the owner role, a department
-- of another company) leaves both as they were. The checks are those of change_member_roles and
-- set_member_department, which this calls.
create function public.update_member(p_user uuid, p_role_keys text[], p_department uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform public.change_member_roles(p_user, p_role_keys);
  perform public.set_member_department(p_user, p_department);
end
$$;
comment on function public.update_member(uuid, text[], uuid) is
  'Sets the roles (replacing them) and the department (null: none) of a member at once: both or neither. '
  'SECURITY DEFINER because memberships and membership_roles are written only through the membership functions; '
  'the two it calls check the rights (update on members) and the rules.';
revoke all on function public.update_member(uuid, text[], uuid) from public, anon;
grant execute on function public.update_member(uuid, text[], uuid) to authenticated;
