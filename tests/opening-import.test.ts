// Opening balances from files (supabase/migrations/20261128213644_opening_import.sql): opening stock and
// opening receivables/payables, previewed with per-row errors and posted all or nothing against the
// 期初 suspense account; the CSV/XLSX side through the header mapping and the import edge function.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ImportRow, parseImportFile } from '../functions/_shared/import/rows.ts'
import { ledgerCompany, ledgerViolations, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { stackInfo, superuserDb } from './helpers/stack.ts'

interface ImportResult {
  ok: boolean
  dry_run: boolean
  rows: number
  valid: number
  inserted: number
  errors: Array<{ row: string; field: string | null; message: string }>
  document_id?: string
  number?: string
  voucher_id?: string
  date: string
}
type Any = SupabaseClient

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
const today = shanghaiToday()

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'opening')
})
afterAll(async () => {
  await db?.end()
})

const call = async (who: unknown, fn: string, rows: ImportRow[] | unknown, dryRun = true) => {
  const r = await (who as Any).rpc(fn, { p_rows: rows, p_dry_run: dryRun })
  return r as { data: ImportResult | null; error: { code: string; message: string } | null }
}
const count = async (sql: string) => (await db.query(sql, [co.tenantId])).rows[0].n as number

describe('import_opening_stock', () => {
  const rows = (): ImportRow[] => [
    { _row: 2, sku: 'SKU-1', quantity: '10', unit_cost: '6.50' },
    { _row: 3, sku: 'SKU-2', warehouse: 'WH02', quantity: '3', value: '1,000.00' },
    { _row: 4, sku: 'SKU-3', quantity: '2.5', unit_cost: '4' },
  ]

  it('previews every bad row with its line and field, and a failed or dry run writes nothing', async () => {
    const bad = rows()
    bad[0] = { ...bad[0], sku: 'NOPE' }
    bad[1] = { ...bad[1], warehouse: 'WH99', quantity: '-1' }
    bad.push({ _row: 5, sku: 'SKU-3', quantity: '1' })
    const preview = await call(co.accountant.db, 'import_opening_stock', bad)
    expect(preview.error).toBeNull()
    expect(preview.data).toMatchObject({ ok: false, dry_run: true, rows: 4, valid: 1, inserted: 0 })
    expect(preview.data?.errors.map((e) => [e.row, e.field])).toEqual([
      ['2', 'sku'],
      ['3', 'warehouse'],
      ['3', 'quantity'],
      ['5', 'unit_cost'],
      ['5', 'sku'],
    ])
    const real = await call(co.accountant.db, 'import_opening_stock', bad, false)
    expect(real.data).toMatchObject({ ok: false, inserted: 0 })
    const clean = await call(co.accountant.db, 'import_opening_stock', rows())
    expect(clean.error).toBeNull()
    expect(clean.data).toMatchObject({ ok: true, dry_run: true, valid: 3, inserted: 0, errors: [] })
    expect(await count('select count(*)::int as n from public.stock_moves where tenant_id = $1')).toBe(0)
    expect(
      await count(
        `select count(*)::int as n from public.ledger_documents where tenant_id = $1 and doc_type = 'opening_stock'`,
      ),
    ).toBe(0)
  })

  it('posts the stock at its cost against the opening suspense account, once', async () => {
    const refused = await call(co.warehouse.db, 'import_opening_stock', rows())
    expect(refused.error?.code).toMatch(/^TR10[345]$/)
    const notArray = await call(co.accountant.db, 'import_opening_stock', { sku: 'SKU-1' })
    expect(notArray.error?.code).toBe('TR611')
    const done = await call(co.accountant.db, 'import_opening_stock', rows(), false)
    expect(done.data).toMatchObject({ ok: true, inserted: 3 })
    expect(done.data?.number).toMatch(/^OS-\d{6}-\d{4}$/)
    const levels = await db.query(
      `select i.sku, w.code, sl.quantity::text, sl.value::text from public.stock_levels sl
       join public.items i on i.id = sl.item_id join public.warehouses w on w.id = sl.warehouse_id
       where sl.tenant_id = $1 order by i.sku`,
      [co.tenantId],
    )
    expect(levels.rows).toEqual([
      { sku: 'SKU-1', code: 'WH01', quantity: '10.0000', value: '65.00' },
      { sku: 'SKU-2', code: 'WH02', quantity: '3.0000', value: '1000.00' },
      { sku: 'SKU-3', code: 'WH01', quantity: '2.5000', value: '10.00' },
    ])
    const voucher = await db.query(
      `select a.code, sum(l.debit)::text as debit, sum(l.credit)::text as credit from public.voucher_lines l
       join public.accounts a on a.id = l.account_id where l.voucher_id = $1 group by a.code order by a.code`,
      [done.data?.voucher_id],
    )
    expect(voucher.rows).toEqual([
      { code: '1405', debit: '1075.00', credit: '0.00' },
      { code: '310499', debit: '0.00', credit: '1075.00' },
    ])
    // the stock sells at the imported cost
    const sold = await mustPost(co.warehouse.db, 'delivery', `opening-${process.pid}-${Date.now()}`, {
      date: today,
      customer_id: co.customerId,
      lines: [{ item_id: co.items[0], quantity: '2' }],
    })
    expect(sold.total).toBe(13)
    // no second opening for stock that has moved
    const again = await call(co.accountant.db, 'import_opening_stock', [rows()[0]])
    expect(again.data?.errors).toEqual([expect.objectContaining({ row: '2', field: 'sku' })])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })
})

