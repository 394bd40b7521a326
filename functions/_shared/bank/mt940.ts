// SWIFT MT940 (customer statement) and MT942 (interim report) reader, tolerant of the quirks seen in
// real files: SWIFT block wrappers, 30 February, wrapped :86: lines, missing final CRLF, stray
// binary characters, ISO-8859-1 text, missing entry dates.

import { normDecimal } from './decimal.ts'
import { clean, daysInMonth } from './text.ts'
import { type Budget, fail, NO_BUDGET, type ParseWarning, type RawLine, type RawStatement } from './types.ts'

interface Field {
  tag: string
  value: string
  line: number
}

const TAGS = new Set([
  '20',
  '21',
  '25',
  '25P',
  '28',
  '28C',
  '34F',
  '13',
  '13D',
  '60F',
  '60M',
  '61',
  '86',
  '62F',
  '62M',
  '64',
  '65',
  '90D',
  '90C',
  'NS',
])

function splitFields(text: string, warnings: ParseWarning[], budget: Budget): Field[] {
  const fields: Field[] = []
  const lines = text.split(/\r\n|\r|\n/)
  lines.forEach((raw, idx) => {
    let l = raw
    const lineNo = idx + 1
    budget.tick(lineNo)
    // {1:...}{2:...}{3:...}{4: header on its own or in front of the first field
    if (l.startsWith('{')) {
      const i = l.indexOf('{4:')
      if (i >= 0) l = l.slice(i + 3)
      else if (/^\{\d:/.test(l)) return
    }
    // the end markers start with '-', '}' or '{', a field with ':' (no RegExp for the other lines)
    const c0 = l.charCodeAt(0)
    if ((c0 === 45 || c0 === 125 || c0 === 123) && (/^-\}?(\{5:.*)?\s*$/.test(l) || /^\}?\{5:/.test(l))) {
      fields.push({ tag: '-', value: '', line: lineNo })
      return
    }
    const m = c0 === 58 ? /^:(\d{2}[A-Z]?|NS):(.*)$/.exec(l) : null
    if (m && TAGS.has(m[1])) {
      fields.push({ tag: m[1], value: m[2], line: lineNo })
    } else if (fields.length && fields[fields.length - 1].tag !== '-') {
      fields[fields.length - 1].value += `\n${l}`
    } else if (l.trim() !== '') {
      // transmission headers (":940:", "ABNANL2A", "0000 01INGBNL2AXXXX…") before the first field
      warnings.push({ line: lineNo, message: `text outside an MT940 field ignored: "${l.slice(0, 40)}"` })
    }
  })
  return fields
}

function firstLine(v: string): string {
  const i = v.indexOf('\n')
  return i < 0 ? v : v.slice(0, i)
}

function year2(yy: string): number {
  const n = Number(yy)
  return n < 80 ? 2000 + n : 1900 + n
}

function mtDate(
  y: number,
  m: number,
  d: number,
  line: number,
  field: string,
  warnings: ParseWarning[],
): string {
  if (m < 1 || m > 12 || d < 1 || d > 31) fail(line, field, `invalid date ${y}-${m}-${d}`)
  const last = daysInMonth(y, m)
  let day = d
  if (d > last) {
    // German banks book interest on "30 February"; it means the last day of the month
    warnings.push({
      line,
      field,
      message: `date ${y}-${m}-${d} does not exist; read as the last day of the month`,
    })
    day = last
  }
  const key = y * 10000 + m * 100 + day
  let iso = ISO.get(key)
  if (iso === undefined) {
    iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    if (ISO.size > 4096) ISO.clear()
    ISO.set(key, iso)
  }
  return iso
}
/** ISO text of the dates already seen (a statement has few distinct days); bounded. */
const ISO = new Map<number, string>()

function mtAmount(raw: string, line: number, field: string): string {
  const s = raw.trim().replace(',', '.')
  const v = /^\d+(\.\d*)?$/.test(s) ? normDecimal(s.endsWith('.') ? `${s}0` : s) : null
  if (v === null) fail(line, field, `"${raw}" is not an MT940 amount`)
  return v as string
}

interface Balance {
  amount: string
  date: string
  currency: string | null
}

function readBalance(f: Field, warnings: ParseWarning[]): Balance {
  const m = /^\s*([CD])(\d{6})([A-Z]{3})?([\d,]+)\s*$/.exec(firstLine(f.value))
  if (!m) fail(f.line, f.tag, `balance "${f.value.trim()}" is not C/D + YYMMDD + currency + amount`)
  const mm = m as RegExpExecArray
  const amt = mtAmount(mm[4], f.line, f.tag)
  const date = mtDate(
    year2(mm[2].slice(0, 2)),
    Number(mm[2].slice(2, 4)),
    Number(mm[2].slice(4)),
    f.line,
    f.tag,
    warnings,
  )
  return { amount: mm[1] === 'D' && !/^0\.0+$/.test(amt) ? `-${amt}` : amt, date, currency: mm[3] ?? null }
}

const LINE_61 =
  /^(\d{6})(\d{4}|\s{4})?(RC|RD|EC|ED|C|D)([A-Z])?(\d[\d,]*)(?:([A-Z][A-Z0-9 ]{3})([^\n]*?)(?:\/\/([^\n]*))?)?\s*(?:\n([\s\S]*))?$/

/** German structured :86: (GVC?00…?63) and Dutch /NAME/…/IBAN/… details. */
const PURPOSE_KEYS = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 60, 61, 62, 63]
/** subfield values by number, emptied after each use (the numbers written are in `touched`) */
const SUB: string[] = new Array(100).fill('')
const touched: number[] = []

