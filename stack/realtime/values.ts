// Column values: the replication stream gives each value in Postgres's text form; clients get them
// as to_jsonb() would render them (booleans, numbers, JSON, arrays, ISO timestamps), as Supabase
// Realtime sends them. Exception: numeric stays a string so that money keeps every digit.

export type ValueKind =
  | 'bool'
  | 'int'
  | 'int8'
  | 'float'
  | 'numeric'
  | 'json'
  | 'timestamp'
  | 'timestamptz'
  | 'text'

const KIND_BY_OID: Record<number, ValueKind> = {
  16: 'bool',
  20: 'int8',
  21: 'int',
  23: 'int',
  700: 'float',
  701: 'float',
  1700: 'numeric',
  114: 'json',
  3802: 'json',
  1114: 'timestamp',
  1184: 'timestamptz',
}

export const kindOfType = (baseOid: number): ValueKind => KIND_BY_OID[baseOid] ?? 'text'

export interface ValueType {
  kind: ValueKind
  /** Set for arrays: the element kind and the element type's delimiter. */
  element?: { kind: ValueKind; delimiter: string }
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export function toJson(text: string | null, type: ValueType): Json {
  if (text === null) return null
  if (type.element) {
    const parsed = parseArray(text, type.element.delimiter)
    if (parsed === undefined) return text
    const kind = type.element.kind
    const convert = (v: ArrayValue): Json =>
      Array.isArray(v) ? v.map(convert) : v === null ? null : scalar(v, kind)
    return convert(parsed)
  }
  return scalar(text, type.kind)
}

function scalar(text: string, kind: ValueKind): Json {
  switch (kind) {
    case 'bool':
      return text === 't' ? true : text === 'f' ? false : text
    case 'int':
      return Number(text)
    case 'int8': {
      const n = Number(text)
      return Number.isSafeInteger(n) ? n : text
    }
    case 'float': {
      const n = Number(text)
      return Number.isFinite(n) ? n : text
    }
    case 'json':
      try {
        return JSON.parse(text)
      } catch {
        return text
      }
    case 'timestamp':
      return /^\d{4,}-\d\d-\d\d \d/.test(text) ? text.replace(' ', 'T') : text
    case 'timestamptz':
      if (!/^\d{4,}-\d\d-\d\d \d/.test(text)) return text
      return text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00')
    default:
      return text
  }
}

type ArrayValue = string | null | ArrayValue[]

/** Parses an array literal such as {1,NULL,"a \"b\""} or [0:1]={{x},{y}}; undefined if malformed. */
export function parseArray(text: string, delimiter = ','): ArrayValue[] | undefined {
  let i = 0
  if (text.startsWith('[')) {
    const eq = text.indexOf('=')
    if (eq < 0) return undefined
    i = eq + 1
  }
  const parseLevel = (): ArrayValue[] | undefined => {
    if (text[i] !== '{') return undefined
    i++
    const out: ArrayValue[] = []
    if (text[i] === '}') {
      i++
      return out
    }
    for (;;) {
      if (text[i] === '{') {
        const nested = parseLevel()
        if (!nested) return undefined
        out.push(nested)
      } else if (text[i] === '"') {
        i++
        let value = ''
        while (i < text.length && text[i] !== '"') {
          if (text[i] === '\\') i++
          value += text[i++] ?? ''
        }
        if (text[i] !== '"') return undefined
        i++
        out.push(value)
      } else {
        let value = ''
        while (i < text.length && text[i] !== delimiter && text[i] !== '}') value += text[i++]
        out.push(value.trim().toUpperCase() === 'NULL' ? null : value.trim())
      }
      if (text[i] === delimiter) {
        i++
        continue
      }
      if (text[i] === '}') {
        i++
        return out
      }
      return undefined
    }
  }
  const result = parseLevel()
  return result && i === text.length ? result : undefined
}
