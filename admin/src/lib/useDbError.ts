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
