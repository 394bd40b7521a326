// A stored locale code shown as the language's own name (中文 / English).
import { useTranslate } from '@refinedev/core'
import { Typography } from 'antd'
import { isLocale } from '../../i18n/locale.ts'

export function LocaleText({ value }: { value: string | null | undefined }) {
  const translate = useTranslate()
  if (!isLocale(value)) return <Typography.Text type="secondary">{value || '—'}</Typography.Text>
  return <>{translate(`language.${value}`)}</>
}
