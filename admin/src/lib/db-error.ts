// Database errors in plain words: PostgREST returns our SQLSTATE (TR1xx …) as `code` and, for a bad
// field, its name as `hint`. Pure: the caller passes the translate function of the UI language.

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
// Codes whose `hint` is the name of the offending field.
const FIELD_CODES = new Set(['TR101', 'TR102'])

// Constraint errors name their column in the message: a check constraint `<table>_<column>_check`
// (Postgres' default name) or a not-null column.
function constraintField(error: DbError): string | undefined {
  const text = error.message ?? ''
  if (error.code === '23514')
    return /relation "(\w+)" violates check constraint "\1_(\w+)_check"/.exec(text)?.[2]
  if (error.code === '23502') return /null value in column "(\w+)"/.exec(text)?.[1]
  return undefined
}

function known(translate: Translate, key: string): string | undefined {
  const text = translate(key)
  return text === key ? undefined : text
}

export function readableDbError(error: DbError, translate: Translate): ReadableDbError {
  const code = error.code ?? ''
  const field = FIELD_CODES.has(code) && error.hint ? error.hint : constraintField(error)
  const serverText = error.message ?? ''
  const message =
    (field && known(translate, `errors.fields.${field}`)) ??
    known(translate, `errors.codes.${code}`) ??
    serverText
  return { message, field, statusCode: STATUS[code] ?? 400 }
}
