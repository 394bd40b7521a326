// The pure logic of voucher entry: exact debit/credit totals of the lines (decimal strings through
// BigInt, never floats), the dimensions each account requires, the problems that stop a save or a
// posting, and the rows written to voucher_lines. The database checks all of it again at posting
// (post_voucher: TR702 unbalanced, TR703 account, TR704 dimension, TR707 lines); this is for showing
// them while typing.
import { fromUnits, toUnits } from '../../lib/decimal.ts'

export type Dimension = 'customer' | 'supplier' | 'item' | 'department' | 'project' | 'employee'
export const DIMENSIONS: readonly Dimension[] = [
  'customer',
  'supplier',
  'item',
  'department',
  'project',
  'employee',
]

/** The voucher_lines column a dimension is written to (customers and suppliers are both parties). */
export function dimensionField(d: Dimension): DimensionField {
  return d === 'customer' || d === 'supplier' ? 'party_id' : `${d}_id`
}
export type DimensionField = 'party_id' | 'item_id' | 'department_id' | 'project_id' | 'employee_id'

export type DraftLine = {
  key: string
  summary: string
  account_id?: string
  debit: string
  credit: string
  party_id?: string
  item_id?: string
  department_id?: string
  project_id?: string
  employee_id?: string
}

export type AccountRule = {
  id: string
  code: string
  is_leaf: boolean
  active: boolean
  auxiliary: Dimension[]
}

export type Problem = {
  /** 0-based line index, or null for the voucher as a whole. */
  line: number | null
  field: string
  /** i18n key under vouchers.problems. */
  key: string
}

/** A money amount as typed: digits with at most two decimals (empty = 0). */
export const MONEY_INPUT = /^\d{0,16}(\.\d{0,2})?$/

export const isBlankAmount = (v: string) => toUnits(v, 2) === 0n

/** A line the user has not started (no account, no amount, no summary) is ignored. */
export function isEmptyLine(l: DraftLine): boolean {
  return !l.account_id && isBlankAmount(l.debit) && isBlankAmount(l.credit) && !l.summary.trim()
}

export type Totals = { debit: string; credit: string; difference: string; balanced: boolean }

export function totalsOf(lines: readonly DraftLine[]): Totals {
  let d = 0n
  let c = 0n
  for (const l of lines) {
    d += toUnits(l.debit, 2)
    c += toUnits(l.credit, 2)
  }
  return {
    debit: fromUnits(d, 2),
    credit: fromUnits(c, 2),
    difference: fromUnits(d - c, 2),
    balanced: d === c && d > 0n,
  }
}

/** The dimensions an account requires that the line does not name yet. */
export function missingDimensions(line: DraftLine, account: AccountRule | undefined): Dimension[] {
  if (!account) return []
  return account.auxiliary.filter((d) => !line[dimensionField(d)])
}

/**
 * What stops a save (draft: amounts must be valid, one side per line) and what stops posting (also: two
 * lines or more, leaf active accounts, required dimensions, balanced).
 */
export function problemsOf(
  lines: readonly DraftLine[],
  accounts: ReadonlyMap<string, AccountRule>,
  forPosting: boolean,
): Problem[] {
  const out: Problem[] = []
  const used = lines.map((l, i) => [l, i] as const).filter(([l]) => !isEmptyLine(l))
  for (const [l, i] of used) {
    for (const side of ['debit', 'credit'] as const)
      if (!MONEY_INPUT.test(l[side].trim())) out.push({ line: i, field: side, key: 'badAmount' })
    const d = toUnits(l.debit, 2)
    const c = toUnits(l.credit, 2)
    if (d !== 0n && c !== 0n) out.push({ line: i, field: 'debit', key: 'bothSides' })
    if (d === 0n && c === 0n) out.push({ line: i, field: 'debit', key: 'noAmount' })
    if (!l.account_id) {
      out.push({ line: i, field: 'account_id', key: 'noAccount' })
      continue
    }
    const account = accounts.get(l.account_id)
    if (forPosting && account && !(account.is_leaf && account.active))
      out.push({ line: i, field: 'account_id', key: 'notLeaf' })
    if (forPosting)
      for (const dim of missingDimensions(l, account))
        out.push({ line: i, field: dimensionField(dim), key: `missing.${dim}` })
  }
  if (used.length === 0) out.push({ line: null, field: 'lines', key: 'noLines' })
  if (forPosting) {
    if (used.length === 1) out.push({ line: null, field: 'lines', key: 'twoLines' })
    const t = totalsOf(used.map(([l]) => l))
    if (t.debit !== t.credit) out.push({ line: null, field: 'lines', key: 'unbalanced' })
  }
  return out
}

/**
 * The lines of a draft as save_voucher takes them (empty lines dropped, in order: the database numbers
 * them, amounts as strings); a line without its own summary takes the voucher's (the ledger shows line
 * summaries).
 */
export function lineRows(lines: readonly DraftLine[], summary = '') {
  return lines
    .filter((l) => !isEmptyLine(l))
    .map((l) => ({
      summary: l.summary.trim() || summary.trim(),
      account_id: l.account_id,
      debit: fromUnits(toUnits(l.debit, 2), 2),
      credit: fromUnits(toUnits(l.credit, 2), 2),
      party_id: l.party_id ?? null,
      item_id: l.item_id ?? null,
      department_id: l.department_id ?? null,
      project_id: l.project_id ?? null,
      employee_id: l.employee_id ?? null,
    }))
}

/** Clears the dimensions an account does not take when the account of a line changes. */
export function withAccount(line: DraftLine, account: AccountRule | undefined): DraftLine {
  const keep = new Set((account?.auxiliary ?? []).map(dimensionField))
  const next: DraftLine = { ...line, account_id: account?.id }
  for (const f of ['party_id', 'item_id', 'department_id', 'project_id', 'employee_id'] as const)
    if (!keep.has(f)) delete next[f]
  return next
}

/** "Enter the difference" (找平): the amount that balances the voucher on the given line. */
export function balancingAmount(
  lines: readonly DraftLine[],
  index: number,
): { side: 'debit' | 'credit'; amount: string } | null {
  const others = lines.filter((_, i) => i !== index)
  const t = totalsOf(others)
  const diff = toUnits(t.difference, 2)
  if (diff === 0n) return null
  return diff > 0n
    ? { side: 'credit', amount: fromUnits(diff, 2) }
    : { side: 'debit', amount: fromUnits(-diff, 2) }
}
