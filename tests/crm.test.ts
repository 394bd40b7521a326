// CRM (supabase/migrations/20261128184027_crm.sql, policies/45_crm.sql): contacts and addresses, item
// categories and units, leads → customer + opportunity, the stage pipeline, quotations with VAT lines,
// follow-ups and the due list, tickets, reassignment and the customer archive. Everything runs through
// supabase-js as signed-in people with built-in roles; superuserDb() only adds colleagues and looks
// behind RLS (audit log, counts).
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { colleague, newCompany } from './helpers/company.ts'
import { shanghaiDay } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

type Company = Awaited<ReturnType<typeof newCompany>>
type Colleague = Awaited<ReturnType<typeof colleague>>

let db: pg.Client
let co: Company
let sales1: Colleague
let sales2: Colleague
let employee: Colleague
let accountant: Colleague
let partyId: string
let itemId: string

/** Decimal strings for numeric columns (the generated types say number; money never goes through floats). */
const dec = (s: string) => s as unknown as number

async function newParty(client: Colleague['db'], code: string, extra: Record<string, unknown> = {}) {
  const { data, error } = await client
    .from('parties')
    .insert({ tenant_id: co.tenantId, code, name: `${code} 有限公司`, ...extra })
    .select('id')
    .single()
  if (error) throw new Error(`party ${code}: ${error.message}`)
  return data.id
}

beforeAll(async () => {
  db = await superuserDb()
  co = await newCompany('crm')
  sales1 = await colleague(db, co.tenantId, 'sales', 'crm-sales1')
  sales2 = await colleague(db, co.tenantId, 'sales', 'crm-sales2')
  employee = await colleague(db, co.tenantId, 'employee', 'crm-employee')
  accountant = await colleague(db, co.tenantId, 'accountant', 'crm-accountant')
  partyId = await newParty(sales1.db, 'C001', { owner_id: sales1.user.id })
  const item = await co.ownerClient
    .from('items')
    .insert({ tenant_id: co.tenantId, sku: 'W-1', name: '水杯', unit: '个', output_tax_code: 'VAT13' })
    .select('id')
    .single()
  if (item.error) throw item.error
  itemId = item.data.id
  const box = await co.ownerClient
    .from('item_units')
    .insert({ tenant_id: co.tenantId, item_id: itemId, unit: '箱', factor: dec('12') })
  if (box.error) throw box.error
}, 60_000)

afterAll(async () => {
  await db?.end()
})

