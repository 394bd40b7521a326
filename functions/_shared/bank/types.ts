// Normalised shapes shared by every bank-statement parser (CSV/XLSX, CAMT, MT940/942, OFX).
// Money is always a decimal string ("-1234.50"), never a JS number.

export type StatementFormat = 'csv' | 'xlsx' | 'camt' | 'mt940' | 'mt942' | 'ofx'

export interface ParseError {
  /** 1-based line number in the decoded file (for XLSX: the sheet row), null when not tied to a line */
  line: number | null
  /** XML element path for CAMT / OFX, e.g. /Document/BkToCstmrStmt/Stmt[1]/Ntry[2]/Amt */
  path?: string
  field: string
  message: string
}

export interface ParseWarning {
  line: number | null
  path?: string
  field?: string
  message: string
}

export interface StatementLine {
  /** booking date, ISO yyyy-mm-dd */
  date: string
  valueDate: string | null
  /** signed decimal string, inflow positive */
  amount: string
  currency: string | null
  counterpartyName: string | null
  counterpartyAccount: string | null
  /** bank's own reference (流水号, AcctSvcrRef, FITID, MT940 bank reference) */
  reference: string | null
  memo: string | null
  balanceAfter: string | null
  status: 'booked' | 'pending'
  /** stable across re-imports of the same data; see dedupe.ts */
  dedupeKey: string
  /** where the line came from, for error messages and previews */
  sourceLine: number | null
  sourcePath?: string
}

export interface Statement {
  accountId: string | null
  currency: string | null
  statementId: string | null
  openingBalance: string | null
  openingDate: string | null
  closingBalance: string | null
  closingDate: string | null
  lines: StatementLine[]
}

/** Column roles a CSV/XLSX mapping can assign. memo may combine several columns. */
export interface ColumnMapping {
  date?: number
  valueDate?: number
  amount?: number
  /** outflow column (借方 / 支出) — positive numbers become negative amounts */
  debit?: number
  /** inflow column (贷方 / 收入) */
  credit?: number
  /** 收/支, 借贷, Credit / Debit … */
  direction?: number
  currency?: number
  balance?: number
  counterpartyName?: number
  counterpartyAccount?: number
  reference?: number
  memo?: number[]
}

export type DateOrder = 'YMD' | 'DMY' | 'MDY'

/** What the UI shows for a tabular file, and what it saves as a template once confirmed. */
export interface TableMapping {
  /** 1-based line (sheet row for XLSX) of the header row */
  headerLine: number
  headers: string[]
  /** hash of the normalised header row; a saved template with the same signature is reused */
  signature: string
  columns: ColumnMapping
  dateOrder: DateOrder
  /** credit-card bills list spending as positive numbers */
  invertSign: boolean
  source: 'template' | 'explicit' | 'auto'
  /** header cells no role was given to */
  unmapped: string[]
  /** data lines skipped as preamble / summary (合计 etc.) after the header */
  skippedLines: number[]
}

export interface MappingTemplate {
  signature: string
  columns: ColumnMapping
  dateOrder?: DateOrder
  invertSign?: boolean
}

export interface ParseOptions {
  /** force a format instead of detecting it */
  format?: StatementFormat
  /** default currency for tabular files without a currency column (default CNY) */
  currency?: string
  /** account identifier to use when the file names none */
  accountId?: string
  /** saved templates of this bank account; matched by header signature */
  templates?: MappingTemplate[]
  /** an explicit mapping (the user confirmed or edited a preview); wins over templates */
  mapping?: Omit<MappingTemplate, 'signature'>
  /** year for dates written without one (MM/DD) when the file does not state its period */
  defaultYear?: number
  /** reject files larger than this (default 20 MiB) */
  maxBytes?: number
  /** give up reading after this many milliseconds (default 25,000): the error names the limit */
  timeLimitMs?: number
}

export interface ParseSuccess {
  ok: true
  format: StatementFormat
  encoding: string | null
  statements: Statement[]
  warnings: ParseWarning[]
  /** present for CSV / XLSX */
  mapping?: TableMapping
}

export interface ParseFailure {
  ok: false
  format: StatementFormat | null
  errors: ParseError[]
  /** for CSV/XLSX: the mapping that was tried, so a preview can still be shown */
  mapping?: TableMapping
}

export type ParseResult = ParseSuccess | ParseFailure

/** Raw line before de-duplication keys are computed. */
export type RawLine = Omit<StatementLine, 'dedupeKey'>
export type RawStatement = Omit<Statement, 'lines'> & { lines: RawLine[] }

export class ParseFailed extends Error {
  /** set by the table reader so a failed CSV/XLSX still shows the mapping it tried */
  mapping?: TableMapping
  constructor(readonly errors: ParseError[]) {
    super(errors.map((e) => e.message).join('; '))
  }
}

/**
 * The time limit of one parse: the main loop of every reader ticks it, and every 1024 ticks the clock
 * is read; past the deadline the parse fails (field "file"), naming the limit. Passed explicitly, not
 * kept in a module variable, because an XLSX parse awaits and requests interleave.
 */
export class Budget {
  private ticks = 0
  constructor(
    private readonly deadline: number,
    private readonly limitMs: number,
  ) {}
  tick(line: number | null): void {
    if ((++this.ticks & 1023) === 0 && Date.now() > this.deadline) {
      fail(
        line,
        'file',
        `reading the file took longer than the time limit of ${this.limitMs / 1000} s: split it into smaller periods`,
      )
    }
  }
}
/** No limit (the parsers called on their own, in tests). */
export const NO_BUDGET = new Budget(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY)

export function fail(line: number | null, field: string, message: string, path?: string): never {
  throw new ParseFailed([path ? { line, path, field, message } : { line, field, message }])
}
