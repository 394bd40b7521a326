// Tax (issue 7): VAT of documents with effective-dated rates, 数电发票 invoice data with red-letter
// invoices, a period's VAT from the posted books, and the small-scale 5,000,000 threshold.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newCreditCode } from './helpers/credit-code.ts'
import { ledgerCompany, mustPost, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let gen: Awaited<ReturnType<typeof ledgerCompany>>
let small: Awaited<ReturnType<typeof ledgerCompany>>
const today = shanghaiToday()
const taxCode = '3040201010000000000'

beforeAll(async () => {
  db = await superuserDb()
  ;[gen, small] = await Promise.all([
    ledgerCompany(db, 'taxgen'),
    ledgerCompany(db, 'taxsmall', 'small_scale'),
  ])
  await db.query('update public.items set tax_classification_code = $2, spec = $3, unit = $4 where id = $1', [
    gen.items[0],
    taxCode,
    '500ml',
    '瓶',
  ])
}, 120_000)

afterAll(async () => {
  await db?.end()
})

describe('VAT of a document', () => {
  it('rounds each line to 0.01 and sums the lines, inclusive or exclusive, with discounts', async () => {
    const { data, error } = await gen.accountant.db.rpc('vat_document', {
      p_date: '2026-06-01',
      p_lines: [
        { quantity: '3', unit_price: '10.00', tax_code: 'VAT13' },
        { quantity: '1', unit_price: '0.05', tax_rate: '0.13' },
        { quantity: '2', unit_price: '50', tax_code: 'VAT6', discount: '10' },
      ],
    })
    expect(error).toBeNull()
    expect(data).toEqual({
      lines: [
        { amount: 26.55, tax: 3.45, total: 30, rate: 0.13 },
        { amount: 0.04, tax: 0.01, total: 0.05, rate: 0.13 },
        { amount: 84.91, tax: 5.09, total: 90, rate: 0.06 },
      ],
      amount: 111.5,
      tax: 8.55,
      total: 120.05,
    })
    const exclusive = await gen.accountant.db.rpc('vat_document', {
      p_date: '2026-06-01',
      p_lines: [{ quantity: '3', unit_price: '10.00', tax_code: 'VAT13' }],
      p_tax_inclusive: false,
    })
    expect(exclusive.data).toMatchObject({ amount: 30, tax: 3.9, total: 33.9 })
  })

  it('takes the rate valid on the document date: small-scale 1 % until 2027-12-31, then 3 %', async () => {
    const on = async (date: string) =>
      (
        await small.accountant.db.rpc('vat_document', {
          p_date: date,
          p_lines: [{ quantity: '1', unit_price: '10100', tax_code: 'S3' }],
        })
      ).data as { tax: number; lines: Array<{ rate: number }> }
    expect(await on('2027-12-31')).toMatchObject({ tax: 100, lines: [{ rate: 0.01 }] })
    expect((await on('2028-01-01')).lines[0].rate).toBe(0.03)
    const { data } = await small.accountant.db.rpc('vat_parameter', {
      p_key: 'small_scale_monthly_exemption',
      p_date: '2026-06-01',
    })
    expect(data).toBe(100000)
    const after = await small.accountant.db.rpc('vat_parameter', {
      p_key: 'small_scale_monthly_exemption',
      p_date: '2028-06-01',
    })
    expect(after.data).toBeNull()
    const unknown = await small.accountant.db.rpc('vat_parameter', { p_key: 'nope' })
    expect(unknown.error).toMatchObject({ code: 'TR841' })
  })

  it('names the line and field of a bad line', async () => {
    const bad = await gen.accountant.db.rpc('vat_document', {
      p_date: '2026-06-01',
      p_lines: [
        { quantity: '1', unit_price: '1', tax_code: 'VAT13' },
        { quantity: '1', unit_price: '-1', tax_code: 'VAT13' },
      ],
    })
    expect(bad.error).toMatchObject({ code: 'TR840', hint: 'lines[2].unit_price' })
    const code = await gen.accountant.db.rpc('vat_document', {
      p_date: '2018-01-01',
      p_lines: [{ quantity: '1', unit_price: '1', tax_code: 'VAT13' }],
    })
    expect(code.error).toMatchObject({ code: 'TR840', hint: 'lines[1].tax_code' })
  })
})

describe('数电发票 invoice data', () => {
  let invoiceDoc: string
  let invoiceId: string
  const number = `2631${String(Date.now()).slice(-13)}000`.slice(0, 20)

  beforeAll(async () => {
    const doc = await mustPost(gen.accountant.db, 'sales_invoice', `tax-si-${gen.tenantId}`, {
      date: today,
      customer_id: gen.customerId,
      lines: [{ item_id: gen.items[0], quantity: '3', unit_price: '113.00' }],
    })
    invoiceDoc = doc.document_id
  })

  it('needs the buyer’s taxpayer id for a special invoice, and each item’s classification code', async () => {
    const special = await gen.accountant.db.rpc('prepare_tax_invoice', {
      p_document_id: invoiceDoc,
      p_invoice_type: 'special',
    })
    expect(special.error).toMatchObject({ code: 'TR843', hint: 'buyer_taxpayer_id' })
    const other = await mustPost(gen.accountant.db, 'sales_invoice', `tax-si2-${gen.tenantId}`, {
      date: today,
      customer_id: gen.customerId,
      lines: [
        { item_id: gen.items[0], quantity: '1', unit_price: '1' },
        { item_id: gen.items[1], quantity: '1', unit_price: '1' },
      ],
    })
    const noCode = await gen.accountant.db.rpc('prepare_tax_invoice', { p_document_id: other.document_id })
    expect(noCode.error).toMatchObject({ code: 'TR844', hint: 'lines[2].tax_classification_code' })
    const none = await gen.accountant.db.from('tax_invoices').select('id')
    expect(none.data).toEqual([])
    const sales = await gen.sales.db.rpc('prepare_tax_invoice', { p_document_id: invoiceDoc })
    expect(sales.error?.code).toBe('TR104')
  })

  it('prepares seller, buyer and items from the posted invoice, once', async () => {
    const buyerId = newCreditCode()
    await db.query('update public.parties set taxpayer_id = $2, invoice_title = $3 where id = $1', [
      gen.customerId,
      buyerId,
      '客户乙(开票名称)',
    ])
    const { data, error } = await gen.accountant.db.rpc('prepare_tax_invoice', {
      p_document_id: invoiceDoc,
      p_invoice_type: 'special',
    })
    expect(error).toBeNull()
    invoiceId = data as string
    const again = await gen.accountant.db.rpc('prepare_tax_invoice', { p_document_id: invoiceDoc })
    expect(again.data).toBe(invoiceId)
    const inv = await gen.sales.db
      .from('tax_invoices')
      .select('*, tax_invoice_lines(*)')
      .eq('id', invoiceId)
      .single()
    const tenant = await db.query('select name, credit_code from public.tenants where id = $1', [
      gen.tenantId,
    ])
    expect(inv.data).toMatchObject({
      status: 'prepared',
      invoice_type: 'special',
      is_red: false,
      seller_name: tenant.rows[0].name,
      seller_taxpayer_id: tenant.rows[0].credit_code,
      buyer_name: '客户乙(开票名称)',
      buyer_taxpayer_id: buyerId,
      amount: 300,
      tax: 39,
      total: 339,
    })
    expect(inv.data?.tax_invoice_lines).toMatchObject([
      {
        name: '商品1',
        tax_classification_code: taxCode,
        spec: '500ml',
        unit: '瓶',
        quantity: 3,
        unit_price: 100,
        amount: 300,
        tax_rate: 0.13,
        tax: 39,
      },
    ])
  })

  it('records the issued number once; a red-letter invoice reverses an issued one, never more than in full', async () => {
    const early = await gen.accountant.db.rpc('prepare_red_invoice', {
      p_original_id: invoiceId,
      p_reason: '开票有误',
    })
    expect(early.error).toMatchObject({ code: 'TR846', hint: 'original_id' })
    const bad = await gen.accountant.db.rpc('record_tax_invoice_number', {
      p_invoice_id: invoiceId,
      p_invoice_number: '123',
    })
    expect(bad.error).toMatchObject({ code: 'TR845', hint: 'invoice_number' })
    const ok = await gen.accountant.db.rpc('record_tax_invoice_number', {
      p_invoice_id: invoiceId,
      p_invoice_number: number,
    })
    expect(ok.error).toBeNull()
    const repeat = await gen.accountant.db.rpc('record_tax_invoice_number', {
      p_invoice_id: invoiceId,
      p_invoice_number: number,
    })
    expect(repeat.error).toBeNull()
    const direct = await gen.accountant.db
      .from('tax_invoices')
      .update({ total: 1 })
      .eq('id', invoiceId)
      .select()
    expect(direct.error?.code ?? (direct.data ?? []).length).not.toBe(1)

    const red = await gen.accountant.db.rpc('prepare_red_invoice', {
      p_original_id: invoiceId,
      p_reason: '开票有误',
    })
    expect(red.error).toBeNull()
    const redRow = await gen.accountant.db
      .from('tax_invoices')
      .select('is_red, original_id, amount, tax, total, tax_invoice_lines(quantity, amount, tax)')
      .eq('id', red.data as string)
      .single()
    expect(redRow.data).toMatchObject({
      is_red: true,
      original_id: invoiceId,
      amount: -300,
      tax: -39,
      total: -339,
      tax_invoice_lines: [{ quantity: -3, amount: -300, tax: -39 }],
    })
    const twice = await gen.accountant.db.rpc('prepare_red_invoice', {
      p_original_id: invoiceId,
      p_reason: '再来',
    })
    expect(twice.error).toMatchObject({ code: 'TR846' })
  })
})

describe('VAT from the books', () => {
  it('sums output, input and payable of a period', async () => {
    const co = await ledgerCompany(db, 'taxsum')
    const receipt = await mustPost(co.warehouse.db, 'purchase_receipt', `ts-gr-${co.tenantId}`, {
      date: today,
      supplier_id: co.supplierId,
      lines: [{ item_id: co.items[0], quantity: '10', unit_cost: '100' }],
    })
    const rl = (
      await db.query('select id from public.ledger_document_lines where document_id = $1', [
        receipt.document_id,
      ])
    ).rows[0].id
    await mustPost(co.accountant.db, 'supplier_bill', `ts-pi-${co.tenantId}`, {
      date: today,
      supplier_id: co.supplierId,
      tax_inclusive: false,
      lines: [{ receipt_line_id: rl, quantity: '10', unit_price: '100' }],
    })
    await mustPost(co.accountant.db, 'sales_invoice', `ts-si-${co.tenantId}`, {
      date: today,
      customer_id: co.customerId,
      tax_inclusive: false,
      lines: [{ item_id: co.items[0], quantity: '5', unit_price: '400' }],
    })
    const period = await db.query(
      'select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date',
      [co.tenantId, today],
    )
    const { data, error } = await co.accountant.db.rpc('vat_summary', { p_period_id: period.rows[0].id })
    expect(error).toBeNull()
    expect(data?.[0]).toMatchObject({
      taxpayer_type: 'general',
      output_vat: 260,
      input_vat: 130,
      input_transferred_out: 0,
      payable: 130,
      carried_forward: 0,
      sales: 2000,
      monthly_exemption: null,
    })
    const refused = await co.sales.db.rpc('vat_summary', { p_period_id: period.rows[0].id })
    expect(refused.error?.code).toBe('TR104')
    const unknown = await co.accountant.db.rpc('vat_summary', {
      p_period_id: '00000000-0000-4000-8000-000000000000',
    })
    expect(unknown.error).toMatchObject({ code: 'TR841', hint: 'period_id' })
  })

  it('warns a small-scale taxpayer before the rolling 12-month sales cross 5,000,000', async () => {
    const status = async () => {
      const { data, error } = await small.accountant.db.rpc('small_scale_threshold_status', {
        p_as_of: today,
      })
      expect(error).toBeNull()
      return data?.[0] as { level: string; sales: number; ratio: number; message: string; threshold: number }
    }
    expect(await status()).toMatchObject({ level: 'ok', sales: 0, threshold: 5000000 })
    await mustPost(small.accountant.db, 'sales_invoice', `thr-1-${small.tenantId}`, {
      date: today,
      customer_id: small.customerId,
      tax_inclusive: false,
      lines: [{ item_id: small.items[0], quantity: '1', unit_price: '4100000' }],
    })
    const warned = await status()
    expect(warned).toMatchObject({ level: 'warning', sales: 4100000, ratio: 0.82 })
    expect(warned.message).toMatch(/即将超过.*threshold/)
    await mustPost(small.accountant.db, 'sales_invoice', `thr-2-${small.tenantId}`, {
      date: today,
      customer_id: small.customerId,
      tax_inclusive: false,
      lines: [{ item_id: small.items[0], quantity: '1', unit_price: '1000000' }],
    })
    expect(await status()).toMatchObject({ level: 'exceeded', sales: 5100000 })
    const sales = await small.sales.db.rpc('small_scale_threshold_status', {})
    expect(sales.error?.code).toBe('TR104')
  })
})