describe('master data extras', () => {
  it('one primary contact per party: the newest choice wins; everyone reads, the employee does not write', async () => {
    const a = await sales1.db
      .from('party_contacts')
      .insert({
        tenant_id: co.tenantId,
        party_id: partyId,
        name: '张三',
        phone: '13800000000',
        is_primary: true,
      })
      .select('id')
      .single()
    expect(a.error).toBeNull()
    const b = await sales1.db
      .from('party_contacts')
      .insert({
        tenant_id: co.tenantId,
        party_id: partyId,
        name: '李四',
        email: 'li@example.test',
        is_primary: true,
      })
      .select('id')
      .single()
    expect(b.error).toBeNull()
    const { data } = await employee.db
      .from('party_contacts')
      .select('name, is_primary')
      .eq('party_id', partyId)
    expect(data?.filter((c) => c.is_primary).map((c) => c.name)).toEqual(['李四'])
    const refused = await employee.db
      .from('party_contacts')
      .insert({ tenant_id: co.tenantId, party_id: partyId, name: '王五' })
    expect(refused.error?.code).toBe('42501')
    const badEmail = await sales1.db
      .from('party_contacts')
      .insert({ tenant_id: co.tenantId, party_id: partyId, name: '赵六', email: 'not-an-address' })
    expect(badEmail.error?.code).toBe('23514')
  })

  it('one default address per party and kind', async () => {
    for (const street of ['上海市浦东新区 1 号', '上海市浦东新区 2 号']) {
      const r = await sales1.db
        .from('party_addresses')
        .insert({ tenant_id: co.tenantId, party_id: partyId, kind: 'shipping', street, is_default: true })
      expect(r.error).toBeNull()
    }
    const billing = await sales1.db.from('party_addresses').insert({
      tenant_id: co.tenantId,
      party_id: partyId,
      kind: 'billing',
      street: '北京市 3 号',
      is_default: true,
      postal_code: '100000',
    })
    expect(billing.error).toBeNull()
    const { data } = await sales1.db
      .from('party_addresses')
      .select('kind, street')
      .eq('party_id', partyId)
      .eq('is_default', true)
      .order('kind')
    expect(data).toEqual([
      { kind: 'shipping', street: '上海市浦东新区 2 号' },
      { kind: 'billing', street: '北京市 3 号' },
    ])
  })

  it('unit conversions: factor above zero, once per item, never the base unit', async () => {
    const zero = await co.ownerClient
      .from('item_units')
      .insert({ tenant_id: co.tenantId, item_id: itemId, unit: '托', factor: dec('0') })
    expect(zero.error?.code).toBe('23514')
    const twice = await co.ownerClient
      .from('item_units')
      .insert({ tenant_id: co.tenantId, item_id: itemId, unit: '箱', factor: dec('24') })
    expect(twice.error?.code).toBe('23505')
    const base = await co.ownerClient
      .from('item_units')
      .insert({ tenant_id: co.tenantId, item_id: itemId, unit: '个', factor: dec('1') })
    expect(base.error?.code).toBe('TR600')
    expect(base.error?.hint).toBe('unit')
    const bySales = await sales1.db
      .from('item_units')
      .insert({ tenant_id: co.tenantId, item_id: itemId, unit: '袋', factor: dec('6') })
    expect(bySales.error?.code).toBe('42501')
  })

  it('categories form a tree without cycles; an item takes its category name', async () => {
    const root = await co.ownerClient
      .from('item_categories')
      .insert({ tenant_id: co.tenantId, code: 'KITCHEN', name: '厨具' })
      .select('id')
      .single()
    const child = await co.ownerClient
      .from('item_categories')
      .insert({ tenant_id: co.tenantId, code: 'CUPS', name: '杯子', parent_id: root.data?.id })
      .select('id')
      .single()
    expect(child.error).toBeNull()
    const cycle = await co.ownerClient
      .from('item_categories')
      .update({ parent_id: child.data?.id })
      .eq('id', root.data?.id as string)
    expect(cycle.error?.code).toBe('TR609')
    const item = await co.ownerClient
      .from('items')
      .update({ category_id: child.data?.id })
      .eq('id', itemId)
      .select('category')
      .single()
    expect(item.data?.category).toBe('杯子')
  })
})

