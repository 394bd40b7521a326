// Stable de-duplication keys and the opening + lines = closing check, applied to every format.

import { addDec, cmpDec, fromDec, toDec } from './decimal.ts'
import type { ParseError, RawStatement, Statement, StatementLine } from './types.ts'

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))
/** 8 hex digits of an unsigned 32-bit number, by table (toString(16) + padStart cost more than the hash). */
const hex8 = (n: number) => HEX[n >>> 24] + HEX[(n >>> 16) & 255] + HEX[(n >>> 8) & 255] + HEX[n & 255]

// FNV-1a 64 state, on 32-bit halves (no BigInt): module variables so feeding parts allocates nothing
let hi = 0
let lo = 0
function fnvReset(): void {
  hi = 0xcbf29ce4
  lo = 0x84222325
}
function fnvFeed(s: string): void {
  let h = hi
  let l = lo
  for (let k = 0; k < s.length; k++) {
    l = (l ^ s.charCodeAt(k)) >>> 0
    // h * 0x100000001b3 = h * 0x1b3 + (h << 40), modulo 2^64
    const t = l * 0x1b3
    h = (Math.imul(h, 0x1b3) + Math.floor(t / 0x100000000) + (l << 8)) >>> 0
    l = t >>> 0
  }
  hi = h
  lo = l
}

/**
 * FNV-1a 64 over UTF-16 code units (no async: crypto.subtle costs about 20 µs a call, more than
 * parsing the line). 64 bits is ample for keys compared within one account.
 */
export function stableHash(s: string): string {
  fnvReset()
  fnvFeed(s)
  return hex8(hi) + hex8(lo)
}

const SEP = '\u001f'

/**
 * With a bank reference: ref + date + amount (some exports repeat a reference across lines, so the
 * reference alone would merge distinct lines). Without: date + amount + counterparty + memo. Either
 * way the occurrence index of identical lines within the same day makes true repeats distinct while
 * staying the same on re-import (also of an overlapping period that contains the whole day).
 *
 * The key is stableHash(base + SEP + occurrence). The parts are fed to the hash one by one instead of
 * joined into one string first (the same hash, without a long string per line), and repeats are
 * counted by the hash of the base.
 */
export function withKeys(s: RawStatement): Statement {
  const seen = new Map<string, number>()
  const account = s.accountId ?? ''
  // an explicit literal (one object shape) is several times faster than spreading each line
  const lines: StatementLine[] = s.lines.map((l) => {
    fnvReset()
    if (l.reference) {
      fnvFeed('r')
      fnvFeed(SEP)
      fnvFeed(account)
      fnvFeed(SEP)
      fnvFeed(l.reference)
      fnvFeed(SEP)
      fnvFeed(l.date)
      fnvFeed(SEP)
      fnvFeed(l.amount)
    } else {
      fnvFeed('h')
      fnvFeed(SEP)
      fnvFeed(account)
      fnvFeed(SEP)
      fnvFeed(l.date)
      fnvFeed(SEP)
      fnvFeed(l.amount)
      fnvFeed(SEP)
      fnvFeed(l.counterpartyName ?? '')
      fnvFeed(SEP)
      fnvFeed(l.counterpartyAccount ?? '')
      fnvFeed(SEP)
      fnvFeed(l.memo ?? '')
    }
    // the 64 bits as a 4-character key (one small string, not sixteen hex digits)
    const base = String.fromCharCode(hi >>> 16, hi & 0xffff, lo >>> 16, lo & 0xffff)
    const n = seen.get(base) ?? 0
    seen.set(base, n + 1)
    fnvFeed(SEP)
    fnvFeed(n < 10 ? DIGITS[n] : String(n))
    return {
      date: l.date,
      valueDate: l.valueDate,
      amount: l.amount,
      currency: l.currency,
      counterpartyName: l.counterpartyName,
      counterpartyAccount: l.counterpartyAccount,
      reference: l.reference,
      memo: l.memo,
      balanceAfter: l.balanceAfter,
      status: l.status,
      dedupeKey: `${l.reference ? 'r' : 'h'}:${hex8(hi)}${hex8(lo)}`,
      sourceLine: l.sourceLine,
      ...(l.sourcePath === undefined ? {} : { sourcePath: l.sourcePath }),
    }
  })
  return { ...s, lines }
}
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']

/** opening + Σ booked lines must equal closing when the file states both. */
export function checkBalances(s: RawStatement, index: number): ParseError | null {
  if (s.openingBalance === null || s.closingBalance === null) return null
  let acc = toDec(s.openingBalance)
  const closing = toDec(s.closingBalance)
  if (!acc || !closing) return null
  for (const l of s.lines) {
    if (l.status !== 'booked') continue
    const d = toDec(l.amount)
    if (d) acc = addDec(acc, d)
  }
  if (cmpDec(acc, closing) === 0) return null
  return {
    line: s.lines[s.lines.length - 1]?.sourceLine ?? null,
    field: 'closingBalance',
    message: `statement ${index + 1}${s.statementId ? ` (${s.statementId})` : ''}: opening ${s.openingBalance} + lines = ${fromDec(acc)}, but the closing balance is ${s.closingBalance}`,
  }
}
