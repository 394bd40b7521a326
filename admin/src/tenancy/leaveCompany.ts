// Leaving the current company (leave_tenant): asked first, refused in plain words for its last owner
// (who hands over ownership on the members page first). Afterwards the person works in their next
// company, or is sent to create one (TenantGate decides). Loaded on first use: the header that offers it
// is part of every page's first download.
import type { BaseKey, useGo, useNotification, useTranslate } from '@refinedev/core'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { QueryClient } from '@tanstack/react-query'
import type { App } from 'antd'
import { readableDbError } from '../lib/db-error.ts'
import { reloadForTenant } from './cache.ts'

export interface LeaveContext {
  supabase: SupabaseClient
  queryClient: QueryClient
  modal: ReturnType<typeof App.useApp>['modal']
  translate: ReturnType<typeof useTranslate>
  open: ReturnType<typeof useNotification>['open']
  go: ReturnType<typeof useGo>
}

export function confirmLeave(company: { tenant_id: BaseKey; name: string }, ctx: LeaveContext): void {
  const { supabase, queryClient, modal, translate, open, go } = ctx
  modal.confirm({
    title: translate('tenantSwitcher.leaveConfirm', { name: company.name }),
    content: translate('tenantSwitcher.leaveWarning'),
    okText: translate('tenantSwitcher.leave'),
    okButtonProps: { danger: true, 'data-testid': 'leave-ok' } as never,
    cancelText: translate('buttons.cancel'),
    onOk: async () => {
      const { error } = await supabase.rpc('leave_tenant')
      if (error) {
        const { message } = readableDbError(error, (key, params) => translate(key, params))
        open?.({ type: 'error', message: translate('tenantSwitcher.leaveFailed'), description: message })
        return
      }
      open?.({ type: 'success', message: translate('tenantSwitcher.left', { name: company.name }) })
      go({ to: '/', type: 'replace' })
      await reloadForTenant(queryClient)
    },
  })
}
