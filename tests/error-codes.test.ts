// Every TR error code the database (or an edge function) raises has a wording in errors.codes of both UI
// languages, so a refused action never shows the server's English sentence alone. Plain Node: reads the
// migrations, policies and functions as text, no stack.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import en from '../admin/src/i18n/en.json'
import zhCN from '../admin/src/i18n/zh-CN.json'
import { readableDbError } from '../admin/src/lib/db-error.ts'
import { financeErrorText } from '../admin/src/pages/vouchers/financeError.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))

function files(dir: string, extension: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(extension))
    .map((f) => join(ROOT, dir, f))
}

const SOURCES = [
  ...files('supabase/migrations', '.sql'),
  ...files('policies', '.sql'),
  ...files('functions', '.ts'),
].map((path) => ({ path, text: readFileSync(path, 'utf8') }))

// The forms a TR code is raised in: `raise … using errcode = 'TRnnn'` (or `:=`), `raise sqlstate 'TRnnn'`,
// PostgREST's own error format built in SQL (`json_build_object('code', 'TRnnn', …)`, the pre-request
// check) and an edge function's answer (`jsonError(401, 'TRnnn', …)` or `code: 'TRnnn'`).
const RAISES = [
  /errcode\s*:?=\s*'(TR\d{3})'/gi,
  /raise\s+sqlstate\s+'(TR\d{3})'/gi,
  /'code'\s*,\s*'(TR\d{3})'/g,
  /jsonError\(\s*\d+\s*,\s*'(TR\d{3})'/g,
  /\bcode\s*:\s*'(TR\d{3})'/g,
]

const raised = new Map<string, string[]>()
const mentioned = new Set<string>()
for (const { path, text } of SOURCES) {
  for (const pattern of RAISES)
    for (const m of text.matchAll(pattern)) raised.set(m[1], [...(raised.get(m[1]) ?? []), path])
  for (const m of text.matchAll(/TR\d{3}/g)) mentioned.add(m[0])
}

const CODES: Record<string, Record<string, string>> = {
  'zh-CN': zhCN.errors.codes as Record<string, string>,
  en: en.errors.codes as Record<string, string>,
}

// A translate function like the app's (messages.ts): a dotted key into one language, {{name}} interpolated.
function translator(messages: unknown) {
  return (key: string, params: Record<string, unknown> = {}, fallback?: string): string => {
    let node = messages
    for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part]
    if (typeof node !== 'string') return fallback ?? key
    return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    )
  }
}

describe('TR error codes have a wording in every UI language', () => {
  it('finds the raise sites', () => {
    // A broken pattern must not make the checks below pass on nothing.
    expect(raised.size).toBeGreaterThan(100)
    expect(raised.has('TR730')).toBe(true)
    expect(raised.has('TR805')).toBe(true)
  })

  for (const [locale, codes] of Object.entries(CODES)) {
    it(`${locale}: every raised code has errors.codes.<code>`, () => {
      const missing = [...raised.keys()].filter((c) => typeof codes[c] !== 'string' || !codes[c].trim())
      expect(missing.sort()).toEqual([])
    })

    it(`${locale}: every code the sources mention (comments too) has errors.codes.<code>`, () => {
      const missing = [...mentioned].filter((c) => typeof codes[c] !== 'string' || !codes[c].trim())
      expect(missing.sort()).toEqual([])
    })

    it(`${locale}: the only placeholder is {{detail}}`, () => {
      const others = Object.entries(codes).flatMap(([code, text]) =>
        [...text.matchAll(/\{\{\s*(\w*)\s*\}\}/g)]
          .filter((m) => m[1] !== 'detail')
          .map(() => `${code}: ${text}`),
      )
      expect(others).toEqual([])
      // Unbalanced braces would show up as such in the UI.
      const broken = Object.entries(codes).filter(([, t]) =>
        t.replace(/\{\{\s*\w+\s*\}\}/g, '').match(/[{}]/),
      )
      expect(broken).toEqual([])
    })

    it(`${locale}: errors.codes keys are sorted`, () => {
      const keys = Object.keys(codes)
      expect(keys).toEqual([...keys].sort())
    })
  }

  it('both languages have the same errors.codes keys', () => {
    expect(Object.keys(CODES.en).sort()).toEqual(Object.keys(CODES['zh-CN']).sort())
  })

  it('a code uses {{detail}} in both languages or in neither', () => {
    const uneven = Object.keys(CODES.en).filter(
      (c) => CODES.en[c].includes('{{detail}}') !== CODES['zh-CN'][c]?.includes('{{detail}}'),
    )
    expect(uneven).toEqual([])
  })
})