describe('import_opening_balances', () => {
  it('opens one item per row with its due date, nets to the suspense account, and later receipts settle them', async () => {
    const other = (
      await db.query(
        `insert into public.parties (tenant_id, code, name, is_customer, is_supplier) values ($1, 'B01', '两头公司', true, true) returning id`,
        [co.tenantId],
      )
    ).rows[0].id as string
    const rows: ImportRow[] = [
      {
        _row: 2,
        party: '客户乙',
        document_number: 'INV-001',
        date: '2025/12/5',
        due_date: '2026-01-04',
        amount: '1,130.00',
      },
      { _row: 3, party: '客户乙', document_number: 'INV-002', due_date: '20270301', amount: '200' },
      { _row: 4, party_code: 'S001', document_number: 'BILL-9', amount: '500.00', kind: '应付' },
      { _row: 5, party_code: 'B01', document_number: 'X-1', amount: '50' },
    ]
    const bad: ImportRow[] = [
      ...rows,
      { _row: 6, party: '没有这家', document_number: 'N-1', amount: '1' },
      { _row: 7, party_code: 'S001', document_number: 'N-2', amount: '1', kind: 'receivable' },
      { _row: 8, party: '客户乙', document_number: 'INV-001', amount: '0', due_date: '2026-13-45' },
    ]
    const preview = await call(co.accountant.db, 'import_opening_balances', bad)
    expect(preview.data?.errors.map((e) => [e.row, e.field])).toEqual([
      ['5', 'kind'],
      ['6', 'party'],
      ['7', 'kind'],
      ['8', 'document_number'],
      ['8', 'due_date'],
      ['8', 'amount'],
    ])
    expect(
      await count(
        `select count(*)::int as n from public.open_items where tenant_id = $1 and kind = 'opening'`,
      ),
    ).toBe(0)
    rows[3] = { ...rows[3], kind: 'receivable' }
    const done = await call(co.accountant.db, 'import_opening_balances', rows, false)
    expect(done.data).toMatchObject({ ok: true, inserted: 4 })
    expect(done.data?.number).toMatch(/^OB-\d{6}-\d{4}$/)
    const items = await db.query(
      `select p.code, oi.kind::text, oi.amount::text, oi.due_date::text from public.open_items oi
       join public.parties p on p.id = oi.party_id where oi.tenant_id = $1 and oi.kind = 'opening' order by oi.amount`,
      [co.tenantId],
    )
    expect(items.rows).toEqual([
      { code: 'S001', kind: 'opening', amount: '-500.00', due_date: done.data?.date },
      { code: 'B01', kind: 'opening', amount: '50.00', due_date: done.data?.date },
      { code: 'C001', kind: 'opening', amount: '200.00', due_date: '2027-03-01' },
      { code: 'C001', kind: 'opening', amount: '1130.00', due_date: '2026-01-04' },
    ])
    // 1130 + 200 + 50 receivable − 500 payable = 880.00 credited to the suspense account
    const suspense = await db.query(
      `select sum(l.credit - l.debit)::text as net from public.voucher_lines l join public.accounts a on a.id = l.account_id
       where l.voucher_id = $1 and a.code = '310499'`,
      [done.data?.voucher_id],
    )
    expect(suspense.rows).toEqual([{ net: '880.00' }])
    // the overdue opening invoice shows in the aging; a receipt settles it
    const aging = (await (co.accountant.db as Any).rpc('aging', { p_kind: 'receivable' })).data as Array<{
      party_id: string
      total: number
    }>
    expect(aging.find((a) => a.party_id === co.customerId)?.total).toBe(1330)
    const inv = (
      await db.query(
        `select oi.id from public.open_items oi where oi.tenant_id = $1 and oi.amount = 1130 and oi.kind = 'opening'`,
        [co.tenantId],
      )
    ).rows[0].id
    await mustPost(co.cashier.db, 'customer_receipt', `opening-r-${process.pid}-${Date.now()}`, {
      date: today,
      customer_id: co.customerId,
      amount: '1130.00',
      allocations: [{ open_item_id: inv, amount: '1130.00' }],
    })
    const settled = await db.query('select outstanding::text from public.open_items where id = $1', [inv])
    expect(settled.rows).toEqual([{ outstanding: '0.00' }])
    // imported once: the same documents again are row errors
    const again = await call(co.accountant.db, 'import_opening_balances', rows.slice(0, 1))
    expect(again.data?.errors).toEqual([expect.objectContaining({ row: '2', field: 'document_number' })])
    expect(other).toBeTruthy()
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  })
})

