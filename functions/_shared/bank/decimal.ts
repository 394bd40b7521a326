// Exact decimal arithmetic on strings via BigInt, so money never passes through JS floats.

export interface Dec {
  units: bigint
  scale: number
}

const DEC_RE = /^([+-])?(\d*)(?:\.(\d*))?$/

/** Parse a plain decimal ("-1234.5", "+0.01", "12.", ".5"); null when it is not one. */
export function toDec(s: string): Dec | null {
  const m = DEC_RE.exec(s)
  if (!m || (!m[2] && !m[3])) return null
  const frac = m[3] ?? ''
  const units = BigInt((m[2] || '0') + frac)
  return { units: m[1] === '-' ? -units : units, scale: frac.length }
}

function rescale(d: Dec, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale)
}

export function addDec(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale)
  return { units: rescale(a, scale) + rescale(b, scale), scale }
}

export function negDec(a: Dec): Dec {
  return { units: -a.units, scale: a.scale }
}

export function cmpDec(a: Dec, b: Dec): number {
  const scale = Math.max(a.scale, b.scale)
  const x = rescale(a, scale)
  const y = rescale(b, scale)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Canonical text: no '+', no leading zeros, at least two decimals, no trailing zeros beyond that. */
export function fromDec(d: Dec): string {
  let { units, scale } = d
  while (scale > 2 && units % 10n === 0n) {
    units /= 10n
    scale--
  }
  if (scale < 2) {
    units *= 10n ** BigInt(2 - scale)
    scale = 2
  }
  const neg = units < 0n
  const digits = (neg ? -units : units).toString().padStart(scale + 1, '0')
  const text = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`
  return neg ? `-${text}` : text
}

/**
 * The string itself when it already is canonical (what fromDec would write: -?(0|[1-9]d*).dd, not
 * -0.00), else null. Most amounts in bank files are, and this skips the BigInt round trip for them.
 */
export function canonicalAmount(s: string): string | null {
  const n = s.length
  if (n < 4 || s.charCodeAt(n - 3) !== 46) return null
  let i = s.charCodeAt(0) === 45 ? 1 : 0
  const first = i
  let nonZero = false
  for (; i < n; i++) {
    if (i === n - 3) continue
    const c = s.charCodeAt(i)
    if (c < 48 || c > 57) return null
    if (c !== 48) nonZero = true
  }
  // no leading zero ("01.00"), at least one integer digit, no "-0.00"
  if (n - 3 === first) return null
  if (s.charCodeAt(first) === 48 && n - 3 > first + 1) return null
  if (first === 1 && !nonZero) return null
  return s
}

/** Normalise a plain decimal string; null when invalid. */
export function normDecimal(s: string): string | null {
  const plain = canonicalAmount(s)
  if (plain !== null) return plain
  const d = toDec(s)
  return d ? fromDec(d) : null
}

export function isNegative(s: string): boolean {
  return s.startsWith('-')
}

export function absDecimal(s: string): string {
  return s.startsWith('-') ? s.slice(1) : s
}

export function negateDecimal(s: string): string {
  if (/^-?0\.0+$/.test(s)) return s.replace('-', '')
  return s.startsWith('-') ? s.slice(1) : `-${s}`
}

export function sumDecimals(values: string[]): string {
  let acc: Dec = { units: 0n, scale: 0 }
  for (const v of values) {
    const d = toDec(v)
    if (d) acc = addDec(acc, d)
  }
  return fromDec(acc)
}

export function equalDecimals(a: string, b: string): boolean {
  const x = toDec(a)
  const y = toDec(b)
  return !!x && !!y && cmpDec(x, y) === 0
}