describe('readableDbError', () => {
  const zh = translator(zhCN)
  const english = translator(en)

  it('puts the server sentence into a wording with {{detail}}', () => {
    expect(CODES['zh-CN'].TR675).toContain('{{detail}}')
    const error = { code: 'TR675', message: 'kind must be sales or purchase', hint: 'kind' }
    const zhText = readableDbError(error, zh)
    expect(zhText.message).toBe(CODES['zh-CN'].TR675.replace('{{detail}}', error.message))
    expect(zhText.message).toContain('kind must be sales or purchase')
    expect(zhText.message).not.toContain('{{')
    expect(zhText.field).toBe('kind')
    expect(readableDbError(error, english).message).toBe(`Invalid order data: ${error.message}`)
  })

  it('shows a one-meaning code in the UI language only', () => {
    expect(CODES['zh-CN'].TR510).not.toContain('{{')
    const error = {
      code: 'TR510',
      message: 'the requester cannot approve their own request',
      hint: 'user_id',
    }
    const text = readableDbError(error, zh)
    expect(text.message).toBe(CODES['zh-CN'].TR510)
    expect(text.message).not.toContain('requester')
    expect(text.field).toBe('user_id')
    expect(text.statusCode).toBe(400)
  })

  it('names the item and quantities of a stock shortage (its server sentence is kept)', () => {
    const error = {
      code: 'TR730',
      message: 'line 1: not enough A-1 in warehouse W1: 5 requested, 2 available',
      hint: 'lines[1].quantity',
    }
    const text = readableDbError(error, zh)
    expect(text.message).toBe(CODES['zh-CN'].TR730.replace('{{detail}}', error.message))
    expect(text.field).toBe('lines[1].quantity')
  })

  it('still gives the hinted field, and its own wording for the generic codes', () => {
    const error = { code: 'TR102', message: 'company name must have 1 to 200 characters', hint: 'name' }
    const text = readableDbError(error, zh)
    expect(text.field).toBe('name')
    expect(text.message).toBe(zhCN.errors.fields.name)
    // Without a wording for the field, the code's own (with the server's detail) is shown.
    const other = readableDbError(
      { ...error, message: 'a department cannot be placed under itself', hint: 'x' },
      zh,
    )
    expect(other.field).toBe('x')
    expect(other.message).toContain('a department cannot be placed under itself')
  })

  it('falls back to the server sentence for an unknown code', () => {
    const text = readableDbError({ code: 'TR999', message: 'something new', hint: 'f' }, zh)
    expect(text).toEqual({ message: 'something new', field: 'f', statusCode: 400 })
  })
})

describe('financeErrorText', () => {
  const zh = translator(zhCN)

  it('adds the server sentence once: in {{detail}}, or in parentheses after a fixed wording', () => {
    const detailed = {
      code: 'TR741',
      message: 'lines[2].quantity: must be more than zero',
      hint: 'lines[2].quantity',
    }
    const text = financeErrorText(detailed, zh)
    expect(text).toBe(CODES['zh-CN'].TR741.replace('{{detail}}', detailed.message))
    expect(text.split(detailed.message)).toHaveLength(2)
    const fixed = { code: 'TR702', message: 'voucher does not balance: debits 10, credits 9', hint: 'lines' }
    expect(financeErrorText(fixed, zh)).toBe(`${zhCN.vouchers.dbErrors.TR702}（${fixed.message}）`)
  })
})
