// Message lookup with {{name}} interpolation; a key missing in one language falls back to English.
import en from './en.json'
import { type Locale, localeStore } from './locale.ts'
import zhCN from './zh-CN.json'

type Messages = { [key: string]: string | Messages }
const MESSAGES: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

function lookup(messages: Messages, key: string): string | undefined {
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
  const text = lookup(MESSAGES[locale], key) ?? lookup(MESSAGES.en, key) ?? fallback ?? key
  return interpolate(text, params)
}

/** For code outside React (the auth provider): translates in the current language. */
export function t(key: string, params?: Record<string, unknown>): string {
  return translate(localeStore.get(), key, params)
}
