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

/** Normalise a plain decimal string; null when invalid. */
export function normDecimal(s: string): string | null {
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
