// Entry point: bytes of an uploaded bank file in, normalised statements (or every error) out.
// Pure module: no Deno, Supabase or Node APIs, so vitest tests it directly and edge functions call it.

import { parseCamt } from './camt.ts'
import { guessDelimiter, readDelimited } from './csv.ts'
import { checkBalances, withKeys } from './dedupe.ts'
import { detectFormat } from './detect.ts'
import { parseMt940 } from './mt940.ts'
import { parseOfx } from './ofx.ts'
import { readTable } from './table.ts'
import { decodeBytes, stripControl } from './text.ts'
import {
  Budget,
  type ParseError,
  ParseFailed,
  type ParseOptions,
  type ParseResult,
  type ParseWarning,
  type RawStatement,
  type StatementFormat,
  type TableMapping,
} from './types.ts'
import { readXlsx } from './xlsx.ts'

export { detectFormat } from './detect.ts'
export { autoMap, headerSignature } from './table.ts'
export type * from './types.ts'

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024
export const DEFAULT_TIME_LIMIT_MS = 25_000

const refuse = (format: StatementFormat | null, field: string, message: string): ParseResult => ({
  ok: false,
  format,
  errors: [{ line: null, field, message }],
})

export async function parseStatement(bytes: Uint8Array, opts: ParseOptions = {}): Promise<ParseResult> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const limitMs = opts.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
  const budget = new Budget(Date.now() + limitMs, limitMs)
  if (bytes.length > maxBytes)
    return refuse(null, 'file', `the file is ${bytes.length} bytes; the limit is ${maxBytes}`)
  const detected = opts.format ?? detectFormat(bytes)
  if (detected === 'empty') return refuse(null, 'file', 'the file is empty')
  if (detected === 'binary') return refuse(null, 'file', 'the file is binary data, not a bank statement')
  if (detected === 'xls') {
    return refuse(
      null,
      'file',
      'legacy Excel .xls (BIFF) is not supported: save the sheet as .xlsx or .csv and upload that',
    )
  }
  const format: StatementFormat = detected
  let mapping: TableMapping | undefined
  try {
    let statements: RawStatement[]
    let warnings: ParseWarning[] = []
    let encoding: string | null = null
    let outFormat: StatementFormat = format
    if (format === 'xlsx') {
      const rows = await readXlsx(bytes, maxBytes * 5, budget)
      const t = readTable(rows, opts, 'row', budget)
      mapping = t.mapping
      statements = [t.statement]
      warnings = t.warnings
    } else if (format === 'csv') {
      const d = decodeBytes(bytes, ['gb18030', 'windows-1252'])
      encoding = d.encoding
      const rows = readDelimited(d.text, guessDelimiter(d.text), budget)
      const t = readTable(rows, opts, 'line', budget)
      mapping = t.mapping
      statements = [t.statement]
      warnings = t.warnings
    } else {
      const d = decodeBytes(bytes, ['windows-1252'])
      encoding = d.encoding
      const { text, removed } = stripControl(d.text)
      if (removed) warnings.push({ line: null, message: `${removed} control character(s) removed` })
      if (format === 'mt940' || format === 'mt942') {
        const r = parseMt940(text, budget)
        statements = r.statements
        warnings.push(...r.warnings)
        outFormat = r.kind
      } else if (format === 'camt') {
        const r = parseCamt(text, budget)
        statements = r.statements
        warnings.push(...r.warnings)
      } else {
        const r = parseOfx(text, budget)
        statements = r.statements
        warnings.push(...r.warnings)
      }
    }
    if (opts.accountId) for (const s of statements) s.accountId = s.accountId ?? opts.accountId
    const errors: ParseError[] = []
    statements.forEach((s, i) => {
      const e = checkBalances(s, i)
      if (e) errors.push(e)
    })
    if (errors.length) return { ok: false, format: outFormat, errors, ...(mapping ? { mapping } : {}) }
    const keyed = statements.map(withKeys)
    return {
      ok: true,
      format: outFormat,
      encoding,
      statements: keyed,
      warnings,
      ...(mapping ? { mapping } : {}),
    }
  } catch (e) {
    if (e instanceof ParseFailed) {
      const tried = e.mapping ?? mapping
      return { ok: false, format, errors: e.errors, ...(tried ? { mapping: tried } : {}) }
    }
    // whatever a file contains must end as a 4xx-style answer, never as an exception in the handler
    return refuse(format, 'file', `the file could not be read: ${e instanceof Error ? e.message : String(e)}`)
  }
}
