// 中文 / English switch; when signed in, the choice is also saved to the user's profile (profiles.locale).

import { TranslationOutlined } from '@ant-design/icons'
import { useTranslation, useUpdate } from '@refinedev/core'
import { Segmented, Space } from 'antd'
import { isLocale, LOCALES } from '../i18n/locale.ts'

export function LanguageSwitch({ userId }: { userId?: string }) {
  const { translate, changeLocale, getLocale } = useTranslation()
  const { mutate } = useUpdate()

  const onChange = (value: string) => {
    if (!isLocale(value)) return
    changeLocale(value)
    if (!userId) return
    mutate({
      resource: 'profiles',
      id: userId,
      values: { locale: value },
      successNotification: false,
      errorNotification: false,
    })
  }

  return (
    <Space size={4}>
      <TranslationOutlined aria-hidden />
      <Segmented
        data-testid="language-switch"
        aria-label={translate('language.label')}
        size="small"
        value={getLocale()}
        options={LOCALES.map((l) => ({ value: l, label: translate(`language.${l}`) }))}
        onChange={onChange}
      />
    </Space>
  )
}
