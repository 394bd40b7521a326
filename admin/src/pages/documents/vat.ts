// The database's VAT line rule (public.vat_line, migration 20261128183900) on decimal strings, for the
// live totals of a document being entered: the same per-line rounding, so the figures typed match what
// the posting will store. Exact: BigInt fixed-point units, never a JS float. Pure.
//   tax-inclusive price: gross = round(quantity × price, 2) − discount; 金额 = round(gross / (1 + rate), 2);
//                        税额 = gross − 金额
//   tax-exclusive price: 金额 = round(quantity × price, 2) − discount; 税额 = round(金额 × rate, 2)
// Postgres rounds numeric half away from zero; so does roundDiv.
import { fromUnits, isNumber, toUnits } from '../../lib/decimal.ts'

export type VatLine = { amount: string; tax: string; total: string }

/** n / d rounded half away from zero (d > 0). */
export function roundDiv(n: bigint, d: bigint): bigint {
  const negative = n < 0n
  const a = negative ? -n : n
  const q = (a * 2n + d) / (2n * d)
  return negative ? -q : q
}

const Q = 4 // quantity scale
const P = 6 // price scale
const R = 4 // rate scale
const M = 2 // money scale

/**
 * One line's 金额, 税额 and 价税合计 (strings at scale 2); null when an input is missing or not a number, or
 * when the database would refuse the line (negative price or discount, rate outside 0..<1, a discount
 * beyond the line's value).
 */
export function vatLine(
  quantity: string | null | undefined,
  unitPrice: string | null | undefined,
  rate: string | null | undefined,
  taxInclusive: boolean,
  discount: string | null | undefined = '0',
): VatLine | null {
  if (!isNumber(quantity) || !isNumber(unitPrice) || !isNumber(rate)) return null
  if (discount && !isNumber(discount)) return null
  const q = toUnits(quantity, Q)
  const p = toUnits(unitPrice, P)
  const r = toUnits(rate, R)
  // round(q × p, 2): q·p is at scale Q+P
  const gross = roundDiv(q * p, 10n ** BigInt(Q + P - M)) - toUnits(discount || '0', M)
  // the lines public.vat_line refuses get no total here either (tests/vat-line.test.ts keeps them equal)
  const d = toUnits(discount || '0', M)
  if (p < 0n || r < 0n || r >= 10n ** BigInt(R) || d < 0n || (q >= 0n && gross < 0n)) return null
  let amount: bigint
  let tax: bigint
  if (taxInclusive) {
    const one = 10n ** BigInt(R)
    amount = roundDiv(gross * one, one + r)
    tax = gross - amount
  } else {
    amount = gross
    tax = roundDiv(gross * r, 10n ** BigInt(R))
  }
  return { amount: fromUnits(amount, M), tax: fromUnits(tax, M), total: fromUnits(amount + tax, M) }
}

/** The document totals: sums of the rounded lines (as on the 数电发票). */
export function vatTotals(lines: ReadonlyArray<VatLine | null>): VatLine {
  let amount = 0n
  let tax = 0n
  for (const l of lines) {
    if (!l) continue
    amount += toUnits(l.amount, M)
    tax += toUnits(l.tax, M)
  }
  return { amount: fromUnits(amount, M), tax: fromUnits(tax, M), total: fromUnits(amount + tax, M) }
}

/** The share of an order line's discount a partial delivery or invoice carries: round(d × q / ordered, 2). */
export function proportionalDiscount(discount: string, quantity: string, ordered: string): string {
  const o = toUnits(ordered, Q)
  if (o === 0n) return '0.00'
  return fromUnits(roundDiv(toUnits(discount, M) * toUnits(quantity, Q), o), M)
}

/** The unit price excluding tax a 数电发票 line shows: round(金额 / 数量, 6). */
export function unitPriceExcludingTax(amount: string, quantity: string): string {
  const q = toUnits(quantity, Q)
  if (q === 0n) return ''
  return fromUnits(roundDiv(toUnits(amount, M) * 10n ** BigInt(P + Q - M), q), P)
}
