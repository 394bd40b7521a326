// Message lookup with {{name}} interpolation; a key missing in one language falls back to English when
// English is loaded (the files are loaded by catalog.ts: the language in use before the app renders).
import { type Messages, messagesOf } from './catalog.ts'
import { type Locale, localeStore } from './locale.ts'

function lookup(messages: Messages | undefined, key: string): string | undefined {
  let node: string | Messages | undefined = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined
    node = node[part]
  }
  return typeof node === 'string' ? node : undefined
}

function interpolate(text: string, params: Record<string, unknown>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  )
}

/** Refine's calling convention: translate(key, params?, default?) or translate(key, default). */
export function translate(locale: Locale, key: string, options?: unknown, defaultMessage?: string): string {
  const params = typeof options === 'object' && options !== null ? (options as Record<string, unknown>) : {}
  const fallback = defaultMessage ?? (typeof options === 'string' ? options : undefined)
  const text = lookup(messagesOf(locale), key) ?? lookup(messagesOf('en'), key) ?? fallback ?? key
  return interpolate(text, params)
}

/** For code outside React (the auth provider): translates in the current language. */
export function t(key: string, params?: Record<string, unknown>): string {
  return translate(localeStore.get(), key, params)
}
