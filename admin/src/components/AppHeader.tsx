// Top bar of the signed-in area: the company switcher, the language switch and the signed-in user.
import { UserOutlined } from '@ant-design/icons'
import { useGetIdentity } from '@refinedev/core'
import { Avatar, Layout, Space, Typography, theme } from 'antd'
import type { Identity } from '../providers/authProvider.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { TenantSwitcher } from './TenantSwitcher.tsx'

export function AppHeader() {
  const { token } = theme.useToken()
  const { data: identity } = useGetIdentity<Identity | null>()
  return (
    <Layout.Header
      style={{
        backgroundColor: token.colorBgElevated,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        padding: '0 24px',
        height: 64,
        position: 'sticky',
        top: 0,
        zIndex: 1,
      }}
    >
      <div style={{ minWidth: 0 }}>
        <TenantSwitcher />
      </div>
      <Space size="large">
        <LanguageSwitch userId={identity?.id} />
        {identity && (
          <Space>
            <Avatar size="small" icon={<UserOutlined />} />
            <Typography.Text data-testid="header-user">{identity.email}</Typography.Text>
          </Space>
        )}
      </Space>
    </Layout.Header>
  )
}
