// Drill-down from a statement line (资产负债表/利润表/现金流量表) to the ledger. The database sends each
// line's formula as data (financial_statement: a JSON list of terms, see
// supabase/migrations/20261128191855_statements.sql): accounts by code prefix, accounts of a type,
// other lines, cash-flow items. This module turns a formula into what the person can open — the
// accounts (their ledger detail over the dates the column covers), the lines it adds up and the
// cash-flow items — and computes those dates. Pure.
import { fromUnits, toUnits } from '../../lib/decimal.ts'

export type Term = {
  account?: string
  account_type?: string
  line?: number
  cash_flow?: string
  kind?: string
  sign?: number
}

export type StatementKind = 'balance_sheet' | 'income_statement' | 'cash_flow'

export type DrillAccount = { id: string; code: string; name: string; type: string; level: number }

export type DrillTarget =
  | { type: 'account'; account: DrillAccount; kind: string; sign: number }
  | { type: 'missing_account'; code: string; sign: number }
  | { type: 'line'; line: number; sign: number }
  | { type: 'cash_flow'; item: string; sign: number }

export function termsOf(formula: unknown): Term[] {
  return Array.isArray(formula) ? (formula.filter((t) => t && typeof t === 'object') as Term[]) : []
}

/** The places a line's figure comes from: one account per code prefix, the top accounts of a type. */
export function drillTargets(formula: unknown, accounts: readonly DrillAccount[]): DrillTarget[] {
  const byCode = new Map(accounts.map((a) => [a.code, a]))
  const out: DrillTarget[] = []
  for (const t of termsOf(formula)) {
    const sign = t.sign === -1 ? -1 : 1
    if (t.account) {
      const a = byCode.get(t.account)
      out.push(
        a
          ? { type: 'account', account: a, kind: t.kind ?? 'balance', sign }
          : { type: 'missing_account', code: t.account, sign },
      )
    } else if (t.account_type) {
      for (const a of accounts)
        if (a.type === t.account_type && a.level === 1)
          out.push({ type: 'account', account: a, kind: t.kind ?? 'balance', sign })
    } else if (typeof t.line === 'number') out.push({ type: 'line', line: t.line, sign })
    else if (t.cash_flow) out.push({ type: 'cash_flow', item: t.cash_flow, sign })
  }
  return out
}

export type PeriodLike = { id: string; fiscal_year: number; start_date: string; end_date: string }

/** The first day of the fiscal year of a period (its earliest period of the same fiscal year). */
export function fiscalYearStart(period: PeriodLike, periods: readonly PeriodLike[]): string {
  const starts = periods.filter((p) => p.fiscal_year === period.fiscal_year).map((p) => p.start_date)
  return [period.start_date, ...starts].sort()[0]
}

/** The day before a date (yyyy-mm-dd), in UTC calendar arithmetic. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() - 1)
  return d.toISOString().slice(0, 10)
}

/**
 * The dates the ledger detail covers for a column of a statement: the balance sheet's closing column
 * runs the fiscal year to the period's end (the running balance ends on the closing figure), its
 * year-opening column the year before; the income and cash-flow statements' first column is the
 * period, the second the fiscal year to date.
 */
export function drillRange(
  statement: StatementKind,
  column: 'amount' | 'compare',
  period: PeriodLike,
  periods: readonly PeriodLike[],
): { from: string; to: string } {
  const yearStart = fiscalYearStart(period, periods)
  if (statement === 'balance_sheet') {
    if (column === 'amount') return { from: yearStart, to: period.end_date }
    return { from: `${Number(yearStart.slice(0, 4)) - 1}${yearStart.slice(4)}`, to: dayBefore(yearStart) }
  }
  return column === 'amount'
    ? { from: period.start_date, to: period.end_date }
    : { from: yearStart, to: period.end_date }
}

/** Aging buckets in display order. */
export const AGING_BUCKETS = ['not_due', 'days_1_30', 'days_31_60', 'days_61_90', 'over_90', 'total'] as const

/** The balance before a ledger row: its running balance minus its own movement (debit positive). */
export function openingOf(r: { balance: string; debit: string; credit: string }): string {
  return fromUnits(toUnits(r.balance, 2) - toUnits(r.debit, 2) + toUnits(r.credit, 2), 2)
}
