// Red-letter (红字) invoices for PART of an issued invoice (issue 7): some lines, part of a quantity,
// part of an amount; VAT per line as on every line; never more than is left on each line, checked by
// the database (trigger on tax_invoice_lines) whatever writes the lines; the full red invoice takes what
// is left after partial ones.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerCompany, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let other: Awaited<ReturnType<typeof ledgerCompany>>
let original: string
const today = shanghaiToday()
const taxCode = '3040201010000000000'

interface Line {
  line_no: number
  quantity: number | null
  unit_price: number | null
  amount: number
  tax: number
  tax_rate: number
  original_line_id: string | null
}

async function red(id: string) {
  const r = await co.accountant.db
    .from('tax_invoices')
    .select(
      'is_red, original_id, status, amount, tax, total, tax_invoice_lines(line_no, quantity, unit_price, amount, tax, tax_rate, original_line_id)',
    )
    .eq('id', id)
    .single()
  expect(r.error).toBeNull()
  const lines = (r.data?.tax_invoice_lines ?? []) as Line[]
  lines.sort((a, b) => a.line_no - b.line_no)
  return { ...r.data, tax_invoice_lines: lines }
}

async function issue(c: typeof co, lines: object[]): Promise<string> {
  const doc = await mustPost(c.accountant.db, 'sales_invoice', `red-si-${c.tenantId}-${Math.random()}`, {
    date: today,
    customer_id: c.customerId,
    lines,
  })
  const prepared = await c.accountant.db.rpc('prepare_tax_invoice', { p_document_id: doc.document_id })
  expect(prepared.error).toBeNull()
  const number = `26${String(Date.now()).slice(-13)}${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`
  const issued = await c.accountant.db.rpc('record_tax_invoice_number', {
    p_invoice_id: prepared.data as string,
    p_invoice_number: number,
  })
  expect(issued.error).toBeNull()
  return prepared.data as string
}

beforeAll(async () => {
  db = await superuserDb()
  ;[co, other] = await Promise.all([ledgerCompany(db, 'taxred'), ledgerCompany(db, 'taxred2')])
  for (const c of [co, other]) {
    await db.query('update public.items set tax_classification_code = $2 where tenant_id = $1', [
      c.tenantId,
      taxCode,
    ])
  }
  // line 1: 3 × 100.00 excl. tax (113.00 incl. 13 %) = 300.00 + 39.00; line 2: 2 × 56.50 incl. = 100.00 + 13.00
  original = await issue(co, [
    { item_id: co.items[0], quantity: '3', unit_price: '113.00' },
    { item_id: co.items[1], quantity: '2', unit_price: '56.50' },
  ])
}, 120_000)

afterAll(async () => {
  await db?.end()
})

