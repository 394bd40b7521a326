// Byte decoding (BOM, UTF-8, GB18030/GBK, UTF-16, Latin-1) and the loose date / amount readers
// every format shares.

import { normDecimal } from './decimal.ts'

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'windows-1252'

export interface Decoded {
  text: string
  encoding: Encoding
}

/** Decoders made once (making one costs more than decoding a small file); fatal = refuse bad bytes. */
const decoders = new Map<string, TextDecoder>()
function decoder(enc: Encoding, fatal: boolean): TextDecoder {
  const key = fatal ? `${enc}!` : enc
  let d = decoders.get(key)
  if (!d) {
    d = new TextDecoder(enc, { fatal })
    decoders.set(key, d)
  }
  return d
}

function tryDecode(bytes: Uint8Array, enc: Encoding): string | null {
  try {
    return decoder(enc, true).decode(bytes)
  } catch {
    return null
  }
}

/** UTF-16 without BOM: every other byte is zero for mostly-ASCII text. */
function looksUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 2000) & ~1
  if (n < 4) return null
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le'
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be'
  return null
}

/**
 * Decode with BOM first, then UTF-16 sniffing, then the fallbacks in order. Western formats pass
 * ['windows-1252'] (ISO-8859-1 MT940 files), Chinese tables pass ['gb18030', 'windows-1252'].
 */
export function decodeBytes(bytes: Uint8Array, fallbacks: Encoding[]): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: decoder('utf-8', false).decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decoder('utf-16le', false).decode(bytes.subarray(2)), encoding: 'utf-16le' }
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decoder('utf-16be', false).decode(bytes.subarray(2)), encoding: 'utf-16be' }
  }
  const u16 = looksUtf16(bytes)
  if (u16) return { text: decoder(u16, false).decode(bytes), encoding: u16 }
  const utf8 = tryDecode(bytes, 'utf-8')
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' }
  for (const enc of fallbacks) {
    const t = tryDecode(bytes, enc)
    if (t !== null) return { text: t, encoding: enc }
  }
  return { text: decoder('windows-1252', false).decode(bytes), encoding: 'windows-1252' }
}

/** Latin-1 view of the first bytes, for format sniffing (all markers are ASCII). */
const sniffDecoder = new TextDecoder('windows-1252')

export function sniffText(bytes: Uint8Array, max = 4096): string {
  // the decoder instead of one string concatenation per byte (10× faster); 0x80–0x9F become their
  // windows-1252 characters, which no format marker uses
  return sniffDecoder.decode(bytes.subarray(0, Math.min(bytes.length, max)))
}

/** True when the bytes are not text at all (NULs or many control characters, not UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (looksUtf16(bytes)) return false
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false
  const n = Math.min(bytes.length, 8192)
  let bad = 0
  for (let i = 0; i < n; i++) {
    const b = bytes[i]
    if (b === 0) return true
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 26) bad++
  }
  return n > 0 && bad / n > 0.05
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return MONTH_DAYS[m - 1]
}

export function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export type LooseDate =
  | { kind: 'date'; iso: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'no-year'; month: number; day: number }
  | { kind: 'not-a-date' }

const YMD_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/
const COMPACT_RE = /^(\d{4})(\d{2})(\d{2})(?:[\sT]?\d{2}:?\d{2}(?::?\d{2})?)?$/
const XYY_RE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[\sT].*)?$/
const MD_RE = /^(\d{1,2})[-/](\d{1,2})$/

/** Day/month order of a column of "xx/yy/yyyy" dates: a first part above 12 means DMY. */
export function guessDateOrder(values: string[]): 'DMY' | 'MDY' | null {
  let dmy = false
  let mdy = false
  for (const v of values) {
    const m = XYY_RE.exec(v.trim())
    if (!m) continue
    if (Number(m[1]) > 12) dmy = true
    if (Number(m[2]) > 12) mdy = true
  }
  if (dmy && !mdy) return 'DMY'
  if (mdy && !dmy) return 'MDY'
  return null
}

