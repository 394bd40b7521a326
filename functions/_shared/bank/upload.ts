// From a parsed file to the arguments of public.import_bank_statement, for one bank account.
// Pure module (data in, data out): the bank-import function calls it, vitest tests it on every sample.

import { cmpDec, sumDecimals, toDec } from './decimal.ts'
import type { ParseError, ParseSuccess, Statement, StatementFormat } from './types.ts'

export const MAX_LINES = 100_000

export interface BankAccountInfo {
  accountNumber: string
  currency: string
}

export interface ImportStatement {
  file_name: string
  file_hash: string
  format: StatementFormat
  statement_ref: string | null
  currency: string
  opening_balance: string | null
  closing_balance: string | null
  opening_date: string | null
  closing_date: string | null
}

export interface ImportLine {
  date: string
  value_date: string | null
  amount: string
  currency: string
  counterparty_name: string | null
  counterparty_account: string | null
  reference: string | null
  memo: string | null
  balance: string | null
  booked: boolean
  dedupe_key: string
  source_line: number | null
}

export type ImportPayload =
  | { ok: true; statement: ImportStatement; lines: ImportLine[] }
  | { ok: false; status: number; errors: ParseError[] }

const compact = (s: string) => s.replace(/[\s/-]/g, '').toUpperCase()

/** Does the account named in the file mean this bank account? (IBANs end with the account number.) */
export function sameAccount(fileAccount: string, accountNumber: string): boolean {
  const a = compact(fileAccount)
  const b = compact(accountNumber)
  if (!a || !b) return false
  // masked in the export (6222****1234): the visible head and tail must match
  const mask = /^([A-Z0-9]*)\*+([A-Z0-9]*)$/.exec(a)
  if (mask) return b.length >= mask[1].length + mask[2].length && b.startsWith(mask[1]) && b.endsWith(mask[2])
  return a === b || (b.length >= 6 && a.endsWith(b)) || (a.length >= 6 && b.endsWith(a))
}

/**
 * The statements of the file that belong to the bank account: the ones naming it, or all when none
 * names an account. A file that names only other accounts is refused (uploaded to the wrong account).
 */
export function toImportPayload(
  parsed: ParseSuccess,
  account: BankAccountInfo,
  file: { name: string; hash: string },
): ImportPayload {
  const named = parsed.statements.filter((s) => s.accountId)
  let chosen: Statement[]
  if (named.length === 0) chosen = parsed.statements
  else {
    chosen = parsed.statements.filter((s) => !s.accountId || sameAccount(s.accountId, account.accountNumber))
    if (chosen.length === 0) {
      const ids = [...new Set(named.map((s) => s.accountId))].join(', ')
      return {
        ok: false,
        status: 422,
        errors: [
          {
            line: null,
            field: 'account',
            message: `the file is for account ${ids}, not for bank account ${account.accountNumber}`,
          },
        ],
      }
    }
  }
  const currency = (chosen.find((s) => s.currency)?.currency ?? account.currency).toUpperCase()
  const lines: ImportLine[] = []
  const keys = new Map<string, number>()
  for (const s of chosen) {
    for (const l of s.lines) {
      const lineCurrency = (l.currency ?? s.currency ?? currency).toUpperCase()
      if (lineCurrency !== account.currency) {
        return {
          ok: false,
          status: 422,
          errors: [
            {
              line: l.sourceLine,
              field: 'currency',
              message: `a line in ${lineCurrency}: the bank account is in ${account.currency}`,
            },
          ],
        }
      }
      // keys are unique within a statement; across merged statements a repeat gets a suffix
      const seen = keys.get(l.dedupeKey) ?? 0
      keys.set(l.dedupeKey, seen + 1)
      lines.push({
        date: l.date,
        value_date: l.valueDate,
        amount: l.amount,
        currency: lineCurrency,
        counterparty_name: l.counterpartyName,
        counterparty_account: l.counterpartyAccount,
        reference: l.reference,
        memo: l.memo,
        balance: l.balanceAfter,
        booked: l.status === 'booked',
        dedupe_key: seen ? `${l.dedupeKey}#${seen}` : l.dedupeKey,
        source_line: l.sourceLine,
      })
    }
  }
  if (lines.length > MAX_LINES) {
    return {
      ok: false,
      status: 413,
      errors: [
        { line: null, field: 'file', message: `${lines.length} lines; at most ${MAX_LINES} per upload` },
      ],
    }
  }
  // Balances: one statement's own, or a chain of statements each opening where the previous closed.
  const ordered = [...chosen].sort((a, b) =>
    (a.openingDate ?? a.lines[0]?.date ?? '').localeCompare(b.openingDate ?? b.lines[0]?.date ?? ''),
  )
  let chained = ordered.every((s) => s.openingBalance !== null && s.closingBalance !== null)
  for (let i = 1; chained && i < ordered.length; i++) {
    const prev = toDec(ordered[i - 1].closingBalance as string)
    const next = toDec(ordered[i].openingBalance as string)
    chained = !!prev && !!next && cmpDec(prev, next) === 0
  }
  const first = ordered[0]
  const last = ordered[ordered.length - 1]
  const sumCheck = chained && first ? toDec(first.openingBalance as string) : null
  return {
    ok: true,
    statement: {
      file_name: file.name,
      file_hash: file.hash,
      format: parsed.format,
      statement_ref: chosen.length === 1 ? (chosen[0].statementId ?? null) : null,
      currency,
      opening_balance: chained && sumCheck ? (first.openingBalance as string) : null,
      closing_balance: chained && sumCheck ? (last.closingBalance as string) : null,
      opening_date: first?.openingDate ?? null,
      closing_date: last?.closingDate ?? null,
    },
    lines,
  }
}

/** Σ booked line amounts, as a decimal string (for previews). */
export function lineTotal(lines: ImportLine[]): string {
  return sumDecimals(lines.filter((l) => l.booked).map((l) => l.amount))
}