describe('leads and conversion', () => {
  it('a salesperson owns the leads they add; a colleague neither edits them nor adds leads in their name', async () => {
    const lead = await sales1.db
      .from('leads')
      .insert({
        tenant_id: co.tenantId,
        name: '陈先生',
        company: '陈氏贸易',
        source: 'exhibition',
        campaign: '2026 广交会',
      })
      .select('id, owner_id, status')
      .single()
    expect(lead.data).toMatchObject({ owner_id: sales1.user.id, status: 'new' })
    const edit = await sales2.db
      .from('leads')
      .update({ status: 'contacted' })
      .eq('id', lead.data?.id as string)
      .select('id')
    expect(edit.data).toEqual([])
    const seen = await sales2.db
      .from('leads')
      .select('status')
      .eq('id', lead.data?.id as string)
      .single()
    expect(seen.data?.status).toBe('new')
    const inTheirName = await sales2.db
      .from('leads')
      .insert({ tenant_id: co.tenantId, name: 'x', owner_id: sales1.user.id })
    expect(inTheirName.error?.code).toBe('42501')
    const byManager = await co.ownerClient
      .from('leads')
      .update({ status: 'contacted' })
      .eq('id', lead.data?.id as string)
      .select('status')
    expect(byManager.data).toEqual([{ status: 'contacted' }])
    const employeeSees = await employee.db.from('leads').select('id')
    expect(employeeSees.data).toEqual([])
    const converted = await sales1.db
      .from('leads')
      .update({ status: 'converted' })
      .eq('id', lead.data?.id as string)
    expect(converted.error?.code).toBe('TR605')
  })

  it('convert_lead makes a customer with the contact and an opportunity, once', async () => {
    const lead = await sales1.db
      .from('leads')
      .insert({
        tenant_id: co.tenantId,
        name: '刘女士',
        company: '刘记餐饮',
        phone: '13900000000',
        source: 'website',
        campaign: 'spring',
      })
      .select('id')
      .single()
    const id = lead.data?.id as string
    const other = await sales2.db.rpc('convert_lead', { p_lead_id: id })
    expect(other.error?.code).toBe('TR104')
    const bad = await sales1.db.rpc('convert_lead', { p_lead_id: id, p_party_code: 'bad code!' })
    expect(bad.error).toMatchObject({ code: 'TR600', hint: 'party_code' })
    const ok = await sales1.db.rpc('convert_lead', {
      p_lead_id: id,
      p_party_code: 'C-LIU',
      p_expected_amount: 5000.5,
    })
    expect(ok.error).toBeNull()
    const result = ok.data as { party_id: string; opportunity_id: string; party_created: boolean }
    expect(result.party_created).toBe(true)
    const party = await sales1.db
      .from('parties')
      .select('code, name, owner_id, source, tags, is_customer')
      .eq('id', result.party_id)
      .single()
    expect(party.data).toEqual({
      code: 'C-LIU',
      name: '刘记餐饮',
      owner_id: sales1.user.id,
      source: 'website',
      tags: ['spring'],
      is_customer: true,
    })
    const contact = await sales1.db
      .from('party_contacts')
      .select('name, phone, is_primary')
      .eq('party_id', result.party_id)
    expect(contact.data).toEqual([{ name: '刘女士', phone: '13900000000', is_primary: true }])
    const opp = await sales1.db
      .from('opportunities')
      .select('party_id, lead_id, probability, expected_amount, owner_id')
      .eq('id', result.opportunity_id)
      .single()
    expect(opp.data).toEqual({
      party_id: result.party_id,
      lead_id: id,
      probability: 10,
      expected_amount: 5000.5,
      owner_id: sales1.user.id,
    })
    const after = await sales1.db.from('leads').select('status, party_id').eq('id', id).single()
    expect(after.data).toEqual({ status: 'converted', party_id: result.party_id })
    const again = await sales1.db.rpc('convert_lead', { p_lead_id: id })
    expect(again.error?.code).toBe('TR601')
    const reopen = await sales1.db.from('leads').update({ status: 'qualified' }).eq('id', id)
    expect(reopen.error?.code).toBe('TR601')
    const removed = await sales1.db.from('leads').delete().eq('id', id)
    expect(removed.error?.code).toBe('TR601')
  })

  it('a failed conversion leaves nothing behind; a lead can join an existing customer', async () => {
    const lead = await sales1.db
      .from('leads')
      .insert({ tenant_id: co.tenantId, name: '周总', company: '周氏' })
      .select('id')
      .single()
    const id = lead.data?.id as string
    const before = await db.query('select count(*)::int as n from public.parties where tenant_id = $1', [
      co.tenantId,
    ])
    const taken = await sales1.db.rpc('convert_lead', { p_lead_id: id, p_party_code: 'C001' })
    expect(taken.error).toMatchObject({ code: 'TR600', hint: 'party_code' })
    const stranger = await sales1.db.rpc('convert_lead', { p_lead_id: id, p_party_id: crypto.randomUUID() })
    expect(stranger.error).toMatchObject({ code: 'TR602', hint: 'party_id' })
    const after = await db.query('select count(*)::int as n from public.parties where tenant_id = $1', [
      co.tenantId,
    ])
    expect(after.rows[0].n).toBe(before.rows[0].n)
    const linked = await sales1.db.rpc('convert_lead', { p_lead_id: id, p_party_id: partyId })
    expect(linked.error).toBeNull()
    expect(linked.data).toMatchObject({ party_id: partyId, party_created: false })
    const lost = await sales1.db
      .from('leads')
      .insert({ tenant_id: co.tenantId, name: '吴', status: 'lost' })
      .select('id')
      .single()
    const refused = await sales1.db.rpc('convert_lead', { p_lead_id: lost.data?.id as string })
    expect(refused.error?.code).toBe('TR601')
  })
})