/** 2026-01-05, 2026/1/5, 20260105, 2026.01.05, 2026年1月5日, 05/01/2026 (per order), 01/05 (no year). */
export function parseLooseDate(raw: string, order: 'YMD' | 'DMY' | 'MDY' = 'YMD'): LooseDate {
  const s = raw.trim()
  if (!s) return { kind: 'not-a-date' }
  let m = YMD_RE.exec(s) ?? COMPACT_RE.exec(s)
  if (m) {
    const iso = isoDate(Number(m[1]), Number(m[2]), Number(m[3]))
    return iso ? { kind: 'date', iso } : { kind: 'invalid', message: `"${s}" is not a calendar date` }
  }
  m = XYY_RE.exec(s)
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[2])]
    const [d, mo] = order === 'MDY' ? [b, a] : [a, b]
    const iso = isoDate(Number(m[3]), mo, d)
    return iso ? { kind: 'date', iso } : { kind: 'invalid', message: `"${s}" is not a calendar date` }
  }
  m = MD_RE.exec(s)
  if (m) {
    const mo = Number(m[1])
    const d = Number(m[2])
    if (mo < 1 || mo > 12 || d < 1 || d > 31) return { kind: 'invalid', message: `"${s}" is not a date` }
    return { kind: 'no-year', month: mo, day: d }
  }
  if (/^\d{4}[-/.年]\d{1,2}/.test(s) || /^\d{8}$/.test(s)) {
    return { kind: 'invalid', message: `"${s}" is not a date` }
  }
  return { kind: 'not-a-date' }
}

const CURRENCY_WORDS: Record<string, string> = {
  人民币: 'CNY',
  人民幣: 'CNY',
  RMB: 'CNY',
  CNY: 'CNY',
  美元: 'USD',
  港币: 'HKD',
  港元: 'HKD',
  港幣: 'HKD',
  日元: 'JPY',
  欧元: 'EUR',
  英镑: 'GBP',
}

/** 人民币 → CNY, "usd" → USD; null for 钞/汇 flags, dashes and unknown words. */
export function normCurrency(raw: string): string | null {
  const s = raw.trim()
  if (!s) return null
  const w = CURRENCY_WORDS[s] ?? CURRENCY_WORDS[s.toUpperCase()]
  if (w) return w
  return /^[A-Za-z]{3}$/.test(s) ? s.toUpperCase() : null
}

export type LooseAmount =
  | { kind: 'amount'; value: string; currency: string | null }
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }

/**
 * Reads "1,234.50", "-1,000.00", "+0.01", "¥28.16", "CNY 123.18", "CNY13.50", "131.77(已退款89.84)",
 * "(12.00)" accounting negatives, "1 234,56" is NOT guessed (comma is a thousands separator here).
 */
export function parseLooseAmount(raw: string): LooseAmount {
  let s = raw.replace(/[\s\u00a0\u3000]+/g, '')
  if (!s || s === '-' || s === '--' || s === '/' || s === '—') return { kind: 'empty' }
  let currency: string | null = null
  const cur = /^([A-Za-z]{3})(?=[-+\d.])/.exec(s) ?? /(?<=\d)([A-Za-z]{3})$/.exec(s)
  if (cur) {
    currency = cur[1].toUpperCase()
    s = s.replace(cur[1], '')
  }
  let neg = false
  const paren = /^\((.+)\)$/.exec(s)
  if (paren) {
    neg = true
    s = paren[1]
  }
  s = s.replace(/^([+-]?)[¥￥$€£]/, '$1').replace(/^[¥￥$€£]/, '')
  // a trailing note in parentheses ("131.77(已退款89.84)", "-3.90(CN)") is not part of the amount
  s = s.replace(/[(（][^)）]*[)）]$/, '')
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '')
  const v = normDecimal(s)
  if (v === null) return { kind: 'invalid', message: `"${raw.trim()}" is not an amount` }
  return { kind: 'amount', value: neg ? (v.startsWith('-') ? v.slice(1) : `-${v}`) : v, currency }
}

/** Remove control characters (binary junk in bank files) except TAB/CR/LF. */
export function stripControl(s: string): { text: string; removed: number } {
  // most files have none: one pass without a RegExp says so, and the text is returned as it is
  let any = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 127 || c === 0xfffd) {
      any = true
      break
    }
  }
  if (!any) return { text: s, removed: 0 }
  let removed = 0
  // biome-ignore lint/suspicious/noControlCharactersInRegex: this is exactly what it removes
  const text = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/g, () => {
    removed++
    return ''
  })
  return { text, removed }
}

/** Whitespace clean() would change: at either end, two in a row, or any but a plain space. */
const UNCLEAN = /^\s|\s$|\s\s|[^\S ]/

export function clean(s: string | null | undefined): string | null {
  if (s == null) return null
  // already clean: the string itself (one native test, no copy)
  if (!UNCLEAN.test(s)) return s === '' ? null : s
  const t = s.replace(/[\s\u00a0\u3000]+/g, ' ').trim()
  return t === '' ? null : t
}