function readDetails(raw: string): { name: string | null; account: string | null; memo: string | null } {
  const joined = raw.indexOf('\n') < 0 ? raw : raw.replace(/\r?\n/g, '')
  const trimmed = joined.trim()
  const sep = /^\d{3}([?>])/.exec(trimmed)?.[1]
  if (sep) {
    // subfields ?nn (or >nn), read by indexOf into a table by number: a separator not followed by
    // two digits starts nothing, and a value runs to the next separator
    const sub = SUB
    const c = sep.charCodeAt(0)
    for (let i = trimmed.indexOf(sep, 3); i >= 0; ) {
      const d1 = trimmed.charCodeAt(i + 1) - 48
      const d2 = trimmed.charCodeAt(i + 2) - 48
      if (d1 >= 0 && d1 <= 9 && d2 >= 0 && d2 <= 9) {
        let next = i + 3
        while (next < trimmed.length && trimmed.charCodeAt(next) !== c) next++
        const k = d1 * 10 + d2
        if (!sub[k]) touched.push(k)
        sub[k] += trimmed.slice(i + 3, next)
        i = next < trimmed.length ? next : -1
      } else i = trimmed.indexOf(sep, i + 1)
    }
    let purpose = ''
    for (const k of PURPOSE_KEYS) if (sub[k]) purpose += sub[k]
    const posting = sub[0]
    const memo = posting.trim() ? (purpose.trim() ? `${posting} | ${purpose}` : posting) : purpose
    const acct = sub[30] && sub[31] ? `${sub[30]}/${sub[31]}` : sub[30] || sub[31] || ''
    const name = sub[32] + sub[33]
    for (const k of touched) sub[k] = ''
    touched.length = 0
    return { name: clean(name), account: clean(acct), memo: clean(memo) }
  }
  if (/\/(NAME|IBAN|REMI|CNTP)\//.test(joined)) {
    const cntp = /\/CNTP\/([^/]*)\/([^/]*)\/([^/]*)\//.exec(joined)
    const name = cntp?.[3] ?? /\/NAME\/([^/]*)/.exec(joined)?.[1] ?? null
    const account = cntp?.[1] ?? /\/IBAN\/([^/]*)/.exec(joined)?.[1] ?? null
    const remi = /\/REMI\/(?:USTD\/\/|STRD\/CUR\/)?([^/]*)/.exec(joined)?.[1] ?? null
    return { name: clean(name), account: clean(account), memo: clean(remi ?? raw.replace(/\r?\n/g, ' ')) }
  }
  return { name: null, account: null, memo: clean(raw.replace(/\r?\n/g, ' ')) }
}

export interface Mt940Result {
  statements: RawStatement[]
  warnings: ParseWarning[]
  kind: 'mt940' | 'mt942'
}