describe('opportunities and the pipeline', () => {
  it('the stage sets the probability, keeps history, and a won or lost stage closes the opportunity', async () => {
    const stages = await sales1.db.from('opportunity_stages').select('id, key, probability').order('position')
    const stage = (key: string) => stages.data?.find((s) => s.key === key)?.id as string
    expect(stages.data?.map((s) => s.key)).toEqual([
      'initial',
      'needs',
      'proposal',
      'negotiation',
      'won',
      'lost',
    ])
    const opp = await sales1.db
      .from('opportunities')
      .insert({
        tenant_id: co.tenantId,
        name: '年度采购',
        party_id: partyId,
        expected_amount: dec('12000.00'),
      })
      .select('id, probability, stage_id')
      .single()
    expect(opp.data).toMatchObject({ probability: 10, stage_id: stage('initial') })
    const id = opp.data?.id as string
    const moved = await sales1.db
      .from('opportunities')
      .update({ stage_id: stage('proposal') })
      .eq('id', id)
      .select('probability')
      .single()
    expect(moved.data?.probability).toBe(50)
    const own = await sales1.db
      .from('opportunities')
      .update({ stage_id: stage('negotiation'), probability: 60 })
      .eq('id', id)
      .select('probability')
      .single()
    expect(own.data?.probability).toBe(60)
    const notMine = await sales2.db
      .from('opportunities')
      .update({ probability: 99 })
      .eq('id', id)
      .select('id')
    expect(notMine.data).toEqual([])
    const won = await sales1.db
      .from('opportunities')
      .update({ stage_id: stage('won') })
      .eq('id', id)
      .select('probability, closed_at')
      .single()
    expect(won.data?.probability).toBe(100)
    expect(won.data?.closed_at).not.toBeNull()
    const reopen = await sales1.db
      .from('opportunities')
      .update({ stage_id: stage('initial') })
      .eq('id', id)
    expect(reopen.error?.code).toBe('TR605')
    const history = await sales1.db
      .from('opportunity_stage_history')
      .select('to_stage_id, probability, changed_by')
      .eq('opportunity_id', id)
      .order('id')
    expect(history.data?.map((h) => [h.to_stage_id, h.probability])).toEqual([
      [stage('initial'), 10],
      [stage('proposal'), 50],
      [stage('negotiation'), 60],
      [stage('won'), 100],
    ])
    expect(history.data?.every((h) => h.changed_by === sales1.user.id)).toBe(true)
    const forged = await sales1.db
      .from('opportunity_stage_history')
      .insert({ tenant_id: co.tenantId, opportunity_id: id, to_stage_id: stage('lost'), probability: 0 })
    expect(forged.error?.code).toBe('42501')
    const stageEdit = await sales1.db
      .from('opportunity_stages')
      .update({ probability: 20 })
      .eq('key', 'needs')
      .select('id')
    expect(stageEdit.data).toEqual([])
  })
})

