// Above every page of an expired company: why nothing can be added or changed.
import { useTranslate } from '@refinedev/core'
import { Alert } from 'antd'
import { useMyTenants } from '../tenancy/useMyTenants.ts'

export function ReadOnlyBanner() {
  const translate = useTranslate()
  const { active } = useMyTenants()
  if (active?.status !== 'expired') return null
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="read-only-banner"
      message={translate('readOnly.title')}
      description={translate('readOnly.description')}
      style={{ marginBottom: 16 }}
    />
  )
}
