// The admin's exact decimal helpers (admin/src/lib/decimal.ts): totals rows and available quantities
// are computed on decimal strings through BigInt, never JS floats.
import { describe, expect, test } from 'vitest'
import { money, quantity } from '../../admin/src/components/Money.tsx'
import { fromUnits, subtractDecimal, sumDecimals, toUnits } from '../../admin/src/lib/decimal.ts'

describe('decimal strings', () => {
  test('sums exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3)
    expect(sumDecimals(['0.10', '0.20'])).toBe('0.30')
    expect(sumDecimals(['9999999999999999.99', '0.01'])).toBe('10000000000000000.00')
    expect(sumDecimals(['-5.25', '1.00', null, '', 3])).toBe('-1.25')
    expect(sumDecimals([])).toBe('0.00')
  })

  test('subtracts quantities at scale 4', () => {
    expect(subtractDecimal('10.0000', '2.5000')).toBe('7.5000')
    expect(subtractDecimal('1', '3')).toBe('-2.0000')
    expect(subtractDecimal('0.0001', '0')).toBe('0.0001')
  })

  test('units round-trip; junk counts as zero', () => {
    expect(toUnits('12.5', 4)).toBe(125000n)
    expect(toUnits('-0.05', 2)).toBe(-5n)
    expect(toUnits('abc', 2)).toBe(0n)
    expect(fromUnits(-5n, 2)).toBe('-0.05')
    expect(fromUnits(0n, 0)).toBe('0')
  })

  test('money and quantities for display', () => {
    expect(money('1234567.891')).toBe('1,234,567.89')
    expect(money(200)).toBe('200.00')
    expect(money(null)).toBe('')
    expect(quantity('12.5000')).toBe('12.5')
    expect(quantity(8)).toBe('8')
  })
})
