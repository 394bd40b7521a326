// Header menu of the person's companies: the current one with its trial state, the others to switch
// to, "new company" (the onboarding form) and leaving the current one (tenancy/LeaveCompanyDialog.tsx).
import { CheckOutlined, DownOutlined, LogoutOutlined, PlusOutlined, ShopOutlined } from '@ant-design/icons'
import { useGo, useNotification, useParsed, useTranslate } from '@refinedev/core'
import { Button, Dropdown, Flex, type MenuProps, Space, Typography } from 'antd'
import { Suspense, useState } from 'react'
import { lazyNamed } from '../lazyNamed.ts'
import { useMyTenants } from '../tenancy/useMyTenants.ts'
import { useSwitchTenant } from '../tenancy/useSwitchTenant.ts'
import { TenantStatusTag } from './TenantStatusTag.tsx'

const NEW_COMPANY = 'new-company'
const LEAVE = 'leave-company'
const RECORD_ACTIONS = new Set(['show', 'edit', 'clone'])
const SWITCH_TOAST = 'tenant-switch'
const LeaveCompanyDialog = lazyNamed(() => import('../tenancy/LeaveCompanyDialog.tsx'), 'LeaveCompanyDialog')

export function TenantSwitcher() {
  const translate = useTranslate()
  const { tenants, active } = useMyTenants()
  const switchTenant = useSwitchTenant()
  const { open } = useNotification()
  const go = useGo()
  const { resource, action } = useParsed()
  const [switching, setSwitching] = useState(false)
  const [leaving, setLeaving] = useState(false)
  if (!active) return null

  const onSwitch = async (tenantId: string) => {
    const target = tenants.find((t) => t.tenant_id === tenantId)
    if (!target || target.active) return
    // A record of one company has no meaning in another: leave its page for the list.
    if (resource?.list && action && RECORD_ACTIONS.has(action))
      go({ to: { resource: resource.name, action: 'list' } })
    setSwitching(true)
    try {
      await switchTenant(tenantId)
      // One toast for the latest switch, not a pile of them.
      open?.({
        key: SWITCH_TOAST,
        type: 'success',
        message: translate('tenantSwitcher.switched', { name: target.name }),
      })
    } catch (error) {
      open?.({
        key: SWITCH_TOAST,
        type: 'error',
        message: translate('tenantSwitcher.switchFailed'),
        description: (error as Error).message,
      })
      setSwitching(false)
    }
  }

  const items: MenuProps['items'] = [
    ...tenants.map((t) => ({
      key: t.tenant_id,
      icon: t.active ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
      label: (
        <Space>
          <span>{t.name}</span>
          <TenantStatusTag tenant={t} />
        </Space>
      ),
    })),
    { type: 'divider' as const },
    { key: NEW_COMPANY, icon: <PlusOutlined />, label: translate('tenantSwitcher.newCompany') },
    { key: LEAVE, icon: <LogoutOutlined />, label: translate('tenantSwitcher.leave'), danger: true },
  ]

  const onMenu = (key: string) => {
    if (key === NEW_COMPANY) go({ to: '/onboarding' })
    else if (key === LEAVE) setLeaving(true)
    else void onSwitch(key)
  }

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          selectedKeys: [active.tenant_id],
          onClick: ({ key }) => onMenu(key),
        }}
      >
        <Button
          type="text"
          loading={switching}
          aria-label={translate('tenantSwitcher.label')}
          data-testid="tenant-switcher"
          style={{ maxWidth: '100%' }}
        >
          <Flex align="center" gap={8} style={{ minWidth: 0 }}>
            {!switching && <ShopOutlined />}
            <Typography.Text strong data-testid="current-tenant" ellipsis style={{ maxWidth: 360 }}>
              {active.name}
            </Typography.Text>
            <TenantStatusTag tenant={active} />
            <DownOutlined style={{ fontSize: 10 }} />
          </Flex>
        </Button>
      </Dropdown>
      {leaving && (
        <Suspense fallback={null}>
          <LeaveCompanyDialog company={active} onClose={() => setLeaving(false)} />
        </Suspense>
      )}
    </>
  )
}
