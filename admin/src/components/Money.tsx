// Money and quantities as the database sent them: decimal strings (numeric read as text) or, from jsonb
// RPC results, JSON numbers whose shortest form is the database's text. Formatted with string
// operations only (generated/money.ts); right-aligned in tables.
import { formatMoney, trimDecimal } from '../generated/money.ts'

export function money(value: unknown, scale = 2): string {
  if (value === null || value === undefined || value === '') return ''
  return formatMoney(String(value), scale)
}

export function quantity(value: unknown): string {
  if (value === null || value === undefined || value === '') return ''
  return trimDecimal(String(value))
}

/** Column props for a money column of an antd Table. */
export const moneyColumn = { align: 'right' as const, render: (v: unknown) => money(v) }
export const quantityColumn = { align: 'right' as const, render: (v: unknown) => quantity(v) }
