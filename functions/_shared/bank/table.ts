// Turns rows of cells (from CSV or XLSX) into one statement: finds the header row, maps columns to
// roles (or reuses a saved template), skips preamble and summary lines, and reads every data row.

import type { Row } from './csv.ts'
import { addDec, fromDec, negateDecimal, toDec } from './decimal.ts'
import { clean, guessDateOrder, normCurrency, parseLooseAmount, parseLooseDate } from './text.ts'
import {
  type Budget,
  type ColumnMapping,
  type DateOrder,
  fail,
  NO_BUDGET,
  ParseFailed,
  type ParseOptions,
  type ParseWarning,
  type RawLine,
  type RawStatement,
  type TableMapping,
} from './types.ts'

export function normHeader(s: string): string {
  return s
    .replace(/[\s\u00a0\u3000]+/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':')
    .toLowerCase()
}

type Role = Exclude<keyof ColumnMapping, 'memo'> | 'memo'

/** Header names per role, most specific first. Compared after normHeader. */
const ROLE_HEADERS: [Role, string[]][] = [
  [
    'date',
    [
      '交易日期',
      '交易日',
      '记账日期',
      '记账日',
      '交易时间',
      '交易创建时间',
      '日期',
      '发生日期',
      '入账日期',
      'transactiondate',
      'date',
      'bookingdate',
    ],
  ],
  [
    'valueDate',
    ['银行记账日', '记账日期', '记账日', '入账日期', '起息日', '交易成功时间', 'postdate', 'valuedate'],
  ],
  [
    'debit',
    [
      '记账金额(支出)',
      '借方发生额',
      '借方金额',
      '借方发生额(支取)',
      '借方',
      '支出金额',
      '支出',
      '交易金额(支出)',
      '付款金额',
      'debit',
      'withdrawal',
      'withdrawals',
    ],
  ],
  [
    'credit',
    [
      '记账金额(收入)',
      '贷方发生额',
      '贷方金额',
      '贷方发生额(收入)',
      '贷方',
      '收入金额',
      '收入',
      '存入',
      '存入金额',
      '交易金额(收入)',
      '收款金额',
      'credit',
      'deposit',
      'deposits',
    ],
  ],
  [
    'amount',
    [
      '实付金额',
      '入账币种/金额',
      '入账金额',
      '人民币金额',
      '交易金额',
      '发生额',
      '金额',
      '金额(元)',
      '交易币种/金额',
      '订单金额',
      'billingamount',
      'amount',
      'transactionamount',
    ],
  ],
  [
    'direction',
    [
      '收/支',
      '收支',
      '借贷',
      '借贷标志',
      '借贷方向',
      '交易方向',
      '方向',
      'credit/debit',
      'dr/cr',
      '收支类型',
    ],
  ],
  [
    'currency',
    ['记账币种', '币种', '货币', '币别', '交易币种', '入账货币', '交易货币', 'billingcurrency', 'currency'],
  ],
  ['balance', ['余额', '账户余额', '本次余额', '联机余额', '交易后余额', '可用余额', 'balance']],
  [
    'counterpartyName',
    [
      '对方户名',
      '对方账户名',
      '对方名称',
      '对方户名称',
      '对方单位',
      '交易对方',
      '对手信息',
      '对手户名',
      '商户名称',
      '收(付)方名称',
      'merchantname',
      'payee',
      'counterparty',
    ],
  ],
  [
    'counterpartyAccount',
    ['对方账号', '对方账户', '对方卡号/账号', '对手账号', '对方账户账号', '收(付)方账号'],
  ],
  [
    'reference',
    [
      '流水号',
      '交易流水号',
      '业务流水号',
      '交易单号',
      '交易订单号',
      '交易号',
      '日志号',
      '凭证号',
      'reference',
    ],
  ],
  [
    'memo',
    [
      '摘要',
      '交易摘要',
      '交易说明',
      '交易描述',
      '交易详情',
      '交易名称',
      '附言',
      '交易附言',
      '用途',
      '商品说明',
      '商品',
      '订单标题',
      '客户摘要',
      '交易类型',
      '交易分类',
      '备注',
      'description',
      'memo',
      'details',
    ],
  ],
]

