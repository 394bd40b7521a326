// The pure side of bank-import (functions/_shared/bank/upload.ts): which statements of a file belong to
// the bank account, currencies, balances of several statements, keys repeated across statements.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseStatement } from '../functions/_shared/bank/index.ts'
import type { ParseSuccess, Statement } from '../functions/_shared/bank/types.ts'
import { lineTotal, sameAccount, toImportPayload } from '../functions/_shared/bank/upload.ts'

const own = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, 'fixtures/bank', name)))
const file = { name: 'f', hash: '0123456789abcdef' }
const ok = async (bytes: Uint8Array) => {
  const r = await parseStatement(bytes)
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r
}

describe('which account a file is for', () => {
  it('compares account numbers loosely: spaces, IBAN tails, masks', () => {
    expect(sameAccount('6222 0000 1111', '622200001111')).toBe(true)
    expect(sameAccount('CN00TEST0000000001', 'TEST0000000001')).toBe(true)
    expect(sameAccount('6222****1111', '6222 5555 1111')).toBe(true)
    expect(sameAccount('6222****1111', '6222 5555 2222')).toBe(false)
    expect(sameAccount('1234', '99991234')).toBe(false)
  })

  it('takes the statement of this account from a file of two, refuses a file of other accounts', async () => {
    const r = await ok(own('camt053-two-statements.xml'))
    const p = toImportPayload(r, { accountNumber: 'CN00TEST0000000001', currency: 'CNY' }, file)
    expect(p.ok && p.lines.length).toBe(3)
    expect(p.ok && p.statement).toMatchObject({ opening_balance: '1000.00', closing_balance: '1200.50' })
    const usd = toImportPayload(r, { accountNumber: 'CN00TEST0000000002', currency: 'USD' }, file)
    expect(usd.ok && usd.lines.map((l) => l.currency)).toEqual(['USD'])
    const none = toImportPayload(r, { accountNumber: '6222 0000 1111', currency: 'CNY' }, file)
    expect(none).toMatchObject({ ok: false, status: 422, errors: [{ field: 'account' }] })
  })

  it('refuses a line in another currency, naming it', async () => {
    const r = await ok(own('camt053-two-statements.xml'))
    const p = toImportPayload(r, { accountNumber: 'CN00TEST0000000002', currency: 'CNY' }, file)
    expect(p).toMatchObject({ ok: false, errors: [{ field: 'currency' }] })
  })
})

describe('several statements in one upload', () => {
  const stmt = (opening: string, closing: string, date: string, amount: string, key: string): Statement => ({
    accountId: null,
    currency: 'CNY',
    statementId: null,
    openingBalance: opening,
    openingDate: date,
    closingBalance: closing,
    closingDate: date,
    lines: [
      {
        date,
        valueDate: null,
        amount,
        currency: 'CNY',
        counterpartyName: null,
        counterpartyAccount: null,
        reference: null,
        memo: null,
        balanceAfter: null,
        status: 'booked',
        dedupeKey: key,
        sourceLine: 1,
      },
    ],
  })
  const parsed = (statements: Statement[]): ParseSuccess => ({
    ok: true,
    format: 'camt',
    encoding: null,
    statements,
    warnings: [],
  })
  const account = { accountNumber: 'X1234567', currency: 'CNY' }

  it('states opening and closing when each statement opens where the previous closed', () => {
    const p = toImportPayload(
      parsed([
        stmt('110.00', '120.00', '2026-01-02', '10.00', 'k'),
        stmt('100.00', '110.00', '2026-01-01', '10.00', 'k'),
      ]),
      account,
      file,
    )
    expect(p.ok && p.statement).toMatchObject({ opening_balance: '100.00', closing_balance: '120.00' })
    // the same key in two statements stays two lines
    expect(p.ok && p.lines.map((l) => l.dedupe_key)).toEqual(['k', 'k#1'])
    expect(p.ok && lineTotal(p.lines)).toBe('20.00')
  })

  it('states no balances when the chain breaks', () => {
    const p = toImportPayload(
      parsed([
        stmt('100.00', '110.00', '2026-01-01', '10.00', 'a'),
        stmt('999.00', '1009.00', '2026-01-02', '10.00', 'b'),
      ]),
      account,
      file,
    )
    expect(p.ok && p.statement).toMatchObject({ opening_balance: null, closing_balance: null })
  })
})
