// Refine's Supabase data provider, with database errors in plain words: a refused action shows what the
// database said in the UI language, and an error naming a field is shown on that field of the form.
import type { DataProvider, HttpError } from '@refinedev/core'
import { dataProvider } from '@refinedev/supabase'
import type { SupabaseClient } from '@supabase/supabase-js'
import { t } from '../i18n/messages.ts'
import { type DbError, readableDbError } from '../lib/db-error.ts'

function readable(error: unknown): unknown {
  const e = error as (HttpError & DbError) | null
  if (typeof e?.code !== 'string') return error
  const { message, field, statusCode } = readableDbError(e, t)
  return { ...e, message, statusCode, ...(field ? { errors: { [field]: [message] } } : {}) }
}

// biome-ignore lint/suspicious/noExplicitAny: wraps every data-provider method whatever its signature
function withReadableErrors<F extends (...args: any[]) => Promise<unknown>>(method: F): F {
  return (async (...args: Parameters<F>) => {
    try {
      return await method(...args)
    } catch (error) {
      throw readable(error)
    }
  }) as F
}

const METHODS = [
  'getList',
  'getMany',
  'getOne',
  'create',
  'createMany',
  'update',
  'updateMany',
  'deleteOne',
  'deleteMany',
] as const

export function createDataProvider(supabase: SupabaseClient): DataProvider {
  const base = dataProvider(supabase)
  const wrapped: DataProvider = { ...base }
  for (const name of METHODS) wrapped[name] = withReadableErrors(base[name]) as never
  return wrapped
}
