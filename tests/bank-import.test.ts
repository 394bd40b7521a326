// Bank statement import (issue 7): bank accounts, import_bank_statement (all or nothing, de-duplicated,
// balances checked) and the bank-import edge function (templates and previews for CSV/XLSX, every
// format of the samples, bad input answered 4xx with nothing written), as signed-in people.
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { colleague } from './helpers/company.ts'
import { ledgerCompany } from './helpers/ledger.ts'
import { stackInfo, superuserDb } from './helpers/stack.ts'

const own = (name: string) =>
  new Uint8Array(readFileSync(resolve(import.meta.dirname, 'fixtures/bank', name)))
const shared = (path: string) =>
  new Uint8Array(readFileSync(join(resolve(import.meta.dirname, '../../shared/fixtures/bank'), path)))
const coldStart = 120_000

type Co = Awaited<ReturnType<typeof ledgerCompany>>
type Who = { session: { access_token: string } }
let db: pg.Client
let co: Co
let other: Co
let bankId: string
let camtBankId: string
let usdBankId: string
let otherBankId: string

async function bankAccount(c: Co, name: string, number: string, currency = 'CNY', code = '100201') {
  const acct = await db.query('select id from public.accounts where tenant_id = $1 and code = $2', [
    c.tenantId,
    code,
  ])
  const { data, error } = await c.accountant.db
    .from('bank_accounts')
    .insert({ tenant_id: c.tenantId, name, account_number: number, currency, account_id: acct.rows[0].id })
    .select('id')
    .single()
  if (error) throw new Error(`${error.code} ${error.message}`)
  return data.id
}

