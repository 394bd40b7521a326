// The permission matrix of one role as a resource × action table: granted, not granted, or not an action
// the resource has at all. Pure.
import { MATRIX_ACTIONS, type Permission, type RolePermission } from './types.ts'

export type MatrixCell = 'granted' | 'denied' | undefined
export type MatrixRow = { resource: string; cells: Record<string, MatrixCell> }

export function buildMatrix(
  catalog: readonly Pick<Permission, 'resource' | 'action'>[],
  grants: readonly Pick<RolePermission, 'resource' | 'action'>[],
): { actions: string[]; rows: MatrixRow[] } {
  const granted = new Set(grants.map((g) => `${g.resource}:${g.action}`))
  const present = new Set(catalog.map((p) => p.action))
  const extra = [...present].filter((a) => !MATRIX_ACTIONS.includes(a)).sort()
  const actions = [...MATRIX_ACTIONS.filter((a) => present.has(a)), ...extra]
  const rows = new Map<string, MatrixRow>()
  for (const p of catalog) {
    const row = rows.get(p.resource) ?? { resource: p.resource, cells: {} }
    row.cells[p.action] = granted.has(`${p.resource}:${p.action}`) ? 'granted' : 'denied'
    rows.set(p.resource, row)
  }
  return { actions, rows: [...rows.values()] }
}
