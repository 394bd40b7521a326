// Bulk import of customers, suppliers and products (supabase/migrations/20261128184100_crm_import.sql)
// and the file side (functions/_shared/import/rows.ts): per-row errors naming the field, dry runs and
// failed runs that write nothing, a clean run that writes everything, and who may import.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type ImportRow, parseImportFile } from '../functions/_shared/import/rows.ts'
import { colleague, newCompany } from './helpers/company.ts'
import { newCreditCode } from './helpers/credit-code.ts'
import { stackInfo, superuserDb } from './helpers/stack.ts'

type Company = Awaited<ReturnType<typeof newCompany>>
type Colleague = Awaited<ReturnType<typeof colleague>>
interface ImportResult {
  ok: boolean
  dry_run: boolean
  rows: number
  valid: number
  inserted: number
  errors: Array<{ row: string; field: string | null; message: string }>
}

let db: pg.Client
let co: Company
let sales: Colleague
let purchasing: Colleague
let employee: Colleague

beforeAll(async () => {
  db = await superuserDb()
  co = await newCompany('import')
  sales = await colleague(db, co.tenantId, 'sales', 'import-sales')
  purchasing = await colleague(db, co.tenantId, 'purchasing', 'import-buyer')
  employee = await colleague(db, co.tenantId, 'employee', 'import-employee')
  const existing = await co.ownerClient
    .from('parties')
    .insert({ tenant_id: co.tenantId, code: 'OLD-1', name: '老客户' })
  if (existing.error) throw existing.error
}, 60_000)

afterAll(async () => {
  await db?.end()
})

async function count(table: string): Promise<number> {
  const { rows } = await db.query(`select count(*)::int as n from public.${table} where tenant_id = $1`, [
    co.tenantId,
  ])
  return rows[0].n
}

function customers(n: number): ImportRow[] {
  return Array.from({ length: n }, (_, i) => ({
    _row: i + 2,
    code: `K${String(i + 1).padStart(4, '0')}`,
    name: `客户 ${i + 1} 有限公司`,
    credit_limit: i % 3 === 0 ? '1,000.50' : '',
    payment_terms_days: String(i % 60),
    tags: 'VIP, 华东',
    contact_name: `联系人 ${i + 1}`,
    contact_phone: '021-12345678',
    owner_email: i % 2 ? sales.email : '',
  }))
}