function upload(
  who: Who,
  bytes: Uint8Array,
  query: Record<string, string>,
  tenantId = co.tenantId,
  contentType = 'application/octet-stream',
) {
  return fetch(`${stackInfo().apiUrl}/functions/v1/bank-import?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: {
      apikey: stackInfo().anonKey,
      Authorization: `Bearer ${who.session.access_token}`,
      'x-tenant-id': tenantId,
      'Content-Type': contentType,
    },
    body: Buffer.from(bytes),
  })
}

const lineCount = async (bank: string) =>
  Number(
    (await db.query('select count(*) from public.bank_statement_lines where bank_account_id = $1', [bank]))
      .rows[0].count,
  )

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'bankimp')
  other = await ledgerCompany(db, 'bankimp2')
  // sub-accounts of 1002 for the other bank accounts
  const parent = await db.query(`select id from public.accounts where tenant_id = $1 and code = '1002'`, [
    co.tenantId,
  ])
  for (const [code, name] of [
    ['100202', '一般户'],
    ['100203', '美元户'],
  ])
    await db.query(
      `insert into public.accounts (tenant_id, code, name, parent_id, type, direction)
       values ($1, $2, $3, $4, 'asset', 'debit')`,
      [co.tenantId, code, name, parent.rows[0].id],
    )
  bankId = await bankAccount(co, '工行基本户', '6222 0000 1111')
  camtBankId = await bankAccount(co, '测试 IBAN 户', 'CN00TEST0000000001', 'CNY', '100202')
  usdBankId = await bankAccount(co, '美元户', 'DE00123456780000001234', 'EUR', '100203')
  otherBankId = await bankAccount(other, '别家的户', '9999 0000 1111')
}, 120_000)

afterAll(async () => {
  await db?.end()
})

describe('bank accounts', () => {
  it('must be booked on a leaf account under 1002, unique per company', async () => {
    const cash = await db.query(`select id from public.accounts where tenant_id = $1 and code = '1001'`, [
      co.tenantId,
    ])
    const parent = await db.query(`select id from public.accounts where tenant_id = $1 and code = '1002'`, [
      co.tenantId,
    ])
    for (const id of [cash.rows[0].id, parent.rows[0].id]) {
      const { error } = await co.accountant.db
        .from('bank_accounts')
        .insert({ tenant_id: co.tenantId, name: 'x', account_number: '12345678', account_id: id })
      expect(error).toMatchObject({ code: 'TR820', hint: 'account_id' })
    }
    const leaf = await db.query(`select id from public.accounts where tenant_id = $1 and code = '100201'`, [
      co.tenantId,
    ])
    const dup = await co.accountant.db.from('bank_accounts').insert({
      tenant_id: co.tenantId,
      name: 'x',
      account_number: '6222 0000 1111',
      account_id: leaf.rows[0].id,
    })
    expect(dup.error?.code).toBe('23505')
    const sales = await co.sales.db
      .from('bank_accounts')
      .insert({ tenant_id: co.tenantId, name: 'x', account_number: '87654321', account_id: leaf.rows[0].id })
    expect(sales.error?.code).toBe('42501')
  })
})

describe('import_bank_statement', () => {
  const header = (hash: string) => ({ file_name: 'api.csv', file_hash: hash, format: 'csv' })
  const line = (n: number, extra: object = {}) => ({
    date: `2026-03-0${n}`,
    amount: `${n}.00`,
    dedupe_key: `api:${n}`,
    ...extra,
  })

  it('writes all lines or none, naming the line and field', async () => {
    const bad = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bankId,
      p_statement: header('aaaaaaaaaaaaaaa1'),
      p_lines: [line(1), line(2, { date: '2026-02-30', source_line: 7 }), line(3)],
    })
    expect(bad.error).toMatchObject({ code: 'TR823', hint: 'lines[2].date' })
    expect(bad.error?.message).toContain('file line 7')
    const amount = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bankId,
      p_statement: header('aaaaaaaaaaaaaaa1'),
      p_lines: [line(1), line(2, { amount: '1.005' })],
    })
    expect(amount.error).toMatchObject({ code: 'TR823', hint: 'lines[2].amount' })
    expect(await lineCount(bankId)).toBe(0)
    const statements = await db.query(
      'select count(*) from public.bank_statements where bank_account_id = $1',
      [bankId],
    )
    expect(statements.rows[0].count).toBe('0')
  })

  it('checks opening + lines = closing', async () => {
    const { error } = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bankId,
      p_statement: { ...header('aaaaaaaaaaaaaaa2'), opening_balance: '100.00', closing_balance: '104.00' },
      p_lines: [line(1), line(2)],
    })
    expect(error).toMatchObject({ code: 'TR824', hint: 'closing_balance' })
    const ok = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bankId,
      p_statement: { ...header('aaaaaaaaaaaaaaa2'), opening_balance: '100.00', closing_balance: '103.00' },
      p_lines: [line(1), line(2)],
    })
    expect(ok.error).toBeNull()
    expect(ok.data).toMatchObject({ imported: 2, skipped: 0, duplicate_file: false })
  })

  it('adds nothing twice: the same file, and overlapping lines of another file', async () => {
    const again = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bankId,
      p_statement: header('aaaaaaaaaaaaaaa2'),
      p_lines: [line(1), line(2)],
    })
    expect(again.data).toMatchObject({ imported: 0, skipped: 2, duplicate_file: true })
    const overlap = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: bankId,
      p_statement: header('aaaaaaaaaaaaaaa3'),
      p_lines: [line(2), line(3)],
    })
    expect(overlap.data).toMatchObject({ imported: 1, skipped: 1 })
    expect(await lineCount(bankId)).toBe(3)
  })

  it('refuses people without the right and bank accounts of other companies', async () => {
    const sales = await co.sales.db.rpc('import_bank_statement', {
      p_bank_account_id: bankId,
      p_statement: header('aaaaaaaaaaaaaaa4'),
      p_lines: [line(4)],
    })
    expect(sales.error?.code).toBe('TR104')
    const foreign = await co.cashier.db.rpc('import_bank_statement', {
      p_bank_account_id: otherBankId,
      p_statement: header('aaaaaaaaaaaaaaa4'),
      p_lines: [line(4)],
    })
    expect(foreign.error).toMatchObject({ code: 'TR821', hint: 'bank_account_id' })
    expect(await lineCount(otherBankId)).toBe(0)
  })

  it('lets nobody edit or add lines directly', async () => {
    const id = (
      await db.query('select id from public.bank_statement_lines where bank_account_id = $1 limit 1', [
        bankId,
      ])
    ).rows[0].id
    const upd = await co.accountant.db
      .from('bank_statement_lines')
      .update({ status: 'reconciled' })
      .eq('id', id)
      .select()
    expect(upd.error?.code ?? (upd.data ?? []).length).not.toBe(1)
    const row = await db.query('select status from public.bank_statement_lines where id = $1', [id])
    expect(row.rows[0].status).toBe('unmatched')
  })
})

describe('the bank-import edge function', () => {
  it(
    'previews a new CSV layout, imports on confirm, saves the template and reuses it',
    async () => {
      const first = await upload(co.cashier, own('duplicates.csv'), {
        bank_account_id: bankId,
        file_name: 'duplicates.csv',
      })
      expect(first.status).toBe(200)
      const preview = await first.json()
      expect(preview).toMatchObject({
        preview: true,
        line_count: 3,
        total: '-9.00',
        mapping: { source: 'auto' },
      })
      const before = await lineCount(bankId)
      expect(before).toBe(3)
      const confirmed = await upload(co.cashier, own('duplicates.csv'), {
        bank_account_id: bankId,
        file_name: 'duplicates.csv',
        confirm: 'true',
        mapping: JSON.stringify({ columns: preview.mapping.columns }),
      })
      const body = await confirmed.json()
      expect(confirmed.status, JSON.stringify(body)).toBe(200)
      expect(body.result).toMatchObject({ imported: 3, skipped: 0 })
      const templates = await co.cashier.db.from('bank_statement_templates').select('signature, columns')
      expect(templates.data).toHaveLength(1)
      // the overlapping file has the same header: the template maps it, no preview; its 2026-01-06 line is known
      const next = await upload(co.cashier, own('overlap.csv'), {
        bank_account_id: bankId,
        file_name: 'overlap.csv',
      })
      const nb = await next.json()
      expect(next.status, JSON.stringify(nb)).toBe(200)
      expect(nb).toMatchObject({ mapping: { source: 'template' }, result: { imported: 1, skipped: 1 } })
      const same = await upload(co.cashier, own('overlap.csv'), {
        bank_account_id: bankId,
        file_name: 'again.csv',
      })
      expect((await same.json()).result).toMatchObject({ imported: 0, duplicate_file: true })
      expect(await lineCount(bankId)).toBe(before + 4)
    },
    coldStart,
  )

  it('takes multipart uploads, and the statement of this account from a CAMT file of two', async () => {
    const form = new FormData()
    form.set('file', new Blob([Buffer.from(own('camt053-two-statements.xml'))]), 'camt.xml')
    form.set('bank_account_id', camtBankId)
    const res = await fetch(`${stackInfo().apiUrl}/functions/v1/bank-import`, {
      method: 'POST',
      headers: {
        apikey: stackInfo().anonKey,
        Authorization: `Bearer ${co.cashier.session.access_token}`,
        'x-tenant-id': co.tenantId,
      },
      body: form,
    })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ format: 'camt', result: { imported: 3 } })
    const st = await co.cashier.db
      .from('bank_statements')
      .select('file_name, opening_balance, closing_balance, period_start, period_end')
      .eq('bank_account_id', camtBankId)
      .single()
    expect(st.data).toMatchObject({
      file_name: 'camt.xml',
      opening_balance: 1000,
      closing_balance: 1200.5,
      period_start: '2026-01-01',
      period_end: '2026-01-31',
    })
    const pending = await co.cashier.db
      .from('bank_statement_lines')
      .select('amount, booked')
      .eq('bank_account_id', camtBankId)
      .eq('booked', false)
    expect(pending.data).toEqual([{ amount: -999, booked: false }])
  })

  it('imports MT940 with its quirks (Latin-1, 30 February value date), refuses it for the wrong account', async () => {
    const wrong = await upload(co.cashier, own('quirks-latin1.sta'), { bank_account_id: bankId })
    expect(wrong.status).toBe(422)
    expect(await wrong.json()).toMatchObject({ code: 'rejected_statement', errors: [{ field: 'account' }] })
    const res = await upload(co.cashier, own('quirks-latin1.sta'), { bank_account_id: usdBankId })
    const body = await res.json()
    expect(res.status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ format: 'mt940', result: { imported: 2 } })
    const lines = await co.cashier.db
      .from('bank_statement_lines')
      .select('amount, counterparty_name, memo')
      .eq('bank_account_id', usdBankId)
      .order('line_no')
    expect(lines.data?.[1]).toMatchObject({ amount: 200, counterparty_name: 'Kunde AG' })
  })

  it('handles every public sample in the formats the company has accounts for', async () => {
    // a fresh account per file so that no de-duplication hides a failure
    const samples: Array<[string, string, string]> = [
      ['cn-csv/double-entry-generator/icbc/debit-v2/example-icbc-debit-v2-records.gbk.csv', 'CNY', 'csv'],
      ['cn-csv/double-entry-generator/wechat/example-wechat-records.xlsx', 'CNY', 'xlsx'],
      ['cn-csv/double-entry-generator/alipay/example-alipay-records.csv', 'CNY', 'csv'],
      ['mt940/mt940/sberbank/171011_01234945.sta', 'HUF', 'mt940'],
      ['mt940/mt940/mBank/mt942.sta', 'PLN', 'mt942'],
      ['ofx/ofxparse/checking.ofx', 'USD', 'ofx'],
      ['camt/camt/camt053.v2.multi.statement.xml', 'EUR', 'camt'],
    ]
    const parent = await db.query(`select id from public.accounts where tenant_id = $1 and code = '1002'`, [
      co.tenantId,
    ])
    let n = 10
    for (const [path, currency, format] of samples) {
      n++
      await db.query(
        `insert into public.accounts (tenant_id, code, name, parent_id, type, direction)
         values ($1, $2, $3, $4, 'asset', 'debit')`,
        [co.tenantId, `1002${n}`, `样例 ${n}`, parent.rows[0].id],
      )
      const id = await bankAccount(co, `样例 ${n}`, `SAMPLE${n}00`, currency, `1002${n}`)
      let res: Response | null = null
      let body: {
        preview?: boolean
        format?: string
        result?: { imported: number }
        errors?: Array<{ field: string; message: string }>
      } = {}
      for (let attempt = 0; attempt < 3; attempt++) {
        res = await upload(co.cashier, shared(path), {
          bank_account_id: id,
          file_name: path,
          confirm: 'true',
        })
        body = await res.json()
        // a file naming another account is refused for ours: then ours is that one
        if (res.status !== 422 || body.errors?.[0]?.field !== 'account') break
        const named = /account (.+?), not/.exec(body.errors[0].message)?.[1].split(', ')[0] as string
        const unmasked = named.replace(/\*/g, '0')
        const renamed = await co.accountant.db
          .from('bank_accounts')
          .update({ account_number: unmasked })
          .eq('id', id)
        expect(renamed.error).toBeNull()
      }
      res = res as Response
      expect(res.status, `${path}: ${JSON.stringify(body)}`).toBe(200)
      expect(body.format, path).toBe(format)
      expect(body.result?.imported, path).toBeGreaterThan(0)
      expect(await lineCount(id), path).toBe(body.result?.imported)
    }
  }, 120_000)

  describe('bad input: a 4xx JSON error naming the problem, no rows, the function keeps serving', () => {
    const truncatedXml = own('camt053-two-statements.xml').subarray(0, 700)
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256)
    const cases: Array<[string, () => Uint8Array, number, RegExp]> = [
      ['an empty file', () => new Uint8Array(), 400, /empty/],
      ['binary garbage', () => garbage, 422, /binary/],
      ['truncated XML', () => truncatedXml, 422, /./],
      ['30 February', () => own('feb30.csv'), 422, /2026-02-30/],
      ['a wrong amount', () => own('bad-amount.csv'), 422, /12\.\.5/],
      ['a balance that does not add up', () => own('mismatch.sta'), 422, /closing/],
      [
        'legacy .xls',
        () => shared('cn-csv/double-entry-generator/citic/credit/example-citic-records.xls'),
        422,
        /xls/,
      ],
      [
        'wrong encoding (GBK read as declared UTF-16)',
        () => new Uint8Array([0xff, 0xfe, 0xbd, 0xbb, 0xd2]),
        422,
        /./,
      ],
    ]
    for (const [what, bytes, status, message] of cases) {
      it(what, async () => {
        const before = await lineCount(bankId)
        const res = await upload(co.cashier, bytes(), { bank_account_id: bankId, confirm: 'true' })
        const body = await res.json()
        expect(res.status, JSON.stringify(body)).toBe(status)
        expect(body.code).toBeTruthy()
        expect(body.message).toMatch(message)
        expect(await lineCount(bankId)).toBe(before)
      })
    }

    it('a 50 MB file: 413', async () => {
      const big = new Uint8Array(50 * 1024 * 1024).fill(0x41)
      const res = await upload(co.cashier, big, { bank_account_id: bankId })
      expect(res.status).toBe(413)
      expect((await res.json()).message).toMatch(/larger than/)
    })

    it('a file for another company’s account: 404, nothing written there', async () => {
      const res = await upload(co.cashier, own('overlap.csv'), {
        bank_account_id: otherBankId,
        confirm: 'true',
      })
      expect(res.status).toBe(404)
      expect(await res.json()).toMatchObject({ code: 'unknown_bank_account' })
      expect(await lineCount(otherBankId)).toBe(0)
    })

    it('no bank account id, someone without the right, no JWT', async () => {
      const none = await upload(co.cashier, own('overlap.csv'), {})
      expect(none.status).toBe(400)
      expect((await none.json()).message).toMatch(/bank_account_id/)
      const employee = await colleague(db, co.tenantId, 'employee', 'bankimp-emp')
      const refused = await upload(employee, own('overlap.csv'), { bank_account_id: bankId })
      expect(refused.status).toBe(404)
      const anon = await fetch(`${stackInfo().apiUrl}/functions/v1/bank-import`, { method: 'POST' })
      expect(anon.status).toBe(401)
    })

    it('and still serves afterwards', async () => {
      const res = await upload(co.cashier, own('overlap.csv'), { bank_account_id: bankId })
      expect(res.status).toBe(200)
      expect((await res.json()).result).toMatchObject({ duplicate_file: true })
      const wrong = await upload(co.cashier, own('gbk-debit-credit.csv'), { bank_account_id: bankId })
      expect(wrong.status).toBe(422)
      expect((await wrong.json()).message).toMatch(/account 3100/)
    })
  })
})
