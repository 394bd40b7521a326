// Exact decimal arithmetic on the strings the database sends (numeric read as text), through BigInt in
// fixed-point units: a totals row or an available quantity never passes through a JS float. Pure.

const DECIMAL = /^(-)?(\d*)(?:\.(\d*))?$/

/** "12.5" at scale 4 → 125000n; anything unparsable counts as 0. */
export function toUnits(value: string | number | null | undefined, scale: number): bigint {
  if (value === null || value === undefined || value === '') return 0n
  const m = DECIMAL.exec(String(value).trim())
  if (!m) return 0n
  const [, sign = '', int = '', frac = ''] = m
  const units = BigInt(`${int || '0'}${frac.padEnd(scale, '0').slice(0, scale)}`)
  return sign ? -units : units
}

/** 125000n at scale 4 → "12.5000". */
export function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0')
  const whole = digits.slice(0, digits.length - scale)
  const frac = digits.slice(digits.length - scale)
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${frac}` : ''}`
}

/** The exact sum of decimal strings, with `scale` digits after the point. */
export function sumDecimals(values: ReadonlyArray<string | number | null | undefined>, scale = 2): string {
  return fromUnits(
    values.reduce<bigint>((sum, v) => sum + toUnits(v, scale), 0n),
    scale,
  )
}

/** a − b, exactly. */
export function subtractDecimal(
  a: string | number | null | undefined,
  b: string | number | null | undefined,
  scale = 4,
) {
  return fromUnits(toUnits(a, scale) - toUnits(b, scale), scale)
}

/** Compares two decimal strings: −1, 0 or 1. */
export function compareDecimal(
  a: string | number | null | undefined,
  b: string | number | null | undefined,
  scale = 6,
): number {
  const x = toUnits(a, scale)
  const y = toUnits(b, scale)
  return x < y ? -1 : x > y ? 1 : 0
}

/** A decimal number as a person may type it ("12", "-3.5", ".5"). */
export function isNumber(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\s*-?(\d+(\.\d*)?|\.\d+)\s*$/.test(value)
}