describe('import_customers', () => {
  const bad: Array<[number, Partial<ImportRow>, string]> = [
    [5, { name: '' }, 'name'],
    [17, { taxpayer_id: '91350100M000100Y44' }, 'taxpayer_id'],
    [40, { code: 'K0001' }, 'code'],
    [41, { code: 'OLD-1' }, 'code'],
    [77, { credit_limit: '-5' }, 'credit_limit'],
    [90, { payment_terms_days: '12.5' }, 'payment_terms_days'],
    [120, { owner_email: 'nobody@example.test' }, 'owner_email'],
    [150, { contact_email: 'no-at-sign' }, 'contact_email'],
    [200, { code: 'has space' }, 'code'],
    [260, { contact_name: '', contact_phone: '13800000000' }, 'contact_name'],
  ]
  function withBadRows(): ImportRow[] {
    const rows = customers(300)
    for (const [i, patch] of bad) rows[i] = { ...rows[i], ...patch } as ImportRow
    rows[33] = { ...rows[33], taxpayer_id: newCreditCode() }
    return rows
  }

  it('a dry run reports every bad row with its line and field and writes nothing', async () => {
    const before = await count('parties')
    const { data, error } = await sales.db.rpc('import_customers', { p_rows: withBadRows(), p_dry_run: true })
    expect(error).toBeNull()
    const r = data as unknown as ImportResult
    expect(r).toMatchObject({ ok: false, dry_run: true, rows: 300, valid: 290, inserted: 0 })
    expect(r.errors.map((e) => [e.row, e.field])).toEqual(bad.map(([i, , field]) => [String(i + 2), field]))
    expect(r.errors.find((e) => e.field === 'code' && e.row === '42')?.message).toBe('also on row 2')
    expect(await count('parties')).toBe(before)
  })

  it('a real run with bad rows writes nothing either', async () => {
    const before = await count('parties')
    const { data } = await sales.db.rpc('import_customers', { p_rows: withBadRows(), p_dry_run: false })
    expect(data as unknown as ImportResult).toMatchObject({ ok: false, dry_run: false, inserted: 0 })
    expect(await count('parties')).toBe(before)
    expect(await count('party_contacts')).toBe(0)
  })

  it('a clean file is written whole: parties, contacts, owners, tags', async () => {
    const rows = customers(300)
    const dry = await sales.db.rpc('import_customers', { p_rows: rows })
    expect(dry.data as unknown as ImportResult).toMatchObject({
      ok: true,
      dry_run: true,
      valid: 300,
      inserted: 0,
    })
    const { data } = await sales.db.rpc('import_customers', { p_rows: rows, p_dry_run: false })
    expect(data as unknown as ImportResult).toMatchObject({ ok: true, inserted: 300, errors: [] })
    const k2 = await sales.db
      .from('parties')
      .select('name, is_customer, is_supplier, owner_id, tags, payment_terms_days')
      .eq('code', 'K0002')
      .single()
    expect(k2.data).toEqual({
      name: '客户 2 有限公司',
      is_customer: true,
      is_supplier: false,
      owner_id: sales.user.id,
      tags: ['VIP', '华东'],
      payment_terms_days: 1,
    })
    const k1 = await sales.db.from('parties').select('credit_limit, owner_id').eq('code', 'K0001').single()
    expect(k1.data).toEqual({ credit_limit: 1000.5, owner_id: sales.user.id })
    expect(await count('party_contacts')).toBe(300)
    const again = await sales.db.rpc('import_customers', { p_rows: rows.slice(0, 3), p_dry_run: false })
    expect((again.data as unknown as ImportResult).errors.map((e) => e.message)).toEqual([
      'K0001 exists already',
      'K0002 exists already',
      'K0003 exists already',
    ])
  })

  it('refuses callers without parties:create and payloads that are not arrays', async () => {
    const r = await employee.db.rpc('import_customers', { p_rows: customers(1), p_dry_run: true })
    expect(r.error?.code).toBe('TR104')
    const notArray = await sales.db.rpc('import_customers', { p_rows: { code: 'x' }, p_dry_run: true })
    expect(notArray.error).toMatchObject({ code: 'TR611', hint: 'rows' })
  })
})