const ALL_HEADERS = new Set(ROLE_HEADERS.flatMap(([, names]) => names))

function headerScore(cells: string[]): number {
  const names = cells.map(normHeader)
  let score = 0
  for (const n of names) if (ALL_HEADERS.has(n)) score++
  return score
}

export function autoMap(headers: string[]): ColumnMapping {
  const names = headers.map(normHeader)
  const used = new Set<number>()
  const mapping: ColumnMapping = {}
  for (const [role, candidates] of ROLE_HEADERS) {
    if (role === 'memo') {
      const memo: number[] = []
      names.forEach((n, i) => {
        if (!used.has(i) && candidates.includes(n)) memo.push(i)
      })
      if (memo.length) mapping.memo = memo
      continue
    }
    for (const c of candidates) {
      const i = names.findIndex((n, idx) => n === c && !used.has(idx))
      if (i >= 0) {
        mapping[role] = i
        used.add(i)
        break
      }
    }
  }
  // an amount column alongside debit/credit columns (icbc "交易金额(收入)" vs "记账金额(收入)") is ignored
  if (mapping.debit !== undefined && mapping.credit !== undefined) delete mapping.amount
  if (mapping.amount !== undefined) {
    // a lone 收入/支出 column next to a signed amount is not a debit/credit pair
    if (mapping.debit === undefined || mapping.credit === undefined) {
      delete mapping.debit
      delete mapping.credit
    }
  }
  return mapping
}

/** Short stable hash of the normalised header row (FNV-1a 32, hex). */
export function headerSignature(headers: string[]): string {
  const s = headers
    .map(normHeader)
    .filter((h) => h !== '')
    .join('|')
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return `h1-${h.toString(16).padStart(8, '0')}-${s.length}`
}

function findHeader(rows: Row[]): number {
  let best = -1
  let bestScore = 1
  for (let i = 0; i < Math.min(rows.length, 80); i++) {
    const mapping = autoMap(rows[i].cells)
    const hasMoney =
      mapping.amount !== undefined || (mapping.debit !== undefined && mapping.credit !== undefined)
    if (mapping.date === undefined || !hasMoney) continue
    const score = headerScore(rows[i].cells)
    if (score > bestScore) {
      best = i
      bestScore = score
    }
  }
  return best
}

const POSITIVE = /^(收入|收|贷|贷方|cr|credit|c|入账|存入|\+)$/
const NEGATIVE = /^(支出|支|借|借方|dr|debit|d|出账|支取|-)$/

function directionOf(raw: string): 1 | -1 | 0 {
  const s = normHeader(raw)
  if (!s || s === '/' || s === '-') return 0
  for (const part of [s, ...s.split(/[\s/]/)]) {
    if (POSITIVE.test(part)) return 1
    if (NEGATIVE.test(part)) return -1
  }
  if (/^(贷|收入)/.test(s) || /cr$/.test(s)) return 1
  if (/^(借|支出)/.test(s) || /dr$/.test(s)) return -1
  return 0
}

function statedPeriod(preamble: string): { year: number; month: number } | null {
  const m = /(\d{4})\s*年\s*(\d{1,2})\s*月/.exec(preamble) ?? /(\d{4})-(\d{2})-\d{2}/.exec(preamble)
  return m ? { year: Number(m[1]), month: Number(m[2]) } : null
}

