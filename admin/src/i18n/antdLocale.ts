// antd's component texts (pagination, date pickers, empty states) for each UI language. The ES modules:
// the CommonJS entry (antd/locale/zh_CN) reached the app as its module object, without the texts, and
// every antd component fell back to English.
import type { ConfigProviderProps } from 'antd'
import enUS from 'antd/es/locale/en_US'
import zhCN from 'antd/es/locale/zh_CN'
import type { Locale } from './locale.ts'

export const ANTD_LOCALES: Record<Locale, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': zhCN,
  en: enUS,
}
