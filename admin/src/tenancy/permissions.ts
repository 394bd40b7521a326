// The rights of the signed-in person in the current company, as my_permissions() returns them, and how
// Refine's page actions map onto the matrix's actions. Pure.
import type { MyPermission } from './types.ts'

export type PermissionSet = ReadonlySet<string>

const key = (resource: string, action: string) => `${resource}:${action}`

export function toPermissionSet(rows: readonly MyPermission[]): PermissionSet {
  return new Set(rows.map((r) => key(r.resource, r.action)))
}

export function allows(set: PermissionSet, resource: string, action: string): boolean {
  return set.has(key(resource, action))
}

// Refine asks about pages (list, show, edit…); the matrix speaks of reading and writing.
const REFINE_ACTIONS: Record<string, string> = {
  list: 'read',
  show: 'read',
  create: 'create',
  clone: 'create',
  edit: 'update',
  delete: 'delete',
}

/** The matrix action a Refine action needs; other actions (approve, post, export) are the same word. */
export function matrixAction(refineAction: string): string {
  return REFINE_ACTIONS[refineAction] ?? refineAction
}