describe('quotations', () => {
  async function draft(extra: Record<string, unknown> = {}) {
    const q = await sales1.db
      .from('quotations')
      .insert({ tenant_id: co.tenantId, party_id: partyId, valid_until: shanghaiDay(30), ...extra })
      .select('id, number, status')
      .single()
    if (q.error) throw new Error(q.error.message)
    return q.data
  }

  it('numbers per month, amounts from the VAT rule whatever the client sends, totals kept in SQL', async () => {
    const q = await draft()
    expect(q.number).toMatch(new RegExp(`^QT-${shanghaiDay(0).slice(0, 7).replace('-', '')}-\\d{4}$`))
    const forged = await sales1.db.from('quotation_lines').insert({
      tenant_id: co.tenantId,
      quotation_id: q.id,
      item_id: itemId,
      quantity: dec('1'),
      unit_price: dec('10'),
      amount: '1.00',
    } as never)
    expect(forged.error?.code).toBe('42501')
    // 2 箱 (24 个) at 113.00 a box, tax inclusive at the item's 13 %: 226.00 = 200.00 + 26.00
    const line = await sales1.db
      .from('quotation_lines')
      .insert({
        tenant_id: co.tenantId,
        quotation_id: q.id,
        item_id: itemId,
        quantity: dec('2'),
        unit: '箱',
        unit_price: dec('113'),
      })
      .select('line_no, unit_factor, tax_rate, amount, tax, total')
      .single()
    expect(line.data).toEqual({
      line_no: 1,
      unit_factor: 12,
      tax_rate: 0.13,
      amount: 200,
      tax: 26,
      total: 226,
    })
    const second = await sales1.db
      .from('quotation_lines')
      .insert({
        tenant_id: co.tenantId,
        quotation_id: q.id,
        item_id: itemId,
        quantity: dec('3'),
        unit_price: dec('9.99'),
        discount: dec('0.97'),
        tax_rate: dec('0.06'),
      })
      .select('line_no, unit, amount, tax')
      .single()
    // 29.97 − 0.97 = 29.00 gross; 29.00 / 1.06 = 27.36; tax 1.64
    expect(second.data).toEqual({ line_no: 2, unit: '个', amount: 27.36, tax: 1.64 })
    const header = await sales1.db.from('quotations').select('amount, tax, total').eq('id', q.id).single()
    expect(header.data).toEqual({ amount: 227.36, tax: 27.64, total: 255 })
    const exclusive = await sales1.db
      .from('quotations')
      .update({ tax_inclusive: false })
      .eq('id', q.id)
      .select('amount, tax, total')
      .single()
    // 226.00 + 13 % = 29.38; 29.00 + 6 % = 1.74
    expect(exclusive.data).toEqual({ amount: 255, tax: 31.12, total: 286.12 })
    const writeTotals = await sales1.db
      .from('quotations')
      .update({ total: '1' } as never)
      .eq('id', q.id)
    expect(writeTotals.error?.code).toBe('42501')
    const contacts = await sales1.db.from('party_contacts').select('id').eq('party_id', partyId)
    const otherParty = await newParty(sales1.db, 'C-LINKS')
    const foreignContact = await sales1.db
      .from('quotations')
      .insert({ tenant_id: co.tenantId, party_id: otherParty, contact_id: contacts.data?.[0]?.id })
    expect(foreignContact.error).toMatchObject({ code: 'TR600', hint: 'contact_id' })
    const badUnit = await sales1.db.from('quotation_lines').insert({
      tenant_id: co.tenantId,
      quotation_id: q.id,
      item_id: itemId,
      quantity: dec('1'),
      unit: '吨',
      unit_price: dec('1'),
    })
    expect(badUnit.error).toMatchObject({ code: 'TR603', hint: 'unit' })
  })

  it('unit prices default from the price list: the customer, the tier, the unit, the side of tax', async () => {
    const noPrice = await draft()
    const none = await sales1.db
      .from('quotation_lines')
      .insert({ tenant_id: co.tenantId, quotation_id: noPrice.id, item_id: itemId, quantity: dec('1') })
    expect(none.error).toMatchObject({ code: 'TR600', hint: 'unit_price' })
    const prices = [
      { price: dec('100') },
      { price: dec('90'), party_id: partyId },
      { price: dec('80'), party_id: partyId, min_quantity: dec('10') },
      { price: dec('1000'), unit: '箱' },
      { price: dec('1'), valid_from: shanghaiDay(5) },
    ]
    for (const p of prices) {
      const r = await co.ownerClient
        .from('item_prices')
        .insert({ tenant_id: co.tenantId, item_id: itemId, valid_from: shanghaiDay(-1), ...p })
      expect(r.error).toBeNull()
    }
    const bySales = await sales1.db
      .from('item_prices')
      .insert({ tenant_id: co.tenantId, item_id: itemId, price: dec('1') })
    expect(bySales.error?.code).toBe('42501')
    const other = await newParty(sales1.db, 'C-PRICE')
    const priceOf = async (party: string, quantity: string, unit?: string, inclusive = true) => {
      const q = await draft({ party_id: party, tax_inclusive: inclusive })
      const line = await sales1.db
        .from('quotation_lines')
        .insert({
          tenant_id: co.tenantId,
          quotation_id: q.id,
          item_id: itemId,
          quantity: dec(quantity),
          unit,
        })
        .select('unit_price')
        .single()
      expect(line.error).toBeNull()
      return line.data?.unit_price
    }
    expect(await priceOf(partyId, '5')).toBe(90)
    expect(await priceOf(partyId, '10')).toBe(80)
    expect(await priceOf(partyId, '1', '箱')).toBe(1000)
    expect(await priceOf(other, '5')).toBe(100)
    // 90.00 with 13 % VAT, quoted without tax: 90 / 1.13 to 6 places
    expect(await priceOf(partyId, '5', undefined, false)).toBe(79.646018)
  })

  it('send, accept: only drafts change, an accepted quotation waits for its sales order', async () => {
    const empty = await draft()
    const noLines = await sales1.db.from('quotations').update({ status: 'accepted' }).eq('id', empty.id)
    expect(noLines.error?.code).toBe('TR605')
    const q = await draft()
    await sales1.db.from('quotation_lines').insert({
      tenant_id: co.tenantId,
      quotation_id: q.id,
      item_id: itemId,
      quantity: dec('1'),
      unit_price: dec('50'),
    })
    const sent = await sales1.db
      .from('quotations')
      .update({ status: 'sent' })
      .eq('id', q.id)
      .select('status, sent_at')
      .single()
    expect(sent.data?.sent_at).not.toBeNull()
    const lineEdit = await sales1.db.from('quotation_lines').insert({
      tenant_id: co.tenantId,
      quotation_id: q.id,
      item_id: itemId,
      quantity: dec('1'),
      unit_price: dec('1'),
    })
    expect(lineEdit.error?.code).toBe('TR604')
    const headerEdit = await sales1.db.from('quotations').update({ tax_inclusive: false }).eq('id', q.id)
    expect(headerEdit.error?.code).toBe('TR604')
    const accepted = await sales1.db
      .from('quotations')
      .update({ status: 'accepted' })
      .eq('id', q.id)
      .select('status, accepted_at, sales_order_id')
      .single()
    expect(accepted.data).toMatchObject({ status: 'accepted', sales_order_id: null })
    const back = await sales1.db.from('quotations').update({ status: 'draft' }).eq('id', q.id)
    expect(back.error?.code).toBe('TR605')
    const del = await co.ownerClient.from('quotations').delete().eq('id', q.id)
    expect(del.error?.code).toBe('TR604')
    const link = await sales1.db
      .from('quotations')
      .update({ sales_order_id: crypto.randomUUID() } as never)
      .eq('id', q.id)
    expect(link.error?.code).toBe('42501')
    const accountantReads = await accountant.db.from('quotations').select('number').eq('id', q.id)
    expect(accountantReads.data).toHaveLength(1)
    const accountantWrites = await accountant.db
      .from('quotations')
      .insert({ tenant_id: co.tenantId, party_id: partyId })
    expect(accountantWrites.error?.code).toBe('42501')
  })

  it('an expired quotation is not accepted; expire_quotations marks it; a draft is deleted with its lines', async () => {
    const q = await draft({ quote_date: shanghaiDay(-40), valid_until: shanghaiDay(-10) })
    await sales1.db.from('quotation_lines').insert({
      tenant_id: co.tenantId,
      quotation_id: q.id,
      item_id: itemId,
      quantity: dec('1'),
      unit_price: dec('50'),
    })
    const r = await sales1.db.from('quotations').update({ status: 'accepted' }).eq('id', q.id)
    expect(r.error).toMatchObject({ code: 'TR605', hint: 'valid_until' })
    const byEmployee = await employee.db.rpc('expire_quotations')
    expect(byEmployee.error?.code).toBe('TR104')
    const expired = await sales1.db.rpc('expire_quotations')
    expect(expired.data).toBe(1)
    const status = await sales1.db.from('quotations').select('status').eq('id', q.id).single()
    expect(status.data?.status).toBe('expired')
    const d = await draft()
    await sales1.db.from('quotation_lines').insert({
      tenant_id: co.tenantId,
      quotation_id: d.id,
      item_id: itemId,
      quantity: dec('1'),
      unit_price: dec('5'),
    })
    const del = await sales1.db.from('quotations').delete().eq('id', d.id).select('id')
    expect(del.data).toHaveLength(1)
    const lines = await db.query(
      'select count(*)::int as n from public.quotation_lines where quotation_id = $1',
      [d.id],
    )
    expect(lines.rows[0].n).toBe(0)
  })

  it('concurrent quotations get distinct, consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? sales1 : sales2).db
          .from('quotations')
          .insert({ tenant_id: co.tenantId, party_id: partyId })
          .select('number')
          .single(),
      ),
    )
    const numbers = results.map((r) => r.data?.number as string).sort()
    expect(new Set(numbers).size).toBe(12)
    const counters = numbers.map((n) => Number(n.slice(-4)))
    expect((counters.at(-1) ?? 0) - counters[0]).toBe(11)
  })
})

