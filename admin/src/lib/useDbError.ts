// Shows a database error in plain words (lib/db-error.ts) as a notification: the pages that call RPCs
// directly (not through the data provider) use it.
import { useNotification, useTranslate } from '@refinedev/core'
import { useCallback } from 'react'
import { type DbError, readableDbError } from './db-error.ts'

export function useShowDbError() {
  const translate = useTranslate()
  const { open } = useNotification()
  return useCallback(
    (error: DbError, title = 'workbench.failed') => {
      const { message } = readableDbError(error, (key, params) => translate(key, params))
      open?.({ type: 'error', message: translate(title), description: message, key: 'workbench-error' })
      return message
    },
    [translate, open],
  )
}

/** A fresh idempotency key (crypto.randomUUID where the page is a secure context). */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}-${Math.random().toString(16).slice(2)}`
}

/**
 * Runs one database call of a screen: a refusal is shown in plain words and gives null; a success is
 * announced with the `success` message (a translation key) when one is given, and gives the call's data.
 */
export function useDbAction() {
  const translate = useTranslate()
  const { open } = useNotification()
  const showError = useShowDbError()
  return useCallback(
    async <T>(
      call: PromiseLike<{ data: T; error: DbError | null }>,
      success?: string,
    ): Promise<{ data: T } | null> => {
      const { data, error } = await call
      if (error) {
        showError(error)
        return null
      }
      if (success) open?.({ type: 'success', message: translate(success) })
      return { data }
    },
    [translate, open, showError],
  )
}