function statedAccount(preamble: string): string | null {
  const m = /(?:卡号|账号|帐号|账户|帐户|account(?:\s*(?:no\.?|number))?)\s*[:：]\s*\[?([^\s,"\]]+)/i.exec(
    preamble,
  )
  return m ? m[1] : null
}

export interface TableResult {
  statement: RawStatement
  mapping: TableMapping
  warnings: ParseWarning[]
}

export function readTable(
  rows: Row[],
  opts: ParseOptions,
  where: 'line' | 'row' = 'line',
  budget: Budget = NO_BUDGET,
): TableResult {
  let mapping: TableMapping | undefined
  try {
    return readRows(rows, opts, where, budget, (m) => {
      mapping = m
    })
  } catch (e) {
    if (e instanceof ParseFailed && mapping) e.mapping = mapping
    throw e
  }
}

function readRows(
  rows: Row[],
  opts: ParseOptions,
  where: 'line' | 'row',
  budget: Budget,
  expose: (m: TableMapping) => void,
): TableResult {
  const h = findHeader(rows)
  if (h < 0) {
    fail(
      null,
      'header',
      'no header row found: expected columns such as 交易日期 / 日期 and 金额 / 借方 + 贷方 (is this a bank statement?)',
    )
  }
  const headerRow = rows[h]
  const headers = headerRow.cells.map((c) => c.trim())
  const signature = headerSignature(headers)
  const template = opts.templates?.find((t) => t.signature === signature)
  const chosen = opts.mapping ?? template
  const columns: ColumnMapping = chosen ? { ...chosen.columns } : autoMap(headers)
  const source: TableMapping['source'] = opts.mapping ? 'explicit' : template ? 'template' : 'auto'
  const used = new Set<number>(
    Object.values(columns).flatMap((v) => (Array.isArray(v) ? v : v === undefined ? [] : [v])),
  )
  const cellOf = (r: Row, i: number | undefined) => (i === undefined ? '' : (r.cells[i] ?? '').trim())
  const dataRows = rows.slice(h + 1)
  let dateOrder: DateOrder = chosen?.dateOrder ?? 'YMD'
  if (!chosen?.dateOrder) {
    const guess = guessDateOrder(dataRows.map((r) => cellOf(r, columns.date)))
    if (guess) dateOrder = guess
    else if (dataRows.some((r) => /^\d{1,2}[-/.]\d{1,2}[-/.]\d{4}/.test(cellOf(r, columns.date))))
      dateOrder = 'DMY'
  }
  const mapping: TableMapping = {
    headerLine: headerRow.line,
    headers,
    signature,
    columns,
    dateOrder,
    invertSign: chosen?.invertSign ?? false,
    source,
    unmapped: headers.filter((x, i) => x !== '' && !used.has(i)),
    skippedLines: [],
  }
  expose(mapping)
  const hasMoney = columns.amount !== undefined || columns.debit !== undefined || columns.credit !== undefined
  if (columns.date === undefined || !hasMoney) {
    fail(headerRow.line, 'mapping', 'the mapping needs a date column and an amount (or debit/credit) column')
  }
  const preamble = rows
    .slice(0, h)
    .map((r) => r.cells.join(' '))
    .join('\n')
  const period = statedPeriod(preamble)
  const warnings: ParseWarning[] = []
  const lines: RawLine[] = []
  const currencies = new Map<string, number>()
  const label = (i: number | undefined) => (i === undefined ? '' : headers[i] || `column ${i + 1}`)

  const readDate = (row: Row, col: number | undefined): string | null | 'skip' => {
    const raw = cellOf(row, col)
    const d = parseLooseDate(raw, dateOrder)
    if (d.kind === 'date') return d.iso
    if (d.kind === 'not-a-date') return raw === '' ? null : 'skip'
    if (d.kind === 'invalid') return fail(row.line, label(col), d.message)
    const year = period
      ? d.month > period.month
        ? period.year - 1
        : period.year
      : (opts.defaultYear ?? fail(row.line, label(col), `"${raw}" has no year and the file states no period`))
    const iso = `${year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`
    if (parseLooseDate(iso).kind !== 'date') fail(row.line, label(col), `"${raw}" is not a calendar date`)
    return iso
  }

  for (const row of dataRows) {
    budget.tick(row.line)
    if (row.cells.every((c) => c.trim() === '')) continue
    let date = readDate(row, columns.date)
    let valueDate = columns.valueDate === undefined ? null : readDate(row, columns.valueDate)
    if (valueDate === 'skip') valueDate = null
    if (date === null && typeof valueDate === 'string') date = valueDate
    if (date === null || date === 'skip') {
      mapping.skippedLines.push(row.line)
      continue
    }
    let amount: string | null = null
    let currency: string | null = null
    const readAmount = (col: number | undefined): string | null => {
      if (col === undefined) return null
      const a = parseLooseAmount(cellOf(row, col))
      if (a.kind === 'invalid') fail(row.line, label(col), a.message)
      if (a.kind !== 'amount') return null
      if (a.currency) currency = a.currency
      return a.value
    }
    if (columns.amount !== undefined) {
      amount = readAmount(columns.amount)
      if (amount !== null && columns.direction !== undefined) {
        const dir = directionOf(cellOf(row, columns.direction))
        if (dir !== 0) {
          const abs = amount.startsWith('-') ? amount.slice(1) : amount
          amount = dir < 0 ? negateDecimal(abs) : abs
        } else if (cellOf(row, columns.direction) !== '') {
          warnings.push({
            line: row.line,
            field: label(columns.direction),
            message: `direction "${cellOf(row, columns.direction)}" is neither in nor out; amount kept as written`,
          })
        }
      }
    }
    if (amount === null && (columns.debit !== undefined || columns.credit !== undefined)) {
      const out = readAmount(columns.debit)
      const inn = readAmount(columns.credit)
      if (out !== null || inn !== null) {
        const a = toDec(inn ?? '0')
        const b = toDec(out ?? '0')
        if (a && b)
          amount = fromDec(addDec(a, { units: -(b.units < 0n ? -b.units : b.units), scale: b.scale }))
      }
    }
    if (amount === null) {
      fail(
        row.line,
        label(columns.amount ?? columns.debit ?? columns.credit),
        'the line has a date but no amount',
      )
    }
    let signed = amount as string
    if (mapping.invertSign) signed = negateDecimal(signed)
    if (columns.currency !== undefined) currency = normCurrency(cellOf(row, columns.currency)) ?? currency
    currency = currency ?? opts.currency ?? 'CNY'
    currencies.set(currency, (currencies.get(currency) ?? 0) + 1)
    let balanceAfter: string | null = null
    if (columns.balance !== undefined) {
      const b = parseLooseAmount(cellOf(row, columns.balance))
      // the running balance is informational (some exports mask it, e.g. "xx,yyyy.zz"): warn, don't reject
      if (b.kind === 'invalid')
        warnings.push({ line: row.line, field: label(columns.balance), message: b.message })
      if (b.kind === 'amount') balanceAfter = b.value
    }
    const memoParts: string[] = []
    for (const i of columns.memo ?? []) {
      const v = clean(cellOf(row, i))
      if (v && v !== '/' && !/^-+$/.test(v) && !memoParts.includes(v)) memoParts.push(v)
    }
    const text = (i: number | undefined) => {
      const v = clean(cellOf(row, i))
      return v && v !== '/' && !/^-+$/.test(v) ? v : null
    }
    lines.push({
      date,
      valueDate: typeof valueDate === 'string' ? valueDate : null,
      amount: signed,
      currency,
      counterpartyName: text(columns.counterpartyName),
      counterpartyAccount: text(columns.counterpartyAccount),
      reference: text(columns.reference),
      memo: memoParts.length ? memoParts.join(' | ') : null,
      balanceAfter,
      status: 'booked',
      sourceLine: row.line,
    })
  }
  if (!lines.length)
    fail(null, 'lines', `no transaction lines found below the header on ${where} ${headerRow.line}`)
  if (mapping.skippedLines.length) {
    warnings.push({
      line: mapping.skippedLines[0],
      message: `${mapping.skippedLines.length} line(s) below the header skipped as summary/notes (no date)`,
    })
  }
  const mainCurrency = [...currencies.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null
  return {
    statement: {
      accountId: opts.accountId ?? statedAccount(preamble),
      currency: mainCurrency,
      statementId: null,
      openingBalance: null,
      openingDate: null,
      closingBalance: null,
      closingDate: null,
      lines,
    },
    mapping,
    warnings,
  }
}
