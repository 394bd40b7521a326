// public.vat_line: the per-line VAT rule every document uses (supabase/migrations/*_vat_lines.sql).
import { describe, expect, it } from 'vitest'
import { signedInUser } from './helpers/stack.ts'

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