export function parseMt940(text: string, budget: Budget = NO_BUDGET): Mt940Result {
  const warnings: ParseWarning[] = []
  const fields = splitFields(text, warnings, budget)
  if (!fields.some((f) => f.tag !== '-')) fail(1, 'file', 'no MT940 fields (:20:, :25:, :60F: …) found')
  const kind = fields.some((f) => f.tag === '13D' || f.tag === '34F' || f.tag === '13') ? 'mt942' : 'mt940'
  const statements: RawStatement[] = []
  let cur = null as RawStatement | null
  let lastLine = null as RawLine | null
  const start = (): RawStatement => {
    const s: RawStatement = {
      accountId: cur?.accountId ?? null,
      currency: cur?.currency ?? null,
      statementId: cur?.statementId ?? null,
      openingBalance: null,
      openingDate: null,
      closingBalance: null,
      closingDate: null,
      lines: [],
    }
    statements.push(s)
    cur = s
    lastLine = null
    return s
  }
  const ensure = (): RawStatement => cur ?? start()
  for (const f of fields) {
    switch (f.tag) {
      case '-':
        cur = null
        lastLine = null
        break
      case '20': {
        const s = cur && !cur.openingBalance && !cur.lines.length && !cur.statementId ? cur : start()
        s.accountId = null
        s.statementId = clean(f.value)
        break
      }
      case '25':
      case '25P': {
        const s = ensure()
        const acct = clean(firstLine(f.value)) ?? ''
        const m = /^(.*\d)([A-Z]{3})$/.exec(acct)
        s.accountId = m ? m[1] : acct
        if (m && !s.currency) s.currency = m[2]
        break
      }
      case '28':
      case '28C':
        ensure()
        break
      case '34F': {
        const s = ensure()
        const m = /^([A-Z]{3})/.exec(f.value.trim())
        if (m) s.currency = m[1]
        break
      }
      case '60F':
      case '60M': {
        let s = ensure()
        if (s.openingBalance !== null || s.lines.length) s = start()
        const b = readBalance(f, warnings)
        s.openingBalance = b.amount
        s.openingDate = b.date
        s.currency = b.currency ?? s.currency
        break
      }
      case '62F':
      case '62M': {
        const s = ensure()
        const b = readBalance(f, warnings)
        s.closingBalance = b.amount
        s.closingDate = b.date
        s.currency = s.currency ?? b.currency
        break
      }
      case '61': {
        const s = ensure()
        const v = f.value.replace(/^\s+/, '')
        // the :61: pattern backtracks; real lines are < 100 characters plus a 34-character continuation
        if (v.length > 2000) fail(f.line, '61', 'statement line is longer than 2000 characters')
        const m = LINE_61.exec(v)
        if (!m) fail(f.line, '61', `statement line "${v.split('\n')[0]}" cannot be read`)
        const mm = m as RegExpExecArray
        const vy = year2(mm[1].slice(0, 2))
        const valueDate = mtDate(
          vy,
          Number(mm[1].slice(2, 4)),
          Number(mm[1].slice(4)),
          f.line,
          '61',
          warnings,
        )
        let date = valueDate
        if (mm[2]?.trim()) {
          const em = Number(mm[2].slice(0, 2))
          const ed = Number(mm[2].slice(2))
          const vm = Number(mm[1].slice(2, 4))
          // entry date has no year: the one closest to the value date
          const ey = em - vm > 6 ? vy - 1 : vm - em > 6 ? vy + 1 : vy
          date = mtDate(ey, em, ed, f.line, '61', warnings)
        }
        const amount = mtAmount(mm[5], f.line, '61')
        const debit = mm[3] === 'D' || mm[3] === 'RC' || mm[3] === 'ED'
        const custRef = clean(mm[7] ?? null)
        const bankRef = clean(mm[8] ?? null)
        const extra = clean(mm[9] ?? null)
        const line: RawLine = {
          date,
          valueDate,
          amount: debit && !/^0\.0+$/.test(amount) ? `-${amount}` : amount,
          currency: s.currency,
          counterpartyName: null,
          counterpartyAccount: null,
          reference: bankRef && bankRef !== 'NONREF' ? bankRef : null,
          memo: [custRef && custRef !== 'NONREF' ? custRef : null, extra].filter(Boolean).join(' | ') || null,
          balanceAfter: null,
          status: 'booked',
          sourceLine: f.line,
        }
        s.lines.push(line)
        lastLine = line
        break
      }
      case '86': {
        const s = ensure()
        if (!lastLine) {
          if (!s.statementId) s.statementId = clean(f.value)
          break
        }
        const d = readDetails(f.value)
        const l = lastLine as RawLine
        l.counterpartyName = l.counterpartyName ?? d.name
        l.counterpartyAccount = l.counterpartyAccount ?? d.account
        l.memo = [l.memo, d.memo].filter(Boolean).join(' | ') || null
        break
      }
      default:
        break
    }
  }
  for (const s of statements) for (const l of s.lines) l.currency = l.currency ?? s.currency
  return { statements, warnings, kind }
}
