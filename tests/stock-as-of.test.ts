// Stock valuation on a date: the stock on hand at the end of a day is the sum of the moves dated on or
// before it, at the costs they were booked at; without a date, what is on hand now. The drill-down
// (stock_on_hand) lists the items behind a row on the same date.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ledgerCompany, mustPost, shanghaiDay } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let n = 0
const key = () => `asof-${process.pid}-${n++}-${Date.now()}`
const [yesterday, today, tomorrow] = [shanghaiDay(-1), shanghaiDay(0), shanghaiDay(1)]

type Row = { warehouse_id: string; items: number; quantity: string; value: string }

async function valuation(args: { p_group?: string; p_as_of?: string }) {
  const { data, error } = await co.warehouse.db
    .rpc('stock_valuation', args as never)
    .select('warehouse_id, items, quantity:quantity::text, value:value::text')
  if (error) throw new Error(`${error.code} ${error.message}`)
  return data as unknown as Row[]
}

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'asof')
  const [a] = co.items
  // today: 10 in at 10.00; tomorrow: 4 out (at the average, 40.00) and 5 in at 12.00
  await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
    date: today,
    supplier_id: co.supplierId,
    lines: [{ item_id: a, quantity: '10', unit_cost: '10.00' }],
  })
  await mustPost(co.warehouse.db, 'delivery', key(), {
    date: tomorrow,
    customer_id: co.customerId,
    lines: [{ item_id: a, quantity: '4' }],
  })
  await mustPost(co.warehouse.db, 'purchase_receipt', key(), {
    date: tomorrow,
    supplier_id: co.supplierId,
    lines: [{ item_id: a, quantity: '5', unit_cost: '12.00' }],
  })
})
afterAll(async () => {
  await db?.end()
})

describe('stock valuation on a date', () => {
  it('is the sum of the moves up to the end of that day', async () => {
    expect(await valuation({ p_as_of: yesterday })).toEqual([])
    expect(await valuation({ p_as_of: today })).toEqual([
      { warehouse_id: co.warehouseId, items: 1, quantity: '10.0000', value: '100.00' },
    ])
    expect(await valuation({ p_as_of: tomorrow })).toEqual([
      { warehouse_id: co.warehouseId, items: 1, quantity: '11.0000', value: '120.00' },
    ])
  })

  it('without a date is what is on hand now, the same as the last day with moves', async () => {
    expect(await valuation({})).toEqual(await valuation({ p_as_of: tomorrow }))
    expect(await valuation({ p_group: 'category', p_as_of: today })).toMatchObject([
      { items: 1, quantity: '10.0000', value: '100.00' },
    ])
  })

  it('the items behind a row, on the same date, by warehouse and by category', async () => {
    const onHand = async (args: object) => {
      const { data, error } = await co.warehouse.db
        .rpc('stock_on_hand', args as never)
        .select('item_id, warehouse_id, category, quantity:quantity::text, value:value::text')
      if (error) throw new Error(`${error.code} ${error.message}`)
      return data
    }
    const row = { item_id: co.items[0], warehouse_id: co.warehouseId, category: '' }
    expect(await onHand({ p_as_of: today, p_warehouse: co.warehouseId })).toEqual([
      { ...row, quantity: '10.0000', value: '100.00' },
    ])
    expect(await onHand({ p_category: '' })).toEqual([{ ...row, quantity: '11.0000', value: '120.00' }])
    expect(await onHand({ p_category: '饮料' })).toEqual([])
    expect(await onHand({ p_as_of: yesterday })).toEqual([])
  })

  it('refuses an unknown grouping, naming the argument', async () => {
    const bad = await co.warehouse.db.rpc('stock_valuation', { p_group: 'colour', p_as_of: today } as never)
    expect(bad.error).toMatchObject({ code: 'TR757', hint: 'group' })
  })
})