describe('import_suppliers and import_products', () => {
  it('suppliers, then products naming them, with unit conversions and per-field errors', async () => {
    const suppliers = Array.from({ length: 50 }, (_, i) => ({
      code: `S${i + 1}`,
      name: `供应商 ${i + 1}`,
      address: '苏州',
    }))
    const s = await purchasing.db.rpc('import_suppliers', { p_rows: suppliers, p_dry_run: false })
    expect(s.data as unknown as ImportResult).toMatchObject({ ok: true, inserted: 50 })
    const s1 = await purchasing.db
      .from('parties')
      .select('is_customer, is_supplier, owner_id')
      .eq('code', 'S1')
      .single()
    expect(s1.data).toEqual({ is_customer: false, is_supplier: true, owner_id: null })

    const products = Array.from({ length: 200 }, (_, i) => ({
      _row: i + 2,
      sku: `P-${i + 1}`,
      name: `商品 ${i + 1}`,
      unit: '个',
      units: i % 10 === 0 ? '箱=12; 托=480' : '',
      sale_price: '12.50',
      purchase_price: '8.123456',
      output_tax_code: 'vat13',
      is_stock: i % 7 === 0 ? '否' : '是',
      preferred_supplier: `S${(i % 50) + 1}`,
      reorder_point: '10',
    }))
    const bad: Array<[number, Record<string, string>, string]> = [
      [3, { sale_price: 'abc' }, 'sale_price'],
      [8, { purchase_price: '1.1234567' }, 'purchase_price'],
      [20, { units: '箱=0' }, 'units'],
      [30, { units: '箱=12; 箱=24' }, 'units'],
      [44, { output_tax_code: 'VAT99' }, 'output_tax_code'],
      [60, { preferred_supplier: 'OLD-1' }, 'preferred_supplier'],
      [61, { sku: 'P-1' }, 'sku'],
      [70, { is_stock: 'maybe' }, 'is_stock'],
      [99, { tax_classification_code: '123' }, 'tax_classification_code'],
      [150, { units: '个=1' }, 'unit'],
    ]
    const withBad = products.map((p) => ({ ...p }))
    for (const [i, patch] of bad) Object.assign(withBad[i], patch)
    const bySales = await sales.db.rpc('import_products', { p_rows: products, p_dry_run: true })
    expect(bySales.error?.code).toBe('TR104')
    const dry = await purchasing.db.rpc('import_products', { p_rows: withBad, p_dry_run: false })
    const r = dry.data as unknown as ImportResult
    expect(r).toMatchObject({ ok: false, inserted: 0, valid: 190 })
    expect(r.errors.map((e) => [e.row, e.field])).toEqual(bad.map(([i, , f]) => [String(i + 2), f]))
    expect(await count('items')).toBe(0)

    const ok = await purchasing.db.rpc('import_products', { p_rows: products, p_dry_run: false })
    expect(ok.data as unknown as ImportResult).toMatchObject({ ok: true, inserted: 200 })
    const p1 = await employee.db
      .from('items')
      .select(
        'sale_price, purchase_price, is_stock, output_tax_code, preferred_supplier_id, item_units(unit, factor)',
      )
      .eq('sku', 'P-1')
      .single()
    expect(p1.data).toMatchObject({
      sale_price: 12.5,
      purchase_price: 8.123456,
      is_stock: false,
      output_tax_code: 'VAT13',
    })
    expect(p1.data?.preferred_supplier_id).not.toBeNull()
    expect(p1.data?.item_units.sort((a, b) => a.factor - b.factor)).toEqual([
      { unit: '箱', factor: 12 },
      { unit: '托', factor: 480 },
    ])
  })
})

describe('files: CSV (GBK) and XLSX through the header mapping', () => {
  it('reads a GBK CSV with Chinese headers into rows the RPC takes, with the file line in errors', async () => {
    const csv = [
      '客户编码,客户名称,税号,信用额度,账期,联系人,电话,无关列',
      'F001,文件客户一,,"2,000.00",30,王经理,13800000001,x',
      '',
      'F002,,,,,,,',
      'F003,文件客户三,,,abc,,,',
    ].join('\r\n')
    const bytes = new TextEncoder().encode(csv)
    const gbk = await encodeGbk(csv)
    for (const file of [bytes, gbk]) {
      const mapped = await parseImportFile('customers', file)
      expect(mapped.missing).toEqual([])
      expect(mapped.ignored).toEqual(['无关列'])
      expect(mapped.rows[0]).toEqual({
        _row: 2,
        code: 'F001',
        name: '文件客户一',
        credit_limit: '2,000.00',
        payment_terms_days: '30',
        contact_name: '王经理',
        contact_phone: '13800000001',
      })
      const { data } = await sales.db.rpc('import_customers', { p_rows: mapped.rows, p_dry_run: true })
      expect((data as unknown as ImportResult).errors.map((e) => [e.row, e.field])).toEqual([
        ['4', 'name'],
        ['5', 'payment_terms_days'],
      ])
    }
  })

  it('reads the first sheet of an XLSX file', async () => {
    const xlsx = makeXlsx([
      ['商品编码', '商品名称', '规格型号', '计量单位', '售价', '单位换算'],
      ['X-1', '表格商品', '500ml', '瓶', '3.5', '箱=24'],
    ])
    const mapped = await parseImportFile('products', xlsx)
    expect(mapped.rows).toEqual([
      { _row: 2, sku: 'X-1', name: '表格商品', spec: '500ml', unit: '瓶', sale_price: '3.5', units: '箱=24' },
    ])
    const { data } = await purchasing.db.rpc('import_products', { p_rows: mapped.rows, p_dry_run: true })
    expect(data as unknown as ImportResult).toMatchObject({ ok: true, valid: 1 })
  })
})

