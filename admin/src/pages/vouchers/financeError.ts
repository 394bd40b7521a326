// Database errors of the ledger, bank and report RPCs in plain words: the general wording
// (lib/db-error.ts, errors.codes.*) first looks in vouchers.dbErrors.<code> for the TR7xx/TR8xx codes
// of these modules, then the database's own sentence (which names the line and account) is added.
import { useNotification, useTranslate } from '@refinedev/core'
import { useCallback } from 'react'
import { type DbError, readableDbError } from '../../lib/db-error.ts'

type Translate = (key: string, params?: Record<string, unknown>, fallback?: string) => string

export function financeErrorText(error: DbError, translate: Translate): string {
  const own = (key: string, params?: Record<string, unknown>) => {
    const code = key.startsWith('errors.codes.') ? key.slice('errors.codes.'.length) : null
    if (code) {
      const text = translate(`vouchers.dbErrors.${code}`, params ?? {}, '')
      if (text && text !== `vouchers.dbErrors.${code}`) return text
    }
    return translate(key, params ?? {})
  }
  const { message } = readableDbError(error, own)
  const server = error.message ?? ''
  return server && !message.includes(server) ? `${message}（${server}）` : message
}

/** A notification with the readable error; returns the text for an inline alert too. */
export function useFinanceError() {
  const translate = useTranslate()
  const { open } = useNotification()
  return useCallback(
    (error: DbError) => {
      const text = financeErrorText(error, (k, p, f) => translate(k, p ?? {}, f ?? k))
      open?.({
        type: 'error',
        message: translate('workbench.failed'),
        description: text,
        key: 'finance-error',
      })
      return text
    },
    [translate, open],
  )
}
