// Refine's i18nProvider; rebuilt whenever the locale changes so that useTranslate() re-renders.
import type { I18nProvider } from '@refinedev/core'
import { isLocale, type Locale, localeStore } from './locale.ts'
import { translate } from './messages.ts'

export function createI18nProvider(locale: Locale): I18nProvider {
  return {
    translate: (key, options, defaultMessage) => translate(locale, key, options, defaultMessage),
    // Refine memoises changeLocale/getLocale once, so both go through the store, not this closure.
    changeLocale: (next: string) => {
      if (isLocale(next)) localeStore.set(next)
    },
    getLocale: () => localeStore.get(),
  }
}