describe('follow-ups', () => {
  it('due today and overdue per salesperson; a later follow-up does the planned one', async () => {
    const other = await newParty(sales1.db, 'C002', { owner_id: sales1.user.id })
    const rows = [
      {
        party_id: partyId,
        content: '电话沟通报价',
        kind: 'call' as const,
        next_follow_up_on: shanghaiDay(-2),
        next_action: '回访',
      },
      { party_id: other, content: '上门拜访', kind: 'visit' as const, next_follow_up_on: shanghaiDay(0) },
      {
        party_id: other,
        content: '以后再说',
        kind: 'note' as const,
        next_follow_up_on: shanghaiDay(3),
        happened_at: new Date(Date.now() - 60_000).toISOString(),
      },
    ]
    for (const r of rows) {
      const ins = await sales1.db.from('follow_ups').insert({ tenant_id: co.tenantId, ...r })
      expect(ins.error).toBeNull()
    }
    const due = await sales1.db.rpc('my_follow_ups_due')
    expect(due.error).toBeNull()
    expect(due.data?.map((d) => [d.party_name, d.overdue, d.days_overdue])).toEqual([
      ['C001 有限公司', true, 2],
      ['C002 有限公司', false, 0],
    ])
    const nothingForSales2 = await sales2.db.rpc('my_follow_ups_due')
    expect(nothingForSales2.data).toEqual([])
    const managerView = await co.ownerClient
      .from('follow_ups_due')
      .select('owner_id, overdue')
      .order('due_on')
    expect(managerView.data).toEqual([
      { owner_id: sales1.user.id, overdue: true },
      { owner_id: sales1.user.id, overdue: false },
    ])
    // The visit to C002 was planned for today and then done: it leaves the list.
    const done = await sales1.db
      .from('follow_ups')
      .insert({ tenant_id: co.tenantId, party_id: other, content: '已拜访', kind: 'visit' })
    expect(done.error).toBeNull()
    const after = await sales1.db.rpc('my_follow_ups_due')
    expect(after.data?.map((d) => d.party_name)).toEqual(['C001 有限公司'])
    const last = await sales1.db
      .from('party_last_follow_ups')
      .select('content')
      .eq('party_id', other)
      .single()
    expect(last.data?.content).toBe('已拜访')
    const nobody = await sales1.db.from('follow_ups').insert({ tenant_id: co.tenantId, content: '无对象' })
    expect(nobody.error?.code).toBe('23514')
    const inTheirName = await sales2.db
      .from('follow_ups')
      .insert({ tenant_id: co.tenantId, party_id: partyId, content: 'x', owner_id: sales1.user.id })
    expect(inTheirName.error?.code).toBe('42501')
  })
})

