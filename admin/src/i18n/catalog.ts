// The message files, one download per language: only the language in use is fetched (at boot, and on a
// switch before the screen changes), so the other's ~30 KB stay out of the first download.
import type { Locale } from './locale.ts'

export type Messages = { [key: string]: string | Messages }

const LOADERS: Record<Locale, () => Promise<{ default: Messages }>> = {
  'zh-CN': () => import('./zh-CN.json'),
  en: () => import('./en.json'),
}

const loaded: Partial<Record<Locale, Messages>> = {}
const loading: Partial<Record<Locale, Promise<void>>> = {}

/** Fetches a language's messages once; later calls resolve at once. */
export function loadMessages(locale: Locale): Promise<void> {
  loading[locale] ??= LOADERS[locale]().then(
    (module) => {
      loaded[locale] = module.default
    },
    (error: unknown) => {
      delete loading[locale] // a failed download (network) is tried again next time
      throw error
    },
  )
  return loading[locale]
}

/** The messages of a language, if loaded. */
export function messagesOf(locale: Locale): Messages | undefined {
  return loaded[locale]
}
