// One profile, read-only.
import { DateField, Show } from '@refinedev/antd'
import { useShow, useTranslate } from '@refinedev/core'
import { Descriptions, Typography } from 'antd'
import { DATE_TIME_FORMAT } from '../../lib/dates.ts'
import { LocaleText } from './LocaleText.tsx'
import type { Profile } from './types.ts'

export function ProfileShow() {
  const translate = useTranslate()
  const { result: profile, query } = useShow<Profile>()
  const label = (field: keyof Profile) => translate(`profiles.fields.${field}`)

  return (
    <Show isLoading={query.isLoading}>
      {profile && (
        <Descriptions
          column={1}
          bordered
          size="small"
          items={[
            {
              key: 'display_name',
              label: label('display_name'),
              children: profile.display_name || (
                <Typography.Text type="secondary">{translate('home.notSet')}</Typography.Text>
              ),
            },
            { key: 'locale', label: label('locale'), children: <LocaleText value={profile.locale} /> },
            { key: 'id', label: label('id'), children: <Typography.Text code>{profile.id}</Typography.Text> },
            {
              key: 'created_at',
              label: label('created_at'),
              children: <DateField value={profile.created_at} format={DATE_TIME_FORMAT} />,
            },
            {
              key: 'updated_at',
              label: label('updated_at'),
              children: <DateField value={profile.updated_at} format={DATE_TIME_FORMAT} />,
            },
          ]}
        />
      )}
    </Show>
  )
}