describe('opening balances from files', () => {
  it('maps Chinese headers of a CSV and of an XLSX sheet', async () => {
    const csv = new TextEncoder().encode(
      ['往来单位,单据号,到期日,金额,类型', '客户乙,F-1,2026-12-31,"1,000.00",应收', '客户乙,F-2,,abc,'].join(
        '\r\n',
      ),
    )
    const mapped = await parseImportFile('opening_balances', csv)
    expect(mapped.missing).toEqual([])
    expect(mapped.rows[0]).toEqual({
      _row: 2,
      party: '客户乙',
      document_number: 'F-1',
      due_date: '2026-12-31',
      amount: '1,000.00',
      kind: '应收',
    })
    const r = await call(co.accountant.db, 'import_opening_balances', mapped.rows)
    expect(r.data?.errors.map((e) => [e.row, e.field])).toEqual([['3', 'amount']])
    const stock = await parseImportFile(
      'opening_stock',
      new TextEncoder().encode('存货编码,仓库,期初数量,期初金额\nSKU-4,WH01,5,25.00\n'),
    )
    expect(stock.rows).toEqual([{ _row: 2, sku: 'SKU-4', warehouse: 'WH01', quantity: '5', value: '25.00' }])
  })

  it('the import edge function previews and posts opening stock as the caller', async () => {
    const post = (kind: string, body: string, token: string, query = '') =>
      fetch(`${stackInfo().apiUrl}/functions/v1/import?kind=${kind}${query}`, {
        method: 'POST',
        headers: {
          apikey: stackInfo().anonKey,
          Authorization: `Bearer ${token}`,
          'x-tenant-id': co.tenantId,
          'Content-Type': 'application/octet-stream',
        },
        body: Buffer.from(new TextEncoder().encode(body)),
      })
    const file = '商品编码,数量,单价\nSKU-5,4,2.50\n'
    const preview = await post('opening_stock', file, co.accountant.session.access_token)
    expect(preview.status).toBe(200)
    expect(((await preview.json()) as { result: ImportResult }).result).toMatchObject({
      ok: true,
      dry_run: true,
      inserted: 0,
    })
    const refused = await post('opening_stock', file, co.sales.session.access_token, '&dry_run=false')
    expect(refused.status).toBe(403)
    const written = await post('opening_stock', file, co.accountant.session.access_token, '&dry_run=false')
    expect(((await written.json()) as { result: ImportResult }).result).toMatchObject({
      ok: true,
      inserted: 1,
    })
    const level = await db.query(
      `select sl.value::text from public.stock_levels sl where sl.tenant_id = $1 and sl.item_id = $2`,
      [co.tenantId, co.items[4]],
    )
    expect(level.rows).toEqual([{ value: '10.00' }])
    expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  }, 120_000)
})
