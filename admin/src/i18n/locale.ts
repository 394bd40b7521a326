// The current UI language: one small store, persisted in localStorage, that also sets dayjs and <html lang>.
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { loadMessages } from './catalog.ts'

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'zh-CN'
export const LOCALE_STORAGE_KEY = 'troika.locale'

const DAYJS_LOCALES: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' }

export function isLocale(v: unknown): v is Locale {
  return typeof v === 'string' && (LOCALES as readonly string[]).includes(v)
}

function readStored(): Locale {
  try {
    const v = localStorage.getItem(LOCALE_STORAGE_KEY)
    return isLocale(v) ? v : DEFAULT_LOCALE
  } catch {
    return DEFAULT_LOCALE
  }
}

function apply(locale: Locale): void {
  dayjs.locale(DAYJS_LOCALES[locale])
  document.documentElement.lang = locale
}

let current: Locale = readStored()
let requested: Locale = current
apply(current)
const listeners = new Set<() => void>()

export const localeStore = {
  get(): Locale {
    return current
  },
  /** Switches once the language's messages are in (a screen never shows keys); the last call wins. */
  set(locale: Locale): void {
    requested = locale
    if (locale === current) return
    void loadMessages(locale).then(
      () => {
        if (requested !== locale) return
        current = locale
        try {
          localStorage.setItem(LOCALE_STORAGE_KEY, locale)
        } catch {
          // private mode or storage full: the choice then lasts for this page only
        }
        apply(locale)
        for (const listener of listeners) listener()
      },
      (error: unknown) => console.error(`messages for ${locale} could not be loaded`, error),
    )
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener)
    return () => listeners.delete(listener)
  },
}
