// Profiles list (RLS shows the user's own row only). Placeholder for the generated CRUD pages.
import { DateField, EditButton, List, ShowButton, useTable } from '@refinedev/antd'
import { useTranslate } from '@refinedev/core'
import { Space, Table, Typography } from 'antd'
import { DATE_TIME_FORMAT } from '../../lib/dates.ts'
import { LocaleText } from './LocaleText.tsx'
import type { Profile } from './types.ts'

export function ProfileList() {
  const translate = useTranslate()
  const { tableProps } = useTable<Profile>({
    syncWithLocation: true,
    sorters: { initial: [{ field: 'created_at', order: 'desc' }] },
  })

  return (
    <List>
      <Table {...tableProps} rowKey="id">
        <Table.Column<Profile>
          dataIndex="display_name"
          title={translate('profiles.fields.display_name')}
          render={(v: Profile['display_name']) =>
            v || <Typography.Text type="secondary">{translate('home.notSet')}</Typography.Text>
          }
        />
        <Table.Column<Profile>
          dataIndex="locale"
          title={translate('profiles.fields.locale')}
          render={(v: Profile['locale']) => <LocaleText value={v} />}
        />
        <Table.Column<Profile>
          dataIndex="created_at"
          title={translate('profiles.fields.created_at')}
          sorter
          render={(v: string) => <DateField value={v} format={DATE_TIME_FORMAT} />}
        />
        <Table.Column<Profile>
          title={translate('table.actions')}
          render={(_, record) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={record.id} />
              <EditButton hideText size="small" recordItemId={record.id} />
            </Space>
          )}
        />
      </Table>
    </List>
  )
}