describe('tickets', () => {
  it('numbered; satisfaction 1-5 only once resolved or closed; a closed ticket stays closed', async () => {
    const t = await sales1.db
      .from('tickets')
      .insert({ tenant_id: co.tenantId, party_id: partyId, subject: '杯子漏水', priority: 'high' })
      .select('id, number, status')
      .single()
    expect(t.data?.number).toMatch(/^TK-\d{6}-\d{4}$/)
    const id = t.data?.id as string
    const early = await sales1.db.from('tickets').update({ satisfaction: 5 }).eq('id', id)
    expect(early.error).toMatchObject({ code: 'TR606', hint: 'satisfaction' })
    const resolved = await sales1.db
      .from('tickets')
      .update({ status: 'resolved', satisfaction: 4, resolution: '换货' })
      .eq('id', id)
      .select('resolved_at, satisfaction')
      .single()
    expect(resolved.data?.satisfaction).toBe(4)
    expect(resolved.data?.resolved_at).not.toBeNull()
    const six = await sales1.db.from('tickets').update({ satisfaction: 6 }).eq('id', id)
    expect(six.error?.code).toBe('23514')
    await sales1.db.from('tickets').update({ status: 'closed' }).eq('id', id)
    const reopen = await sales1.db.from('tickets').update({ status: 'open' }).eq('id', id)
    expect(reopen.error?.code).toBe('TR604')
    const employeeOpens = await employee.db
      .from('tickets')
      .insert({ tenant_id: co.tenantId, party_id: partyId, subject: 'x' })
    expect(employeeOpens.error?.code).toBe('42501')
  })
})

describe('customer archive', () => {
  it('gathers contacts, quotations, the last follow-up and open tickets; fields for the ledger are there, empty', async () => {
    await sales1.db
      .from('tickets')
      .insert({ tenant_id: co.tenantId, party_id: partyId, subject: '发票抬头错误' })
    const { data, error } = await sales1.db.rpc('customer_archive', { p_party_id: partyId })
    expect(error).toBeNull()
    const a = data as Record<string, unknown> & {
      contacts: Array<{ name: string }>
      quotations: unknown[]
      open_tickets: Array<{ subject: string }>
      last_follow_up: { content: string } | null
    }
    expect(a.contacts.map((c) => c.name)).toEqual(['李四', '张三'])
    expect(a.quotations.length).toBeGreaterThan(3)
    expect(a.open_tickets.map((t) => t.subject)).toEqual(['发票抬头错误'])
    expect(a.last_follow_up?.content).toBe('电话沟通报价')
    expect(a).toHaveProperty('receivable_balance', null)
    const elsewhere = await newCompany('crm-other')
    const foreign = await elsewhere.ownerClient.rpc('customer_archive', { p_party_id: partyId })
    expect(foreign.error?.code).toBe('TR602')
  })
})

