// Home: who is signed in, their profile at a glance, a way to edit it.
import { DateField, EditButton } from '@refinedev/antd'
import { useGetIdentity, useOne, useTranslate } from '@refinedev/core'
import { Card, Descriptions, Spin, Typography } from 'antd'
import { DATE_TIME_FORMAT } from '../../lib/dates.ts'
import type { Identity } from '../../providers/authProvider.ts'
import type { Profile } from '../profiles/types.ts'

export function HomePage() {
  const translate = useTranslate()
  const { data: identity } = useGetIdentity<Identity | null>()
  const { result: profile, query } = useOne<Profile>({
    resource: 'profiles',
    id: identity?.id ?? '',
    queryOptions: { enabled: Boolean(identity?.id) },
    errorNotification: false,
  })
  const notSet = <Typography.Text type="secondary">{translate('home.notSet')}</Typography.Text>
  const displayName = query.isError ? (
    translate('home.noProfile')
  ) : profile ? (
    profile.display_name || notSet
  ) : (
    <Spin size="small" />
  )

  return (
    <Card>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {translate('home.welcome')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{translate('app.tagline')}</Typography.Paragraph>
      <Typography.Paragraph>
        {translate('home.signedInAs')}{' '}
        <Typography.Text strong data-testid="signed-in-email">
          {identity?.email}
        </Typography.Text>
      </Typography.Paragraph>
      <Descriptions
        column={1}
        bordered
        size="small"
        style={{ maxWidth: 640, marginBottom: 24 }}
        items={[
          {
            key: 'displayName',
            label: translate('home.fields.displayName'),
            children: displayName,
          },
          {
            key: 'lastSignIn',
            label: translate('home.fields.lastSignIn'),
            children: identity?.lastSignInAt ? (
              <DateField value={identity.lastSignInAt} format={DATE_TIME_FORMAT} />
            ) : (
              notSet
            ),
          },
          {
            key: 'userId',
            label: translate('home.fields.userId'),
            children: <Typography.Text code>{identity?.id}</Typography.Text>,
          },
        ]}
      />
      {identity && (
        <EditButton type="primary" resource="profiles" recordItemId={identity.id}>
          {translate('home.editProfile')}
        </EditButton>
      )}
    </Card>
  )
}
