import type { Tables } from '../../../../supabase/types.ts'

// public.departments: the org chart of the current company (parent and manager; approval chains use it).
// The manager's name is embedded; a parent's name cannot be (PostgREST does not embed a table in itself
// over a composite key), so lists look parents up with useMany.
export type Department = Tables<'departments'>
export type DepartmentRow = Department & { manager: { display_name: string } | null }
export type DepartmentValues = Pick<Department, 'name' | 'parent_id' | 'manager_id'>

export const DEPARTMENT_SELECT = '*, manager:memberships!departments_tenant_id_manager_id_fkey(display_name)'
export const DEPARTMENT_NAME_MAX = 100

/** Form values as a row: a cleared select is undefined in the form but must be written as null. */
export function departmentRow(values: DepartmentValues): DepartmentValues {
  return {
    name: values.name.trim(),
    parent_id: values.parent_id ?? null,
    manager_id: values.manager_id ?? null,
  }
}