describe('sales managers (crm_team:update)', () => {
  it('a role of the company with crm_team:update edits the leads of colleagues and reassigns', async () => {
    const manager = await colleague(db, co.tenantId, 'sales', 'crm-manager')
    const role = await db.query(
      `insert into public.roles (tenant_id, key, name) values ($1, 'sales_manager', '销售经理') returning id`,
      [co.tenantId],
    )
    await db.query(
      `insert into public.role_permissions (tenant_id, role_id, resource, action) values ($1, $2, 'crm_team', 'update')`,
      [co.tenantId, role.rows[0].id],
    )
    const lead = await sales1.db
      .from('leads')
      .insert({ tenant_id: co.tenantId, name: '经理要接手的线索' })
      .select('id')
      .single()
    const before = await manager.db
      .from('leads')
      .update({ status: 'qualified' })
      .eq('id', lead.data?.id as string)
      .select('id')
    expect(before.data).toEqual([])
    await db.query('insert into public.membership_roles (tenant_id, user_id, role_id) values ($1, $2, $3)', [
      co.tenantId,
      manager.user.id,
      role.rows[0].id,
    ])
    const after = await manager.db
      .from('leads')
      .update({ status: 'qualified', owner_id: sales2.user.id })
      .eq('id', lead.data?.id as string)
      .select('status, owner_id')
    expect(after.data).toEqual([{ status: 'qualified', owner_id: sales2.user.id }])
    const back = await manager.db.rpc('reassign_customers', {
      p_from_user: sales2.user.id,
      p_to_user: sales1.user.id,
    })
    expect(back.error).toBeNull()
    expect((back.data as Record<string, number>).leads).toBeGreaterThanOrEqual(1)
  })
})

describe('reassignment', () => {
  it('moves open work in one step, audited; refuses salespeople and non-members', async () => {
    const leaving = await colleague(db, co.tenantId, 'sales', 'crm-leaving')
    const c = await newParty(leaving.db, 'C-LEAVE', { owner_id: leaving.user.id })
    await leaving.db.from('leads').insert({ tenant_id: co.tenantId, name: '开放线索' })
    await leaving.db.from('leads').insert({ tenant_id: co.tenantId, name: '丢失线索', status: 'lost' })
    await leaving.db.from('opportunities').insert({ tenant_id: co.tenantId, name: '商机', party_id: c })
    await leaving.db
      .from('follow_ups')
      .insert({ tenant_id: co.tenantId, party_id: c, content: '约下周', next_follow_up_on: shanghaiDay(7) })
    await leaving.db.from('follow_ups').insert({
      tenant_id: co.tenantId,
      party_id: c,
      content: '记录',
      happened_at: new Date(Date.now() - 3600_000).toISOString(),
    })
    await leaving.db.from('quotations').insert({ tenant_id: co.tenantId, party_id: c })

    const bySales = await sales1.db.rpc('reassign_customers', {
      p_from_user: leaving.user.id,
      p_to_user: sales2.user.id,
    })
    expect(bySales.error?.code).toBe('TR104')
    const stranger = await co.ownerClient.rpc('reassign_customers', {
      p_from_user: leaving.user.id,
      p_to_user: crypto.randomUUID(),
    })
    expect(stranger.error).toMatchObject({ code: 'TR607', hint: 'to_user' })
    // The salesperson has left the company already: their rows are still theirs until moved.
    await db.query('delete from public.memberships where tenant_id = $1 and user_id = $2', [
      co.tenantId,
      leaving.user.id,
    ])
    const moved = await co.ownerClient.rpc('reassign_customers', {
      p_from_user: leaving.user.id,
      p_to_user: sales2.user.id,
    })
    expect(moved.error).toBeNull()
    expect(moved.data).toEqual({
      parties: 1,
      leads: 1,
      opportunities: 1,
      follow_ups: 1,
      quotations: 1,
      tickets: 0,
    })
    const party = await sales2.db.from('parties').select('owner_id').eq('id', c).single()
    expect(party.data?.owner_id).toBe(sales2.user.id)
    const due = await sales2.db
      .from('follow_ups')
      .select('content, owner_id')
      .eq('party_id', c)
      .order('content')
    expect(due.data).toEqual([
      { content: '约下周', owner_id: sales2.user.id },
      { content: '记录', owner_id: leaving.user.id },
    ])
    const audit = await db.query(
      `select count(*)::int as n from public.audit_log where tenant_id = $1 and actor_id = $2 and action = 'update'
         and new_values ->> 'owner_id' = $3::text`,
      [co.tenantId, co.owner.user.id, sales2.user.id],
    )
    expect(audit.rows[0].n).toBe(5)
  })
})