describe('partial red-letter invoices', () => {
  it('credits part of a line by quantity, with the VAT of the line rule, linked to the original line', async () => {
    const lines = await db.query(
      'select id, line_no, amount, tax from public.tax_invoice_lines where invoice_id = $1 order by line_no',
      [original],
    )
    expect(lines.rows.map((l) => [l.line_no, Number(l.amount), Number(l.tax)])).toEqual([
      [1, 300, 39],
      [2, 100, 13],
    ])
    const r = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销货退回',
      p_lines: [{ line_no: 1, quantity: '1' }],
    })
    expect(r.error).toBeNull()
    expect(await red(r.data as string)).toMatchObject({
      is_red: true,
      original_id: original,
      status: 'prepared',
      amount: -100,
      tax: -13,
      total: -113,
      tax_invoice_lines: [
        {
          line_no: 1,
          quantity: -1,
          unit_price: 100,
          amount: -100,
          tax: -13,
          tax_rate: 0.13,
          original_line_id: lines.rows[0].id,
        },
      ],
    })
  })

  it('credits an allowance by amount or by total, and refuses more than is left on a line', async () => {
    const byAmount = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销售折让',
      p_lines: [{ line_no: 2, amount: '10.01' }],
    })
    expect(byAmount.error).toBeNull()
    expect(await red(byAmount.data as string)).toMatchObject({
      amount: -10.01,
      tax: -1.3,
      total: -11.31,
      tax_invoice_lines: [{ line_no: 1, quantity: null, amount: -10.01, tax: -1.3 }],
    })
    const byTotal = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销售折让',
      p_lines: [{ line_no: 2, total: '11.30' }],
    })
    expect(byTotal.error).toBeNull()
    expect(await red(byTotal.data as string)).toMatchObject({ amount: -10, tax: -1.3, total: -11.3 })
    // line 2 had 100.00 + 13.00; 20.01 + 2.60 are credited: 79.99 + 10.40 left
    const tooMuch = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销售折让',
      p_lines: [{ line_no: 2, amount: '80.00' }],
    })
    expect(tooMuch.error).toMatchObject({ code: 'TR847', hint: 'lines[1].amount' })
    expect(tooMuch.error?.message).toMatch(/79\.99/)
    // line 1 had 3; 1 credited: 2 left
    const tooMany = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销货退回',
      p_lines: [
        { line_no: 2, amount: '1.00' },
        { line_no: 1, quantity: '2.5' },
      ],
    })
    expect(tooMany.error).toMatchObject({ code: 'TR847', hint: 'lines[2].quantity' })
    // nothing of a refused call stays behind (the valid first line neither)
    const reds = await db.query('select count(*)::int n from public.tax_invoices where original_id = $1', [
      original,
    ])
    expect(reds.rows[0].n).toBe(3)
  })

  it('refuses lines that are not on the original, named twice, with no or several measures, or not positive', async () => {
    const cases: [Record<string, string | number>[], string][] = [
      [[{ line_no: 9, quantity: '1' }], 'lines[1].line_no'],
      [
        [
          { line_no: 1, quantity: '1' },
          { line_no: 1, amount: '1' },
        ],
        'lines[2].line_no',
      ],
      [[{ line_no: 1 }], 'lines[1]'],
      [[{ line_no: 1, quantity: '1', amount: '1' }], 'lines[1]'],
      [[{ line_no: 1, quantity: '0' }], 'lines[1].quantity'],
      [[{ line_no: 1, amount: '-5' }], 'lines[1].amount'],
      [[{ line_no: 'x', amount: '5' }], 'lines[1]'],
      [[], 'lines'],
    ]
    for (const [lines, hint] of cases) {
      const r = await co.accountant.db.rpc('prepare_partial_red_invoice', {
        p_original_id: original,
        p_reason: '销货退回',
        p_lines: lines,
      })
      expect(r.error, JSON.stringify(lines)).toMatchObject({ code: 'TR847', hint })
    }
    const noReason = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: ' ',
      p_lines: [{ line_no: 1, quantity: '1' }],
    })
    expect(noReason.error).toMatchObject({ code: 'TR846', hint: 'reason' })
    const sales = await co.sales.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销货退回',
      p_lines: [{ line_no: 1, quantity: '1' }],
    })
    expect(sales.error?.code).toBe('TR104')
    const otherCompany = await other.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销货退回',
      p_lines: [{ line_no: 1, quantity: '1' }],
    })
    expect(otherCompany.error).toMatchObject({ code: 'TR846', hint: 'original_id' })
  })

  it('the full red-letter invoice credits what is left, to the cent; then nothing more is accepted', async () => {
    const full = await co.accountant.db.rpc('prepare_red_invoice', {
      p_original_id: original,
      p_reason: '开票有误',
    })
    expect(full.error).toBeNull()
    // line 1: 2 × 100 + 26 left; line 2: 100 − 20.01 = 79.99 and 13 − 2.60 = 10.40 left, quantity 2
    expect(await red(full.data as string)).toMatchObject({
      amount: -279.99,
      tax: -36.4,
      total: -316.39,
      tax_invoice_lines: [
        { line_no: 1, quantity: -2, amount: -200, tax: -26 },
        { line_no: 2, quantity: -2, amount: -79.99, tax: -10.4 },
      ],
    })
    const sums = await db.query(
      `select sum(amount)::text a, sum(tax)::text t from public.tax_invoices where id = $1 or original_id = $1`,
      [original],
    )
    expect(sums.rows[0]).toEqual({ a: '0.00', t: '0.00' })
    const again = await co.accountant.db.rpc('prepare_red_invoice', {
      p_original_id: original,
      p_reason: '开票有误',
    })
    expect(again.error).toMatchObject({ code: 'TR846', hint: 'original_id' })
    const partial = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: original,
      p_reason: '销售折让',
      p_lines: [{ line_no: 1, amount: '0.01' }],
    })
    expect(partial.error).toMatchObject({ code: 'TR847', hint: 'lines[1].amount' })
  })

  it('the last partial credit of a line takes exactly what is left (the reds add up to the line)', async () => {
    // 3 × 33.333333 = 100.00 (+ 13.00): thirds round to 33.33, the last one takes 33.34
    const inv = await issue(co, [{ item_id: co.items[0], quantity: '3', unit_price: '37.666667' }])
    const line = await db.query(
      'select amount, tax, unit_price from public.tax_invoice_lines where invoice_id = $1',
      [inv],
    )
    expect(line.rows[0]).toMatchObject({ amount: '100.00', tax: '13.00' })
    const got: number[][] = []
    for (let i = 0; i < 3; i++) {
      const r = await co.accountant.db.rpc('prepare_partial_red_invoice', {
        p_original_id: inv,
        p_reason: '销货退回',
        p_lines: [{ line_no: 1, quantity: '1' }],
      })
      expect(r.error).toBeNull()
      const row = await red(r.data as string)
      got.push([row.amount as number, row.tax as number])
    }
    expect(got).toEqual([
      [-33.33, -4.33],
      [-33.33, -4.33],
      [-33.34, -4.34],
    ])
    const fourth = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: inv,
      p_reason: '销货退回',
      p_lines: [{ line_no: 1, quantity: '0.0001' }],
    })
    expect(fourth.error).toMatchObject({ code: 'TR847', hint: 'lines[1].quantity' })
  })
})