describe('the import edge function', () => {
  const post = (kind: string, body: Uint8Array, who: Colleague | null, query = '') =>
    fetch(`${stackInfo().apiUrl}/functions/v1/import?kind=${kind}${query}`, {
      method: 'POST',
      headers: {
        apikey: stackInfo().anonKey,
        Authorization: `Bearer ${who ? who.session.access_token : stackInfo().anonKey}`,
        'x-tenant-id': co.tenantId,
        'Content-Type': 'application/octet-stream',
      },
      body: Buffer.from(body),
    })

  it('maps the file, previews by default, writes with dry_run=false, as the caller', async () => {
    const csv = new TextEncoder().encode('编码,名称,联系人,邮箱\nE-1,边缘客户,孙,sun@example.test\nE-2,,,\n')
    const preview = await post('customers', csv, sales)
    expect(preview.status).toBe(200)
    const body = (await preview.json()) as {
      result: ImportResult
      mapping: { columns: Record<string, number> }
    }
    expect(body.mapping.columns).toEqual({ code: 0, name: 1, contact_name: 2, contact_email: 3 })
    expect(body.result).toMatchObject({ ok: false, dry_run: true, errors: [{ row: '3', field: 'name' }] })
    const good = new TextEncoder().encode('编码,名称\nE-1,边缘客户\n')
    const written = await post('customers', good, sales, '&dry_run=false')
    expect(((await written.json()) as { result: ImportResult }).result).toMatchObject({
      ok: true,
      inserted: 1,
    })
    const e1 = await sales.db.from('parties').select('name').eq('code', 'E-1').single()
    expect(e1.data?.name).toBe('边缘客户')
    const refused = await post('products', good, employee)
    expect(refused.status).toBe(403)
    expect(await refused.json()).toMatchObject({ code: 'TR104' })
    const noColumns = await post('products', new TextEncoder().encode('a,b\n1,2\n'), purchasing)
    expect(noColumns.status).toBe(422)
    expect(await noColumns.json()).toMatchObject({ code: 'missing_columns' })
    const badKind = await post('orders', good, sales)
    expect(badKind.status).toBe(400)
  }, 120_000)
})

/** GBK bytes of a text, through Postgres' own conversion (Node has no GBK encoder). */
async function encodeGbk(text: string): Promise<Uint8Array> {
  const { rows } = await db.query(`select convert_to($1, 'GBK') as b`, [text])
  return new Uint8Array(rows[0].b as Buffer)
}

/** A minimal XLSX (stored ZIP, inline strings): enough for the reader, built here to keep fixtures readable. */
function makeXlsx(rows: string[][]): Uint8Array {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;')
  const col = (i: number) => String.fromCharCode(65 + i)
  const sheet =
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
    rows
      .map(
        (r, ri) =>
          `<row r="${ri + 1}">${r.map((c, ci) => `<c r="${col(ci)}${ri + 1}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`).join('')}</row>`,
      )
      .join('') +
    '</sheetData></worksheet>'
  const workbook =
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>'
  return zipStored([
    ['xl/workbook.xml', workbook],
    ['xl/worksheets/sheet1.xml', sheet],
  ])
}

function zipStored(files: Array<[string, string]>): Uint8Array {
  const enc = new TextEncoder()
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of files) {
    const n = Buffer.from(enc.encode(name))
    const data = Buffer.from(enc.encode(text))
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(n.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(n.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, n, data)
    centrals.push(central, n)
    offset += 30 + n.length + data.length
  }
  const dir = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(dir.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, dir, end]))
}
