// antd's component texts (pagination, date pickers, empty states) for each UI language.
import type { ConfigProviderProps } from 'antd'
import enUS from 'antd/locale/en_US'
import zhCN from 'antd/locale/zh_CN'
import type { Locale } from './locale.ts'

export const ANTD_LOCALES: Record<Locale, NonNullable<ConfigProviderProps['locale']>> = {
  'zh-CN': zhCN,
  en: enUS,
}
