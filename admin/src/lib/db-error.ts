// Database errors in plain words: PostgREST returns our SQLSTATE (TR1xx …) as `code` and, for a bad
// field, its name as `hint`. Pure: the caller passes the translate function of the UI language.
// A code used for several situations has a wording with {{detail}}: the server's own sentence (which names
// the field or line) goes there, after the category in the UI language.

export type DbError = { code?: string; message?: string; hint?: string | null; details?: string | null }
type Translate = (key: string, params?: Record<string, unknown>) => string

export type ReadableDbError = {
  /** The sentence to show, in the UI language when the code is known, else the server's own words. */
  message: string
  /** The form field the error belongs to, when the database named one. */
  field?: string
  /** An HTTP-like status for Refine's notification title. */
  statusCode: number
}

const STATUS: Record<string, number> = {
  TR100: 401,
  TR101: 400,
  TR102: 400,
  TR103: 403,
  TR104: 403,
  TR105: 403,
  TR106: 400,
  '42501': 403,
  '23503': 409,
  '23505': 409,
  '23502': 400,
  '23514': 400,
}
// Codes whose field-specific wording (errors.fields.<field>) says more than the code's own: the generic
// "invalid input" ones. Other codes (TR3xx, 23505) have their own wording; the field still gets it.
const FIELD_FIRST = new Set(['TR101', 'TR102', '23502', '23514'])

// Constraint errors name their column in the message: a check constraint `<table>_<column>_check`
// (Postgres' default name) or a not-null column.
function constraintField(error: DbError): string | undefined {
  const text = error.message ?? ''
  if (error.code === '23514')
    return /relation "(\w+)" violates check constraint "\1_(\w+)_check"/.exec(text)?.[2]
  if (error.code === '23502') return /null value in column "(\w+)"/.exec(text)?.[1]
  // Unique keys name their columns in `details`: Key (tenant_id, code)=(…) already exists.
  if (error.code === '23505')
    return /^Key \(([^)]+)\)=/
      .exec(error.details ?? '')?.[1]
      ?.split(', ')
      .filter((c) => c !== 'tenant_id')
      .at(-1)
  return undefined
}

function known(translate: Translate, key: string, params?: Record<string, unknown>): string | undefined {
  const text = translate(key, params)
  return text === key ? undefined : text
}

export function readableDbError(error: DbError, translate: Translate): ReadableDbError {
  const code = error.code ?? ''
  const hinted = code.startsWith('TR') && error.hint ? error.hint : undefined
  const field = hinted ?? constraintField(error)
  const serverText = error.message ?? ''
  const fieldText = field ? known(translate, `errors.fields.${field}`) : undefined
  const codeText = known(translate, `errors.codes.${code}`, { detail: serverText })
  const fieldFirst = FIELD_FIRST.has(code)
  const message = (fieldFirst ? (fieldText ?? codeText) : (codeText ?? fieldText)) ?? serverText
  return { message, field, statusCode: STATUS[code] ?? 400 }
}