describe('the database rule, whatever writes the lines', () => {
  it('refuses red lines beyond what is left, with another rate, against another invoice, or not a credit', async () => {
    const inv = await issue(co, [{ item_id: co.items[0], quantity: '2', unit_price: '113.00' }])
    const ol = await db.query('select id from public.tax_invoice_lines where invoice_id = $1', [inv])
    const r = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: inv,
      p_reason: '销货退回',
      p_lines: [{ line_no: 1, quantity: '1' }],
    })
    expect(r.error).toBeNull()
    const redId = r.data as string
    const write = async (sql: string, line: string | null = ol.rows[0].id) => {
      await db.query('begin')
      try {
        await db.query(sql, [redId, line, co.tenantId])
        return null
      } catch (e) {
        return e as { code: string; hint: string; message: string }
      } finally {
        await db.query('rollback')
      }
    }
    const insert = (qty: string, amount: string, tax: string, rate = '0.13') =>
      `insert into public.tax_invoice_lines (tenant_id, invoice_id, line_no, name, tax_classification_code,
         quantity, amount, tax_rate, tax, original_line_id)
       values ($3, $1, 9, 'x', '${taxCode}', ${qty}, ${amount}, ${rate}, ${tax}, $2::uuid)`
    expect(await write(insert('-1', '-100', '-13'))).toBeNull()
    expect(await write(insert('-1', '-100.01', '-13'))).toMatchObject({ code: 'TR847', hint: 'lines[9]' })
    expect(await write(insert('-2', '-100', '-13'))).toMatchObject({ code: 'TR847', hint: 'lines[9]' })
    expect(await write(insert('-1', '-100', '-13', '0.06'))).toMatchObject({
      code: 'TR847',
      hint: 'lines[9].tax_rate',
    })
    expect(await write(insert('-1', '-90', '-13'))).toMatchObject({ code: 'TR847', hint: 'lines[9].tax' })
    expect(await write(insert('1', '100', '13'))).toMatchObject({ code: 'TR847', hint: 'lines[9].amount' })
    expect(await write(insert('-1', '-100', '-13'), null)).toMatchObject({
      code: 'TR847',
      hint: 'original_line_id',
    })
    const foreign = await db.query(
      `select l.id from public.tax_invoice_lines l where l.invoice_id = $1 limit 1`,
      [original],
    )
    expect(await write(insert('-1', '-100', '-13'), foreign.rows[0].id)).toMatchObject({
      code: 'TR847',
      hint: 'original_line_id',
    })
    // a cancelled red invoice gives back what it took
    await db.query(`update public.tax_invoices set status = 'cancelled' where id = $1`, [redId])
    const again = await co.accountant.db.rpc('prepare_partial_red_invoice', {
      p_original_id: inv,
      p_reason: '销货退回',
      p_lines: [{ line_no: 1, quantity: '2' }],
    })
    expect(again.error).toBeNull()
    expect(await red(again.data as string)).toMatchObject({ amount: -200, tax: -26 })
  })

  it('two red invoices at once cannot both take the last part of a line', async () => {
    const inv = await issue(co, [{ item_id: co.items[0], quantity: '1', unit_price: '113.00' }])
    const call = () =>
      co.accountant.db.rpc('prepare_partial_red_invoice', {
        p_original_id: inv,
        p_reason: '销货退回',
        p_lines: [{ line_no: 1, quantity: '1' }],
      })
    const [a, b] = await Promise.all([call(), call()])
    expect([a.error, b.error].filter((e) => e === null)).toHaveLength(1)
    expect([a.error, b.error].find((e) => e !== null)).toMatchObject({ code: 'TR847' })
  })
})

describe('taxpayer ids on invoice data', () => {
  it('are validated by the database (统一社会信用代码 check digit), for parties and invoices', async () => {
    const bad = '91350100M000100Y44'
    const party = await co.accountant.db
      .from('parties')
      .update({ taxpayer_id: bad })
      .eq('id', co.customerId)
      .select('id')
    expect(party.error?.code).toBe('23514')
    await expect(
      db.query('update public.tax_invoices set buyer_taxpayer_id = $2 where id = $1', [original, bad]),
    ).rejects.toMatchObject({ code: '23514' })
    await expect(
      db.query('update public.tax_invoices set seller_taxpayer_id = $2 where id = $1', [original, bad]),
    ).rejects.toMatchObject({ code: '23514' })
  })
})
