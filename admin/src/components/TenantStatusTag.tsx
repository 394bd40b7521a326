// A company's state next to its name: days left of the trial (for its owner) or expired, read-only.
import { useTranslate } from '@refinedev/core'
import { Tag } from 'antd'
import type { MyTenant } from '../tenancy/types.ts'

export function TenantStatusTag({ tenant }: { tenant: MyTenant }) {
  const translate = useTranslate()
  if (tenant.status === 'expired') {
    return (
      <Tag color="error" data-testid="tenant-status" style={{ marginInlineEnd: 0 }}>
        {translate('tenantSwitcher.expired')}
      </Tag>
    )
  }
  if (tenant.status === 'trial' && tenant.trial_days_left !== null && tenant.role_keys.includes('owner')) {
    return (
      <Tag color="warning" data-testid="tenant-status" style={{ marginInlineEnd: 0 }}>
        {translate('tenantSwitcher.trialDaysLeft', { days: tenant.trial_days_left })}
      </Tag>
    )
  }
  return null
}
