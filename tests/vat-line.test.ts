// public.vat_line: the per-line VAT rule every document uses (supabase/migrations/*_vat_lines.sql).
import { describe, expect, it } from 'vitest'
import { signedInUser, superuserDb } from './helpers/stack.ts'

async function line(args: Record<string, unknown>) {
  const { client } = await person
  const { data, error } = await client.rpc('vat_line', args as never)
  return { row: (data as Array<Record<string, number | string>> | null)?.[0], error }
}
const person = signedInUser('vat')

describe('vat_line', () => {
  it('splits a tax-inclusive line: 3 × 11.30 at 13 % is 30.00 + 3.90', async () => {
    const { row } = await line({ p_quantity: 3, p_unit_price: '11.30', p_rate: '0.13' })
    expect(row).toEqual({ amount: 30, tax: 3.9, total: 33.9 })
  })
  it('rounds each line: 1 × 10.00 inclusive at 13 % is 8.85 + 1.15', async () => {
    const { row } = await line({ p_quantity: 1, p_unit_price: '10', p_rate: '0.13' })
    expect(row).toEqual({ amount: 8.85, tax: 1.15, total: 10 })
  })
  it('adds tax to a tax-exclusive line after the discount', async () => {
    const { row } = await line({
      p_quantity: 3,
      p_unit_price: '10',
      p_rate: '0.13',
      p_tax_inclusive: false,
      p_discount: '1',
    })
    expect(row).toEqual({ amount: 29, tax: 3.77, total: 32.77 })
  })
  it('keeps the sign of a return line', async () => {
    const { row } = await line({ p_quantity: -2, p_unit_price: '11.30', p_rate: '0.13' })
    expect(row).toEqual({ amount: -20, tax: -2.6, total: -22.6 })
  })
  it('names the argument that is wrong', async () => {
    expect((await line({ p_quantity: 1, p_unit_price: '-1', p_rate: '0.13' })).error).toMatchObject({
      code: 'TR311',
      hint: 'unit_price',
    })
    expect((await line({ p_quantity: 1, p_unit_price: '1', p_rate: '1.3' })).error).toMatchObject({
      code: 'TR311',
      hint: 'tax_rate',
    })
    expect(
      (await line({ p_quantity: 1, p_unit_price: '5', p_rate: '0.13', p_discount: '6' })).error,
    ).toMatchObject({ code: 'TR311', hint: 'discount' })
  })
})

// The admin's live totals (admin/src/pages/documents/vat.ts) repeat this rule in the browser so that a
// total shows while typing; the database's figures are the ones saved. Both must agree to the cent.
describe('the admin copy of the rule', () => {
  it('gives the database’s amount, tax and total for a grid of lines', async () => {
    const { vatLine } = await import('../admin/src/pages/documents/vat.ts')
    const db = await superuserDb()
    try {
      const cases: Array<[string, string, string, boolean, string]> = []
      for (const quantity of ['1', '3', '2.5', '0.3333', '1000'])
        for (const price of ['10', '11.3', '10.005', '0.015', '99999.999999'])
          for (const rate of ['0.13', '0.09', '0.06', '0.03', '0.01', '0'])
            for (const inclusive of [true, false])
              for (const discount of ['0', '1', '0.05'])
                cases.push([quantity, price, rate, inclusive, discount])
      // one call per line: a line the database refuses (a discount beyond the line's value) must be
      // one the admin gives no total for
      const differ: unknown[] = []
      for (const c of cases) {
        const [q, p, r, i, d] = c
        const db_ = await db
          .query(
            `select amount::text, tax::text, total::text from public.vat_line($1::numeric, $2::numeric, $3::numeric, $4, $5::numeric)`,
            [q, p, r, i, d],
          )
          .then((res) => res.rows[0] as object)
          .catch((e: { code?: string }) => (e.code === 'TR311' ? null : Promise.reject(e)))
        const mine = vatLine(...c)
        if (JSON.stringify(mine) !== JSON.stringify(db_)) differ.push({ line: c, admin: mine, database: db_ })
      }
      expect(differ).toEqual([])
      expect(cases.length).toBe(900)
    } finally {
      await db.end()
    }
  })
})
