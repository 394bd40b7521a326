// Between sign-in and the app: a person without a company goes to the onboarding form; one whose active
// company is unset (e.g. just invited) works in their first; the app below is remounted on every switch
// so that nothing of the previous company stays on screen.
import { useTranslate } from '@refinedev/core'
import { Button, Flex, Result, Spin } from 'antd'
import { Fragment, type ReactNode, useEffect, useRef } from 'react'
import { Navigate } from 'react-router'
import { useMyTenants } from './useMyTenants.ts'
import { useSwitchTenant } from './useSwitchTenant.ts'

function Loading() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '60vh' }}>
      <Spin size="large" />
    </Flex>
  )
}

export function TenantGate({ children }: { children: ReactNode }) {
  const translate = useTranslate()
  const { tenants, active, query } = useMyTenants()
  const switchTenant = useSwitchTenant()
  const choosing = useRef(false)
  const first = active ? undefined : tenants[0]?.tenant_id

  useEffect(() => {
    if (!first || choosing.current) return
    choosing.current = true
    switchTenant(first)
      .catch(() => query.refetch()) // the list may have changed meanwhile: decide again
      .finally(() => {
        choosing.current = false
      })
  }, [first, switchTenant, query.refetch])

  if (query.isPending) return <Loading />
  if (query.isError) {
    return (
      <Result
        status="error"
        title={translate('tenantGate.loadFailed')}
        subTitle={query.error.message}
        extra={<Button onClick={() => query.refetch()}>{translate('tenantGate.retry')}</Button>}
      />
    )
  }
  // An empty list may be stale (a company was just created): decide once the fresh one is in.
  if (tenants.length === 0) return query.isFetching ? <Loading /> : <Navigate to="/onboarding" replace />
  if (!active) return <Loading />
  return <Fragment key={active.tenant_id}>{children}</Fragment>
}
