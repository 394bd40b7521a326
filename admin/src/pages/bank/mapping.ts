// The column mapping of a CSV/XLSX statement as the upload screen edits it: one role per column of the
// header row (the bank-import function proposes them; the person confirms or changes them), turned
// back into the {columns, dateOrder, invertSign} the function takes. The types are the function's own
// (functions/_shared/bank/types.ts), so the screen cannot drift from what the function sends. Pure.
import type { ColumnMapping } from '../../../../functions/_shared/bank/types.ts'

export type {
  ColumnMapping,
  DateOrder,
  TableMapping,
} from '../../../../functions/_shared/bank/types.ts'

export const ROLES = [
  'date',
  'valueDate',
  'amount',
  'debit',
  'credit',
  'direction',
  'currency',
  'balance',
  'counterpartyName',
  'counterpartyAccount',
  'reference',
  'memo',
] as const satisfies ReadonlyArray<keyof ColumnMapping>
export type Role = (typeof ROLES)[number]
// Every role the function knows is offered: a role added there fails to compile here until it is.
const everyRoleOffered: [Exclude<keyof ColumnMapping, Role>] extends [never] ? true : never = true
void everyRoleOffered

/** The role of each column (index = column), undefined for ignored columns. */
export function rolesOf(headers: readonly string[], columns: ColumnMapping): Array<Role | undefined> {
  const roles: Array<Role | undefined> = headers.map(() => undefined)
  for (const role of ROLES) {
    const at = columns[role]
    for (const i of Array.isArray(at) ? at : at === undefined ? [] : [at])
      if (i >= 0 && i < roles.length) roles[i] = role
  }
  return roles
}

/** Roles back into a mapping; a single-column role given twice keeps the first column. */
export function mappingOf(roles: ReadonlyArray<Role | undefined>): ColumnMapping {
  const out: ColumnMapping = {}
  roles.forEach((role, i) => {
    if (!role) return
    if (role === 'memo') out.memo = [...(out.memo ?? []), i]
    else if (out[role] === undefined) out[role] = i
  })
  return out
}

/** What is missing or contradictory: a date, and either an amount or a debit/credit pair. */
export function mappingProblems(roles: ReadonlyArray<Role | undefined>): string[] {
  const count = (r: Role) => roles.filter((x) => x === r).length
  const out: string[] = []
  if (count('date') === 0) out.push('noDate')
  const hasAmount = count('amount') > 0
  const hasSides = count('debit') > 0 || count('credit') > 0
  if (!hasAmount && !hasSides) out.push('noAmount')
  if (hasAmount && hasSides) out.push('amountAndSides')
  for (const r of ROLES) if (r !== 'memo' && count(r) > 1) out.push(`twice:${r}`)
  return out
}
