// Which columns each generated screen shows. Pure.
import { SYSTEM_COLUMNS } from './registry.tsx'
import type { ColumnMeta, TableMeta } from './schema.ts'

const LIST_MAX = 8

/** List columns: no ids, tenant, timestamps of the row itself or JSON; at most LIST_MAX. */
export function listColumns(table: TableMeta): ColumnMeta[] {
  return table.columns.filter((c) => !SYSTEM_COLUMNS.has(c.name) && c.kind !== 'json').slice(0, LIST_MAX)
}

/** Show page: everything but the tenant. */
export function showColumns(table: TableMeta): ColumnMeta[] {
  return table.columns.filter((c) => c.name !== 'tenant_id')
}

/** Form fields: no system columns, no JSON. */
export function formColumns(table: TableMeta): ColumnMeta[] {
  return table.columns.filter((c) => !SYSTEM_COLUMNS.has(c.name) && c.kind !== 'json')
}

/** Filter bar: the first text columns (code, name…) and enum/boolean columns of the list. */
export function filterColumns(table: TableMeta): ColumnMeta[] {
  const list = listColumns(table)
  return [
    ...list.filter((c) => c.kind === 'text').slice(0, 2),
    ...list.filter((c) => c.kind === 'enum' || c.kind === 'boolean').slice(0, 2),
  ]
}

/** The initial sort of a list: code, else name, else nothing. */
export function initialSortColumn(table: TableMeta): string | undefined {
  return ['code', 'name'].find((name) => table.columns.some((c) => c.name === name))
}
