// postgres_changes filters: `column=op.value`, several joined by commas (AND), any negated with
// `not.`. Values may be quoted PostgREST-style ("a,b") as realtime-js's filter builder does.
// Filters are evaluated by Postgres itself, with the column's type, as Supabase Realtime does.

export type FilterOp =
  | 'eq'
  | 'neq'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'in'
  | 'like'
  | 'ilike'
  | 'match'
  | 'imatch'
  | 'is'
  | 'isdistinct'

export interface Filter {
  column: string
  op: FilterOp
  /** A scalar, the list of `in`, or null for `is.null`. */
  value: string | string[] | null
  negate: boolean
}

const OPS = new Set<string>([
  'eq',
  'neq',
  'lt',
  'lte',
  'gt',
  'gte',
  'in',
  'like',
  'ilike',
  'match',
  'imatch',
  'is',
  'isdistinct',
])

export type ParsedFilters = { ok: true; filters: Filter[] } | { ok: false; error: string }

export function parseFilters(input: string): ParsedFilters {
  if (input.trim() === '') return { ok: true, filters: [] }
  const filters: Filter[] = []
  for (const segment of splitTopLevel(input.trim(), ',')) {
    const parsed = parseSegment(segment.trim())
    if (typeof parsed === 'string') return { ok: false, error: `Error parsing \`filter\` params: ${parsed}` }
    filters.push(parsed)
  }
  return { ok: true, filters }
}

function parseSegment(segment: string): Filter | string {
  const eq = segment.indexOf('=')
  if (eq <= 0) return JSON.stringify([segment])
  const column = segment.slice(0, eq).trim()
  let rest = segment.slice(eq + 1)
  let negate = false
  if (rest.startsWith('not.')) {
    negate = true
    rest = rest.slice(4)
  }
  const dot = rest.indexOf('.')
  if (dot <= 0) return JSON.stringify([rest])
  const op = rest.slice(0, dot)
  const raw = rest.slice(dot + 1)
  if (!OPS.has(op)) return JSON.stringify([op, raw])
  if (op === 'in') {
    if (!raw.startsWith('(') || !raw.endsWith(')')) return '`in` filter value must be wrapped by parentheses'
    const items = splitTopLevel(raw.slice(1, -1), ',').map((item) => unquote(item.trim()))
    return { column, op, value: items, negate }
  }
  if (op === 'is') {
    const v = raw.toLowerCase()
    if (!['null', 'true', 'false', 'unknown'].includes(v)) return JSON.stringify([op, raw])
    return { column, op, value: v === 'null' ? null : v, negate }
  }
  return { column, op: op as FilterOp, value: unquote(raw), negate }
}

/** Splits on `sep` outside double quotes and parentheses. */
function splitTopLevel(input: string, sep: string): string[] {
  const parts: string[] = []
  let current = ''
  let depth = 0
  let quoted = false
  for (let i = 0; i < input.length; i++) {
    const c = input[i]
    if (quoted) {
      current += c
      if (c === '\\' && i + 1 < input.length) current += input[++i]
      else if (c === '"') quoted = false
    } else if (c === '"') {
      quoted = true
      current += c
    } else if (c === '(') {
      depth++
      current += c
    } else if (c === ')') {
      depth = Math.max(0, depth - 1)
      current += c
    } else if (c === sep && depth === 0) {
      parts.push(current)
      current = ''
    } else {
      current += c
    }
  }
  parts.push(current)
  return parts.filter((p) => p.trim() !== '')
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1')
  }
  return value
}

const COMPARISON: Partial<Record<FilterOp, string>> = {
  eq: '=',
  neq: '<>',
  lt: '<',
  lte: '<=',
  gt: '>',
  gte: '>=',
}
const TEXT_MATCH: Partial<Record<FilterOp, string>> = {
  like: 'like',
  ilike: 'ilike',
  match: '~',
  imatch: '~*',
}

/**
 * A boolean SQL expression testing one filter against a column value passed as a text parameter
 * (`col`, e.g. "$1"); `param` adds the filter's value as a parameter and returns its placeholder.
 * `castType` is the column's type as format_type() spells it. NULL counts as "does not match", as
 * Supabase does.
 */
export function filterSql(
  filter: Filter,
  castType: string,
  col: string,
  param: (value: unknown) => string,
): string {
  const column = `${col}::text::${castType}`
  let expr: string
  const comparison = COMPARISON[filter.op]
  const textMatch = TEXT_MATCH[filter.op]
  if (comparison) expr = `${column} ${comparison} ${param(filter.value)}::text::${castType}`
  else if (textMatch) expr = `${col}::text ${textMatch} ${param(filter.value)}::text`
  else if (filter.op === 'in') expr = `${column} = any(${param(filter.value)}::text[]::${castType}[])`
  else if (filter.op === 'isdistinct')
    expr = `${column} is distinct from ${param(filter.value)}::text::${castType}`
  else if (filter.value === null) expr = `${column} is null`
  else
    expr = `${column} is ${filter.value === 'true' ? 'true' : filter.value === 'false' ? 'false' : 'unknown'}`
  return filter.negate ? `coalesce(not (${expr}), false)` : `coalesce((${expr}), false)`
}
